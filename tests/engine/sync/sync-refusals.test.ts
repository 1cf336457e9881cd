// Sync bundles that a trusted, verified member signed but that try what a member may not:
// refused whole, with their own code, and nothing changes.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../../src-main/engine/cases/case-service.js';
import { importBundle } from '../../../src-main/engine/bundles/import.js';
import { contactCardOf } from '../../../src-main/engine/identity/contact-card.js';
import { X25519Recipient } from '../../../src-main/engine/age/index.js';
import { uuidv7 } from '../../../src-main/engine/util/ids.js';
import { SYNC_FORMAT, SYNC_FORMAT_VERSION, writeSyncFile } from '../../../src-main/engine/sync/bundle.js';
import { type SyncChange, changeBytes } from '../../../src-main/engine/sync/merge.js';
import { addTeamMember, removeTeamMember } from '../../../src-main/engine/sync/members.js';
import { exportSync, importSync } from '../../../src-main/engine/sync/sync-service.js';
import { cardFileText } from '../../../src-main/engine/identity/contact-card.js';
import { codeOf, tempDir } from '../../helpers.js';
import { closePersistent, side } from '../bundles/bundle-helpers.js';
import { type Member, bundleFor, syncedState, team } from './sync-helpers.js';

let a: Member, b: Member, c: Member;
let caseId: string;

beforeAll(async () => {
  [a, b, c] = (await team(3, true)) as [Member, Member, Member];
  caseId = createCase(a.ctx, { title: 'Case', reference: 'R-1' }).id;
  await importSync(b.ctx, await bundleFor(a, b));
}, 60_000);
afterAll(() => closePersistent());

/** A sync bundle signed by `from` for `to` with exactly these changes. */
async function crafted(from: Member, to: Member, changes: SyncChange[]): Promise<string> {
  const out = path.join(tempDir('cv-sync-bad-'), 'x.cvsync');
  await writeSyncFile(
    from.ctx,
    out,
    {
      format: SYNC_FORMAT,
      formatVersion: SYNC_FORMAT_VERSION,
      bundleId: uuidv7(Date.now()),
      createdAt: new Date().toISOString(),
      sender: contactCardOf(from.ctx),
      recipients: [{ vaultId: to.ctx.vaultId, publicKey: to.ctx.identity.publicKey.toString('base64') }],
      acks: [],
      changes,
    },
    [X25519Recipient.fromLibsignal(to.ctx.identity.publicKey)],
    (publish) => publish(),
  );
  return out;
}

const HLC = `${String(Date.now() + 60_000).padStart(15, '0')}.000000`;
const change = (over: Partial<SyncChange>): SyncChange => ({
  origin: a.ctx.vaultId,
  originSeq: 10_000,
  hlc: HLC,
  kind: 'cases',
  recordId: caseId,
  op: 'update',
  fields: { title: 'Hijacked' },
  previous: { title: 'Case' },
  ...over,
});

async function refused(file: string): Promise<string> {
  const before = syncedState(b);
  const code = await codeOf(importSync(b.ctx, file));
  expect(syncedState(b)).toEqual(before);
  return code;
}

describe('sync bundles refused', () => {
  it('a change that claims to be made by another member', async () => {
    expect(await refused(await crafted(a, b, [change({ origin: c.ctx.vaultId })]))).toBe('SYNC_ORIGIN_MISMATCH');
    // relayed with a signature, but by the relaying member rather than the origin
    const claimed = change({ origin: c.ctx.vaultId });
    const bySender = { ...claimed, sig: a.ctx.identity.sign('syncChange', changeBytes(claimed)).toString('base64') };
    expect(await refused(await crafted(a, b, [bySender]))).toBe('SYNC_ORIGIN_MISMATCH');
    // signed by its origin, then altered on the way
    const real = change({ origin: c.ctx.vaultId, fields: { title: 'By C' } });
    const signed = { ...real, sig: c.ctx.identity.sign('syncChange', changeBytes(real)).toString('base64') };
    expect(await refused(await crafted(a, b, [{ ...signed, fields: { title: 'Altered' } }]))).toBe(
      'SYNC_ORIGIN_MISMATCH',
    );
    // the same change unaltered is relayed and applied
    const ok = await importSync(b.ctx, await crafted(a, b, [signed]));
    expect(ok.applied + ok.held).toBe(1);
  });

  it('a change of a kind, a field or a value team sync does not carry', async () => {
    expect(await refused(await crafted(a, b, [change({ kind: 'partners' })]))).toBe('SYNC_CHANGE_REFUSED');
    expect(await refused(await crafted(a, b, [change({ kind: 'audit_log' })]))).toBe('SYNC_CHANGE_REFUSED');
    expect(await refused(await crafted(a, b, [change({ fields: { version: 99 }, previous: {} })]))).toBe(
      'SYNC_CHANGE_REFUSED',
    );
    expect(await refused(await crafted(a, b, [change({ fields: { status: 'bogus' }, previous: {} })]))).toBe(
      'SYNC_CHANGE_REFUSED',
    );
    // a valid change beside it does not get through either: the whole bundle is refused
    expect(
      await refused(await crafted(a, b, [change({ originSeq: 9_999 }), change({ fields: { seq: 1 }, previous: {} })])),
    ).toBe('SYNC_CHANGE_REFUSED');
  });

  it('a change dated far in the future (it would pin every later change behind it)', async () => {
    const future = `${String(Date.now() + 3 * 24 * 3600_000).padStart(15, '0')}.000000`;
    expect(await refused(await crafted(a, b, [change({ hlc: future })]))).toBe('SYNC_CHANGE_REFUSED');
  });

  it('an edit or a deletion of a consent (consents are append-only)', async () => {
    expect(
      await refused(
        await crafted(a, b, [change({ kind: 'consents', recordId: caseId, fields: { state: 'given' }, previous: {} })]),
      ),
    ).toBe('SYNC_CHANGE_REFUSED');
    expect(
      await refused(await crafted(a, b, [change({ kind: 'consents', op: 'delete', fields: {}, previous: {} })])),
    ).toBe('SYNC_CHANGE_REFUSED');
  });

  it('a side-table row whose id is not its key', async () => {
    expect(
      await refused(
        await crafted(a, b, [
          change({
            kind: 'case_tags',
            op: 'insert',
            recordId: JSON.stringify([caseId, 'a']),
            fields: { case_id: caseId, tag: 'b' },
            previous: {},
          }),
        ]),
      ),
    ).toBe('SYNC_CHANGE_REFUSED');
  });

  it('from a vault that is not a member, a member not verified, a removed member', async () => {
    const stranger = await side('Someone', 'Elsewhere', false);
    const out = path.join(tempDir('cv-sync-x-'), 'x.cvsync');
    await writeSyncFile(
      stranger.ctx,
      out,
      {
        format: SYNC_FORMAT,
        formatVersion: SYNC_FORMAT_VERSION,
        bundleId: uuidv7(Date.now()),
        createdAt: new Date().toISOString(),
        sender: contactCardOf(stranger.ctx),
        recipients: [{ vaultId: b.ctx.vaultId, publicKey: b.ctx.identity.publicKey.toString('base64') }],
        acks: [],
        changes: [],
      },
      [X25519Recipient.fromLibsignal(b.ctx.identity.publicKey)],
      (publish) => publish(),
    );
    expect(await refused(out)).toBe('SYNC_MEMBER_UNKNOWN');
    addTeamMember(b.ctx, { card: cardFileText(contactCardOf(stranger.ctx)) });
    expect(await refused(out)).toBe('SYNC_MEMBER_NOT_VERIFIED');

    const fromC = await bundleFor(c, b);
    removeTeamMember(b.ctx, b.members.get(c.ctx.vaultId)!);
    expect(await refused(fromC)).toBe('SYNC_MEMBER_REMOVED');
    expect(
      await codeOf(exportSync(b.ctx, { to: b.members.get(c.ctx.vaultId)!, out: path.join(tempDir(), 'y.cvsync') })),
    ).toBe('SYNC_MEMBER_REMOVED');
    expect(codeOfSyncCall(() => addTeamMember(b.ctx, { card: cardFileText(contactCardOf(c.ctx)) }))).toBe(
      'SYNC_MEMBER_REMOVED',
    );
  });

  it('a sync bundle is not a partner bundle, and a partner bundle not a sync bundle', async () => {
    const file = await bundleFor(a, b);
    const code = await codeOf(importBundle(b.ctx, file));
    expect(code).toMatch(/^BUNDLE_/);
    const notSync = path.join(tempDir(), 'n.cvsync');
    const fs = await import('node:fs');
    fs.writeFileSync(notSync, 'age-encryption.org/v1\n-> nothing\n');
    expect(await codeOf(importSync(b.ctx, notSync))).toMatch(/^AGE_|^BUNDLE_NOT_FOR_US$/);
  });
});

function codeOfSyncCall(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}
