-- 0003: partner exchange — the vault's own identity, partners' keys and how each was verified,
-- signed audit checkpoints, the ledger of sent and received bundles, where received records
-- came from, and the conflicts an import found. docs/bundle-format.md describes the bundles;
-- docs/domain-model.md the tables.
--
-- The identity key pair itself cannot be made in SQL: a vault created by this version gets it
-- in the same transaction that writes vault_meta, and an older vault gets it right after this
-- migration, on the unlock that applies it (src-main/engine/identity/vault-identity.ts,
-- ensureIdentity), audited as `identity.created`.

-- One row: this vault's libsignal IdentityKeyPair. The private key is sealed with a sub-key of
-- the master key (XChaCha20-Poly1305, associated data = vault id ‖ public key), so a copy of the
-- database key alone does not give the signing key; it is opened into sodium_malloc memory on
-- unlock and zeroed on lock.
CREATE TABLE vault_identity (
  id                  INTEGER PRIMARY KEY CHECK (id = 1),
  public_key          BLOB NOT NULL CHECK (length(public_key) = 33),
  private_key_nonce   BLOB NOT NULL CHECK (length(private_key_nonce) = 24),
  private_key_sealed  BLOB NOT NULL CHECK (length(private_key_sealed) = 48),
  -- what the contact card says about us (editable; the card is re-signed when exported)
  name                TEXT NOT NULL DEFAULT '',
  organisation        TEXT NOT NULL DEFAULT '',
  created_at          TEXT NOT NULL
) STRICT;

-- The keys a partner's vaults have presented (from contact cards or bundles). A partner has at
-- most one current key per vault; when a card for the same vault arrives with a different key,
-- the old row becomes 'replaced' and the new one starts 'unverified' (a key change must be
-- verified again). Verification records who compared the safety number, when, and how.
CREATE TABLE partner_keys (
  id               TEXT PRIMARY KEY,
  partner_id       TEXT NOT NULL REFERENCES partners(id),
  vault_id         TEXT NOT NULL,
  public_key       BLOB NOT NULL UNIQUE CHECK (length(public_key) = 33),
  name             TEXT NOT NULL,
  organisation     TEXT NOT NULL,
  card_created_at  TEXT NOT NULL,
  card             TEXT NOT NULL CHECK (json_valid(card)),
  status           TEXT NOT NULL CHECK (status IN ('unverified', 'verified', 'replaced')),
  added_at         TEXT NOT NULL,
  verified_at      TEXT,
  verified_by      TEXT,
  verified_how     TEXT CHECK (verified_how IS NULL OR verified_how IN ('read-aloud', 'scanned', 'in-person')),
  replaced_at      TEXT,
  CHECK ((status = 'verified') = (verified_at IS NOT NULL AND verified_by IS NOT NULL AND verified_how IS NOT NULL) OR status = 'replaced')
) STRICT;
CREATE INDEX partner_keys_partner ON partner_keys(partner_id, status);
CREATE INDEX partner_keys_vault ON partner_keys(vault_id, status);

-- Audit checkpoints: the hash of audit entry `seq`, signed (XEdDSA) by the vault identity over
-- a domain-separated digest (see src-main/engine/identity/audit-checkpoints.ts). Append-only.
CREATE TABLE audit_checkpoints (
  seq         INTEGER PRIMARY KEY,
  hash        BLOB NOT NULL CHECK (length(hash) = 32),
  at          TEXT NOT NULL,
  public_key  BLOB NOT NULL CHECK (length(public_key) = 33),
  signature   BLOB NOT NULL CHECK (length(signature) = 64)
) STRICT;

CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN
  SELECT RAISE(ABORT, 'audit_checkpoints is append-only');
END;

CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN
  SELECT RAISE(ABORT, 'audit_checkpoints is append-only');
END;

-- The bundle ledger: every bundle this vault sent or received. `manifest` is the exact signed
-- manifest text; `manifest_hash` its SHA-256. A quarantined bundle (sender unknown or not yet
-- verified) is kept, still age-encrypted, in the evidence store under `quarantine_blob`, until
-- the user verifies the sender and accepts it, or discards it.
CREATE TABLE bundles (
  id               TEXT PRIMARY KEY,
  direction        TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
  partner_id       TEXT REFERENCES partners(id),
  sender_vault     TEXT NOT NULL,
  sender_key       BLOB NOT NULL CHECK (length(sender_key) = 33),
  manifest_hash    BLOB NOT NULL CHECK (length(manifest_hash) = 32),
  manifest         TEXT NOT NULL CHECK (json_valid(manifest)),
  purpose          TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  expires_at       TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('sent', 'delivered', 'quarantined', 'imported', 'discarded')),
  entries          INTEGER NOT NULL CHECK (entries >= 0),
  bytes            INTEGER NOT NULL CHECK (bytes >= 0),
  recorded_at      TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  -- sent: the partner's signed receipt once imported; received: the receipt we issued
  receipt          TEXT CHECK (receipt IS NULL OR json_valid(receipt)),
  quarantine_blob  TEXT REFERENCES blobs(id),
  CHECK ((status = 'quarantined') = (quarantine_blob IS NOT NULL))
) STRICT;
CREATE INDEX bundles_partner ON bundles(partner_id, recorded_at);
CREATE INDEX bundles_status ON bundles(direction, status, recorded_at);

-- Which received bundle last wrote each record, and the record's version at that moment. A
-- later bundle with a higher version updates the record when the local row still has
-- `received_version`; if the row moved on (edited here), the incoming version is a conflict.
CREATE TABLE received_records (
  kind              TEXT NOT NULL CHECK (kind IN ('cases', 'people', 'consents', 'evidence', 'notes', 'deadlines', 'outcomes')),
  record_id         TEXT NOT NULL,
  origin_vault      TEXT NOT NULL,
  bundle_id         TEXT NOT NULL REFERENCES bundles(id),
  received_version  INTEGER NOT NULL CHECK (received_version >= 1),
  -- the local row's version right after a bundle (or taking an incoming version) wrote it: a
  -- row still at local_version was not edited here since (the versions of the two vaults are
  -- separate counters, so received_version alone cannot tell)
  local_version     INTEGER NOT NULL CHECK (local_version >= 1),
  received_at       TEXT NOT NULL,
  PRIMARY KEY (kind, record_id)
) STRICT, WITHOUT ROWID;

-- Evidence a partner described without sending its file (their sharing profile or their
-- choice left the file out). The evidence table needs a stored file for every row, so the
-- description waits here, as received, until a later bundle brings the file; the import then
-- moves it into evidence. Never edited here.
CREATE TABLE received_evidence_metadata (
  id            TEXT PRIMARY KEY,
  case_id       TEXT NOT NULL REFERENCES cases(id),
  record        TEXT NOT NULL CHECK (json_valid(record)),
  version       INTEGER NOT NULL CHECK (version >= 1),
  origin_vault  TEXT NOT NULL,
  received_at   TEXT NOT NULL
) STRICT;
CREATE INDEX received_evidence_metadata_case ON received_evidence_metadata(case_id);

-- A received version of a record that was also edited here. The local record is left as it is
-- and the incoming one kept beside it until the user chooses.
CREATE TABLE import_conflicts (
  id                TEXT PRIMARY KEY,
  kind              TEXT NOT NULL CHECK (kind IN ('cases', 'people', 'consents', 'evidence', 'notes', 'deadlines', 'outcomes')),
  record_id         TEXT NOT NULL,
  bundle_id         TEXT NOT NULL REFERENCES bundles(id),
  incoming_version  INTEGER NOT NULL,
  local_version     INTEGER NOT NULL,
  incoming          TEXT NOT NULL CHECK (json_valid(incoming)),
  detected_at       TEXT NOT NULL,
  resolved_at       TEXT,
  resolution        TEXT CHECK (resolution IS NULL OR resolution IN ('kept-local', 'took-incoming')),
  CHECK ((resolved_at IS NULL) = (resolution IS NULL))
) STRICT;
CREATE INDEX import_conflicts_open ON import_conflicts(resolved_at, detected_at);
CREATE INDEX import_conflicts_record ON import_conflicts(kind, record_id);

-- Custody gains 'delivered': the recipient's signed receipt for a bundle that carried the item
-- came back. SQLite cannot change a CHECK constraint in place, so the table is rebuilt with its
-- rows (hashes unchanged: the chain covers the rows, not the table).
DROP TRIGGER custody_events_no_update;
DROP TRIGGER custody_events_no_delete;
CREATE TABLE custody_events_new (
  seq         INTEGER PRIMARY KEY,
  evidence_id TEXT NOT NULL REFERENCES evidence(id),
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('received', 'viewed', 'copied', 'derived', 'exported', 'shared', 'delivered', 'verified', 'verification-failed')),
  details     TEXT NOT NULL CHECK (json_valid(details)),
  prev_hash   BLOB NOT NULL CHECK (length(prev_hash) = 32),
  hash        BLOB NOT NULL CHECK (length(hash) = 32)
) STRICT;
INSERT INTO custody_events_new (seq, evidence_id, at, actor, action, details, prev_hash, hash)
  SELECT seq, evidence_id, at, actor, action, details, prev_hash, hash FROM custody_events ORDER BY seq;
DROP TABLE custody_events;
ALTER TABLE custody_events_new RENAME TO custody_events;
CREATE INDEX custody_events_item ON custody_events(evidence_id, seq);

CREATE TRIGGER custody_events_no_update BEFORE UPDATE ON custody_events
BEGIN
  SELECT RAISE(ABORT, 'custody_events is append-only');
END;

CREATE TRIGGER custody_events_no_delete BEFORE DELETE ON custody_events
BEGIN
  SELECT RAISE(ABORT, 'custody_events is append-only');
END;
