-- 0010: bringing an existing caseload in from spreadsheets (docs/import.md).

-- Column mappings saved by name for reuse: which column header of a file feeds which field of a
-- record kind. `mapping` is a JSON object { field: header }. Header names only, never a value.
CREATE TABLE import_mappings (
  name        TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 100),
  kind        TEXT NOT NULL CHECK (kind IN ('cases', 'people', 'enquiries', 'deadlines', 'partners')),
  mapping     TEXT NOT NULL CHECK (json_valid(mapping) AND json_type(mapping) = 'object'),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

-- Every import run: the file's SHA-256 (so that the same file is recognised when it comes
-- again), what kind of record it held, and what the run did. No file name, no content.
-- status: 'running' while batches commit (a run killed mid-way stays so: its committed batches
-- are in the counts), 'complete', or 'cancelled' (stopped between two batches).
CREATE TABLE imported_files (
  id           TEXT PRIMARY KEY,
  sha256       BLOB NOT NULL CHECK (length(sha256) = 32),
  kind         TEXT NOT NULL CHECK (kind IN ('cases', 'people', 'enquiries', 'deadlines', 'partners')),
  bytes        INTEGER NOT NULL CHECK (bytes >= 0),
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  status       TEXT NOT NULL CHECK (status IN ('running', 'complete', 'cancelled')),
  created      INTEGER NOT NULL DEFAULT 0 CHECK (created >= 0),
  updated      INTEGER NOT NULL DEFAULT 0 CHECK (updated >= 0),
  refused      INTEGER NOT NULL DEFAULT 0 CHECK (refused >= 0),
  CHECK ((status = 'running') = (finished_at IS NULL))
) STRICT;
CREATE INDEX imported_files_hash ON imported_files(sha256);
