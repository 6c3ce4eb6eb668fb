-- Schema 2: state of the file on this and other machines; the library JSON carries none of it
-- (tables named local_*), because it describes the file, not the library's content.

-- The identity of this file and its copies (backups, cp): it keys the per-machine witness of the
-- audit log, so that an older copy swapped in is recognised as the same library having fallen
-- behind. import-library makes a new file and so a new identity.
CREATE TABLE local_library (
    id         TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);
INSERT INTO local_library (id, created_at)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
             substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' ||
             hex(randomblob(6))),
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now');

-- The single writer of a library in a network folder (rollback journal; SQLite's locks are not
-- trusted across machines there). One row at most; renewed by its holder's heartbeat, taken over
-- when the heartbeat is stale.
CREATE TABLE local_lease (
    slot      INTEGER PRIMARY KEY CHECK (slot = 1),
    host      TEXT NOT NULL,
    pid       INTEGER NOT NULL,
    since     TEXT NOT NULL,
    heartbeat TEXT NOT NULL
);
