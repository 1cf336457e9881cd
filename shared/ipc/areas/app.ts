/**
 * Calls main answers itself: the lock, app settings, native file dialogs, the clipboard and the
 * evidence viewer's one-time URLs. The renderer never names a file path: a dialog in main picks
 * the file and the renderer receives an opaque handle that only main can turn back into a path.
 */
import { z } from 'zod';
import { mainCall, NoInput, Nothing } from '../kit.js';

export const LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** Auto-lock after this many idle minutes: 1 to 60, default 5. */
export const AutoLockMinutes = z.number().int().min(1).max(60);

export const AppSettings = z.strictObject({
  language: Language,
  autoLockMinutes: AutoLockMinutes,
});
export type AppSettings = z.infer<typeof AppSettings>;
export const DEFAULT_SETTINGS: AppSettings = { language: 'en', autoLockMinutes: 5 };

/** An opaque token for a file main chose; valid until the vault locks. */
export const FileHandle = z.string().regex(/^fh_[0-9a-f]{32}$/, 'must be a file handle from a file dialog');
export type FileHandle = z.infer<typeof FileHandle>;

export const ChosenFile = z.strictObject({
  handle: FileHandle,
  /** the file's base name, for display only */
  name: z.string(),
  size: z.number().int().nonnegative(),
});
export type ChosenFile = z.infer<typeof ChosenFile>;

/**
 * What a save dialog is for: it sets the dialog's file-type filter. The renderer only suggests a
 * file name; main's dialog picks the place (for a bundle, typically a removable drive).
 */
export const SAVE_KINDS = [
  'evidence',
  'custody-json',
  'custody-csv',
  'contact-card',
  'qr-png',
  'qr-svg',
  'bundle',
  'receipt',
  'report-pdf',
  'report-csv',
  'report-html',
  'recall',
  'import-refused',
  'sync',
] as const;
export const SaveKind = z.enum(SAVE_KINDS);
export type SaveKind = z.infer<typeof SaveKind>;

/** What an open dialog is for (its title and file-type filter). */
/** `picture`: a PNG or JPEG photo or screenshot of a QR code (a partner's card or safety number). */
export const OPEN_KINDS = ['evidence', 'contact-card', 'bundle', 'receipt', 'picture', 'csv', 'sync'] as const;
export const OpenKind = z.enum(OPEN_KINDS);
export type OpenKind = z.infer<typeof OpenKind>;

export const sessionArea = {
  /** Lock now: keys are zeroed, file handles and viewer URLs forgotten, every window told. */
  lock: mainCall(NoInput, Nothing),
  /** The panic: the same lock at once, announced as 'panic' (the renderer has already cleared its window). */
  panic: mainCall(NoInput, Nothing),
} as const;

export const settingsArea = {
  get: mainCall(NoInput, AppSettings),
  set: mainCall(AppSettings.partial().strict(), AppSettings),
} as const;

export const filesArea = {
  /** Native open dialog; null when the user cancels. */
  chooseEvidence: mainCall(NoInput, ChosenFile.nullable(), { unlocked: true }),
  /** Native open dialog for a contact card, a bundle or a receipt; null when the user cancels. */
  chooseOpen: mainCall(z.strictObject({ kind: OpenKind }), ChosenFile.nullable(), { unlocked: true }),
  /** Native save dialog; null when the user cancels. */
  chooseSaveTarget: mainCall(
    z.strictObject({ suggestedName: z.string().min(1).max(200), kind: SaveKind }),
    z.strictObject({ handle: FileHandle, name: z.string() }).nullable(),
    { unlocked: true },
  ),
  /**
   * Native "choose folder" dialog for a backup drive; null when the user cancels. The handle is a
   * 'save' handle (a place to write into), for the `drive` of the backup calls.
   */
  chooseBackupFolder: mainCall(NoInput, z.strictObject({ handle: FileHandle, name: z.string() }).nullable(), {
    unlocked: true,
  }),
  /**
   * The same folder dialog for the start screen's restore, while no vault is open: main offers it
   * only while the app's vault folder holds no vault (else BACKUP_RESTORE_TARGET_EXISTS).
   */
  chooseRestoreFolder: mainCall(NoInput, z.strictObject({ handle: FileHandle, name: z.string() }).nullable()),
  /** Native folder dialog (the team sync folder): a 'save' handle for a place to read from and write into; null when cancelled. */
  chooseSyncFolder: mainCall(NoInput, z.strictObject({ handle: FileHandle, name: z.string() }).nullable(), {
    unlocked: true,
  }),
} as const;

export const clipboardArea = {
  /** Copies a secret (the recovery key) and clears the clipboard after `clearsInSeconds` if it still holds it. */
  copySecret: mainCall(
    z.strictObject({ text: z.string().min(1).max(500) }),
    z.strictObject({ clearsInSeconds: z.number().int() }),
  ),
} as const;

export const viewerArea = {
  /**
   * A one-time URL on the evidence protocol that streams the decrypted item from memory (never a
   * temp file) and records a 'viewed' custody event. Valid for one load, and never after a lock.
   */
  open: mainCall(
    z.strictObject({ evidenceId: z.string().uuid() }),
    z.strictObject({ url: z.string(), mediaType: z.string() }),
    { unlocked: true },
  ),
} as const;
