// OpenAPI paths of the analyst's workspace (actors, relations, graph) and of the feeds routes.
import { z } from 'zod';
import { FeedRecord } from './openapi-models.ts';
import {
  ActorAnswer,
  ActorEventsQuery,
  ActorSearchAnswer,
  ActorSearchQuery,
  GraphAnswer,
  GraphQuery,
  PartnersAnswer,
  PartnersQuery,
  RelationEventsQuery,
  RelationsAnswer,
  RelationsQuery,
} from './workspace/schemas.ts';

export function queryParameters(schema: z.ZodObject): object[] {
  const json = z.toJSONSchema(schema, { io: 'input' }) as {
    properties?: Record<string, object>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: prop,
  }));
}

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });
export const okJson = (schema: object, description = 'ok') => ({
  description,
  content: { 'application/json': { schema } },
});
const error = {
  description: 'error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const nameParam = {
  name: 'name',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'a name, alias, country or actor code, or entity id (Iran, Islamic Republic, IRN)',
};

export function workspacePaths(): Record<string, object> {
  return {
    '/api/actors': {
      get: {
        summary: 'Search known actors by name, alias, code or id',
        parameters: queryParameters(ActorSearchQuery),
        responses: { 200: okJson(json(ActorSearchAnswer)), 400: error },
      },
    },
    '/api/actors/{name}': {
      get: {
        summary: "An actor's canonical record, roles over time and event counts",
        parameters: [nameParam],
        responses: { 200: okJson(json(ActorAnswer)) },
      },
    },
    '/api/actors/{name}/partners': {
      get: {
        summary: "An actor's top partners by cooperation and by conflict",
        parameters: [nameParam, ...queryParameters(PartnersQuery)],
        responses: { 200: okJson(json(PartnersAnswer)), 400: error, 404: error },
      },
    },
    '/api/actors/{name}/events': {
      get: {
        summary: "An actor's events (either side), oldest first, with their evidence sentences",
        parameters: [nameParam, ...queryParameters(ActorEventsQuery)],
        responses: { 200: okJson({ $ref: '#/components/schemas/EventsPage' }), 400: error, 404: error },
      },
    },
    '/api/relations': {
      get: {
        summary:
          'Events between two actors per week or month (once per trace origin unless reports=all): quad classes, mean Goldstein, reports, independent origins',
        parameters: queryParameters(RelationsQuery),
        responses: { 200: okJson(json(RelationsAnswer)), 400: error, 404: error },
      },
    },
    '/api/relations/events': {
      get: {
        summary:
          'The events between two actors in a window, once per trace origin with their reports (every report with reports=all), with their evidence sentences',
        parameters: queryParameters(RelationEventsQuery),
        responses: { 200: okJson({ $ref: '#/components/schemas/EventsPage' }), 400: error, 404: error },
      },
    },
    '/api/graph': {
      get: {
        summary:
          'The actor graph of a window: nodes and undirected edges with quad-class counts, reports and independent origins',
        parameters: queryParameters(GraphQuery),
        responses: { 200: okJson(json(GraphAnswer)), 400: error },
      },
    },
    '/api/feeds': {
      get: {
        summary: 'Followed feeds and their health',
        responses: { 200: okJson(json(z.object({ items: z.array(FeedRecord) }))) },
      },
      post: {
        summary: 'Follow a feed (or the feed a page links to)',
        requestBody: {
          content: {
            'application/json': { schema: { type: 'object', properties: { url: { type: 'string' } } } },
          },
        },
        responses: { 200: okJson({ type: 'object' }), 201: okJson({ type: 'object' }), 400: error },
      },
    },
    '/api/feeds/import': {
      post: {
        summary: 'Follow the feeds of an OPML file (multipart, field "file")',
        requestBody: {
          content: {
            'multipart/form-data': {
              schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
            },
          },
        },
        responses: {
          200: okJson(json(z.object({ found: z.number(), added: z.number(), skipped: z.array(z.string()) }))),
          400: error,
        },
      },
    },
    '/api/feeds/export': {
      get: { summary: 'The followed feeds as OPML', responses: { 200: { description: 'OPML file' } } },
    },
    '/api/feeds/{id}': {
      delete: {
        summary: 'Stop following a feed',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: okJson({ type: 'object' }), 404: error },
      },
    },
    '/api/openapi.json': {
      get: { summary: 'This document', responses: { 200: okJson({ type: 'object' }) } },
    },
  };
}
