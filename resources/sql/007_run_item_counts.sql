-- Schema 7: the number of items of each run, so that a page of the runs list (and the CSV export) reads
-- one row per run instead of counting its items in the 1.2M-row run_item index. Items are frozen when a
-- run starts (never updated or deleted), so counting inserts keeps it exact. Derived: not in the JSON.
CREATE TABLE derived_run_items (
    run_id TEXT PRIMARY KEY,
    items  INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO derived_run_items (run_id, items) SELECT run_id, count(*) FROM run_item GROUP BY run_id;

CREATE TRIGGER derived_run_items_on_item AFTER INSERT ON run_item
BEGIN
    INSERT INTO derived_run_items (run_id, items) VALUES (new.run_id, 1)
    ON CONFLICT (run_id) DO UPDATE SET items = items + 1;
END;
