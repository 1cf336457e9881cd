// A killed export (bundle, evidence, card, receipt) leaves its hidden temp file,
// `.case-vault-<32 hex>.part`, in the user's folder; `doctor` cannot know that folder, so the
// next write into it removes such files — only ours (the exact pattern, regular files), only
// those older than the running process — and says so: a field in --json, a line on stderr.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliVault } from './run-cli.js';

const STALE = `.case-vault-${'ab'.repeat(16)}.part`;
const STALE_2 = `.case-vault-${'0f'.repeat(16)}.part`;
/** ours by name, but written to after the command started (another run still writing) */
const LIVE = `.case-vault-${'cd'.repeat(16)}.part`;
/** not ours: near misses of the pattern, a folder of that name, the user's own files */
const OTHERS = [
  `.case-vault-${'ab'.repeat(15)}.part`,
  `.case-vault-${'AB'.repeat(16)}.part`,
  `.case-vault-${'ab'.repeat(16)}.part.bak`,
  `case-vault-${'ab'.repeat(16)}.part`,
  'statement.txt',
];
const FOLDER_NAMED_LIKE_OURS = `.case-vault-${'ee'.repeat(16)}.part`;

function leftovers(dir: string): void {
  const hourAgo = new Date(Date.now() - 3600_000);
  for (const name of [STALE, STALE_2, LIVE, ...OTHERS]) {
    fs.writeFileSync(path.join(dir, name), 'half of an export');
    fs.utimesSync(path.join(dir, name), hourAgo, hourAgo);
  }
  const inAMinute = new Date(Date.now() + 60_000);
  fs.utimesSync(path.join(dir, LIVE), inAMinute, inAMinute);
  fs.mkdirSync(path.join(dir, FOLDER_NAMED_LIKE_OURS));
  fs.utimesSync(path.join(dir, FOLDER_NAMED_LIKE_OURS), hourAgo, hourAgo);
}

describe('temp files of an interrupted run in the folder written to', () => {
  it('are removed by the next write there, and only they; --json names them, human output says so on stderr', () => {
    const v = cliVault();
    const out = path.join(v.base, 'out');
    fs.mkdirSync(out);
    leftovers(out);

    const r = v.json('identity', 'export-card', '--out', path.join(out, 'me.cvcard'));
    expect(r.removedTempFiles).toEqual([{ folder: out, names: [STALE_2, STALE].sort() }]);
    expect(fs.readdirSync(out).sort()).toEqual([...OTHERS, LIVE, FOLDER_NAMED_LIKE_OURS, 'me.cvcard'].sort());

    // human mode: the result on stdout, one line about the clean-up on stderr
    fs.writeFileSync(path.join(out, STALE), 'half of an export');
    const hourAgo = new Date(Date.now() - 3600_000);
    fs.utimesSync(path.join(out, STALE), hourAgo, hourAgo);
    const human = v.raw('identity', 'export-age-key', '--out', path.join(out, 'key.txt'));
    expect(human.status).toBe(0);
    expect(human.stderr).toMatch(
      /^Removed 1 unfinished temporary file \(\.case-vault-….part\) that an interrupted earlier run left in .*out\.$/m,
    );
    expect(fs.existsSync(path.join(out, STALE))).toBe(false);

    // nothing to remove: nothing said
    const again = v.json('identity', 'export-card', '--out', path.join(out, 'again.cvcard'));
    expect(again.removedTempFiles).toBeUndefined();
  });

  it('a real kill: an evidence export killed while it writes leaves its temp file, which the next write there removes', async () => {
    const v = cliVault();
    const c = v.json('case', 'add', '--title', 'Detention at Kilima');
    const file = path.join(v.base, 'video.bin');
    fs.writeFileSync(file, Buffer.alloc(16 * 1024 * 1024, 0x42)); // large enough to be caught mid-write
    const e = v.json('evidence', 'add', file, '--case', c.id, '--type', 'video');
    const out = path.join(v.base, 'out');
    fs.mkdirSync(out);
    const child = spawn(
      process.execPath,
      [
        'bin/case-vault',
        'evidence',
        'export',
        e.id,
        '--out',
        path.join(out, 'copy.bin'),
        '--reason',
        'court',
        '--vault',
        v.vault,
        '--passphrase-file',
        v.pw,
      ],
      { stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let done = false;
    void exited.then(() => (done = true));
    // wait (without a deadline: no timing assumption) until the temp file exists, then kill
    while (!done && !fs.readdirSync(out).some((n) => n.endsWith('.part'))) await new Promise((r) => setTimeout(r, 2));
    child.kill('SIGKILL');
    await exited;
    const left = fs.readdirSync(out);
    expect(left, 'the export finished before it could be killed').toHaveLength(1);
    expect(left[0]).toMatch(/^\.case-vault-[0-9a-f]{32}\.part$/);

    const r = v.json('identity', 'export-card', '--out', path.join(out, 'me.cvcard'));
    expect(r.removedTempFiles).toEqual([{ folder: out, names: left }]);
    expect(fs.readdirSync(out)).toEqual(['me.cvcard']);
  });
});
