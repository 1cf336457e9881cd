-- 0013: team sync remembers the records erased here (docs/team-sync.md "Erasure travels"), by
-- kind and id only, so that a change of an erased record that arrives later — an edit made
-- elsewhere before the erasure was known, a snapshot, a late insert — is dropped instead of
-- bringing the record, or its values, back. Ids only: nothing personal.
CREATE TABLE sync_erased (
  kind       TEXT NOT NULL,
  record_id  TEXT NOT NULL,
  PRIMARY KEY (kind, record_id)
) STRICT, WITHOUT ROWID;
