/** init, status, passphrase change: the vault's own lifecycle. */
import path from 'node:path';
import { Vault } from '../../engine/index.js';
import type { Command } from '../command.js';
import { stringOpt } from '../command.js';
import { formatBytes } from '../io.js';
import { readNewPassphrase } from '../secrets.js';

export const initCommand: Command = {
  path: ['init'],
  summary: 'Create a new vault and print its recovery key (shown only this once).',
  options: {},
  async run(ctx) {
    const passphraseFile = stringOpt(ctx, 'passphrase-file');
    const passphrase = await readNewPassphrase(passphraseFile, 'CASE_VAULT_PASSPHRASE');
    const progress = ctx.out.progress('Creating vault');
    const t0 = Date.now();
    const { vault, recoveryKey } = await Vault.create(ctx.vaultDir, {
      passphrase,
      onProgress: (p) =>
        progress.update(p.expectedMs ? Math.min(Date.now() - t0, p.expectedMs) : 0, p.expectedMs, p.phase),
    });
    progress.done();
    try {
      const status = vault.status();
      const slot = status.slots.find((s) => s.kind === 'passphrase');
      if (ctx.out.json) {
        ctx.out.printJson({
          vaultId: vault.id,
          path: vault.dir,
          recoveryKey,
          kdf: slot?.kdf ?? null,
          schemaVersion: status.schemaVersion,
        });
        return;
      }
      const groups = recoveryKey.split('-');
      const lines = [];
      for (let i = 0; i < groups.length; i += 4) lines.push('    ' + groups.slice(i, i + 4).join('  '));
      ctx.out.print(
        [
          `Vault created at ${vault.dir}`,
          `Vault id: ${vault.id}`,
          '',
          'RECOVERY KEY — write it on paper now. It is shown only this once.',
          'It opens the vault if the passphrase is forgotten. Anyone holding it can open the vault:',
          'keep the paper apart from the laptop, somewhere it would not be seized with it.',
          '',
          ...lines,
          '',
          `Unlock later with your passphrase, or with --recovery-key-file FILE.`,
        ].join('\n'),
      );
    } finally {
      vault.lock();
    }
  },
};

export const statusCommand: Command = {
  path: ['status'],
  summary: 'Show the vault id, format and schema versions, key slots and counts.',
  async run(ctx) {
    const vault = await ctx.openVault();
    try {
      const s = vault.status();
      if (ctx.out.json) return ctx.out.printJson(s);
      const slotLines = s.slots.map((sl) =>
        sl.kind === 'passphrase'
          ? `  passphrase  Argon2id, ${Number(sl.kdf.memLimitBytes) / 1024 / 1024} MiB × ${String(sl.kdf.opsLimit)} passes (since ${sl.createdAt})`
          : `  recovery    recovery key (since ${sl.createdAt})`,
      );
      ctx.out.print(
        [
          `Vault ${s.vaultId}`,
          `  folder          ${s.path}`,
          `  created         ${s.createdAt}`,
          `  key-file format ${s.formatVersion}`,
          `  schema          ${s.schemaVersion} (this build: ${s.appSchemaVersion})`,
          `Key slots`,
          ...slotLines,
          `Contents`,
          `  evidence files  ${s.counts.blobs} (${formatBytes(s.counts.blobBytes)})`,
          `  audit entries   ${s.counts.auditEntries}`,
        ].join('\n'),
      );
    } finally {
      vault.lock();
    }
  },
};

export const passphraseChangeCommand: Command = {
  path: ['passphrase', 'change'],
  summary: 'Set a new passphrase (unlock with the current one or the recovery key).',
  options: {
    'new-passphrase-file': {
      type: 'string',
      description: 'file whose first line is the new passphrase (else $CASE_VAULT_NEW_PASSPHRASE, else asked twice)',
      valueName: 'FILE',
    },
  },
  async run(ctx) {
    const vault = await ctx.openVault();
    try {
      const next = await readNewPassphrase(stringOpt(ctx, 'new-passphrase-file'), 'CASE_VAULT_NEW_PASSPHRASE');
      const progress = ctx.out.progress('Re-wrapping the key');
      await vault.changePassphrase(next);
      progress.done();
      const slot = vault.status().slots.find((s) => s.kind === 'passphrase');
      if (ctx.out.json) return ctx.out.printJson({ vaultId: vault.id, changed: true, kdf: slot?.kdf ?? null });
      ctx.out.print(`Passphrase changed for the vault in ${path.basename(vault.dir)}. The recovery key is unchanged.`);
    } finally {
      vault.lock();
    }
  },
};
