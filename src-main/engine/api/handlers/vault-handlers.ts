/** vault.* — the lifecycle calls of the desktop app, on the same Vault class the CLI uses. */
import { isVaultError } from '../../../../shared/errors.js';
import { Vault, type UnlockProgress } from '../../vault/vault.js';
import { readVaultFile } from '../../vault/vault-file.js';
import { unlockGuardState } from '../../vault/unlock-guard.js';
import type { CallContext } from '../call-context.js';
import type { EngineImplementation } from '../dispatch.js';

function relay(cx: CallContext) {
  return (p: UnlockProgress) => cx.progress({ phase: p.phase, expectedMs: p.expectedMs });
}

export const vaultHandlers: EngineImplementation['vault'] = {
  status: (_input, { session }) => {
    const state = session.state();
    return { state, vaultId: state === 'unlocked' ? session.vault.id : null };
  },

  create: async ({ passphrase }, cx) => {
    const { vault, recoveryKey } = await Vault.create(cx.session.vaultDir, { passphrase, onProgress: relay(cx) });
    cx.session.adopt(vault);
    return { recoveryKey };
  },

  unlock: async ({ passphrase }, cx) => {
    const vault = await Vault.open(cx.session.vaultDir, { passphrase }, { onProgress: relay(cx) });
    cx.session.adopt(vault);
    return null;
  },

  unlockWithRecoveryKey: async ({ recoveryKey }, cx) => {
    const vault = await Vault.open(cx.session.vaultDir, { recoveryKey }, { onProgress: relay(cx) });
    cx.session.adopt(vault);
    return null;
  },

  info: (_input, { session }) => {
    const s = session.vault.status();
    return {
      vaultId: s.vaultId,
      formatVersion: s.formatVersion,
      schemaVersion: s.schemaVersion,
      createdAt: s.createdAt,
      slots: s.slots.map(({ id, kind, createdAt }) => ({ id, kind, createdAt })),
      counts: s.counts,
    };
  },

  unlockGuard: async (_input, { session }) => {
    try {
      return await unlockGuardState(session.vaultDir, await readVaultFile(session.vaultDir));
    } catch (e) {
      if (isVaultError(e) && e.code === 'VAULT_KEYS_DESTROYED')
        return { wipeAfterFailedUnlocks: null, failedUnlocks: 0, remaining: null, keysDestroyed: true };
      throw e;
    }
  },

  setWipeAfterFailedUnlocks: async ({ attempts }, { session }) => {
    const vault = session.vault;
    await vault.setWipeAfterFailedUnlocks(attempts);
    return unlockGuardState(vault.dir, vault.file);
  },

  changePassphrase: async ({ current, next }, cx) => {
    const vault = cx.session.vault;
    await vault.verifyCredential({ passphrase: current }, relay(cx));
    await vault.changePassphrase(next);
    return null;
  },
};
