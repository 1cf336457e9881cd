// Team vaults for the sync tests: real vaults that added and verified each other as members.
import path from 'node:path';
import { cardFileText, contactCardOf } from '../../../src-main/engine/identity/contact-card.js';
import { safetyNumberDigits } from '../../../src-main/engine/identity/safety-number.js';
import { addTeamMember, verifyTeamMember } from '../../../src-main/engine/sync/members.js';
import { exportSync, importSync } from '../../../src-main/engine/sync/sync-service.js';
import { type Side, side } from '../bundles/bundle-helpers.js';
import { tempDir } from '../../helpers.js';

export interface Member extends Side {
  /** member id (on this vault) of each other vault, by vault id */
  members: Map<string, string>;
}

let counter = 0;

/**
 * `n` vaults, each with every other as a verified team member. `persistent`: they outlive one
 * test (made in beforeAll; closePersistent() in afterAll).
 */
export async function team(n: number, persistent = false): Promise<Member[]> {
  const names = ['Asha Njeri', 'Tomás Ruiz', 'Leila Haddad', 'Kofi Mensah'];
  const sides: Member[] = [];
  for (let i = 0; i < n; i++) {
    const s = await side(names[i]!, 'Haki Litigation Centre', persistent);
    sides.push(Object.assign(s, { members: new Map<string, string>() }));
  }
  for (const a of sides)
    for (const b of sides) {
      if (a === b) continue;
      const m = addTeamMember(a.ctx, { card: cardFileText(contactCardOf(b.ctx)) });
      const digits = safetyNumberDigits(
        { vaultId: a.ctx.vaultId, publicKey: a.ctx.identity.publicKey },
        { vaultId: b.ctx.vaultId, publicKey: b.ctx.identity.publicKey },
      ).digits;
      verifyTeamMember(a.ctx, { id: m.id, safetyNumber: digits, verifiedBy: 'test' });
      a.members.set(b.ctx.vaultId, m.id);
    }
  return sides;
}

/** A sync bundle from `from` to `to`, written to a new file; its path. */
export async function bundleFor(from: Member, to: Member): Promise<string> {
  const out = path.join(tempDir('cv-sync-'), `b${++counter}.cvsync`);
  await exportSync(from.ctx, { to: from.members.get(to.ctx.vaultId)!, out });
  return out;
}

/** Export from `from` and import into `to`. */
export async function deliver(from: Member, to: Member) {
  return importSync(to.ctx, await bundleFor(from, to));
}

import { SYNC_KINDS, columnsOf } from '../../../src-main/engine/sync/kinds.js';
import { listConflicts } from '../../../src-main/engine/sync/sync-service.js';

/** Every synced row of a vault, in the synced columns only (test-only SQL over code-made names). */
export function syncedState(m: Member): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const k of SYNC_KINDS.values()) {
    const cols = columnsOf(k);
    out[k.name] = m.ctx.db.prepare(`SELECT ${cols.join(', ')} FROM ${k.name} ORDER BY ${cols.join(', ')}`).all();
  }
  return out;
}

/** The open conflicts of a vault: id, field and the two values (not who is local). */
export function openConflicts(m: Member): unknown[] {
  return listConflicts(m.ctx).map((c) => ({
    id: c.id,
    field: c.field,
    recordId: c.recordId,
    values: c.sides.map((s) => s.value),
    shown: c.shown,
  }));
}
