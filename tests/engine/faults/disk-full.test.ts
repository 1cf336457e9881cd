// A full disk is something a user causes, not a bug: every write the engine makes answers
// DISK_FULL with a sentence, the vault still opens afterwards and holds everything it held,
// and a refused command changed nothing — in particular `passphrase change`, which once left
// the new passphrase in effect after reporting a failure. The disk is a small tmpfs, filled to a
// few KiB free before each command (one mount for the file; skipped where mounting is impossible).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src-main/engine/api/dispatch.js';
import { EngineSession } from '../../../src-main/engine/api/session.js';
import { Vault } from '../../../src-main/engine/index.js';
import { domainContext } from '../../../src-main/engine/domain/context.js';
import { createCase } from '../../../src-main/engine/cases/case-service.js';
import { addNote, listNotes } from '../../../src-main/engine/notes/note-service.js';
import { addEvidenceFromSource, exportEvidence } from '../../../src-main/engine/evidence/evidence-service.js';
import { classifyFailure } from '../../../src-main/engine/util/system-errors.js';
import { isVaultError } from '../../../shared/errors.js';
import { FAST_KDF, PASSPHRASE, tempDir } from '../../helpers.js';
import { type SmallDisk, mountSmallDisk } from './small-disk.js';

const NEW_PASSPHRASE = 'a new passphrase, long enough';
const disk = mountSmallDisk(8);
const skip = typeof disk === 'string' ? disk : '';
const small = disk as SmallDisk;

/** A locked vault with a case, a note and an evidence file, made once. */
let preparedRoot = '';
let prepared = '';
let caseId = '';
let evidenceId = '';

beforeAll(async () => {
  if (skip) return;
  // not tempDir(): that is emptied after each test, and this serves the whole file
  preparedRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-faults-'));
  prepared = path.join(preparedRoot, 'vault');
  const { vault } = await Vault.create(prepared, { passphrase: PASSPHRASE, kdf: FAST_KDF });
  const ctx = domainContext(vault);
  caseId = createCase(ctx, { title: 'Detention at Kilima' }).id;
  addNote(ctx, { caseId, body: 'First interview.' });
  evidenceId = (
    await addEvidenceFromSource(ctx, { caseId, fileName: 'statement.txt', type: 'testimony' }, [
      Buffer.from('The statement.\n'.repeat(2000)),
    ])
  ).id;
  vault.lock();
});

afterEach(() => {
  if (!skip) small.clear();
});
afterAll(() => {
  if (skip) return;
  small.unmount();
  fs.rmSync(preparedRoot, { recursive: true, force: true });
});

/** A copy of the prepared vault on the small disk. */
function vaultOnDisk(): string {
  const dir = path.join(small.folder('v'), 'vault');
  fs.cpSync(prepared, dir, { recursive: true });
  return dir;
}

/** The code a failure reaches the user with (as the engine's doors classify it). */
async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    const c = classifyFailure(e);
    if (isVaultError(c)) return c.code;
    throw e;
  }
  throw new Error('expected a failure');
}

/** The vault opens with `passphrase` and still holds its case, note and evidence. */
async function expectIntact(dir: string, passphrase = PASSPHRASE): Promise<void> {
  const vault = await Vault.open(dir, { passphrase });
  try {
    const ctx = domainContext(vault);
    expect(listNotes(ctx, { caseId }).items.map((n) => n.body)).toEqual(['First interview.']);
    expect(vault.status().counts.blobs).toBe(1);
  } finally {
    vault.lock();
  }
}

describe.skipIf(skip)(`a full disk${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('passphrase change with no room for the new vault.json: DISK_FULL, the old passphrase still opens', async () => {
    const dir = vaultOnDisk();
    const vault = await Vault.open(dir, { passphrase: PASSPHRASE });
    const before = fs.readFileSync(path.join(dir, 'vault.json'));
    small.fill(0);
    try {
      expect(await codeOf(vault.changePassphrase(NEW_PASSPHRASE, { kdf: FAST_KDF }))).toBe('DISK_FULL');
    } finally {
      vault.lock();
      small.unfill();
    }
    expect(fs.readFileSync(path.join(dir, 'vault.json')).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['blobs', 'vault.db', 'vault.json']);
    await expectIntact(dir);
    await expect(Vault.open(dir, { passphrase: NEW_PASSPHRASE })).rejects.toMatchObject({ code: 'BAD_PASSPHRASE' });
  });

  it('passphrase change whose database write fails after vault.json was written: the old vault.json is put back', async () => {
    const dir = vaultOnDisk();
    const vault = await Vault.open(dir, { passphrase: PASSPHRASE });
    const before = fs.readFileSync(path.join(dir, 'vault.json'));
    // room for the new vault.json (one page), not for the audit entry's pages in the WAL
    small.fill(6 * 1024);
    try {
      expect(await codeOf(vault.changePassphrase(NEW_PASSPHRASE, { kdf: FAST_KDF }))).toBe('DISK_FULL');
    } finally {
      vault.lock();
      small.unfill();
    }
    expect(fs.readFileSync(path.join(dir, 'vault.json')).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
    await expectIntact(dir);
    await expect(Vault.open(dir, { passphrase: NEW_PASSPHRASE })).rejects.toMatchObject({ code: 'BAD_PASSPHRASE' });
  });

  it('the app door: a note added on a full disk answers DISK_FULL with a sentence, not INTERNAL', async () => {
    const dir = vaultOnDisk();
    const session = new EngineSession(dir);
    session.adopt(await Vault.open(dir, { passphrase: PASSPHRASE }));
    small.fill(4 * 1024);
    try {
      const r = await dispatch('notes.add', { caseId, body: 'x'.repeat(20_000) }, { session, progress: () => {} });
      expect(r).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
      expect(!r.ok && r.error.message).toMatch(/no space is left on the disk/i);
    } finally {
      session.lock();
      small.unfill();
    }
    await expectIntact(dir);
  });

  it('a vault created on a full disk: DISK_FULL, no half-made vault or staging folder left', async () => {
    const parent = small.folder('new');
    small.fill(64 * 1024);
    try {
      expect(await codeOf(Vault.create(path.join(parent, 'vault'), { passphrase: PASSPHRASE, kdf: FAST_KDF }))).toBe(
        'DISK_FULL',
      );
    } finally {
      small.unfill();
    }
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  // fh.write is one write(2): on a disk filling up it writes part of a chunk and returns, and
  // an exporter that did not look published a truncated copy under a complete custody event
  it('an evidence export to a full disk: DISK_FULL, no file and no temp file left, no custody event', async () => {
    const copy = path.join(tempDir('cv-faults-'), 'vault');
    fs.cpSync(prepared, copy, { recursive: true });
    const vault = await Vault.open(copy, { passphrase: PASSPHRASE });
    try {
      const ctx = domainContext(vault);
      const custody = () => vault.status().counts.auditEntries;
      const before = custody();
      const out = small.folder('out');
      small.fill(4 * 1024);
      try {
        expect(await codeOf(exportEvidence(ctx, evidenceId, path.join(out, 'copy.txt'), { reason: 'court' }))).toBe(
          'DISK_FULL',
        );
      } finally {
        small.unfill();
      }
      expect(fs.readdirSync(out)).toEqual([]);
      expect(custody()).toBe(before);
    } finally {
      vault.lock();
    }
  });
});
