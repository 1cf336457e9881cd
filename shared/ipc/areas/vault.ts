/** The vault's lifecycle: create, unlock (passphrase or recovery key), status, passphrase change. */
import { z } from 'zod';
import { engineCall, NoInput, Nothing } from '../kit.js';

/** Passphrases are checked for strength by the engine (12 characters at least, NFC); here only bounded. */
const Passphrase = z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters');
/** Recovery keys are typed by people: the engine accepts spaces, dashes and either case. */
const RecoveryKey = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

export const VaultState = z.enum(['absent', 'locked', 'unlocked']);
export type VaultState = z.infer<typeof VaultState>;

export const VaultStatusOutput = z.strictObject({
  state: VaultState,
  /** the vault's id once it is unlocked */
  vaultId: z.string().nullable(),
});
export type VaultStatusOutput = z.infer<typeof VaultStatusOutput>;

export const VaultInfo = z.strictObject({
  vaultId: z.string(),
  formatVersion: z.number().int(),
  schemaVersion: z.number().int(),
  createdAt: z.string(),
  slots: z.array(z.strictObject({ id: z.string(), kind: z.enum(['passphrase', 'recovery']), createdAt: z.string() })),
  counts: z.strictObject({ blobs: z.number().int(), blobBytes: z.number(), auditEntries: z.number().int() }),
});
export type VaultInfo = z.infer<typeof VaultInfo>;

/**
 * Before unlocking: whether failed unlocks destroy the key slots, and how many attempts remain
 * (read from files anyone with the disk can change: for display, never for a decision).
 */
export const UnlockGuard = z.strictObject({
  wipeAfterFailedUnlocks: z.number().int().nullable(),
  failedUnlocks: z.number().int().nonnegative(),
  remaining: z.number().int().nonnegative().nullable(),
  keysDestroyed: z.boolean(),
});
export type UnlockGuard = z.infer<typeof UnlockGuard>;

export const vaultArea = {
  status: engineCall(NoInput, VaultStatusOutput, { unlocked: false }),
  /** Makes the vault and leaves it unlocked; the answer is the recovery key, shown once. */
  create: engineCall(z.strictObject({ passphrase: Passphrase }), z.strictObject({ recoveryKey: z.string() }), {
    unlocked: false,
    progress: true,
  }),
  unlock: engineCall(z.strictObject({ passphrase: Passphrase }), Nothing, { unlocked: false, progress: true }),
  unlockWithRecoveryKey: engineCall(z.strictObject({ recoveryKey: RecoveryKey }), Nothing, {
    unlocked: false,
    progress: true,
  }),
  info: engineCall(NoInput, VaultInfo),
  unlockGuard: engineCall(NoInput, UnlockGuard, { unlocked: false }),
  /** 5..20 failed unlocks in a row destroy the key slots; null turns it off (audited) */
  setWipeAfterFailedUnlocks: engineCall(
    z.strictObject({
      attempts: z
        .number()
        .int('must be a whole number')
        .min(5, 'must be at least 5')
        .max(20, 'must be at most 20')
        .nullable(),
    }),
    UnlockGuard,
  ),
  changePassphrase: engineCall(z.strictObject({ current: Passphrase, next: Passphrase }), Nothing, { progress: true }),
} as const;
