// OpenAPI paths for a user's own API tokens and for the discussion on stories; spread into the
// document by openapi.ts.
import { z } from 'zod';
import { NewCommentBody } from './routes/comments.ts';
import { NewTokenBody } from './routes/users.ts';
import { CommentAnswer, CommentsAnswer } from './openapi-accounts.ts';

const error = {
  description: 'error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const ok = (schema: object, description = 'ok') => ({
  description,
  content: { 'application/json': { schema } },
});
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const jsonBody = (schema: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } },
});
const writeErrors = { 401: error, 403: error };

const token = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'the first 16 hex digits of the token hash; revoke by it' },
    label: { type: 'string' },
    createdAt: { type: 'string' },
  },
  required: ['id', 'label', 'createdAt'],
};

export const TokensAnswer = {
  type: 'object',
  properties: { tokens: { type: 'array', items: token } },
  required: ['tokens'],
};

export function discussionPaths(): Record<string, object> {
  return {
    '/api/auth/tokens': {
      get: {
        summary: "The signed-in user's API tokens (ids and labels, never the tokens)",
        responses: { 200: ok(TokensAnswer), ...writeErrors },
      },
      post: {
        summary: 'A new API token for the signed-in user; the token is in this answer only',
        requestBody: jsonBody(NewTokenBody),
        responses: {
          201: ok({
            type: 'object',
            properties: { token: { type: 'string' }, ...token.properties },
            required: ['token', 'id', 'label', 'createdAt'],
          }),
          400: error,
          ...writeErrors,
        },
      },
    },
    '/api/auth/tokens/{id}': {
      delete: {
        summary: "Revoke one of the signed-in user's API tokens",
        parameters: [idParam],
        responses: { 204: { description: 'done, no content' }, 404: error, ...writeErrors },
      },
    },
    '/api/stories/{id}/comments': {
      get: {
        summary:
          'The discussion on a story (a group of traced reports); admins also see pending and spam; emails are never returned',
        parameters: [idParam],
        responses: { 200: ok(CommentsAnswer), 404: error },
      },
      post: {
        summary:
          'Comment on a story (plain text); a first comment from an unknown email waits for moderation (202)',
        parameters: [idParam],
        requestBody: jsonBody(NewCommentBody),
        responses: {
          201: ok(CommentAnswer, 'published'),
          202: ok(CommentAnswer, 'held for moderation'),
          400: error,
          404: error,
          429: error,
          ...writeErrors,
        },
      },
    },
  };
}
