/**
 * backup create | list | verify | prune | restore | status | remind — snapshots of the vault on
 * a removable drive (docs/backup.md). create, list, prune, status and remind go through the
 * contract's backup handlers on the unlocked vault; verify and restore work from the drive
 * alone (there may be no vault left to unlock), with the credential of the snapshot's time.
 */
import { backup } from '../../engine/index.js';
import type { Command, CommandContext } from '../command.js';
import { boolOpt, stringOpt } from '../command.js';
import { callEngine } from '../engine-call.js';
import { UsageError, formatBytes } from '../io.js';
import { readCredential, readNewPassphrase } from '../secrets.js';
import { terminalSafe } from '../terminal-text.js';

const SNAPSHOT_OPTION = {
  snapshot: { type: 'string', description: 'the snapshot id (backup list shows them)', valueName: 'ID' },
} as const;

function driveArg(ctx: CommandContext): string {
  const dir = ctx.positionals[0];
  if (!dir) throw new UsageError('name the backup folder (the drive folder given to backup create --to).');
  return dir;
}

/** Whether the user gave a credential explicitly (a file or the environment): never prompts. */
function givenCredential(ctx: CommandContext): boolean {
  return (
    typeof ctx.values['passphrase-file'] === 'string' ||
    typeof ctx.values['recovery-key-file'] === 'string' ||
    !!process.env.CASE_VAULT_PASSPHRASE
  );
}

function credentialOf(ctx: CommandContext) {
  return readCredential({
    passphraseFile: stringOpt(ctx, 'passphrase-file'),
    recoveryKeyFile: stringOpt(ctx, 'recovery-key-file'),
  });
}

const bytesDetail = (r: { phase?: string; done?: number; total?: number | null }) =>
  r.total && r.phase !== 'database' && r.phase !== 'manifest'
    ? `${formatBytes(r.done ?? 0)} of ${formatBytes(r.total)}`
    : r.phase;

const createCommand: Command = {
  path: ['backup', 'create'],
  summary: 'Write a snapshot of the vault (encrypted as it is) to a drive folder; only new evidence is copied.',
  options: {
    to: { type: 'string', description: 'the drive folder to write the backup into', valueName: 'DIR' },
  },
  async run(ctx) {
    const to = stringOpt(ctx, 'to');
    if (!to) throw new UsageError('backup create needs --to DIR (the drive folder).');
    const made = await callEngine(
      ctx,
      'backup',
      'create',
      { drive: to },
      { progress: 'Backing up', progressDetail: bytesDetail },
    );
    if (ctx.out.json) return ctx.out.printJson(made);
    ctx.out.print(
      [
        `Snapshot ${made.snapshotId} written (${made.createdAt}).`,
        `${made.filesWritten} file(s), ${formatBytes(made.bytesWritten)} written; ${made.blobsReused} of ${made.blobs} evidence file(s) were already on the drive.`,
      ].join('\n'),
    );
  },
};

const listCommand: Command = {
  path: ['backup', 'list'],
  summary: 'List the snapshots on a drive, with how many erasures happened after each.',
  args: 'DIR',
  minArgs: 1,
  maxArgs: 1,
  options: {
    'without-vault': {
      type: 'boolean',
      description: 'do not unlock the vault: list every vault folder on the drive (no erasure counts)',
    },
  },
  async run(ctx) {
    const drive = driveArg(ctx);
    const list = boolOpt(ctx, 'without-vault')
      ? await backup.listBackups(drive)
      : await callEngine(ctx, 'backup', 'list', { drive });
    if (ctx.out.json) return ctx.out.printJson(list);
    if (list.length === 0) return ctx.out.print('No snapshots in this folder.');
    ctx.out.print(
      list
        .map((s) =>
          s.readable
            ? `${s.snapshotId}  ${s.createdAt}  ${String(s.blobs).padStart(6)} evidence  ${formatBytes(s.bytes).padStart(10)}` +
              (s.erasuresAfter ? `  holds data erased since (${s.erasuresAfter} erasure(s) after it)` : '') +
              (s.ownKey === false ? '  (made under an earlier key)' : '')
            : `${s.snapshotId}  UNREADABLE (${s.problem})`,
        )
        .join('\n'),
    );
    const stale = list.filter((s) => (s.erasuresAfter ?? 0) > 0).length;
    if (stale > 0)
      ctx.out.note(
        `${stale} snapshot(s) were taken before an erasure and may still hold the erased data; remove them with backup prune --keep N.`,
      );
  },
};

const verifyCommand: Command = {
  path: ['backup', 'verify'],
  summary:
    'Check snapshots byte for byte (hashes, sizes, signature); with a passphrase or recovery key, also their MAC.',
  args: 'DIR',
  minArgs: 1,
  maxArgs: 1,
  options: SNAPSHOT_OPTION,
  async run(ctx) {
    const drive = driveArg(ctx);
    const credential = givenCredential(ctx) ? await credentialOf(ctx) : undefined;
    const snapshotId = stringOpt(ctx, 'snapshot');
    const bar = ctx.out.progress('Verifying');
    let checked;
    try {
      checked = await backup.verifyBackup(drive, {
        ...(snapshotId ? { snapshotId } : {}),
        ...(credential ? { credential } : {}),
        onProgress: (p) => bar.update(p.done, p.total, bytesDetail(p)),
      });
    } finally {
      bar.done();
    }
    if (ctx.out.json) return ctx.out.printJson(checked);
    ctx.out.print(
      checked
        .map(
          (s) =>
            `ok  ${s.snapshotId}  ${s.createdAt}  ${s.files} file(s), ${formatBytes(s.bytes)}; ` +
            (s.mac === 'credential'
              ? 'signature and MAC hold'
              : 'signature holds (MAC not checked: no passphrase given)'),
        )
        .join('\n'),
    );
  },
};

const pruneCommand: Command = {
  path: ['backup', 'prune'],
  summary: 'Keep the newest N snapshots of the vault on a drive; remove the others and the files only they used.',
  args: 'DIR',
  minArgs: 1,
  maxArgs: 1,
  options: { keep: { type: 'string', description: 'how many snapshots to keep (at least 1)', valueName: 'N' } },
  async run(ctx) {
    const drive = driveArg(ctx);
    const keepText = stringOpt(ctx, 'keep');
    if (!keepText || !/^\d+$/.test(keepText))
      throw new UsageError('backup prune needs --keep N (a whole number, 1 or more).');
    const pruned = await callEngine(ctx, 'backup', 'prune', { drive, keep: Number(keepText) });
    if (ctx.out.json) return ctx.out.printJson(pruned);
    ctx.out.print(
      `Removed ${pruned.removed.length} snapshot(s), kept ${pruned.kept}; ${pruned.objectsRemoved} file(s), ${formatBytes(pruned.bytesFreed)} freed.`,
    );
    if (!pruned.collected)
      ctx.out.note('A snapshot on the drive cannot be read, so no file was removed (backup list shows which).');
  },
};

const restoreCommand: Command = {
  path: ['backup', 'restore'],
  summary:
    'Restore a snapshot into a NEW vault folder (--vault), check it, then run doctor --deep; --rekey gives it new keys.',
  args: 'DIR',
  minArgs: 1,
  maxArgs: 1,
  options: {
    ...SNAPSHOT_OPTION,
    rekey: {
      type: 'boolean',
      description: 'new master key, passphrase, recovery key and identity key (after a seizure; docs/backup.md)',
    },
    'new-passphrase-file': {
      type: 'string',
      description:
        'with --rekey: file whose first line is the new passphrase (else $CASE_VAULT_NEW_PASSPHRASE, else asked)',
      valueName: 'FILE',
    },
  },
  async run(ctx) {
    const drive = driveArg(ctx);
    if (typeof ctx.values.vault !== 'string')
      throw new UsageError('backup restore needs --vault NEWDIR: the new folder to restore into.');
    const credential = await credentialOf(ctx);
    const rekey = boolOpt(ctx, 'rekey')
      ? { passphrase: await readNewPassphrase(stringOpt(ctx, 'new-passphrase-file'), 'CASE_VAULT_NEW_PASSPHRASE') }
      : undefined;
    if (!rekey && stringOpt(ctx, 'new-passphrase-file'))
      throw new UsageError('--new-passphrase-file goes with --rekey.');
    const snapshotId = stringOpt(ctx, 'snapshot');
    const bar = ctx.out.progress('Restoring');
    let restored;
    try {
      restored = await backup.restoreBackup(drive, ctx.vaultDir, {
        credential,
        ...(snapshotId ? { snapshotId } : {}),
        ...(rekey ? { rekey } : {}),
        onProgress: (p) => bar.update(p.done, p.total, p.phase === 'restoring' ? bytesDetail(p) : 'doctor --deep'),
      });
    } finally {
      bar.done();
    }
    if (ctx.out.json) {
      const { doctor, ...rest } = restored;
      return ctx.out.printJson({ ...rest, doctorOk: doctor.ok, findings: doctor.findings });
    }
    const lines = [
      `Snapshot ${restored.snapshotId} (${restored.createdAt}) restored to ${terminalSafe(restored.path)}.`,
      `${restored.blobs} evidence file(s), ${formatBytes(restored.bytes)}; doctor --deep: all checks pass.`,
    ];
    if (restored.recoveryKey) {
      lines.push(
        '',
        'The vault was RE-KEYED: new passphrase, new identity key (fingerprint ' + restored.identityFingerprint + ').',
        'NEW RECOVERY KEY — write it on paper now. It is shown only this once; the old one no longer opens this vault.',
        '',
        ...chunk(restored.recoveryKey.split('-'), 4).map((g) => '    ' + g.join('  ')),
        '',
        'Partners will see that your key changed: send them your new card and compare safety numbers again.',
      );
    }
    ctx.out.print(lines.join('\n'));
  },
};

function chunk<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

const statusCommand: Command = {
  path: ['backup', 'status'],
  summary: 'When the vault was last backed up, and whether a backup is due.',
  async run(ctx) {
    const s = await callEngine(ctx, 'backup', 'status', {});
    if (ctx.out.json) return ctx.out.printJson(s);
    ctx.out.print(
      [
        s.lastBackupAt ? `Last backup: ${s.lastBackupAt} (${s.daysSinceLast} day(s) ago)` : 'Never backed up.',
        `Reminder: every ${s.reminderDays} day(s)${s.due ? ' — a backup is DUE' : ''}.`,
      ].join('\n'),
    );
  },
};

const remindCommand: Command = {
  path: ['backup', 'remind'],
  summary: 'Set after how many days without a backup the reminder shows (1 to 365; 7 by default).',
  options: { days: { type: 'string', description: 'days between backups', valueName: 'N' } },
  async run(ctx) {
    const days = stringOpt(ctx, 'days');
    if (!days || !/^\d+$/.test(days)) throw new UsageError('backup remind needs --days N (a whole number).');
    const s = await callEngine(ctx, 'backup', 'setReminder', { days: Number(days) });
    if (ctx.out.json) return ctx.out.printJson(s);
    ctx.out.print(`Backup reminder set to every ${s.reminderDays} day(s).`);
  },
};

export const backupCommands: Command[] = [
  createCommand,
  listCommand,
  verifyCommand,
  pruneCommand,
  restoreCommand,
  statusCommand,
  remindCommand,
];
