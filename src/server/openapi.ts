// The OpenAPI 3.1 description of the HTTP API, derived from the same zod schemas the routes use.
import { z } from 'zod';
import { Reading } from '../model/index.ts';
import { AddBody, AnalyzeBody, EventsQuery, ListQuery, QuotesQuery } from './schemas.ts';
import {
  AddAnswer,
  DocumentsPage,
  EventsPage,
  MentionsPage,
  QuotesPage,
  StoredDocument,
} from './openapi-models.ts';
import { workspacePaths } from './openapi-workspace.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'output', unrepresentable: 'any' });

function queryParameters(schema: z.ZodObject): object[] {
  const json = z.toJSONSchema(schema, { io: 'input' }) as { properties?: Record<string, object> };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => ({
    name,
    in: 'query',
    required: false,
    schema: prop,
  }));
}

const error = {
  description: 'error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const ok = (schema: object, description = 'ok') => ({
  description,
  content: { 'application/json': { schema } },
});
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

export function openApiDocument(): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'sitrep',
      version: '0.1.0',
      description: 'Self-hosted news intelligence: articles, entities, quotes and events.',
    },
    paths: {
      '/api/documents': {
        get: {
          summary: 'List stored articles (newest first) or search them with q',
          parameters: queryParameters(ListQuery),
          responses: { 200: ok(schema(DocumentsPage)), 400: error },
        },
        post: {
          summary: 'Add a page by URL, HTML, text (JSON) or file upload (multipart, field "file")',
          requestBody: {
            content: {
              'application/json': { schema: z.toJSONSchema(AddBody, { io: 'input' }) },
              'multipart/form-data': {
                schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
              },
            },
          },
          responses: {
            201: ok(schema(AddAnswer), 'added'),
            200: ok(schema(AddAnswer), 'already stored'),
            400: error,
            413: error,
            415: error,
            422: error,
            502: error,
          },
        },
      },
      '/api/documents/{id}': {
        get: {
          summary: 'A stored article with its reading',
          parameters: [idParam],
          responses: { 200: ok(ref('StoredDocument')), 404: error },
        },
        delete: {
          summary: 'Delete a stored article',
          parameters: [idParam],
          responses: { 200: ok(schema(z.object({ deleted: z.boolean() }))), 404: error },
        },
      },
      '/api/documents/{id}/raw': {
        get: {
          summary: 'The page as received (as text/plain)',
          parameters: [idParam],
          responses: { 200: { description: 'raw bytes' }, 404: error },
        },
      },
      '/api/analyze': {
        post: {
          summary: 'Read a text or page without storing it',
          requestBody: {
            content: { 'application/json': { schema: z.toJSONSchema(AnalyzeBody, { io: 'input' }) } },
          },
          responses: { 200: ok({ $ref: '#/components/schemas/Reading' }), 400: error, 422: error },
        },
      },
      '/api/quotes': {
        get: {
          summary: 'Stored quotes',
          parameters: queryParameters(QuotesQuery),
          responses: { 200: ok(schema(QuotesPage)), 400: error },
        },
      },
      '/api/events': {
        get: {
          summary: 'Stored events',
          parameters: queryParameters(EventsQuery),
          responses: { 200: ok(ref('EventsPage')), 400: error },
        },
      },
      '/api/actors/{name}/mentions': {
        get: {
          summary: 'Stored articles mentioning an actor',
          parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: ok(schema(MentionsPage)) },
        },
      },
      '/api/health': { get: { summary: 'Liveness', responses: { 200: ok({ type: 'object' }) } } },
      ...workspacePaths(),
    },
    components: {
      schemas: {
        Reading: z.toJSONSchema(Reading),
        EventsPage: schema(EventsPage),
        StoredDocument: schema(StoredDocument),
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: { code: { type: 'string' }, message: { type: 'string' } },
              required: ['code', 'message'],
            },
          },
          required: ['error'],
        },
      },
    },
  };
}
