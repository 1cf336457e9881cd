-- 0013: team sync remembers the records erased here (docs/team-sync.md "Erasure travels"), by
-- kind and id only, so that a change of an erased record that arrives later — an edit made
-- elsewhere before the erasure was known, a snapshot, a late insert — is dropped instead of
-- bringing the record, or its values, back. Ids only: nothing personal.
CREATE TABLE sync_erased (
  kind       TEXT NOT NULL,
  record_id  TEXT NOT NULL,
  PRIMARY KEY (kind, record_id)
) STRICT, WITHOUT ROWID;

-- Relaying: each change carries its origin's signature (XEdDSA by the origin vault's identity
-- over the change's canonical JSON, domain case-vault/team-sync-change/v1), base64, so a member
-- can pass on another member's changes without being able to forge them. Kept apart from
-- sync_changes (by its seq) so that signing a change made here never rewrites, and so moves,
-- the row that holds its values (a moved row can leave a stale copy that an erasure would not
-- reach). A change without a signature (blanked here by an erasure and made elsewhere) is not
-- relayed; blanking drops the signature, which was over the values.
CREATE TABLE sync_change_sigs (
  seq  INTEGER PRIMARY KEY,
  sig  TEXT NOT NULL CHECK (length(sig) = 88)
) STRICT;
CREATE TRIGGER sync_changes_blanked AFTER UPDATE OF kind ON sync_changes
WHEN NEW.kind = 'purged' AND OLD.kind != 'purged'
BEGIN
  DELETE FROM sync_change_sigs WHERE seq = NEW.seq;
END;
