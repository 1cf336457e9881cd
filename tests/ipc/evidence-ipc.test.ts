import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ipcVault, type IpcVault } from './ipc-helpers.js';
import type { Case } from '../../shared/domain/cases.js';
import type { CustodyLog, Evidence, EvidenceVerification } from '../../shared/domain/evidence.js';
import type { ChosenFile } from '../../shared/ipc/areas/app.js';
import type { ProgressEvent } from '../../shared/ipc/events.js';

const NOW = new Date('2026-03-10T09:00:00.000Z');
let v: IpcVault | undefined;
let outside: string | undefined;
afterEach(() => {
  v?.cleanup();
  v = undefined;
  if (outside) rmSync(outside, { recursive: true, force: true });
  outside = undefined;
});

/** A folder outside the vault, as the user's own files are. */
function userFolder(): string {
  outside = mkdtempSync(join(tmpdir(), 'cv-ipc-user-'));
  return outside;
}

async function auditTotal(vault: IpcVault): Promise<number> {
  return (await vault.ok<{ total: number }>('audit.list', { limit: 1 })).total;
}

function progressOf(vault: IpcVault, channel: string): ProgressEvent[] {
  return vault.host.events
    .filter((e) => e.name === 'progress' && (e.payload as ProgressEvent).channel === channel)
    .map((e) => e.payload as ProgressEvent);
}

/** Every file of the vault folder except the database (which a read may touch). */
function vaultFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (!entry.name.startsWith('vault.db')) out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function choose(vault: IpcVault, path: string): Promise<ChosenFile> {
  vault.host.openQueue.push(path);
  const chosen = await vault.ok<ChosenFile | null>('files.chooseEvidence');
  if (!chosen) throw new Error('no file chosen');
  return chosen;
}

async function saveTarget(
  vault: IpcVault,
  path: string,
  kind: 'evidence' | 'custody-json' | 'custody-csv',
): Promise<string> {
  vault.host.saveQueue.push(path);
  const t = await vault.ok<{ handle: string; name: string } | null>('files.chooseSaveTarget', {
    suggestedName: 'export',
    kind,
  });
  if (!t) throw new Error('no target chosen');
  return t.handle;
}

describe('evidence.* through the router', () => {
  it('takes in a chosen file with progress, lists, reads, verifies, exports, and keeps the custody log', async () => {
    v = await ipcVault({ now: () => NOW });
    const folder = userFolder();
    const c = await v.ok<Case>('cases.create', { title: 'Case' });
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(3 * 1024 * 1024 + 123)]);
    const file = join(folder, 'report.pdf');
    writeFileSync(file, bytes);

    const chosen = await choose(v, file);
    expect(chosen).toEqual({
      handle: expect.stringMatching(/^fh_[0-9a-f]{32}$/),
      name: 'report.pdf',
      size: bytes.length,
    });
    const e = await v.ok<Evidence>('evidence.add', {
      caseId: c.id,
      file: chosen.handle,
      type: 'medical-report',
      source: 'District clinic',
      collectedAt: '2026-03-01',
    });
    expect(e).toEqual({
      id: expect.any(String),
      caseId: c.id,
      type: 'medical-report',
      title: 'report.pdf',
      description: '',
      fileName: 'report.pdf',
      mediaType: 'application/pdf',
      size: bytes.length,
      sha256: sha256(bytes),
      source: 'District clinic',
      collector: '',
      method: '',
      collectedAt: '2026-03-01',
      place: '',
      derivedFrom: null,
      derivationReason: null,
      receivedAt: '2026-03-10T09:00:00.000Z',
      lastVerifiedAt: null,
      blobId: expect.any(String),
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-10T09:00:00.000Z',
      version: 1,
      originVault: expect.any(String),
    });
    expect(JSON.stringify(e)).not.toContain(folder);

    const intake = progressOf(v, 'evidence.add');
    expect(intake.length).toBeGreaterThanOrEqual(3);
    expect(intake.every((p) => p.phase === 'encrypting' && p.total === bytes.length)).toBe(true);
    expect(intake.map((p) => p.done)).toEqual([...intake.map((p) => p.done)].sort((a, b) => a - b));
    expect(intake.at(-1)!.done).toBe(bytes.length);

    expect(await v.ok<Evidence[]>('evidence.list', { caseId: c.id })).toEqual([e]);
    expect(await v.ok<Evidence>('evidence.get', { id: e.id })).toEqual(e);

    expect(await v.ok<EvidenceVerification>('evidence.verify', { id: e.id })).toEqual({
      id: e.id,
      result: 'match',
      sha256: sha256(bytes),
      size: bytes.length,
      verifiedAt: '2026-03-10T09:00:00.000Z',
    });
    const verifying = progressOf(v, 'evidence.verify');
    expect(verifying.length).toBeGreaterThanOrEqual(2);
    // about one report per percent, not one per 64 KiB chunk
    expect(verifying.length).toBeLessThanOrEqual(102);
    expect(verifying.every((p) => p.phase === 'verifying' && p.total === bytes.length)).toBe(true);
    expect(verifying.at(-1)!.done).toBe(bytes.length);

    const target = join(folder, 'copy for court.pdf');
    const handle = await saveTarget(v, target, 'evidence');
    const exported = await v.ok<Record<string, unknown>>('evidence.export', {
      id: e.id,
      target: handle,
      reason: 'Filed with the court.',
    });
    expect(exported).toEqual({
      id: e.id,
      sha256: sha256(bytes),
      size: bytes.length,
      exportedAt: '2026-03-10T09:00:00.000Z',
    });
    expect(readFileSync(target).equals(bytes)).toBe(true);
    expect(progressOf(v, 'evidence.export').at(-1)).toEqual({
      channel: 'evidence.export',
      phase: 'exporting',
      done: bytes.length,
      total: bytes.length,
    });
    // never over an existing file
    expect(await v.call('evidence.export', { id: e.id, target: handle, reason: 'Again.' })).toMatchObject({
      ok: false,
      error: { code: 'EXPORT_TARGET_EXISTS' },
    });

    const log = await v.ok<CustodyLog>('evidence.custodyLog', { id: e.id });
    expect(log.evidence).toEqual({
      id: e.id,
      caseId: c.id,
      type: 'medical-report',
      title: 'report.pdf',
      fileName: 'report.pdf',
      mediaType: 'application/pdf',
      size: bytes.length,
      sha256: sha256(bytes),
      derivedFrom: null,
      receivedAt: e.receivedAt,
    });
    expect(log.events.map((x) => x.action)).toEqual(['received', 'verified', 'exported']);
    expect(log.events[2]!.details).toEqual({
      sha256: sha256(bytes),
      size: bytes.length,
      reason: 'Filed with the court.',
    });
    expect(log.chain).toEqual({ ok: true, events: 3 });

    const csvTarget = join(folder, 'custody.csv');
    const written = await v.ok<{ format: string; bytes: number }>('evidence.exportCustodyLog', {
      id: e.id,
      format: 'csv',
      target: await saveTarget(v, csvTarget, 'custody-csv'),
    });
    const csv = readFileSync(csvTarget, 'utf8');
    expect(written).toEqual({ format: 'csv', bytes: Buffer.byteLength(csv) });
    expect(csv.split('\r\n')[0]).toBe('evidence_id,seq,at,actor,action,details,prev_hash,hash');
    expect(csv.split('\r\n').filter((l) => l.startsWith(e.id))).toHaveLength(3);

    const redacted = Buffer.from('%PDF-1.7\nredacted');
    writeFileSync(join(folder, 'redacted.pdf'), redacted);
    const copy = await v.ok<Evidence>('evidence.addCopy', {
      originalId: e.id,
      file: (await choose(v, join(folder, 'redacted.pdf'))).handle,
      reason: 'Names of witnesses removed.',
    });
    expect(copy).toMatchObject({
      caseId: c.id,
      type: 'medical-report',
      derivedFrom: e.id,
      derivationReason: 'Names of witnesses removed.',
      size: redacted.length,
      sha256: sha256(redacted),
    });
    expect((await v.ok<Evidence[]>('evidence.list', { caseId: c.id, includeCopies: false })).map((x) => x.id)).toEqual([
      e.id,
    ]);
  });

  it('refuses a forged or expired file handle, and a path in place of a handle, writing nothing', async () => {
    v = await ipcVault({ now: () => NOW });
    const folder = userFolder();
    const c = await v.ok<Case>('cases.create', { title: 'Case' });
    const file = join(folder, 'photo.txt');
    writeFileSync(file, 'statement');
    const stale = await choose(v, file);
    await v.ok('session.lock');
    await v.ok('vault.unlock', { passphrase: 'correct horse battery staple' });

    const filesBefore = vaultFiles(v.dir);
    const auditBefore = await auditTotal(v);
    const expired = await v.call('evidence.add', { caseId: c.id, file: stale.handle });
    expect(expired).toEqual({ ok: false, error: { code: 'FILE_HANDLE_INVALID', message: expect.any(String) } });
    expect(await v.call('evidence.add', { caseId: c.id, file: `fh_${'0'.repeat(32)}` })).toMatchObject({
      ok: false,
      error: { code: 'FILE_HANDLE_INVALID' },
    });
    expect(await v.call('evidence.add', { caseId: c.id, file })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^file: /) },
    });
    expect(await v.call('evidence.add', { caseId: c.id, filePath: file })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    // the message names no path
    expect(JSON.stringify(expired)).not.toContain(folder);

    expect(await v.ok<Evidence[]>('evidence.list', { caseId: c.id })).toEqual([]);
    expect(vaultFiles(v.dir)).toEqual(filesBefore);
    expect(await auditTotal(v)).toBe(auditBefore);
    expect(progressOf(v, 'evidence.add')).toEqual([]);
  });

  it('opens an item in the viewer through evidence.get, streaming the bytes and recording the view', async () => {
    v = await ipcVault({ now: () => NOW });
    const folder = userFolder();
    const c = await v.ok<Case>('cases.create', { title: 'Case' });
    writeFileSync(join(folder, 'statement.txt'), 'I was held for nine days.');
    const e = await v.ok<Evidence>('evidence.add', {
      caseId: c.id,
      file: (await choose(v, join(folder, 'statement.txt'))).handle,
      type: 'testimony',
    });
    expect(e.mediaType).toBe('text/plain; charset=utf-8');

    const opened = await v.ok<{ url: string; mediaType: string }>('viewer.open', { evidenceId: e.id });
    expect(opened).toEqual({
      url: expect.stringMatching(/^case-evidence:\/\/view\/[0-9a-f]{48}$/),
      mediaType: e.mediaType,
    });
    const res = await v.shell.serveEvidence(opened.url.slice('case-evidence://view/'.length));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('I was held for nine days.');
    expect((await v.ok<CustodyLog>('evidence.custodyLog', { id: e.id })).events.map((x) => x.action)).toEqual([
      'received',
      'viewed',
    ]);
  });

  it('refuses an export to a forged target, and an item that is not there', async () => {
    v = await ipcVault({ now: () => NOW });
    const folder = userFolder();
    const c = await v.ok<Case>('cases.create', { title: 'Case' });
    writeFileSync(join(folder, 'a.txt'), 'statement');
    const e = await v.ok<Evidence>('evidence.add', {
      caseId: c.id,
      file: (await choose(v, join(folder, 'a.txt'))).handle,
    });
    const before = await v.ok<CustodyLog>('evidence.custodyLog', { id: e.id });

    expect(await v.call('evidence.export', { id: e.id, target: `fh_${'a'.repeat(32)}`, reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'FILE_HANDLE_INVALID' },
    });
    expect(
      await v.call('evidence.exportCustodyLog', { id: e.id, format: 'json', target: `fh_${'a'.repeat(32)}` }),
    ).toMatchObject({ ok: false, error: { code: 'FILE_HANDLE_INVALID' } });
    expect(await v.call('evidence.get', { id: '01900000-0000-7000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await v.call('evidence.verify', { id: '01900000-0000-7000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    expect(readdirSync(folder)).toEqual(['a.txt']);
    expect(await v.ok<CustodyLog>('evidence.custodyLog', { id: e.id })).toEqual(before);
  });
});
