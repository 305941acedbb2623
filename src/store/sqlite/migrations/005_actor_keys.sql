-- Actor keys: what the workspace matches and groups event sides by, normalised and indexed.
-- Each side of an event is the node it is drawn as in the actor graph (its country or bloc, else
-- its code, else its name as stored), and is found in event_actors under each value an actor can
-- be asked for, once per distinct value, with the kinds of field that hold it as bits:
-- 1 country (upper case), 2 code (upper case), 4 entity id, 8 name as stored. A country side
-- (IRN as country, code and entity id) is one row, IRN with kinds 7. Matching an actor is then
-- an index lookup instead of upper() over every event.

ALTER TABLE events ADD COLUMN source_node TEXT;
ALTER TABLE events ADD COLUMN target_node TEXT;

UPDATE events SET
  source_node = coalesce(upper(source_country), upper(source_code), source_name),
  target_node = coalesce(upper(target_country), upper(target_code), target_name);

-- Covering the graph's counts: a date range of the index, never the event rows.
CREATE INDEX events_graph ON events (effective_date, source_node, target_node, quad_class, goldstein, confidence);

CREATE TABLE event_actors (
  actor_key TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('source', 'target')),
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  kinds INTEGER NOT NULL CHECK (kinds BETWEEN 1 AND 15),
  PRIMARY KEY (actor_key, side, document_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX event_actors_event ON event_actors (document_id, ordinal, side);

INSERT INTO event_actors (actor_key, side, document_id, ordinal, kinds)
  SELECT actor_key, side, document_id, ordinal, CAST(sum(kind) AS INTEGER) FROM (
    SELECT upper(source_country) AS actor_key, 'source' AS side, document_id, ordinal, 1 AS kind FROM events WHERE source_country IS NOT NULL
    UNION ALL SELECT upper(source_code), 'source', document_id, ordinal, 2 FROM events WHERE source_code IS NOT NULL
    UNION ALL SELECT source_entity_id, 'source', document_id, ordinal, 4 FROM events WHERE source_entity_id IS NOT NULL
    UNION ALL SELECT source_name, 'source', document_id, ordinal, 8 FROM events
    UNION ALL SELECT upper(target_country), 'target', document_id, ordinal, 1 FROM events WHERE target_country IS NOT NULL
    UNION ALL SELECT upper(target_code), 'target', document_id, ordinal, 2 FROM events WHERE target_code IS NOT NULL
    UNION ALL SELECT target_entity_id, 'target', document_id, ordinal, 4 FROM events WHERE target_entity_id IS NOT NULL
    UNION ALL SELECT target_name, 'target', document_id, ordinal, 8 FROM events WHERE target_name IS NOT NULL
  ) AS side_values
  GROUP BY actor_key, side, document_id, ordinal;
