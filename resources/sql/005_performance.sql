-- Schema 5: first-pass yield summaries, so that the console reads about a hundred thousand monthly
-- counts instead of joining a million run items with their attestations. Both tables are derived
-- (the library JSON does not carry them) and kept current by the triggers below, whatever writes the
-- runs, items, attestations and voids (signing, closing a run, import, the demo generators).

-- Per run and step: did any item of the step get a fail that stands (not voided)?
CREATE TABLE derived_run_step (
    run_id  TEXT NOT NULL,
    step_id TEXT NOT NULL,
    failed  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, step_id)
) WITHOUT ROWID;

-- Per step, month of closing and stream of the run: the closed runs that contain the step, and those
-- in which the step passed first time. A run counts once it is completed or rolled back.
CREATE TABLE derived_step_month (
    step_id     TEXT NOT NULL,
    month       TEXT NOT NULL, -- YYYY-MM of the run's closed_at
    stream_id   TEXT NOT NULL, -- the run's stream
    closed_runs INTEGER NOT NULL,
    first_pass  INTEGER NOT NULL,
    PRIMARY KEY (step_id, month, stream_id)
) WITHOUT ROWID;
CREATE INDEX derived_step_month_by_month ON derived_step_month(month, stream_id);

-- The hidden factory sums rework by month and kind from this index alone (no table reads).
CREATE INDEX rework_by_date_kind ON rework(date, kind, hours, stream_id);

-- The closed runs per stream and month are counted from this index alone.
CREATE INDEX run_by_status_closed_stream ON run(status, closed_at, stream_id);

INSERT INTO derived_run_step (run_id, step_id, failed)
SELECT ri.run_id, ri.step_id, max(CASE WHEN a.id IS NOT NULL AND v.id IS NULL THEN 1 ELSE 0 END)
FROM run_item ri
LEFT JOIN attestation a ON a.item_id = ri.id AND a.outcome = 'fail'
LEFT JOIN attestation_void v ON v.attestation_id = a.id
GROUP BY ri.run_id, ri.step_id;

INSERT INTO derived_step_month (step_id, month, stream_id, closed_runs, first_pass)
SELECT d.step_id, substr(r.closed_at, 1, 7), r.stream_id, count(*), count(*) - sum(d.failed)
FROM run r JOIN derived_run_step d ON d.run_id = r.id
WHERE r.status IN ('completed', 'rolled back') AND r.closed_at IS NOT NULL
GROUP BY 1, 2, 3;

-- A new item makes its step part of the run (items are frozen: never updated or deleted).
CREATE TRIGGER derived_run_step_on_item AFTER INSERT ON run_item
BEGIN
    INSERT INTO derived_run_step (run_id, step_id, failed)
    SELECT new.run_id, new.step_id, 0
    WHERE NOT EXISTS (SELECT 1 FROM derived_run_step WHERE run_id = new.run_id AND step_id = new.step_id);
END;

-- A fail, or a void of one, can change whether the step failed in the run: read it again.
CREATE TRIGGER derived_run_step_on_fail AFTER INSERT ON attestation WHEN new.outcome = 'fail'
BEGIN
    UPDATE derived_run_step SET failed = EXISTS (
        SELECT 1 FROM run_item i JOIN attestation a ON a.item_id = i.id AND a.outcome = 'fail'
        WHERE i.run_id = derived_run_step.run_id AND i.step_id = derived_run_step.step_id
          AND NOT EXISTS (SELECT 1 FROM attestation_void v WHERE v.attestation_id = a.id))
    WHERE (run_id, step_id) = (SELECT run_id, step_id FROM run_item WHERE id = new.item_id);
END;

CREATE TRIGGER derived_run_step_on_void AFTER INSERT ON attestation_void
BEGIN
    UPDATE derived_run_step SET failed = EXISTS (
        SELECT 1 FROM run_item i JOIN attestation a ON a.item_id = i.id AND a.outcome = 'fail'
        WHERE i.run_id = derived_run_step.run_id AND i.step_id = derived_run_step.step_id
          AND NOT EXISTS (SELECT 1 FROM attestation_void v WHERE v.attestation_id = a.id))
    WHERE (run_id, step_id) = (SELECT i.run_id, i.step_id FROM attestation a
                               JOIN run_item i ON i.id = a.item_id WHERE a.id = new.attestation_id);
END;

-- A step joining a closed run (an import writes the run before its items) counts at once.
CREATE TRIGGER derived_step_month_on_step AFTER INSERT ON derived_run_step
BEGIN
    INSERT INTO derived_step_month (step_id, month, stream_id, closed_runs, first_pass)
    SELECT new.step_id, substr(r.closed_at, 1, 7), r.stream_id, 1, 1 - new.failed FROM run r
    WHERE r.id = new.run_id AND r.status IN ('completed', 'rolled back') AND r.closed_at IS NOT NULL
    ON CONFLICT (step_id, month, stream_id) DO UPDATE
        SET closed_runs = closed_runs + excluded.closed_runs, first_pass = first_pass + excluded.first_pass;
END;

CREATE TRIGGER derived_step_month_on_failed AFTER UPDATE OF failed ON derived_run_step
WHEN old.failed <> new.failed
BEGIN
    UPDATE derived_step_month SET first_pass = first_pass + old.failed - new.failed
    WHERE step_id = new.step_id
      AND (month, stream_id) = (SELECT substr(closed_at, 1, 7), stream_id FROM run
                                WHERE id = new.run_id AND status IN ('completed', 'rolled back')
                                  AND closed_at IS NOT NULL);
END;

-- Closing a run (or any change to how it counts): take out what it counted, add what it counts now.
CREATE TRIGGER derived_step_month_on_run AFTER UPDATE OF status, closed_at, stream_id ON run
BEGIN
    UPDATE derived_step_month
    SET closed_runs = closed_runs - 1,
        first_pass = first_pass - 1 + (SELECT d.failed FROM derived_run_step d
                                       WHERE d.run_id = old.id AND d.step_id = derived_step_month.step_id)
    WHERE old.status IN ('completed', 'rolled back') AND old.closed_at IS NOT NULL
      AND month = substr(old.closed_at, 1, 7) AND stream_id = old.stream_id
      AND step_id IN (SELECT step_id FROM derived_run_step WHERE run_id = old.id);
    INSERT INTO derived_step_month (step_id, month, stream_id, closed_runs, first_pass)
    SELECT d.step_id, substr(new.closed_at, 1, 7), new.stream_id, 1, 1 - d.failed FROM derived_run_step d
    WHERE d.run_id = new.id AND new.status IN ('completed', 'rolled back') AND new.closed_at IS NOT NULL
    ON CONFLICT (step_id, month, stream_id) DO UPDATE
        SET closed_runs = closed_runs + excluded.closed_runs, first_pass = first_pass + excluded.first_pass;
END;
