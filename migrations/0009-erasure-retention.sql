-- 0009: erasure and retention (docs/erasure.md).
--
-- An erasure (evidence erase, person erase, case purge) deletes the records and leaves a
-- content-free tombstone here: what kind of record, its id, when, by whom, the SHA-256 of the
-- reason typed, and facts that hold ids, hashes, counts and days only (never a name, a title or
-- any text a person typed). An evidence item's tombstone is also the last link of its chain of
-- custody: `facts` carries the chain's head and the hash of the closing 'erased' event computed
-- like any custody event (src-main/engine/evidence/custody-log.ts), and `reason` keeps the
-- reason, because the custody record must say why an item left custody. Person and case
-- tombstones keep only the reason's hash: such a reason is about the person.
-- Append-only: the triggers refuse UPDATE and DELETE.
CREATE TABLE erasures (
  seq            INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('evidence', 'person', 'case')),
  record_id      TEXT NOT NULL,
  -- evidence: its case; case: the case itself; person: NULL
  case_id        TEXT,
  erased_at      TEXT NOT NULL,
  actor          TEXT NOT NULL,
  reason         TEXT CHECK (reason IS NULL OR kind = 'evidence'),
  reason_sha256  TEXT NOT NULL CHECK (length(reason_sha256) = 64),
  -- the person erasure or case purge this erasure was part of
  part_of        INTEGER REFERENCES erasures(seq),
  facts          TEXT NOT NULL CHECK (json_valid(facts)),
  UNIQUE (kind, record_id)
) STRICT;
CREATE INDEX erasures_case ON erasures(case_id, seq);

CREATE TRIGGER erasures_no_update BEFORE UPDATE ON erasures
BEGIN
  SELECT RAISE(ABORT, 'erasures is append-only');
END;

CREATE TRIGGER erasures_no_delete BEFORE DELETE ON erasures
BEGIN
  SELECT RAISE(ABORT, 'erasures is append-only');
END;

-- The consent rows an erasure removed, without their personal columns (witness, refusal and
-- withdrawal reasons, notes; records/consents.ts marks them personal) and without the language:
-- which consent was asked, for what, to whom, in which state, when, and what the person was told
-- stay provable. record_sha256 is the SHA-256 of the whole row as it was (canonical JSON of the
-- consent record), so a paper copy kept elsewhere can be matched against it.
CREATE TABLE erased_consents (
  id                    TEXT PRIMARY KEY,
  series_id             TEXT NOT NULL,
  version               INTEGER NOT NULL,
  person_id             TEXT NOT NULL,
  case_id               TEXT NOT NULL,
  purpose               TEXT NOT NULL,
  recipient_partner_id  TEXT,
  recipient_class       TEXT,
  state                 TEXT NOT NULL,
  -- the told_* flags as a JSON object {nature, purpose, use, consequences, rightToRefuse, rightToWithdraw}
  told                  TEXT NOT NULL CHECK (json_valid(told)),
  method                TEXT NOT NULL,
  given_at              TEXT NOT NULL,
  expires_at            TEXT,
  withdrawn_at          TEXT,
  origin_vault          TEXT NOT NULL,
  record_sha256         TEXT NOT NULL CHECK (length(record_sha256) = 64),
  erasure_seq           INTEGER NOT NULL REFERENCES erasures(seq)
) STRICT;
CREATE INDEX erased_consents_person ON erased_consents(person_id);

CREATE TRIGGER erased_consents_no_update BEFORE UPDATE ON erased_consents
BEGIN
  SELECT RAISE(ABORT, 'erased_consents is append-only');
END;

CREATE TRIGGER erased_consents_no_delete BEFORE DELETE ON erased_consents
BEGIN
  SELECT RAISE(ABORT, 'erased_consents is append-only');
END;

-- An erasure may now also delete an evidence item's custody events (their closing link is the
-- tombstone above). erasure_in_progress is empty at every commit (0006), so it is simply made again.
DROP TRIGGER consents_no_delete;
DROP TABLE erasure_in_progress;
CREATE TABLE erasure_in_progress (
  kind       TEXT NOT NULL CHECK (kind IN ('consents', 'custody_events')),
  record_id  TEXT NOT NULL,
  PRIMARY KEY (kind, record_id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress WHERE kind = 'consents' AND record_id = old.id)
BEGIN
  SELECT RAISE(ABORT, 'consents are versioned: they are never deleted (an erasure lists its rows in erasure_in_progress)');
END;

DROP TRIGGER custody_events_no_delete;
CREATE TRIGGER custody_events_no_delete BEFORE DELETE ON custody_events
WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress WHERE kind = 'custody_events' AND record_id = old.evidence_id)
BEGIN
  SELECT RAISE(ABORT, 'custody_events is append-only (an erasure lists its items in erasure_in_progress)');
END;

-- Retention: how many years after a case is closed it comes up for review (case
-- retention-review). NULL: no retention period set. Nothing is deleted automatically.
ALTER TABLE org_policy ADD COLUMN retention_years INTEGER CHECK (retention_years IS NULL OR retention_years BETWEEN 1 AND 100);
ALTER TABLE org_policy ADD COLUMN retention_updated_at TEXT;
