-- Stable library schema, version 1.
-- Ids are lowercase UUID text; times are UTC ISO 8601 ("2026-03-01T10:00:00Z"); booleans are 0/1.
-- Records of proof (attestations, voids, revisions, audit events) are append-only, enforced by triggers
-- here and re-checked by `verify` against the audit chain, which survives a dropped trigger.

CREATE TABLE person (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    initials        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(initials)) > 0),
    role            TEXT NOT NULL DEFAULT '',
    pin_hash        TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked          INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at      TEXT NOT NULL
);

CREATE TABLE stream (
    id               TEXT PRIMARY KEY,
    key              TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL,
    purpose          TEXT NOT NULL DEFAULT '',
    owner            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    draft_changed_at TEXT NOT NULL,
    removed          INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1))
);

-- Steps and checks are never deleted, only marked removed: incidents, run items and revisions
-- keep pointing at them, and a check keeps its identity across revisions.
CREATE TABLE step (
    id            TEXT PRIMARY KEY,
    stream_id     TEXT NOT NULL REFERENCES stream(id),
    key           TEXT NOT NULL,
    name          TEXT NOT NULL,
    position      INTEGER NOT NULL,
    throughput    TEXT NOT NULL DEFAULT '',
    owner_role    TEXT NOT NULL DEFAULT '',
    planned_hours REAL NOT NULL DEFAULT 0 CHECK (planned_hours >= 0),
    removed       INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1))
);
CREATE UNIQUE INDEX step_key_in_stream ON step(stream_id, key) WHERE removed = 0;
CREATE INDEX step_by_stream ON step(stream_id, position);

CREATE TABLE step_io (
    id        TEXT PRIMARY KEY,
    step_id   TEXT NOT NULL REFERENCES step(id),
    direction TEXT NOT NULL CHECK (direction IN ('input', 'output')),
    position  INTEGER NOT NULL,
    name      TEXT NOT NULL,
    party     TEXT NOT NULL DEFAULT ''   -- the supplier of an input, the customer of an output
);
CREATE INDEX step_io_by_step ON step_io(step_id, direction, position);

CREATE TABLE incident (
    id                 TEXT PRIMARY KEY,
    number             INTEGER NOT NULL UNIQUE,          -- INC-<number>
    title              TEXT NOT NULL CHECK (length(trim(title)) > 0),
    what_happened      TEXT NOT NULL DEFAULT '',
    stream_id          TEXT NOT NULL REFERENCES stream(id),
    detected_step_id   TEXT REFERENCES step(id),
    injected_step_id   TEXT REFERENCES step(id),
    run_id             TEXT REFERENCES run(id),
    severity           INTEGER NOT NULL DEFAULT 5 CHECK (severity BETWEEN 1 AND 10),
    category           TEXT NOT NULL DEFAULT '',
    occurred_at        TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    recurrence_of_id   TEXT REFERENCES incident(id),
    root_cause         TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL DEFAULT 'open'
                       CHECK (status IN ('open', 'analysed', 'prevented', 'verified')),
    analysed_at        TEXT,
    prevented_at       TEXT,
    verified_at        TEXT
);
CREATE INDEX incident_by_stream ON incident(stream_id, occurred_at);
CREATE INDEX incident_by_injected ON incident(injected_step_id);
CREATE INDEX incident_by_recurrence ON incident(recurrence_of_id);

CREATE TABLE incident_why (
    incident_id TEXT NOT NULL REFERENCES incident(id),
    position    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (incident_id, position)
) WITHOUT ROWID;

CREATE TABLE quality_check (
    id                 TEXT PRIMARY KEY,
    step_id            TEXT NOT NULL REFERENCES step(id),
    key                TEXT NOT NULL,
    position           INTEGER NOT NULL,
    statement          TEXT NOT NULL CHECK (length(trim(statement)) > 0),
    stage              TEXT NOT NULL CHECK (stage IN ('entry', 'in-process', 'exit')),
    critical           INTEGER NOT NULL DEFAULT 0 CHECK (critical IN (0, 1)),
    guards_against     TEXT NOT NULL DEFAULT '',
    severity           INTEGER NOT NULL DEFAULT 5 CHECK (severity BETWEEN 1 AND 10),
    occurrence         INTEGER NOT NULL DEFAULT 5 CHECK (occurrence BETWEEN 1 AND 10),
    detection          INTEGER NOT NULL DEFAULT 5 CHECK (detection BETWEEN 1 AND 10),
    origin_incident_id TEXT REFERENCES incident(id),
    removed            INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1))
);
CREATE UNIQUE INDEX check_key_in_step ON quality_check(step_id, key) WHERE removed = 0;
CREATE INDEX check_by_step ON quality_check(step_id, position);
CREATE INDEX check_by_origin ON quality_check(origin_incident_id);

-- A published revision is an immutable snapshot (stable-process/1 JSON with ids) of the draft.
CREATE TABLE revision (
    id            TEXT PRIMARY KEY,
    stream_id     TEXT NOT NULL REFERENCES stream(id),
    number        INTEGER NOT NULL CHECK (number >= 1),
    published_at  TEXT NOT NULL,
    published_by  TEXT NOT NULL REFERENCES person(id),
    reason        TEXT NOT NULL,
    snapshot      TEXT NOT NULL,
    snapshot_hash TEXT NOT NULL,
    UNIQUE (stream_id, number)
);

CREATE TABLE revision_answer (
    revision_id TEXT NOT NULL REFERENCES revision(id),
    incident_id TEXT NOT NULL REFERENCES incident(id),
    PRIMARY KEY (revision_id, incident_id)
) WITHOUT ROWID;
CREATE INDEX revision_answer_by_incident ON revision_answer(incident_id);

-- Which checks each revision contains: lets the measures ask "since when is this check published".
CREATE TABLE revision_check (
    revision_id TEXT NOT NULL REFERENCES revision(id),
    check_id    TEXT NOT NULL REFERENCES quality_check(id),
    step_id     TEXT NOT NULL REFERENCES step(id),
    PRIMARY KEY (revision_id, check_id)
) WITHOUT ROWID;
CREATE INDEX revision_check_by_check ON revision_check(check_id);

CREATE TABLE run (
    id             TEXT PRIMARY KEY,
    stream_id      TEXT NOT NULL REFERENCES stream(id),
    revision_id    TEXT NOT NULL REFERENCES revision(id),
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind           TEXT NOT NULL CHECK (kind IN ('release', 'plan', 'routine')),
    planned_start  TEXT,
    rollback_point TEXT,
    status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'rolled back')),
    started_at     TEXT NOT NULL,
    closed_at      TEXT,
    lessons        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX run_by_stream ON run(stream_id, started_at);
CREATE INDEX run_by_status ON run(status, closed_at);

-- A frozen copy of a check as it stood in the run's revision.
CREATE TABLE run_item (
    id        TEXT PRIMARY KEY,
    run_id    TEXT NOT NULL REFERENCES run(id),
    position  INTEGER NOT NULL,
    step_id   TEXT NOT NULL REFERENCES step(id),
    step_key  TEXT NOT NULL,
    step_name TEXT NOT NULL,
    check_id  TEXT NOT NULL REFERENCES quality_check(id),
    check_key TEXT NOT NULL,
    statement TEXT NOT NULL,
    stage     TEXT NOT NULL,
    critical  INTEGER NOT NULL CHECK (critical IN (0, 1)),
    UNIQUE (run_id, step_key, check_key)
);
CREATE INDEX run_item_by_run ON run_item(run_id, position);
CREATE INDEX run_item_by_check ON run_item(check_id);
CREATE INDEX run_item_by_step ON run_item(step_id, run_id);

CREATE TABLE attestation (
    id          TEXT PRIMARY KEY,
    run_id      TEXT NOT NULL REFERENCES run(id),
    item_id     TEXT NOT NULL REFERENCES run_item(id),
    attempt     INTEGER NOT NULL CHECK (attempt >= 1),
    outcome     TEXT NOT NULL CHECK (outcome IN ('pass', 'fail', 'na')),
    signer_id   TEXT NOT NULL REFERENCES person(id),
    meaning     TEXT NOT NULL CHECK (meaning IN ('performed', 'verified')),
    signed_at   TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    evidence    TEXT NOT NULL DEFAULT '',
    hash        TEXT NOT NULL
);
CREATE INDEX attestation_by_item ON attestation(item_id);
CREATE INDEX attestation_by_run ON attestation(run_id);

CREATE TABLE attestation_void (
    id             TEXT PRIMARY KEY,
    attestation_id TEXT NOT NULL UNIQUE REFERENCES attestation(id),
    reason         TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    voided_by      TEXT NOT NULL REFERENCES person(id),
    voided_at      TEXT NOT NULL,
    hash           TEXT NOT NULL
);

CREATE TABLE rework (
    id          TEXT PRIMARY KEY,
    date        TEXT NOT NULL,          -- YYYY-MM-DD
    hours       REAL NOT NULL CHECK (hours > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('rework', 'fire-fighting', 're-release', 'failed-project', 'other')),
    stream_id   TEXT REFERENCES stream(id),
    step_id     TEXT REFERENCES step(id),
    incident_id TEXT REFERENCES incident(id),
    run_id      TEXT REFERENCES run(id),
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX rework_by_date ON rework(date);
CREATE INDEX rework_by_step ON rework(step_id);
CREATE INDEX rework_by_incident ON rework(incident_id);

CREATE TABLE team_hours (
    month TEXT PRIMARY KEY,             -- YYYY-MM
    hours REAL NOT NULL CHECK (hours > 0)
) WITHOUT ROWID;

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- The audit log: every write appends one event in the same transaction. hash = SHA-256 over the
-- previous hash and this event's fields, so a changed, removed or inserted event breaks the chain.
CREATE TABLE audit_event (
    seq       INTEGER PRIMARY KEY,      -- 1, 2, 3 … with no gaps
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,            -- "person:<id>" or "user:<login>@<host>"
    action    TEXT NOT NULL,            -- e.g. "attestation.sign"
    entity    TEXT NOT NULL,            -- table name
    entity_id TEXT NOT NULL,
    before    TEXT NOT NULL DEFAULT '', -- JSON of the row before, '' when created
    after     TEXT NOT NULL DEFAULT '', -- JSON of the row after, '' when removed
    why       TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX audit_by_entity ON audit_event(entity, entity_id);

CREATE TRIGGER attestation_append_only_u BEFORE UPDATE ON attestation
BEGIN SELECT RAISE(ABORT, 'attestations are append-only'); END;
CREATE TRIGGER attestation_append_only_d BEFORE DELETE ON attestation
BEGIN SELECT RAISE(ABORT, 'attestations are append-only'); END;
CREATE TRIGGER void_append_only_u BEFORE UPDATE ON attestation_void
BEGIN SELECT RAISE(ABORT, 'voids are append-only'); END;
CREATE TRIGGER void_append_only_d BEFORE DELETE ON attestation_void
BEGIN SELECT RAISE(ABORT, 'voids are append-only'); END;
CREATE TRIGGER revision_immutable_u BEFORE UPDATE ON revision
BEGIN SELECT RAISE(ABORT, 'published revisions are immutable'); END;
CREATE TRIGGER revision_immutable_d BEFORE DELETE ON revision
BEGIN SELECT RAISE(ABORT, 'published revisions are immutable'); END;
CREATE TRIGGER audit_append_only_u BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_append_only_d BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
