-- 0011: the vault's post-quantum key — the 32-byte seed of an age mlkem768x25519 identity
-- (ML-KEM-768 + X25519, engine/age/mlkem768x25519.ts), carried to partners by the contact card
-- (version 2) so that bundles to them resist an adversary who records them now and decrypts
-- them with a quantum computer later (docs/security.md, "Post-quantum recipients").
--
-- The key is made in code, not SQL: by this migration's data step (engine/db/migration-steps.ts),
-- for a vault being created and for an older vault on the unlock that applies it, audited
-- `identity.pq-key-created`.
--
-- One row. The seed is sealed with its own sub-key of the master key (XChaCha20-Poly1305,
-- associated data = vault id ‖ public key), as the identity key is (0003): the database key
-- alone does not give it, and a row copied from another vault or a public key swapped under
-- a seed fails to open. public_key is the 1216-byte age recipient (ML-KEM-768 encapsulation
-- key ‖ X25519 key) derived from the seed, checked against it on every unlock.
CREATE TABLE vault_pq_key (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  public_key    BLOB NOT NULL CHECK (length(public_key) = 1216),
  seed_nonce    BLOB NOT NULL CHECK (length(seed_nonce) = 24),
  seed_sealed   BLOB NOT NULL CHECK (length(seed_sealed) = 48),
  created_at    TEXT NOT NULL
) STRICT;
