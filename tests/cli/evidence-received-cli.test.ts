// evidence received --case ID, through ./bin/case-vault, on a vault that really received
// descriptions without files: A's profile for B lets some evidence fields through but not the
// files, A shares a case, B imports it (set up through the router in process, see
// tests/ipc/received-evidence-scenario.ts); then B's vault is locked and the CLI reads it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IpcVault } from '../ipc/ipc-helpers.js';
import { describedWithoutFiles } from '../ipc/received-evidence-scenario.js';
import { PASSPHRASE, tempDir } from '../helpers.js';
import { expectCliError, runCli } from './run-cli.js';

const open: IpcVault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.cleanup();
});

describe('evidence received', () => {
  it('prints the descriptions as a table and as JSON, only what the sender shared', async () => {
    const s = await describedWithoutFiles();
    const { a, b, bSeesA } = s.p;
    open.push(a, b);
    await b.ok('session.lock');
    const pw = path.join(tempDir('cv-cli-pw-'), 'pw.txt');
    fs.writeFileSync(pw, PASSPHRASE + '\n');
    const cli = (...args: string[]) => runCli([...args, '--vault', b.dir, '--passphrase-file', pw]);

    const json = cli('evidence', 'received', '--case', s.caseId, '--json');
    expect(json.status, json.stderr).toBe(0);
    const items = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(items.map((d) => d.id).sort()).toEqual([s.statement.id, s.photo.id].sort());
    const statement = items.find((d) => d.id === s.statement.id)!;
    expect(Object.keys(statement).sort()).toEqual(
      [
        'caseId',
        'collectedAt',
        'id',
        'originPartner',
        'originVault',
        'receivedAt',
        'senderReceivedAt',
        'sha256',
        'size',
        'title',
        'type',
        'version',
      ].sort(),
    );
    expect(statement).toMatchObject({
      caseId: s.caseId,
      originVault: bSeesA.key.vaultId,
      originPartner: { id: bSeesA.partner.id, name: 'Haki Litigation Centre' },
      title: 'Statement of AB-1',
      type: 'testimony',
      size: s.statement.size,
      sha256: s.statement.sha256,
      collectedAt: '2026-03-01',
      senderReceivedAt: s.statement.receivedAt,
    });
    expect(json.stdout).not.toContain('Names the officers');

    const human = cli('evidence', 'received', '--case', s.caseId);
    expect(human.status, human.stderr).toBe(0);
    const lines = human.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +TYPE +TITLE +SIZE +SHA-256 +FROM +RECEIVED$/);
    expect(lines).toHaveLength(3);
    const row = lines.find((l) => l.startsWith(s.statement.id))!;
    expect(row).toMatch(
      new RegExp(
        `^${s.statement.id} +testimony +Statement of AB-1 +5\\.3 KiB +${s.statement.sha256.slice(0, 16)} +Haki Litigation Centre +${statement.receivedAt as string}$`,
      ),
    );

    expectCliError(cli('evidence', 'received', '--case', '01900000-0000-7000-8000-000000000000'), 'NOT_FOUND');
  });
});
