-- Discussion on stories as well as articles. A story comment is kept on the story's first
-- document (document_id, so it goes when that document goes) with story_id set to that same id;
-- article discussions are the comments whose story_id is null.

ALTER TABLE comments ADD COLUMN story_id TEXT;
CREATE INDEX comments_story ON comments (story_id, status, created_at);
