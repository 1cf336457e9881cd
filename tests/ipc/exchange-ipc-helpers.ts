/**
 * Two vaults that meet the way two organisations do in the app: each names itself, saves its
 * contact card to a file (save dialog), the other opens it (open dialog), and each verifies the
 * other's key by typing the safety number the other side reads out. Everything through the
 * real router (ipcVault), nothing behind its back.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ipcVault, type IpcVault } from './ipc-helpers.js';
import type { IdentityProfile, SafetyNumber } from '../../shared/domain/identity.js';
import type { CardImportResult, PartnerKey } from '../../shared/domain/partners.js';

export const PASSPHRASE = 'correct horse battery staple';

/** A folder outside every vault: the "USB stick" files travel on. */
export function stick(): string {
  return mkdtempSync(join(tmpdir(), 'cv-stick-'));
}

export async function namedVault(name: string, organisation: string, now?: () => Date): Promise<IpcVault> {
  const v = await ipcVault(now ? { now } : {});
  await v.ok<IdentityProfile>('identity.update', { name, organisation });
  return v;
}

/** A new file through the save dialog: the handle main issues for `path`. */
export async function saveHandle(v: IpcVault, path: string, kind: string): Promise<string> {
  v.host.saveQueue.push(path);
  const chosen = await v.ok<{ handle: string; name: string } | null>('files.chooseSaveTarget', {
    suggestedName: 'x',
    kind,
  });
  if (!chosen) throw new Error('the save dialog was cancelled');
  return chosen.handle;
}

/** A file through the open dialog. */
export async function openHandle(
  v: IpcVault,
  path: string,
  kind: 'contact-card' | 'bundle' | 'receipt',
): Promise<string> {
  v.host.openQueue.push(path);
  const chosen = await v.ok<{ handle: string } | null>('files.chooseOpen', { kind });
  if (!chosen) throw new Error('the open dialog was cancelled');
  return chosen.handle;
}

/** Save `v`'s contact card into `dir`; the file's path. */
export async function exportCard(v: IpcVault, dir: string, file = 'card.cvcard'): Promise<string> {
  const path = join(dir, file);
  await v.ok('identity.exportCard', { target: await saveHandle(v, path, 'contact-card'), format: 'card' });
  return path;
}

export async function importCard(v: IpcVault, path: string, partnerId?: string): Promise<CardImportResult> {
  return v.ok<CardImportResult>('partners.importCard', {
    file: await openHandle(v, path, 'contact-card'),
    ...(partnerId ? { partnerId } : {}),
  });
}

export async function safetyNumberOf(v: IpcVault, keyId: string): Promise<SafetyNumber> {
  return v.ok<SafetyNumber>('partners.safetyNumber', { keyId });
}

export interface Pair {
  a: IpcVault;
  b: IpcVault;
  /** A's partner record for B, and B's key in A */
  aSeesB: CardImportResult;
  bSeesA: CardImportResult;
  dir: string;
}

/**
 * Clear a partner under the default partner policy (docs/partners.md, "The partner policy"), as
 * a person does on the partner's page: due diligence recorded as approved, a signed
 * confidentiality agreement added.
 */
export async function clearPartner(v: IpcVault, partnerId: string): Promise<void> {
  const p = await v.ok<{ version: number }>('partners.get', { id: partnerId });
  await v.ok('partners.update', { id: partnerId, expectedVersion: p.version, ddOutcome: 'approved' });
  await v.ok('partners.addAgreement', { partnerId, kind: 'confidentiality', signedOn: '2025-01-05' });
}

/**
 * A and B exchange cards through files; unless told otherwise each verifies the other by typing
 * the 60 digits the other side reads out, in groups, as a person would, and each clears the
 * other under the partner policy.
 */
export async function pair(
  opts: { verifyOnA?: boolean; verifyOnB?: boolean; clear?: boolean; now?: () => Date } = {},
): Promise<Pair> {
  const dir = stick();
  const a = await namedVault('Asha Njeri', 'Haki Litigation Centre', opts.now);
  const b = await namedVault('Tomás Ruiz', 'Partner Legal Aid', opts.now);
  const aCard = await exportCard(a, dir, 'haki.cvcard');
  const bCard = await exportCard(b, dir, 'partner.cvcard');
  const bSeesA = await importCard(b, aCard);
  const aSeesB = await importCard(a, bCard);
  const readOutByA = (await safetyNumberOf(a, aSeesB.key.id)).groups.join(' ');
  const readOutByB = (await safetyNumberOf(b, bSeesA.key.id)).groups.join(' ');
  if (opts.verifyOnA !== false)
    await a.ok<PartnerKey>('partners.verifyKey', {
      keyId: aSeesB.key.id,
      safetyNumber: readOutByB,
      how: 'read-aloud',
      verifiedBy: 'Asha',
    });
  if (opts.verifyOnB !== false)
    await b.ok<PartnerKey>('partners.verifyKey', {
      keyId: bSeesA.key.id,
      safetyNumber: readOutByA,
      how: 'read-aloud',
      verifiedBy: 'Tomás',
    });
  if (opts.clear !== false) {
    await clearPartner(a, aSeesB.partner.id);
    await clearPartner(b, bSeesA.partner.id);
  }
  return { a, b, aSeesB, bSeesA, dir };
}

export async function auditTotal(v: IpcVault): Promise<number> {
  return (await v.ok<{ total: number }>('audit.list', { limit: 1 })).total;
}

export async function auditActions(v: IpcVault, limit = 5): Promise<string[]> {
  return (await v.ok<{ items: Array<{ action: string }> }>('audit.list', { limit })).items.map((i) => i.action);
}
