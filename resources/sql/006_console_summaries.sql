-- Schema 6: summaries that let the console answer from a few thousand rows whatever the library's age.
-- Measured on the ten-year library (1.2M run items, 200k rework entries): the console read 126k
-- step-month rows for the all-history first-pass yields and 200k rework entries for the hidden factory
-- and the Pareto on every refresh. Here: all-history totals per step, closed runs per stream and month,
-- rework per stream, month and kind (and for all streams at once, stream '*'), and rework per step.
-- All derived (the library JSON does not carry them) and kept current by the triggers below.

-- Closed runs per stream and month of closing.
CREATE TABLE derived_run_month (
    stream_id   TEXT NOT NULL,
    month       TEXT NOT NULL, -- YYYY-MM of closed_at
    closed_runs INTEGER NOT NULL,
    PRIMARY KEY (stream_id, month)
) WITHOUT ROWID;

INSERT INTO derived_run_month (stream_id, month, closed_runs)
SELECT stream_id, substr(closed_at, 1, 7), count(*) FROM run
WHERE status IN ('completed', 'rolled back') AND closed_at IS NOT NULL
GROUP BY 1, 2;

CREATE TRIGGER derived_run_month_on_insert AFTER INSERT ON run
WHEN new.status IN ('completed', 'rolled back') AND new.closed_at IS NOT NULL
BEGIN
    INSERT INTO derived_run_month (stream_id, month, closed_runs)
    VALUES (new.stream_id, substr(new.closed_at, 1, 7), 1)
    ON CONFLICT (stream_id, month) DO UPDATE SET closed_runs = closed_runs + 1;
END;

CREATE TRIGGER derived_run_month_on_update AFTER UPDATE OF status, closed_at, stream_id ON run
BEGIN
    UPDATE derived_run_month SET closed_runs = closed_runs - 1
    WHERE old.status IN ('completed', 'rolled back') AND old.closed_at IS NOT NULL
      AND stream_id = old.stream_id AND month = substr(old.closed_at, 1, 7);
    INSERT INTO derived_run_month (stream_id, month, closed_runs)
    SELECT new.stream_id, substr(new.closed_at, 1, 7), 1
    WHERE new.status IN ('completed', 'rolled back') AND new.closed_at IS NOT NULL
    ON CONFLICT (stream_id, month) DO UPDATE SET closed_runs = closed_runs + 1;
    DELETE FROM derived_run_month WHERE stream_id = old.stream_id AND closed_runs <= 0;
END;

-- All-history first-pass counts per step (and the stream of the runs), following derived_step_month.
CREATE TABLE derived_step_total (
    step_id     TEXT NOT NULL,
    stream_id   TEXT NOT NULL,
    closed_runs INTEGER NOT NULL,
    first_pass  INTEGER NOT NULL,
    PRIMARY KEY (step_id, stream_id)
) WITHOUT ROWID;

INSERT INTO derived_step_total (step_id, stream_id, closed_runs, first_pass)
SELECT step_id, stream_id, sum(closed_runs), sum(first_pass) FROM derived_step_month GROUP BY 1, 2;

CREATE TRIGGER derived_step_total_on_insert AFTER INSERT ON derived_step_month
BEGIN
    INSERT INTO derived_step_total (step_id, stream_id, closed_runs, first_pass)
    VALUES (new.step_id, new.stream_id, new.closed_runs, new.first_pass)
    ON CONFLICT (step_id, stream_id) DO UPDATE
        SET closed_runs = closed_runs + excluded.closed_runs, first_pass = first_pass + excluded.first_pass;
END;

CREATE TRIGGER derived_step_total_on_update AFTER UPDATE ON derived_step_month
BEGIN
    UPDATE derived_step_total
    SET closed_runs = closed_runs - old.closed_runs, first_pass = first_pass - old.first_pass
    WHERE step_id = old.step_id AND stream_id = old.stream_id;
    INSERT INTO derived_step_total (step_id, stream_id, closed_runs, first_pass)
    VALUES (new.step_id, new.stream_id, new.closed_runs, new.first_pass)
    ON CONFLICT (step_id, stream_id) DO UPDATE
        SET closed_runs = closed_runs + excluded.closed_runs, first_pass = first_pass + excluded.first_pass;
END;

CREATE TRIGGER derived_step_total_on_delete AFTER DELETE ON derived_step_month
BEGIN
    UPDATE derived_step_total
    SET closed_runs = closed_runs - old.closed_runs, first_pass = first_pass - old.first_pass
    WHERE step_id = old.step_id AND stream_id = old.stream_id;
END;

-- A period's step-month counts come from this index alone, in month order.
DROP INDEX derived_step_month_by_month;
CREATE INDEX derived_step_month_by_month ON derived_step_month(month, stream_id, step_id, closed_runs, first_pass);

-- Rework hours per stream, month and kind; stream '*' holds every stream's (and stream-less) hours.
CREATE TABLE derived_rework_month (
    stream_id TEXT NOT NULL,
    month     TEXT NOT NULL, -- YYYY-MM of the rework's date
    kind      TEXT NOT NULL,
    hours     REAL NOT NULL,
    entries   INTEGER NOT NULL,
    PRIMARY KEY (stream_id, month, kind)
) WITHOUT ROWID;

-- All-history rework hours per step they are charged to (the entry's own step, else the injected step of
-- its incident; '' when neither is recorded) and stream ('' when none).
CREATE TABLE derived_rework_step (
    step_id   TEXT NOT NULL,
    stream_id TEXT NOT NULL,
    hours     REAL NOT NULL,
    entries   INTEGER NOT NULL,
    PRIMARY KEY (step_id, stream_id)
) WITHOUT ROWID;

INSERT INTO derived_rework_month (stream_id, month, kind, hours, entries)
SELECT coalesce(stream_id, ''), substr(date, 1, 7), kind, sum(hours), count(*) FROM rework GROUP BY 1, 2, 3;
INSERT INTO derived_rework_month (stream_id, month, kind, hours, entries)
SELECT '*', substr(date, 1, 7), kind, sum(hours), count(*) FROM rework GROUP BY 2, 3;

INSERT INTO derived_rework_step (step_id, stream_id, hours, entries)
SELECT coalesce(r.step_id, i.injected_step_id, ''), coalesce(r.stream_id, ''), sum(r.hours), count(*)
FROM rework r LEFT JOIN incident i ON i.id = r.incident_id
GROUP BY 1, 2;

-- Every change to rework is written to both tables as a signed delta through this view, so that the
-- arithmetic is in one place.
CREATE VIEW derived_rework_delta (month, stream_id, step_id, kind, hours, entries) AS
SELECT '', '', '', '', 0.0, 0 WHERE 0;

CREATE TRIGGER derived_rework_delta_apply INSTEAD OF INSERT ON derived_rework_delta
BEGIN
    INSERT INTO derived_rework_month (stream_id, month, kind, hours, entries)
    VALUES (new.stream_id, new.month, new.kind, new.hours, new.entries),
           ('*', new.month, new.kind, new.hours, new.entries)
    ON CONFLICT (stream_id, month, kind) DO UPDATE
        SET hours = hours + excluded.hours, entries = entries + excluded.entries;
    DELETE FROM derived_rework_month
    WHERE stream_id IN (new.stream_id, '*') AND month = new.month AND kind = new.kind AND entries <= 0;
    INSERT INTO derived_rework_step (step_id, stream_id, hours, entries)
    VALUES (new.step_id, new.stream_id, new.hours, new.entries)
    ON CONFLICT (step_id, stream_id) DO UPDATE
        SET hours = hours + excluded.hours, entries = entries + excluded.entries;
    DELETE FROM derived_rework_step WHERE step_id = new.step_id AND stream_id = new.stream_id AND entries <= 0;
END;

CREATE TRIGGER derived_rework_on_insert AFTER INSERT ON rework
BEGIN
    INSERT INTO derived_rework_delta (month, stream_id, step_id, kind, hours, entries)
    VALUES (substr(new.date, 1, 7), coalesce(new.stream_id, ''),
            coalesce(new.step_id, (SELECT injected_step_id FROM incident WHERE id = new.incident_id), ''),
            new.kind, new.hours, 1);
END;

CREATE TRIGGER derived_rework_on_delete AFTER DELETE ON rework
BEGIN
    INSERT INTO derived_rework_delta (month, stream_id, step_id, kind, hours, entries)
    VALUES (substr(old.date, 1, 7), coalesce(old.stream_id, ''),
            coalesce(old.step_id, (SELECT injected_step_id FROM incident WHERE id = old.incident_id), ''),
            old.kind, -old.hours, -1);
END;

CREATE TRIGGER derived_rework_on_update AFTER UPDATE OF date, hours, kind, stream_id, step_id, incident_id ON rework
BEGIN
    INSERT INTO derived_rework_delta (month, stream_id, step_id, kind, hours, entries)
    VALUES (substr(old.date, 1, 7), coalesce(old.stream_id, ''),
            coalesce(old.step_id, (SELECT injected_step_id FROM incident WHERE id = old.incident_id), ''),
            old.kind, -old.hours, -1),
           (substr(new.date, 1, 7), coalesce(new.stream_id, ''),
            coalesce(new.step_id, (SELECT injected_step_id FROM incident WHERE id = new.incident_id), ''),
            new.kind, new.hours, 1);
END;

-- Rework without a step of its own is charged to its incident's injected step: when that moves, so do
-- the hours.
CREATE TRIGGER derived_rework_on_injected AFTER UPDATE OF injected_step_id ON incident
WHEN old.injected_step_id IS NOT new.injected_step_id
BEGIN
    INSERT INTO derived_rework_delta (month, stream_id, step_id, kind, hours, entries)
    SELECT substr(r.date, 1, 7), coalesce(r.stream_id, ''), coalesce(old.injected_step_id, ''), r.kind,
           -r.hours, -1
    FROM rework r WHERE r.incident_id = new.id AND r.step_id IS NULL;
    INSERT INTO derived_rework_delta (month, stream_id, step_id, kind, hours, entries)
    SELECT substr(r.date, 1, 7), coalesce(r.stream_id, ''), coalesce(new.injected_step_id, ''), r.kind,
           r.hours, 1
    FROM rework r WHERE r.incident_id = new.id AND r.step_id IS NULL;
END;
