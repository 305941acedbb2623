// Discussion on stored articles: threaded plain-text comments with a moderation queue and a spam
// guard (honeypot field, per-address rate limit, link limit). Emails are stored, never returned.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { SitrepError } from '../../model/index.ts';
import type { CommentStatus, Store } from '../../store/index.ts';
import { clientAddress, currentUser, requireRole, RateLimiter } from '../security.ts';
import { FieldError } from '../errors.ts';
import { parseOr400 } from '../validate.ts';
import { jsonBody } from './json-body.ts';

export const MAX_LINKS = 2;
const LINK = /\b(?:https?:\/\/|www\.)\S+/gi;

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(1, `${field} is required`)
    .max(max, `${field} is longer than ${max} characters`);

export const NewCommentBody = z
  .object({
    name: text('name', 100),
    email: z
      .string({ error: 'email is required' })
      .trim()
      .min(1, 'email is required')
      .max(254, 'email is longer than 254 characters')
      .pipe(z.email('email is not a valid address')),
    body: text('body', 5000),
    parentId: z.string().max(100).nullable().optional(),
    /** Honeypot: hidden from people, filled in by bots. */
    website: z.string().max(1000).optional(),
  })
  .strict();

export const EditCommentBody = z.object({ body: text('body', 5000) }).strict();
export const ModerationQuery = z
  .object({
    status: z.enum(['pending', 'spam', 'approved']).default('pending'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export function commentRoutes(store: Store): Hono {
  const app = new Hono();
  const perAddress = new RateLimiter(5, 60_000);

  app.get('/documents/:id/comments', async (c) => {
    const id = c.req.param('id');
    if (!(await store.getDocument(id))) throw new SitrepError('not_found', `no stored article with id ${id}`);
    const comments = await store.listComments(id, visibleStatuses(c));
    return c.json({ comments: comments.map(publicComment) });
  });

  app.get('/stories/:id/comments', async (c) => {
    const id = c.req.param('id');
    const comments = await store.listStoryComments(id, visibleStatuses(c));
    if (!comments) throw new SitrepError('not_found', `no story with id ${id}`);
    return c.json({ comments: comments.map(publicComment) });
  });

  /** Posts a comment on an article, or on a story (kept on the story's first document). */
  const post = (on: 'article' | 'story') => async (c: Context) => {
    const user = requireRole(c, 'reader');
    const body = parseOr400(NewCommentBody, await jsonBody(c), 'request body');
    if ((body.body.match(LINK) ?? []).length > MAX_LINKS)
      throw new FieldError('body', `body: at most ${MAX_LINKS} links per comment`);
    const documentId = c.req.param('id')!;
    if (on === 'article' && !(await store.getDocument(documentId)))
      throw new SitrepError('not_found', `no stored article with id ${documentId}`);
    if (on === 'story' && !(await store.listStoryComments(documentId, [])))
      throw new SitrepError('not_found', `no story with id ${documentId}`);
    if (!perAddress.hit(clientAddress(c)))
      throw new SitrepError('rate_limited', 'too many comments from your address; wait a minute');
    const status: CommentStatus = body.website
      ? 'spam'
      : user.role === 'admin' || (await store.isKnownCommenter(body.email))
        ? 'approved'
        : 'pending';
    const comment = await store.addComment({
      documentId,
      parentId: body.parentId ?? null,
      name: body.name,
      email: body.email,
      body: body.body,
      status,
      ...(on === 'story' ? { storyId: documentId } : {}),
    });
    // A bot that filled the honeypot is told what a first-time commenter is told.
    const shown = publicComment(status === 'spam' ? { ...comment, status: 'pending' } : comment);
    return c.json({ comment: shown }, status === 'approved' ? 201 : 202);
  };
  app.post('/documents/:id/comments', post('article'));
  app.post('/stories/:id/comments', post('story'));

  app.get('/comments', async (c) => {
    requireRole(c, 'admin');
    const q = parseOr400(ModerationQuery, c.req.query(), 'query');
    const page = await store.listCommentsByStatus(q.status, { limit: q.limit, offset: q.offset });
    return c.json({
      total: page.total,
      comments: page.items.map((item) => ({
        ...publicComment(item),
        documentId: item.documentId,
        ...(item.storyId ? { storyId: item.storyId } : {}),
      })),
    });
  });

  const moderate =
    (change: (c: Context) => Promise<{ status?: CommentStatus; body?: string }>) => async (c: Context) => {
      requireRole(c, 'admin');
      const updated = await store.updateComment(c.req.param('id')!, await change(c));
      if (!updated) throw new SitrepError('not_found', `no comment with id ${c.req.param('id')}`);
      return c.json({ comment: { ...publicComment(updated), documentId: updated.documentId } });
    };
  app.post(
    '/comments/:id/approve',
    moderate(() => Promise.resolve({ status: 'approved' })),
  );
  app.post(
    '/comments/:id/spam',
    moderate(() => Promise.resolve({ status: 'spam' })),
  );
  app.patch(
    '/comments/:id',
    moderate(async (c) => ({ body: parseOr400(EditCommentBody, await jsonBody(c), 'request body').body })),
  );
  app.delete('/comments/:id', async (c) => {
    requireRole(c, 'admin');
    if (!(await store.deleteComment(c.req.param('id'))))
      throw new SitrepError('not_found', `no comment with id ${c.req.param('id')}`);
    return c.body(null, 204);
  });

  return app;
}

/** Admins see held and spam comments too; everybody else only published ones. */
function visibleStatuses(c: Context): CommentStatus[] {
  return currentUser(c)?.role === 'admin' ? ['approved', 'pending', 'spam'] : ['approved'];
}

/** Exactly the fields the API shows; the document id only where a list spans documents. */
function publicComment(comment: {
  id: string;
  parentId: string | null;
  name: string;
  body: string;
  createdAt: string;
  status: CommentStatus;
}) {
  const { id, parentId, name, body, createdAt, status } = comment;
  return { id, parentId, name, body, createdAt, status };
}
