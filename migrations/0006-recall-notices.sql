-- 0006: recall notices — a consent withdrawal reaches the partners that received the person's
-- data (docs/bundle-format.md, "Recall notices"; docs/consents.md). This vault keeps a ledger of
-- the notices it sent and received; records a partner asked us to restrict are marked; and a
-- partner's erasure may delete consent rows, which are otherwise never deleted.

-- The recall ledger: every notice this vault sent (one per partner) or received and applied.
-- `notice` is the exact signed notice.json text, `notice_hash` its SHA-256. It holds ids only
-- (the person, the consent, the bundles and records), never a name or any other content.
-- sent: status 'sent', then 'delivered' once the partner's signed recall receipt came back
-- (`receipt`, `counts` from it). received: status 'applied', with the receipt we issued and what
-- applying it did (`counts`).
CREATE TABLE recall_notices (
  id            TEXT PRIMARY KEY,
  direction     TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
  partner_id    TEXT REFERENCES partners(id),
  sender_vault  TEXT NOT NULL,
  sender_key    BLOB NOT NULL CHECK (length(sender_key) = 33),
  notice_hash   BLOB NOT NULL CHECK (length(notice_hash) = 32),
  notice        TEXT NOT NULL CHECK (json_valid(notice)),
  action        TEXT NOT NULL CHECK (action IN ('restrict', 'erase')),
  person_id     TEXT NOT NULL,
  consent_id    TEXT NOT NULL,
  bundles       INTEGER NOT NULL CHECK (bundles >= 1),
  records       INTEGER NOT NULL CHECK (records >= 1),
  created_at    TEXT NOT NULL,
  expires_at    TEXT,
  status        TEXT NOT NULL CHECK (status IN ('sent', 'delivered', 'applied')),
  recorded_at   TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  receipt       TEXT CHECK (receipt IS NULL OR json_valid(receipt)),
  counts        TEXT CHECK (counts IS NULL OR json_valid(counts)),
  CHECK ((direction = 'sent') = (status IN ('sent', 'delivered'))),
  CHECK (status = 'sent' OR (receipt IS NOT NULL AND counts IS NOT NULL))
) STRICT;
CREATE INDEX recall_notices_list ON recall_notices(direction, recorded_at);
CREATE INDEX recall_notices_person ON recall_notices(person_id, partner_id);

-- Received records their origin asked us to restrict: never exported in a bundle, never in a
-- donor report, marked where they are shown. One row per record; the notice that asked.
CREATE TABLE restricted_records (
  kind           TEXT NOT NULL CHECK (kind IN ('people', 'consents')),
  record_id      TEXT NOT NULL,
  origin_vault   TEXT NOT NULL,
  notice_id      TEXT NOT NULL REFERENCES recall_notices(id),
  restricted_at  TEXT NOT NULL,
  PRIMARY KEY (kind, record_id)
) STRICT, WITHOUT ROWID;

-- Consent rows are never deleted (0002: consents_no_delete) — except by an erasure, which lists
-- the rows it removes here inside its own transaction and clears the list before it commits, so
-- the table is empty at every commit.
CREATE TABLE erasure_in_progress (
  kind       TEXT NOT NULL CHECK (kind IN ('consents')),
  record_id  TEXT NOT NULL,
  PRIMARY KEY (kind, record_id)
) STRICT, WITHOUT ROWID;

DROP TRIGGER consents_no_delete;
CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress WHERE kind = 'consents' AND record_id = old.id)
BEGIN
  SELECT RAISE(ABORT, 'consents are versioned: they are never deleted (an erasure lists its rows in erasure_in_progress)');
END;
