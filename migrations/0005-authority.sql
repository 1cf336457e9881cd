-- 0005: authority over what arrives and what leaves (docs/bundle-format.md, "Authority").
--
-- Incoming: a partner's note, deadline, outcome or evidence item on a case it did not originate
-- (one of ours, or a third vault's) is not written into that case. It waits here as a *proposed
-- addition*, attributed to the partner and the bundle it came in, until a person accepts it
-- (it is then written as a record of that partner's origin) or rejects it (its content is
-- dropped and an evidence file it brought is crypto-erased).
--
-- Outgoing: the organisation's partner gate — whether a share needs an approved due diligence
-- and an active confidentiality or data-sharing agreement. One row, on by default.

CREATE TABLE proposed_additions (
  id             TEXT PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('notes', 'deadlines', 'outcomes', 'evidence')),
  record_id      TEXT NOT NULL,
  -- the version the proposing vault sent; a later version of the same record is a new proposal
  -- (the pending one it replaces becomes 'superseded')
  version        INTEGER NOT NULL CHECK (version >= 1),
  case_id        TEXT NOT NULL REFERENCES cases(id),
  from_vault     TEXT NOT NULL,
  partner_id     TEXT REFERENCES partners(id),
  bundle_id      TEXT NOT NULL REFERENCES bundles(id),
  -- the record as received (the wire form, canonical JSON); '{}' once rejected
  record         TEXT NOT NULL CHECK (json_valid(record)),
  -- an evidence file that came with it, held in the store (encrypted) until a decision
  blob_id        TEXT REFERENCES blobs(id),
  status         TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'superseded')),
  received_at    TEXT NOT NULL,
  decided_at     TEXT,
  decided_by     TEXT,
  CHECK ((status = 'pending') = (decided_at IS NULL)),
  -- once decided, the file belongs to the evidence row (accepted) or is erased (rejected)
  CHECK (status = 'pending' OR blob_id IS NULL)
) STRICT;
-- at most one proposal of a record waits for a decision at a time
CREATE UNIQUE INDEX proposed_additions_one_pending ON proposed_additions(record_id) WHERE status = 'pending';
CREATE INDEX proposed_additions_open ON proposed_additions(status, received_at);
CREATE INDEX proposed_additions_case ON proposed_additions(case_id, status);
CREATE INDEX proposed_additions_record ON proposed_additions(record_id, version);

CREATE TABLE org_policy (
  id                     INTEGER PRIMARY KEY CHECK (id = 1),
  require_due_diligence  INTEGER NOT NULL CHECK (require_due_diligence IN (0, 1)),
  require_agreement      INTEGER NOT NULL CHECK (require_agreement IN (0, 1)),
  updated_at             TEXT,
  updated_by             TEXT
) STRICT;
INSERT INTO org_policy (id, require_due_diligence, require_agreement) VALUES (1, 1, 1);
