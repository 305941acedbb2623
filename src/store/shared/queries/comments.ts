// Comments on stored documents. The email column is read only to recognise known commenters.
import { randomUUID } from 'node:crypto';
import { SitrepError } from '../../../model/index.ts';
import type { CommentStatus, ListOptions, NewComment, Page, StoredComment } from '../../types.ts';
import { paging } from '../paging.ts';
import { countRows, type SqlRunner } from '../sql-runner.ts';
import { isoTime } from './decode.ts';

interface CommentRow {
  id: string;
  document_id: string;
  parent_id: string | null;
  story_id: string | null;
  name: string;
  body: string;
  status: CommentStatus;
  created_at: string | Date;
}

/** Every column but the email. */
const COLUMNS = 'id, document_id, parent_id, story_id, name, body, status, created_at';

const toComment = (row: CommentRow): StoredComment => ({
  id: row.id,
  documentId: row.document_id,
  parentId: row.parent_id,
  storyId: row.story_id ?? null,
  name: row.name,
  body: row.body,
  status: row.status,
  createdAt: isoTime(row.created_at),
});

export async function addComment(runner: SqlRunner, comment: NewComment): Promise<StoredComment> {
  const storyId = comment.storyId ?? null;
  if (storyId !== null) {
    // A story is named by its first document; a document that joined another story names none.
    const [story] = await runner.all('SELECT 1 FROM trace_documents WHERE story_id = ? AND document_id = ?', [
      storyId,
      storyId,
    ]);
    if (!story || comment.documentId !== storyId)
      throw new SitrepError('not_found', `no story with id ${storyId}`);
  }
  const [doc] = await runner.all('SELECT 1 FROM documents WHERE id = ?', [comment.documentId]);
  if (!doc) throw new SitrepError('not_found', `no stored article with id ${comment.documentId}`);
  if (comment.parentId !== null) {
    const [parent] = await runner.all<{ document_id: string; story_id: string | null }>(
      'SELECT document_id, story_id FROM comments WHERE id = ?',
      [comment.parentId],
    );
    if (parent?.document_id !== comment.documentId || (parent.story_id ?? null) !== storyId) {
      const where = storyId === null ? 'article' : 'story';
      throw new SitrepError('invalid_input', `parentId: no comment ${comment.parentId} on this ${where}`);
    }
  }
  const row: CommentRow = {
    id: randomUUID(),
    document_id: comment.documentId,
    parent_id: comment.parentId,
    story_id: storyId,
    name: comment.name,
    body: comment.body,
    status: comment.status,
    created_at: new Date().toISOString(),
  };
  await runner.run(
    `INSERT INTO comments (id, document_id, parent_id, story_id, name, email, body, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      row.id,
      row.document_id,
      row.parent_id,
      row.story_id,
      row.name,
      comment.email.toLowerCase(),
      row.body,
      row.status,
      row.created_at,
    ],
  );
  return toComment(row);
}

export async function getComment(runner: SqlRunner, id: string): Promise<StoredComment | null> {
  const [row] = await runner.all<CommentRow>(`SELECT ${COLUMNS} FROM comments WHERE id = ?`, [id]);
  return row ? toComment(row) : null;
}

export async function listComments(
  runner: SqlRunner,
  documentId: string,
  statuses: CommentStatus[],
): Promise<StoredComment[]> {
  if (!statuses.length) return [];
  const rows = await runner.all<CommentRow>(
    `SELECT ${COLUMNS} FROM comments
      WHERE document_id = ? AND story_id IS NULL AND status IN (${statuses.map(() => '?').join(', ')})
      ORDER BY created_at, seq`,
    [documentId, ...statuses],
  );
  return rows.map(toComment);
}

/**
 * The discussion on a story. Comments stay with the document that named the story when they were
 * written; if tracing later finds that document belongs to a larger story, they appear there.
 */
export async function listStoryComments(
  runner: SqlRunner,
  storyId: string,
  statuses: CommentStatus[],
): Promise<StoredComment[] | null> {
  const [story] = await runner.all('SELECT 1 FROM trace_documents WHERE story_id = ? AND document_id = ?', [
    storyId,
    storyId,
  ]);
  if (!story) return null;
  if (!statuses.length) return [];
  const rows = await runner.all<CommentRow>(
    `SELECT ${COLUMNS} FROM comments
      WHERE story_id IN (SELECT document_id FROM trace_documents WHERE story_id = ?)
        AND status IN (${statuses.map(() => '?').join(', ')})
      ORDER BY created_at, seq`,
    [storyId, ...statuses],
  );
  return rows.map(toComment);
}

export async function listCommentsByStatus(
  runner: SqlRunner,
  status: CommentStatus,
  options?: ListOptions,
): Promise<Page<StoredComment>> {
  const { limit, offset } = paging(options);
  const [rows, total] = await Promise.all([
    runner.all<CommentRow>(
      `SELECT ${COLUMNS} FROM comments WHERE status = ? ORDER BY created_at, seq LIMIT ? OFFSET ?`,
      [status, limit, offset],
    ),
    countRows(runner, 'SELECT count(*) AS total FROM comments WHERE status = ?', [status]),
  ]);
  return { total, items: rows.map(toComment) };
}

export async function updateComment(
  runner: SqlRunner,
  id: string,
  change: { status?: CommentStatus; body?: string },
): Promise<StoredComment | null> {
  if (change.status !== undefined)
    await runner.run('UPDATE comments SET status = ? WHERE id = ?', [change.status, id]);
  if (change.body !== undefined)
    await runner.run('UPDATE comments SET body = ? WHERE id = ?', [change.body, id]);
  return getComment(runner, id);
}

export async function deleteComment(runner: SqlRunner, id: string): Promise<boolean> {
  return (await runner.run('DELETE FROM comments WHERE id = ?', [id])) > 0;
}

export async function isKnownCommenter(runner: SqlRunner, email: string): Promise<boolean> {
  const rows = await runner.all("SELECT 1 FROM comments WHERE email = ? AND status = 'approved' LIMIT 1", [
    email.toLowerCase(),
  ]);
  return rows.length > 0;
}
