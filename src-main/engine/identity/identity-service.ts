/**
 * The vault's identity profile: what its contact card says (name, organisation) next to the
 * key itself. The key pair is vault-identity.ts; the card is contact-card.ts.
 */
import { type IdentityProfile, UpdateIdentityInput } from '../../../shared/domain/identity.js';
import { VaultError } from '../../../shared/errors.js';
import { get, run, sql } from '../db/sql.js';
import { changedFields, type DomainContext, mutate, parseInput } from '../domain/context.js';
import { keyFingerprint } from './vault-identity.js';

interface IdentityRow {
  public_key: Uint8Array;
  name: string;
  organisation: string;
  created_at: string;
}

function readRow(ctx: DomainContext): IdentityRow {
  const row = get<IdentityRow>(
    ctx.db,
    sql`SELECT public_key, name, organisation, created_at FROM vault_identity WHERE id = 1`,
  );
  if (!row)
    throw new VaultError(
      'IDENTITY_MISSING',
      'This vault has no identity key yet; unlock it with this version of Case Vault to create one.',
    );
  return row;
}

export function getIdentity(ctx: DomainContext): IdentityProfile {
  const row = readRow(ctx);
  const publicKey = Buffer.from(row.public_key);
  return {
    vaultId: ctx.vaultId,
    name: row.name,
    organisation: row.organisation,
    publicKey: publicKey.toString('base64'),
    createdAt: row.created_at,
    fingerprint: keyFingerprint(publicKey),
    ageRecipient: ctx.identity.ageRecipient().toString(),
    postQuantum: ctx.identity.postQuantumPublicKey !== null,
    agePqRecipient: ctx.identity.hybridRecipient()?.toString() ?? null,
  };
}

/** Change what the contact card says; audited with the names of the fields that changed. */
export function updateIdentity(ctx: DomainContext, input: UpdateIdentityInput): IdentityProfile {
  const patch = parseInput(UpdateIdentityInput, input);
  return mutate(ctx, (audit) => {
    const before = readRow(ctx);
    const fields = changedFields({ name: before.name, organisation: before.organisation }, patch);
    if (fields.length > 0) {
      run(
        ctx.db,
        sql`UPDATE vault_identity SET name = ${patch.name ?? before.name}, organisation = ${patch.organisation ?? before.organisation} WHERE id = 1`,
      );
      audit({ action: 'identity.updated', subject: { kind: 'vault-identity', id: ctx.vaultId }, details: { fields } });
    }
    return getIdentity(ctx);
  });
}
