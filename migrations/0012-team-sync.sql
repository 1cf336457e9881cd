-- 0013: team sync — the vaults of one organisation keep one body of casework between them
-- (docs/team-sync.md).
--
-- A team member is a partner vault (same contact card import, same safety-number verification,
-- same key states in partner_keys) marked as belonging to this organisation. A separate table
-- rather than a new partners.kind: partners.kind is a CHECK-constrained column that SQLite can
-- only widen by rebuilding a table other tables reference, and "team member" is a relation
-- (removable, with its own history), not a kind of organisation.
CREATE TABLE team_members (
  partner_id  TEXT PRIMARY KEY REFERENCES partners(id),
  vault_id    TEXT NOT NULL UNIQUE,
  added_at    TEXT NOT NULL,
  -- a removed member gets nothing new and their later bundles are refused
  removed_at  TEXT
) STRICT;

-- This vault's change counter and hybrid logical clock (wall ms, counter), advanced by the
-- change-capture triggers (created at unlock, src-main/engine/sync/capture.ts) and by every
-- change received. One row.
CREATE TABLE sync_clock (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq  INTEGER NOT NULL CHECK (last_seq >= 0),
  wall      INTEGER NOT NULL CHECK (wall >= 0),
  counter   INTEGER NOT NULL CHECK (counter >= 0)
) STRICT;
INSERT INTO sync_clock (id, last_seq, wall, counter) VALUES (1, 0, 0, 0);

-- The change log: every change made here (origin = this vault) and every change received from
-- a member, field by field with the previous values. A change is identified by (origin,
-- origin_seq); hlc is '%015d.%06d' of (wall ms, counter), so text order is clock order.
-- state 'held': received, but its record is not here yet (applied when it arrives).
CREATE TABLE sync_changes (
  seq         INTEGER PRIMARY KEY,
  origin      TEXT NOT NULL,
  origin_seq  INTEGER NOT NULL CHECK (origin_seq >= 1),
  hlc         TEXT NOT NULL CHECK (length(hlc) = 22),
  kind        TEXT NOT NULL,
  record_id   TEXT NOT NULL,
  op          TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  fields      TEXT NOT NULL CHECK (json_valid(fields)),
  previous    TEXT NOT NULL CHECK (json_valid(previous)),
  -- the conflicts this change settles (a JSON array of conflict ids), when it is a resolution
  resolves    TEXT CHECK (resolves IS NULL OR json_valid(resolves)),
  state       TEXT NOT NULL DEFAULT 'applied' CHECK (state IN ('applied', 'held')),
  UNIQUE (origin, origin_seq)
) STRICT;
CREATE INDEX sync_changes_record ON sync_changes(kind, record_id);
CREATE INDEX sync_changes_held ON sync_changes(state) WHERE state = 'held';

-- Applied changes: per origin, every change up to through_seq has been received here (the
-- acknowledgement this vault sends back). Kept apart from sync_changes so that purging rows
-- (erasure) does not make a change look new again.
CREATE TABLE sync_applied (
  origin       TEXT PRIMARY KEY,
  through_seq  INTEGER NOT NULL CHECK (through_seq >= 0)
) STRICT;

-- Acknowledgements: what each member said it holds, per origin (from their bundles). A bundle
-- to a member carries this vault's changes above the member's acknowledgement.
CREATE TABLE sync_acks (
  member_vault  TEXT NOT NULL,
  origin        TEXT NOT NULL,
  through_seq   INTEGER NOT NULL CHECK (through_seq >= 0),
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (member_vault, origin)
) STRICT, WITHOUT ROWID;

-- Concurrent edits of one field: both changes with their values, who (origin) and when (hlc).
-- id = SHA-256 of the field and the two change ids, so every vault names a conflict alike.
-- A resolution that arrives before the conflict is seen here leaves a row with the sides NULL.
CREATE TABLE sync_conflicts (
  id           TEXT PRIMARY KEY,
  kind         TEXT NOT NULL,
  record_id    TEXT NOT NULL,
  field        TEXT NOT NULL,
  a_origin     TEXT,
  a_seq        INTEGER,
  a_hlc        TEXT,
  a_value      TEXT CHECK (a_value IS NULL OR json_valid(a_value)),
  b_origin     TEXT,
  b_seq        INTEGER,
  b_hlc        TEXT,
  b_value      TEXT CHECK (b_value IS NULL OR json_valid(b_value)),
  detected_at  TEXT NOT NULL,
  resolved_at  TEXT,
  -- the change that settled it: origin and origin_seq
  resolved_by_origin  TEXT,
  resolved_by_seq     INTEGER
) STRICT;
CREATE INDEX sync_conflicts_record ON sync_conflicts(kind, record_id);
