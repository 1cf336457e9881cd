/**
 * import.* through the real router (Shell → dispatch → engine) on a real vault: a file chosen in
 * the open dialog is previewed (format, proposed mapping, row results, nothing written), run
 * (progress events, a `changed` event, the cases in the list), refused the second time, and its
 * refused rows saved through a save-dialog handle (audited, plain text with the row's cells).
 * A Windows-1256 file of people is read as Arabic. Mappings are saved and reused. The renderer's
 * side never sees a path: a handle from the save dialog is refused as the file to import.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ipcVault, type IpcVault } from './ipc-helpers.js';
import type { ImportPreview, ImportRunOutput, SavedMapping } from '../../shared/ipc/areas/import.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/import');
const CASES = join(FIXTURES, 'cases-en-utf8-one-bad-row.csv');
const PEOPLE_AR = join(FIXTURES, 'people-ar-windows-1256.csv');

let v: IpcVault | undefined;
let outside: string | undefined;
afterEach(() => {
  v?.cleanup();
  v = undefined;
  if (outside) rmSync(outside, { recursive: true, force: true });
  outside = undefined;
});

async function openHandle(vault: IpcVault, path: string): Promise<string> {
  vault.host.openQueue.push(path);
  const f = await vault.ok<{ handle: string; name: string } | null>('files.chooseOpen', { kind: 'csv' });
  if (!f) throw new Error('no file chosen');
  return f.handle;
}

async function saveHandle(vault: IpcVault, path: string): Promise<string> {
  vault.host.saveQueue.push(path);
  const t = await vault.ok<{ handle: string } | null>('files.chooseSaveTarget', {
    suggestedName: 'refused.csv',
    kind: 'import-refused',
  });
  if (!t) throw new Error('no target chosen');
  return t.handle;
}

async function auditActions(vault: IpcVault): Promise<string[]> {
  const page = await vault.ok<{ items: Array<{ action: string }> }>('audit.list', { limit: 500 });
  return page.items.map((e) => e.action);
}

describe('import over IPC', () => {
  it('previews, runs with progress, refuses the same file twice, and saves the refused rows through a save handle', async () => {
    v = await ipcVault();
    expect(v.host.openKinds).toEqual([]);
    const file = await openHandle(v, CASES);
    expect(v.host.openKinds).toEqual(['csv']);

    const p = await v.ok<ImportPreview>('import.preflight', { file, kind: 'cases' });
    expect(p.format).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(p.mapping).toMatchObject({ reference: 'Reference', title: 'Title', status: 'Status' });
    expect(p.fields.find((f) => f.key === 'title')).toEqual({ key: 'title', required: true });
    expect(p.counts).toEqual({ rows: 4, create: 3, update: 0, unchanged: 0, refuse: 1 });
    expect(p.rows[2]).toMatchObject({ line: 4, action: 'refuse', code: 'INVALID_INPUT' });
    expect(JSON.stringify(p)).not.toContain(FIXTURES);
    expect((await v.ok<{ items: unknown[] }>('cases.list', {})).items).toHaveLength(0);

    const before = v.host.events.length;
    const r = await v.ok<ImportRunOutput>('import.run', { file, kind: 'cases' });
    if (r.dryRun) throw new Error('not a run');
    expect(r.outcome).toMatchObject({ status: 'complete', refusedKept: 1 });
    expect(r.outcome.counts).toMatchObject({ create: 3, refuse: 1 });
    const events = v.host.events.slice(before);
    expect(events.some((e) => e.name === 'progress')).toBe(true);
    expect(events.find((e) => e.name === 'changed')?.payload).toMatchObject({
      areas: expect.arrayContaining(['cases']),
    });
    const cases = await v.ok<{ items: Array<{ reference: string }> }>('cases.list', {});
    expect(cases.items.map((c) => c.reference).sort()).toEqual(['IMP-001', 'IMP-002', 'IMP-004']);

    expect(await v.call('import.run', { file, kind: 'cases' })).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_ALREADY_IMPORTED' },
    });
    const dry = await v.ok<ImportRunOutput>('import.run', { file, kind: 'cases', dryRun: true });
    expect(dry.dryRun && dry.preview.earlier).toHaveLength(1);

    // the file to import must come from the open dialog, the refused rows go to a save handle
    outside = mkdtempSync(join(tmpdir(), 'cv-ipc-import-'));
    const target = await saveHandle(v, join(outside, 'refused.csv'));
    expect(await v.call('import.preflight', { file: target, kind: 'cases' })).toMatchObject({
      ok: false,
      error: { code: 'FILE_HANDLE_INVALID' },
    });
    const saved = await v.ok<{ name: string; rows: number }>('import.saveRefused', {
      importId: r.outcome.importId,
      target,
    });
    expect(saved).toEqual({ name: 'refused.csv', rows: 1 });
    const text = readFileSync(join(outside, 'refused.csv'), 'utf8');
    expect(text).toContain('line,error_code,error,Reference,Title');
    expect(text).toContain('4,INVALID_INPUT,');
    expect(text).toContain('IMP-003,Collective expulsions,closed-ish');
    expect(await auditActions(v)).toEqual(
      expect.arrayContaining(['import.started', 'import.batch', 'import.finished', 'import.refused-rows-written']),
    );
    // never over an existing file; and the rows are forgotten when the vault locks
    const again = await saveHandle(v, join(outside, 'refused.csv'));
    expect(await v.call('import.saveRefused', { importId: r.outcome.importId, target: again })).toMatchObject({
      ok: false,
      error: { code: 'EXPORT_TARGET_EXISTS' },
    });
    await v.ok('session.lock');
    await v.ok('vault.unlock', { passphrase: 'correct horse battery staple' });
    const later = await saveHandle(v, join(outside, 'later.csv'));
    expect(await v.call('import.saveRefused', { importId: r.outcome.importId, target: later })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(existsSync(join(outside, 'later.csv'))).toBe(false);
  });

  it('reads a Windows-1256 file as Arabic, and saves and reuses a mapping by name', async () => {
    v = await ipcVault();
    const file = await openHandle(v, PEOPLE_AR);
    const p = await v.ok<ImportPreview>('import.preflight', { file, kind: 'people', saveMappingAs: 'Arabic people' });
    expect(p.format).toMatchObject({ encoding: 'windows-1256', delimiter: ';' });
    expect(p.headers[0]).toBe('الاسم الكامل');
    expect(p.mapping.fullName).toBe('الاسم الكامل');
    // no case IMP-001 in this vault: every row names an unknown case
    expect(p.rows.every((row) => row.code === 'IMPORT_UNKNOWN_CASE')).toBe(true);
    const list = await v.ok<SavedMapping[]>('import.mappings', { kind: 'people' });
    expect(list.map((m) => m.name)).toEqual(['Arabic people']);
    expect(await v.ok<SavedMapping[]>('import.mappings', { kind: 'cases' })).toEqual([]);
    await v.ok('import.saveMapping', { name: 'Names only', kind: 'people', mapping: { fullName: 'الاسم الكامل' } });
    const again = await v.ok<ImportPreview>('import.preflight', { file, kind: 'people', mappingName: 'Names only' });
    expect(again.mapping).toEqual({ fullName: 'الاسم الكامل' });
    expect(again.counts.create).toBe(again.counts.rows);
    expect(await v.call('import.preflight', { file, kind: 'people', mappingName: 'Nope' })).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_MAPPING_UNKNOWN' },
    });
    expect(await v.call('import.cancel', {})).toEqual({ ok: true, value: { cancelled: false } });
    expect(
      await v.call('import.saveRefused', { importId: '01900000-0000-7000-8000-000000000000', target: file }),
    ).toMatchObject({ ok: false, error: { code: 'FILE_HANDLE_INVALID' } });
  });

  it('import.cancel stops the run after the batch in hand; what was committed stays', async () => {
    v = await ipcVault();
    outside = mkdtempSync(join(tmpdir(), 'cv-ipc-import-'));
    const big = join(outside, 'many.csv');
    writeFileSync(big, 'Title\n' + Array.from({ length: 1200 }, (_, i) => `Case ${i + 1}`).join('\n') + '\n');
    const file = await openHandle(v, big);
    // the first batch's progress report asks for the cancel, as the wizard's button does
    const vault = v;
    const broadcast = vault.host.broadcast.bind(vault.host);
    let asked: Promise<unknown> | undefined;
    vault.host.broadcast = (name, payload) => {
      broadcast(name, payload);
      const p = payload as { phase?: string; done?: number };
      if (name === 'progress' && p.phase === 'import.importing' && (p.done ?? 0) > 0 && !asked)
        asked = vault.ok('import.cancel', {});
    };
    const r = await vault.ok<ImportRunOutput>('import.run', { file, kind: 'cases' });
    expect(await asked).toEqual({ cancelled: true });
    if (r.dryRun) throw new Error('not a run');
    expect(r.outcome.status).toBe('cancelled');
    expect(r.outcome.counts.create).toBe(500);
    expect(r.outcome.lastLine).toBe(501);
    expect((await vault.ok<{ total: number }>('cases.list', {})).total).toBe(500);
  });
});
