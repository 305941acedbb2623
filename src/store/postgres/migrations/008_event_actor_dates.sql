-- Actor keys with their event's date: a dyad or an actor over a window is found by one range of
-- the (key, date) index, so a month of one actor's events reads that month's keys only, not every
-- key of the actor over all time (as after 005 the date index on events no longer narrowed first).
-- effective_date is the event's, copied: its date, else its article's published date.

ALTER TABLE event_actors ADD COLUMN effective_date text;

UPDATE event_actors a SET effective_date = e.effective_date
  FROM events e
  WHERE e.document_id = a.document_id AND e.ordinal = a.ordinal;

-- The other columns ride along so matching a key is an index-only scan where the map allows.
CREATE INDEX event_actors_key_date ON event_actors (actor_key, effective_date)
  INCLUDE (kinds, side, document_id, ordinal);
