// OpenAPI paths of copy families and stories (the trace stage's view of stored articles).
import { z } from 'zod';
import { okJson, queryParameters } from './openapi-workspace.ts';
import { FamilyAnswer, StoriesAnswer, StoriesQuery, StoryAnswer } from './workspace/story-schemas.ts';

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });
const error = {
  description: 'error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const idParam = (description: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description,
});

export function storyPaths(): Record<string, object> {
  return {
    '/api/documents/{id}/family': {
      get: {
        summary:
          "An article's copy family: its origin, then every copy with its parent, relation, shared share and what it added or dropped",
        parameters: [idParam('a stored article id')],
        responses: { 200: okJson(json(FamilyAnswer)), 404: error },
      },
    },
    '/api/stories': {
      get: {
        summary: 'The stories of listed articles, with how many articles and independent origins each has',
        parameters: queryParameters(StoriesQuery),
        responses: { 200: okJson(json(StoriesAnswer)), 400: error },
      },
    },
    '/api/stories/{id}': {
      get: {
        summary: 'A story: its independent origins and their copies, with counts of copies and origins',
        parameters: [idParam('a story id (the id of its first article)')],
        responses: { 200: okJson(json(StoryAnswer)), 404: error },
      },
    },
  };
}
