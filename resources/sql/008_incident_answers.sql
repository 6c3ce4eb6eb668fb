-- Schema 8: each answered incident with its first answer, so that the measures' lead times (DESIGN.md §3)
-- read one row per answered incident in number order instead of joining every incident of the period
-- with its answers and their revisions (17,551 answered incidents in a ten-year library: ~38 ms of the
-- measures' ~68). Derived (the library JSON does not carry it) and kept exact by the triggers below,
-- which compute an incident's row again, with the very expression the measures used, whenever anything
-- it is made of changes.
CREATE TABLE derived_incident_answer (
    incident_id  TEXT,
    number       INTEGER, -- the incident's
    stream_id    TEXT,    -- the incident's
    occurred_at  TEXT,    -- the incident's: the measures' period selects on it
    created_at   TEXT,    -- the incident's
    published_at TEXT,    -- the earliest revision among those that answer it
    days         REAL     -- from created_at to published_at; NULL when SQLite cannot read one of them
);

INSERT INTO derived_incident_answer (incident_id, number, stream_id, occurred_at, created_at, published_at, days)
SELECT i.id, i.number, i.stream_id, i.occurred_at, i.created_at, min(v.published_at),
       (unixepoch(min(v.published_at)) - unixepoch(i.created_at)) / 86400.0
FROM incident i JOIN revision_answer ra ON ra.incident_id = i.id JOIN revision v ON v.id = ra.revision_id
GROUP BY i.id;

-- The lead times of any period, in number order, from this index alone; a stream's among them.
CREATE INDEX derived_incident_answer_by_number
    ON derived_incident_answer(number, occurred_at, stream_id, created_at, published_at, days);
CREATE INDEX derived_incident_answer_by_incident ON derived_incident_answer(incident_id);

-- Writing an incident's id here computes its row again from the records; the arithmetic is in one place.
CREATE VIEW derived_incident_answer_refresh (incident_id) AS SELECT '' WHERE 0;

CREATE TRIGGER derived_incident_answer_apply INSTEAD OF INSERT ON derived_incident_answer_refresh
BEGIN
    DELETE FROM derived_incident_answer WHERE incident_id = new.incident_id;
    INSERT INTO derived_incident_answer (incident_id, number, stream_id, occurred_at, created_at, published_at, days)
    SELECT i.id, i.number, i.stream_id, i.occurred_at, i.created_at, min(v.published_at),
           (unixepoch(min(v.published_at)) - unixepoch(i.created_at)) / 86400.0
    FROM incident i JOIN revision_answer ra ON ra.incident_id = i.id JOIN revision v ON v.id = ra.revision_id
    WHERE i.id = new.incident_id
    GROUP BY i.id;
END;

-- Publishing writes the answers; an import may write them in any order (answers before their incident
-- or revision), and a script behind the product's back may change or remove any of them.
CREATE TRIGGER derived_incident_answer_on_answer AFTER INSERT ON revision_answer
BEGIN
    INSERT INTO derived_incident_answer_refresh (incident_id) VALUES (new.incident_id);
END;

CREATE TRIGGER derived_incident_answer_on_answer_update AFTER UPDATE ON revision_answer
BEGIN
    INSERT INTO derived_incident_answer_refresh (incident_id) VALUES (old.incident_id), (new.incident_id);
END;

CREATE TRIGGER derived_incident_answer_on_answer_delete AFTER DELETE ON revision_answer
BEGIN
    INSERT INTO derived_incident_answer_refresh (incident_id) VALUES (old.incident_id);
END;

CREATE TRIGGER derived_incident_answer_on_incident AFTER INSERT ON incident
BEGIN
    INSERT INTO derived_incident_answer_refresh (incident_id) VALUES (new.id);
END;

-- The product never changes these columns (updates touch the details and the status); scripts might.
CREATE TRIGGER derived_incident_answer_on_incident_update
AFTER UPDATE OF id, number, stream_id, occurred_at, created_at ON incident
BEGIN
    INSERT INTO derived_incident_answer_refresh (incident_id) VALUES (old.id), (new.id);
END;

CREATE TRIGGER derived_incident_answer_on_incident_delete AFTER DELETE ON incident
BEGIN
    DELETE FROM derived_incident_answer WHERE incident_id = old.id;
END;

-- Revisions are immutable (revision_immutable_u/_d refuse changes), unless someone drops those triggers.
CREATE TRIGGER derived_incident_answer_on_revision AFTER INSERT ON revision
BEGIN
    INSERT INTO derived_incident_answer_refresh (incident_id)
    SELECT incident_id FROM revision_answer WHERE revision_id = new.id;
END;

CREATE TRIGGER derived_incident_answer_on_revision_update AFTER UPDATE OF id, published_at ON revision
BEGIN
    INSERT INTO derived_incident_answer_refresh (incident_id)
    SELECT incident_id FROM revision_answer WHERE revision_id IN (old.id, new.id);
END;

CREATE TRIGGER derived_incident_answer_on_revision_delete AFTER DELETE ON revision
BEGIN
    INSERT INTO derived_incident_answer_refresh (incident_id)
    SELECT incident_id FROM revision_answer WHERE revision_id = old.id;
END;
