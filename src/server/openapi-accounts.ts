// JSON Schemas of the accounts and discussion answers, for the OpenAPI document (and so for the
// front end's generated client types).
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
    storyId: { type: 'string', description: 'set when the comment is on a story' },
  },
  required: ['id', 'parentId', 'name', 'body', 'createdAt', 'status'],
};

export const MeAnswer = {
  type: 'object',
  properties: { user: { oneOf: [user, { type: 'null' }] }, anonymousRead: { type: 'boolean' } },
  required: ['user', 'anonymousRead'],
};
export const LoginAnswer = { type: 'object', properties: { user }, required: ['user'] };
export const UsersAnswer = {
  type: 'object',
  properties: { users: { type: 'array', items: user } },
  required: ['users'],
};
export const CommentsAnswer = {
  type: 'object',
  properties: { comments: { type: 'array', items: comment } },
  required: ['comments'],
};
export const CommentAnswer = { type: 'object', properties: { comment }, required: ['comment'] };
