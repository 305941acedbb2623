// The auth and discussion routes agreed with the accounts work (docs: notes on the HTTP contract),
// as OpenAPI paths. build:web adds a path from here only when the server's own document lacks it,
// so once the server documents these routes its description wins.
const user = {
  type: 'object',
  properties: { name: { type: 'string' }, role: { type: 'string', enum: ['admin', 'analyst', 'reader'] } },
  required: ['name', 'role'],
};
const comment = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    parentId: { type: ['string', 'null'] },
    name: { type: 'string' },
    body: { type: 'string' },
    createdAt: { type: 'string' },
    status: { type: 'string', enum: ['approved', 'pending', 'spam'] },
    documentId: { type: 'string' },
  },
  required: ['id', 'parentId', 'name', 'body', 'createdAt', 'status'],
};
const error = {
  description: 'error',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } },
            required: ['code', 'message'],
          },
        },
        required: ['error'],
      },
    },
  },
};
const json = (schema: object, description = 'ok') => ({
  description,
  content: { 'application/json': { schema } },
});
const body = (schema: object) => ({ content: { 'application/json': { schema } } });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const comments = {
  type: 'object',
  properties: { comments: { type: 'array', items: comment } },
  required: ['comments'],
};
const one = { type: 'object', properties: { comment }, required: ['comment'] };

export const contractPaths: Record<string, object> = {
  '/api/auth/me': {
    get: {
      responses: {
        200: json({
          type: 'object',
          properties: { user: { oneOf: [user, { type: 'null' }] }, anonymousRead: { type: 'boolean' } },
          required: ['user', 'anonymousRead'],
        }),
      },
    },
  },
  '/api/auth/login': {
    post: {
      requestBody: body({
        type: 'object',
        properties: { name: { type: 'string' }, password: { type: 'string' } },
        required: ['name', 'password'],
      }),
      responses: {
        200: json({ type: 'object', properties: { user }, required: ['user'] }),
        401: error,
        400: error,
      },
    },
  },
  '/api/auth/logout': { post: { responses: { 204: { description: 'ended' } } } },
  '/api/documents/{id}/comments': {
    get: { parameters: [idParam], responses: { 200: json(comments), 404: error } },
    post: {
      parameters: [idParam],
      requestBody: body({
        type: 'object',
        properties: {
          name: { type: 'string' },
          email: { type: 'string' },
          body: { type: 'string' },
          parentId: { type: 'string' },
          website: { type: 'string' },
        },
        required: ['name', 'email', 'body'],
      }),
      responses: { 201: json(one), 202: json(one), 400: error, 403: error, 404: error },
    },
  },
  '/api/comments': {
    get: {
      parameters: [
        { name: 'status', in: 'query', schema: { type: 'string', enum: ['pending', 'spam', 'approved'] } },
      ],
      responses: { 200: json(comments), 403: error },
    },
  },
  '/api/comments/{id}/approve': {
    post: { parameters: [idParam], responses: { 200: json(one), 403: error, 404: error } },
  },
  '/api/comments/{id}/spam': {
    post: { parameters: [idParam], responses: { 200: json(one), 403: error, 404: error } },
  },
  '/api/comments/{id}': {
    patch: {
      parameters: [idParam],
      requestBody: body({ type: 'object', properties: { body: { type: 'string' } }, required: ['body'] }),
      responses: { 200: json(one), 400: error, 403: error, 404: error },
    },
    delete: { parameters: [idParam], responses: { 204: { description: 'deleted' }, 403: error, 404: error } },
  },
};
