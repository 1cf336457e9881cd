-- 0001: the vault core — metadata, the hash-chained audit log, and evidence-store key rows.
-- Applied by src-main/engine/db/migrations.ts inside one transaction with user_version = 1.

-- Facts about this vault that the database itself must carry (its id, its creation time),
-- so that a vault.db swapped in from another vault is noticed.
CREATE TABLE vault_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Append-only, hash-chained: hash = SHA-256(prev_hash || canonical entry). See
-- src-main/engine/audit/audit-log.ts for the canonical form. seq counts from 1 without gaps,
-- so a deleted entry is as visible as an edited one.
CREATE TABLE audit_log (
  seq          INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,
  subject_kind TEXT,
  subject_id   TEXT,
  details      TEXT NOT NULL,
  prev_hash    BLOB NOT NULL CHECK (length(prev_hash) = 32),
  hash         BLOB NOT NULL CHECK (length(hash) = 32)
) STRICT;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- One row per encrypted evidence file in blobs/. `key` is the file's own secretstream key:
-- deleting the row is the crypto-erase. sha256 and size describe the unaltered original.
CREATE TABLE blobs (
  id         TEXT PRIMARY KEY CHECK (length(id) = 32),
  key        BLOB NOT NULL CHECK (length(key) = 32),
  sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
  size       INTEGER NOT NULL CHECK (size >= 0),
  created_at TEXT NOT NULL
) STRICT;
