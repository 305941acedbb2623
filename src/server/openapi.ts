// The OpenAPI 3.1 description of the HTTP API, derived from the same zod schemas the routes use.
import { z } from 'zod';
import { Reading } from '../model/index.ts';
import {
  AddBody,
  AddFeedBody,
  AnalyzeBody,
  EventsQuery,
  ExportQuery,
  ListQuery,
  MentionsQuery,
  QuotesQuery,
} from './schemas.ts';
import { LoginBody } from './routes/auth.ts';
import { EditCommentBody, ModerationQuery, NewCommentBody } from './routes/comments.ts';
import { NewTokenBody, NewUserBody } from './routes/users.ts';
import {
  AddAnswer,
  DocumentsPage,
  EventsPage,
  MentionsPage,
  QuotesPage,
  StoredDocument,
} from './openapi-models.ts';
import { workspacePaths } from './openapi-workspace.ts';
import { discussionPaths } from './openapi-discussion.ts';
import { storyPaths } from './openapi-stories.ts';
import { CommentAnswer, CommentsAnswer, LoginAnswer, MeAnswer, UsersAnswer } from './openapi-accounts.ts';

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
const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const idParam = pathParam('id');
const jsonBody = (schema: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } },
});
/** Every write needs a session cookie or a token, and is refused from another origin. */
const writeErrors = { 401: error, 403: error };
const nothing = { description: 'done, no content' };
const moderation = (summary: string) => ({
  post: {
    summary,
    parameters: [idParam],
    responses: { 200: ok(CommentAnswer), 404: error, ...writeErrors },
  },
});

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
          summary: 'Add a page (analyst) by URL, HTML, text (JSON) or file upload (multipart, field "file")',
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
            ...writeErrors,
          },
        },
      },
      '/api/documents/{id}': {
        get: {
          summary:
            'A stored article with its reading (events above the confidence threshold unless allEvents=true)',
          parameters: [
            idParam,
            {
              name: 'allEvents',
              in: 'query',
              required: false,
              schema: { type: 'string', enum: ['true', 'false'] },
            },
          ],
          responses: { 200: ok(ref('StoredDocument')), 404: error },
        },
        delete: {
          summary: 'Delete a stored article (analyst)',
          parameters: [idParam],
          responses: { 200: ok(schema(z.object({ deleted: z.boolean() }))), 404: error, ...writeErrors },
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
          responses: {
            200: ok({ $ref: '#/components/schemas/Reading' }),
            400: error,
            422: error,
            ...writeErrors,
          },
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
          parameters: [pathParam('name'), ...queryParameters(MentionsQuery)],
          responses: { 200: ok(schema(MentionsPage)), 400: error },
        },
      },
      '/api/actors/{name}': {
        get: {
          summary: 'What the knowledge base knows of an actor (null when nothing)',
          parameters: [pathParam('name')],
          responses: { 200: ok({ type: 'object' }) },
        },
      },
      '/api/status': {
        get: {
          summary:
            'Documents and how fast they arrive (last minute, last hour), feed health, and the job queue: waiting, running, retrying and failed jobs (read-only)',
          responses: { 200: ok({ type: 'object' }) },
        },
      },
      '/api/feeds': {
        get: { summary: 'Followed feeds and their health', responses: { 200: ok({ type: 'object' }) } },
        post: {
          summary: 'Follow a feed, or the feed a site page links to (analyst)',
          requestBody: jsonBody(AddFeedBody),
          responses: {
            201: ok({ type: 'object' }, 'followed'),
            200: ok({ type: 'object' }, 'already followed'),
            400: error,
            ...writeErrors,
            502: error,
          },
        },
      },
      '/api/feeds/import': {
        post: {
          summary: 'Follow the feeds of an OPML file (multipart, field "file"; analyst)',
          requestBody: {
            content: {
              'multipart/form-data': {
                schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
              },
            },
          },
          responses: { 200: ok({ type: 'object' }), 400: error, 422: error, ...writeErrors },
        },
      },
      '/api/feeds/export': {
        get: { summary: 'The followed feeds as OPML', responses: { 200: { description: 'OPML file' } } },
      },
      '/api/feeds/{id}': {
        delete: {
          summary: 'Stop following a feed (analyst)',
          parameters: [idParam],
          responses: { 200: ok({ type: 'object' }), 404: error, ...writeErrors },
        },
      },
      '/api/auth/me': {
        get: {
          summary: 'Who is logged in, and whether reading is open without an account',
          responses: { 200: ok(MeAnswer) },
        },
      },
      '/api/auth/login': {
        post: {
          summary: 'Log in: sets the sitrep_session cookie (HttpOnly, SameSite=Lax, Secure over TLS)',
          requestBody: jsonBody(LoginBody),
          responses: { 200: ok(LoginAnswer), 400: error, 401: error, 403: error, 429: error },
        },
      },
      '/api/auth/logout': {
        post: { summary: 'End the session', responses: { 204: nothing, 403: error } },
      },
      '/api/users': {
        get: { summary: 'Accounts (admin)', responses: { 200: ok(UsersAnswer), ...writeErrors } },
        post: {
          summary: 'Add an account (admin); a password is generated and returned once when none is given',
          requestBody: jsonBody(NewUserBody),
          responses: { 201: ok({ type: 'object' }), 400: error, ...writeErrors },
        },
      },
      '/api/users/{name}': {
        delete: {
          summary: 'Remove an account with its sessions and tokens (admin; never the last admin)',
          parameters: [pathParam('name')],
          responses: { 204: nothing, 400: error, 404: error, ...writeErrors },
        },
      },
      '/api/users/{name}/tokens': {
        post: {
          summary: 'A new API token for the account (admin), returned once',
          parameters: [pathParam('name')],
          requestBody: jsonBody(NewTokenBody),
          responses: { 201: ok({ type: 'object' }), 400: error, 404: error, ...writeErrors },
        },
      },
      '/api/documents/{id}/comments': {
        get: {
          summary:
            'The discussion on an article (admins also see pending and spam); emails are never returned',
          parameters: [idParam],
          responses: { 200: ok(CommentsAnswer), 404: error },
        },
        post: {
          summary: 'Comment (plain text); a first comment from an unknown email waits for moderation (202)',
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
      '/api/comments': {
        get: {
          summary: 'The moderation queue (admin)',
          parameters: queryParameters(ModerationQuery),
          responses: { 200: ok(CommentsAnswer), 400: error, ...writeErrors },
        },
      },
      '/api/comments/{id}': {
        patch: {
          summary: 'Edit a comment (admin)',
          parameters: [idParam],
          requestBody: jsonBody(EditCommentBody),
          responses: { 200: ok(CommentAnswer), 400: error, 404: error, ...writeErrors },
        },
        delete: {
          summary: 'Delete a comment and its replies (admin)',
          parameters: [idParam],
          responses: { 204: nothing, 404: error, ...writeErrors },
        },
      },
      '/api/comments/{id}/approve': moderation('Publish a held comment (admin)'),
      '/api/comments/{id}/spam': moderation('Mark a comment as spam (admin)'),
      '/api/export/{kind}': {
        get: {
          summary: 'Stream events, quotes or documents as JSON lines, CSV or GDELT 2.0 event rows (events)',
          parameters: [
            { name: 'kind', in: 'path', required: true, schema: { enum: ['events', 'quotes', 'documents'] } },
            ...queryParameters(ExportQuery),
          ],
          responses: { 200: { description: 'the file, as an attachment' }, 400: error },
        },
      },
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: ok({ type: 'object' }) } } },
      '/api/health': { get: { summary: 'Liveness', responses: { 200: ok({ type: 'object' }) } } },
      // The workspace's read routes (actors, relations, graph) and the typed feed answers.
      ...workspacePaths(),
      // A user's own API tokens and the discussion on stories.
      ...discussionPaths(),
      ...storyPaths(),
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
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                field: { type: 'string', description: 'the request field at fault, when there is one' },
              },
              required: ['code', 'message'],
            },
          },
          required: ['error'],
        },
      },
    },
  };
}
