-- The runs list pages newest first with keyset queries (started_at, rowid); these indexes let SQLite
-- walk a page in order without sorting the whole run table, unfiltered or filtered by status.
-- (run_by_stream (stream_id, started_at) already serves the stream filter.)
CREATE INDEX IF NOT EXISTS run_by_started ON run(started_at);
CREATE INDEX IF NOT EXISTS run_by_status_started ON run(status, started_at);
