// evidence add | list | show | verify | custody | export | copy, through ./bin/case-vault.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliVault, expectCliError } from './run-cli.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function setup() {
  const v = cliVault();
  const c = v.json<{ id: string }>('case', 'add', '--title', 'Detention case');
  const files = path.join(v.base, 'files');
  fs.mkdirSync(files);
  const write = (name: string, data: Buffer | string) => {
    const p = path.join(files, name);
    fs.writeFileSync(p, data);
    return p;
  };
  return { ...v, caseId: c.id, files, write };
}

describe('evidence CLI', () => {
  it('add prints the record with id and sha256; list, show and verify follow', () => {
    const v = setup();
    const data = randomBytes(200_000);
    const file = v.write('photo.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), data]));
    const e = v.json<{
      id: string;
      sha256: string;
      size: number;
      mediaType: string;
      type: string;
      title: string;
      collectedAt: string;
    }>(
      'evidence',
      'add',
      file,
      '--case',
      v.caseId,
      '--type',
      'photo',
      '--source',
      'survivor',
      '--collected-at',
      '2026-03-01',
      '--place',
      'Mombasa',
    );
    expect(e).toMatchObject({
      sha256: sha(fs.readFileSync(file)),
      size: data.length + 4,
      mediaType: 'image/jpeg',
      type: 'photo',
      title: 'photo.jpg',
      collectedAt: '2026-03-01',
    });
    expect(e.id).toMatch(/^[0-9a-f-]{36}$/);

    const list = v.json<Array<{ id: string }>>('evidence', 'list', '--case', v.caseId);
    expect(list.map((x) => x.id)).toEqual([e.id]);
    expect(v.json('evidence', 'show', e.id)).toEqual(e);

    const human = v.raw('evidence', 'show', e.id);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(new RegExp(`^sha256: +${e.sha256}$`, 'm'));
    expect(human.stdout).toMatch(/^last verified: +never$/m);

    const ok = v.raw('evidence', 'verify', e.id);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`Evidence ${e.id} matches`);
    expect(v.json('evidence', 'verify', e.id)).toMatchObject({ id: e.id, result: 'match', sha256: e.sha256 });

    const table = v.raw('evidence', 'list', '--case', v.caseId);
    expect(table.stdout).toMatch(/^ID +TYPE +TITLE/);
    expect(table.stdout).toContain('photo.jpg');
  });

  it('verify: exit 1 with one error line when the stored file was altered', () => {
    const v = setup();
    const e = v.json<{ id: string; blobId: string }>(
      'evidence',
      'add',
      v.write('a.txt', 'x'.repeat(100_000)),
      '--case',
      v.caseId,
    );
    const blob = path.join(v.vault, 'blobs', e.blobId.slice(0, 2), e.blobId);
    const b = fs.readFileSync(blob);
    b[200]! ^= 1;
    fs.writeFileSync(blob, b);
    const r = v.raw('evidence', 'verify', e.id);
    expectCliError(r, 'BLOB_TAMPERED');
    expect(r.stdout).toBe('');
    const log = v.json<{ events: Array<{ action: string; details: Record<string, unknown> }> }>(
      'evidence',
      'custody',
      e.id,
    );
    expect(log.events.at(-1)).toMatchObject({
      action: 'verification-failed',
      details: { code: 'BLOB_TAMPERED', during: 'verify' },
    });
  });

  it('refuses unknown cases and ids, bad fields and unreadable files with their codes', () => {
    const v = setup();
    const file = v.write('a.txt', 'x');
    expectCliError(v.raw('evidence', 'add', file, '--case', '01900000-0000-7000-8000-000000000000'), 'NOT_FOUND');
    expectCliError(v.raw('evidence', 'add', file), 'INVALID_INPUT');
    const badType = v.raw('evidence', 'add', file, '--case', v.caseId, '--type', 'selfie');
    expectCliError(badType, 'INVALID_INPUT');
    expect(badType.stderr).toContain('type');
    const missing = v.raw('evidence', 'add', path.join(v.files, 'gone.pdf'), '--case', v.caseId);
    expectCliError(missing, 'EVIDENCE_UNREADABLE');
    expect(missing.stderr).toContain('"gone.pdf"');
    expect(missing.stderr).not.toContain(v.files);
    expectCliError(v.raw('evidence', 'add', v.files, '--case', v.caseId), 'EVIDENCE_UNREADABLE');
    expectCliError(v.raw('evidence', 'show', '01900000-0000-7000-8000-000000000000'), 'NOT_FOUND');
    expectCliError(v.raw('evidence', 'verify', '01900000-0000-7000-8000-000000000000'), 'NOT_FOUND');
    expectCliError(v.raw('evidence', 'add', '--case', v.caseId), 'USAGE', 2);
    expect(v.json('evidence', 'list', '--case', v.caseId)).toEqual([]);
  });

  it('export writes the exact bytes to a new file, refuses an existing one, and is in the custody log', () => {
    const v = setup();
    const data = randomBytes(150_000);
    const e = v.json<{ id: string; sha256: string }>(
      'evidence',
      'add',
      v.write('clip.mp4', data),
      '--case',
      v.caseId,
      '--type',
      'video',
    );
    const out = path.join(v.base, 'out');
    fs.mkdirSync(out);
    const dest = path.join(out, 'clip-for-court.mp4');
    const r = v.json<{ path: string; sha256: string; size: number }>(
      'evidence',
      'export',
      e.id,
      '--out',
      dest,
      '--reason',
      'exhibit 4',
    );
    expect(r).toMatchObject({ path: dest, sha256: e.sha256, size: data.length });
    expect(fs.readFileSync(dest).equals(data)).toBe(true);
    expectCliError(v.raw('evidence', 'export', e.id, '--out', dest, '--reason', 'again'), 'EXPORT_TARGET_EXISTS');
    expectCliError(v.raw('evidence', 'export', e.id, '--out', path.join(out, 'x.mp4')), 'INVALID_INPUT');
    expect(fs.readdirSync(out)).toEqual(['clip-for-court.mp4']);
    const log = v.json<{ events: Array<{ action: string; details: Record<string, unknown> }> }>(
      'evidence',
      'custody',
      e.id,
    );
    expect(log.events.map((x) => x.action)).toEqual(['received', 'exported']);
    expect(log.events[1]!.details).toEqual({ sha256: e.sha256, size: data.length, reason: 'exhibit 4' });
  });

  it('copy takes in a working copy linked to its original', () => {
    const v = setup();
    const e = v.json<{ id: string }>(
      'evidence',
      'add',
      v.write('statement.txt', 'full statement'),
      '--case',
      v.caseId,
      '--type',
      'testimony',
    );
    const c = v.json<{ id: string; derivedFrom: string; derivationReason: string; type: string; caseId: string }>(
      'evidence',
      'copy',
      e.id,
      v.write('statement-redacted.txt', 'redacted statement'),
      '--reason',
      'names redacted',
    );
    expect(c).toMatchObject({
      derivedFrom: e.id,
      derivationReason: 'names redacted',
      type: 'testimony',
      caseId: v.caseId,
    });
    expect(
      v.json<Array<{ id: string }>>('evidence', 'list', '--case', v.caseId, '--originals-only').map((x) => x.id),
    ).toEqual([e.id]);
    const show = v.raw('evidence', 'show', e.id);
    expect(show.stdout).toMatch(new RegExp(`^copies: +${c.id}$`, 'm'));
    expectCliError(v.raw('evidence', 'copy', e.id, v.write('x.txt', 'x')), 'INVALID_INPUT');
  });

  it('custody: a table, JSON or CSV on stdout, or a new file with --out', () => {
    const v = setup();
    const e = v.json<{ id: string }>('evidence', 'add', v.write('a.txt', 'abc'), '--case', v.caseId);
    v.json('evidence', 'verify', e.id);
    const table = v.raw('evidence', 'custody', e.id);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/received/);
    expect(table.stdout).toMatch(/verified/);
    expect(table.stdout).toMatch(/Hash chain intact \(2 events\)/);

    const csv = v.raw('evidence', 'custody', e.id, '--format', 'csv');
    expect(csv.status).toBe(0);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe('evidence_id,seq,at,actor,action,details,prev_hash,hash');
    expect(lines).toHaveLength(4); // header, two events, and the empty string after the last CRLF

    const doc = JSON.parse(v.raw('evidence', 'custody', e.id, '--format', 'json').stdout) as {
      format: string;
      events: unknown[];
      chain: { ok: boolean };
    };
    expect(doc).toMatchObject({ format: 'case-vault/custody-log/v1', chain: { ok: true, events: 2 } });
    expect(doc.events).toHaveLength(2);

    const out = path.join(v.base, 'custody.csv');
    const w = v.json<{ path: string; format: string; chain: { ok: boolean } }>(
      'evidence',
      'custody',
      e.id,
      '--format',
      'csv',
      '--out',
      out,
    );
    expect(w).toMatchObject({ path: out, format: 'csv', chain: { ok: true } });
    expect(fs.readFileSync(out, 'utf8')).toBe(csv.stdout);
    expectCliError(v.raw('evidence', 'custody', e.id, '--out', out), 'EXPORT_TARGET_EXISTS');
    expect(fs.readFileSync(out, 'utf8')).toBe(csv.stdout);
    expectCliError(v.raw('evidence', 'custody', e.id, '--format', 'xml'), 'INVALID_INPUT');
  });

  it('shows a progress bar on a terminal and nothing of it with --json', () => {
    const v = setup();
    const file = v.write('big.bin', randomBytes(3 * 1024 * 1024));
    const r = spawnSync(
      'python3',
      [
        'tests/fixtures/pty_run.py',
        '[]',
        process.execPath,
        path.resolve('bin/case-vault'),
        'evidence',
        'add',
        file,
        '--case',
        v.caseId,
        '--vault',
        v.vault,
        '--passphrase-file',
        v.pw,
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/Taking in \[#+\] 100%/);
    const j = v.raw('evidence', 'add', file, '--case', v.caseId, '--json');
    expect(j.stderr).toBe('');
    expect(JSON.parse(j.stdout)).toMatchObject({ size: 3 * 1024 * 1024 });
  });
});
