/**
 * Error codes shared by the engine, the CLI and (later) the IPC contract.
 *
 * A code is a stable identifier that scripts and the UI may branch on; the message is a
 * sentence a person understands. Messages never carry secrets, record contents or stack
 * traces. Adding a code is fine; renaming or removing one breaks scripts, so don't.
 */
export const ERROR_CODES = [
  // vault lifecycle
  'VAULT_NOT_FOUND',
  'VAULT_EXISTS',
  'VAULT_DIR_NOT_EMPTY',
  'VAULT_CORRUPT',
  'VAULT_TOO_NEW',
  'VAULT_LOCKED',
  'VAULT_BUSY',
  'VAULT_NOT_EMPTY',
  'VAULT_KEYS_DESTROYED',
  // credentials
  'BAD_PASSPHRASE',
  'WEAK_PASSPHRASE',
  'PASSPHRASE_REQUIRED',
  'PASSPHRASE_MISMATCH',
  /** a passphrase (file, stdin, terminal, app) that is not valid UTF-8 text */
  'PASSPHRASE_NOT_UTF8',
  'RECOVERY_KEY_MALFORMED',
  // evidence store
  'BLOB_NOT_FOUND',
  'BLOB_MISSING',
  'BLOB_TAMPERED',
  'BLOB_TRUNCATED',
  'BLOB_HASH_MISMATCH',
  // checks
  'DOCTOR_FAILED',
  // case domain
  'INVALID_TRANSITION',
  'CONFLICT_CHECK_UNRESOLVED',
  'CONFLICT',
  'DUPLICATE',
  'PERSON_NOT_IN_CASE',
  'CONSENT_DENIED',
  'CONSENT_ALREADY_WITHDRAWN',
  'CONSENT_REFUSED_CANNOT_WITHDRAW',
  'EVIDENCE_UNREADABLE',
  'FILE_UNREADABLE',
  'EVIDENCE_HASH_MISMATCH',
  'EXPORT_TARGET_EXISTS',
  // erasure (docs/erasure.md)
  'ERASURE_RECALL_PENDING',
  // desktop app (IPC)
  'FORBIDDEN',
  'UNKNOWN_CALL',
  'FILE_HANDLE_INVALID',
  // age v1 (the bundle's encryption layer): one code per way a file can fail to open
  'AGE_ARMOR_INVALID',
  'AGE_HEADER_INVALID',
  'AGE_HEADER_TOO_LARGE',
  'AGE_UNSUPPORTED_VERSION',
  'AGE_STANZA_INVALID',
  'AGE_X25519_LOW_ORDER',
  'AGE_SCRYPT_NOT_ALONE',
  'AGE_SCRYPT_WORK_FACTOR',
  'AGE_NO_IDENTITY_MATCHED',
  'AGE_HEADER_MAC_INVALID',
  'AGE_PAYLOAD_CORRUPT',
  'AGE_TRUNCATED',
  'AGE_TRAILING_DATA',
  'AGE_RECIPIENT_INVALID',
  'AGE_IDENTITY_INVALID',
  'AGE_MIXED_PQ_RECIPIENTS',
  // signed case bundles (docs/bundle-format.md): one code per way a bundle can be refused
  'BUNDLE_PARTNER_NOT_VERIFIED',
  'BUNDLE_CONSENT_MISSING',
  'BUNDLE_NOT_FOR_US',
  /** a bundle sealed with a passphrase (scrypt), opened without one */
  'BUNDLE_PASSPHRASE_REQUIRED',
  /** the passphrase given does not open this passphrase bundle */
  'BUNDLE_PASSPHRASE_WRONG',
  /** a passphrase was given for a bundle that is not sealed with one (or not with one alone) */
  'BUNDLE_NOT_PASSPHRASE',
  'BUNDLE_TAR_INVALID',
  'BUNDLE_UNSIGNED',
  'BUNDLE_MANIFEST_INVALID',
  /** a bundle, recall notice or receipt of a newer major format version: update Case Vault */
  'BUNDLE_FORMAT_TOO_NEW',
  'BUNDLE_SIGNATURE_INVALID',
  'BUNDLE_NOT_LISTED',
  'BUNDLE_EXPIRED',
  'BUNDLE_FROM_SELF',
  'BUNDLE_ENTRY_NAME',
  'BUNDLE_ENTRY_UNEXPECTED',
  'BUNDLE_ENTRY_MISSING',
  'BUNDLE_ENTRY_ORDER',
  'BUNDLE_ENTRY_HASH',
  'BUNDLE_ENTRY_TOO_LARGE',
  'BUNDLE_RECORD_INVALID',
  'BUNDLE_SENDER_NOT_VERIFIED',
  // authority over what arrives (docs/bundle-format.md, "Authority")
  'BUNDLE_ORIGIN_MISMATCH',
  'BUNDLE_NOT_ORIGINATOR',
  'BUNDLE_FOREIGN_LINK',
  'BUNDLE_EVIDENCE_CHANGED',
  'BUNDLE_RECORD_COLLISION',
  'BUNDLE_NOT_YET_VALID',
  // what leaves: nothing to share, the partner gate
  'BUNDLE_EMPTY',
  'PARTNER_NOT_CLEARED',
  // recall notices after a consent withdrawal
  'RECALL_NOTHING_TO_RECALL',
  'RECALL_INVALID',
  'RECALL_UNKNOWN',
  // team sync (docs/team-sync.md)
  'SYNC_MEMBER_UNKNOWN',
  'SYNC_MEMBER_NOT_VERIFIED',
  'SYNC_MEMBER_REMOVED',
  'SYNC_MEMBER_IS_PARTNER',
  'SYNC_BUNDLE_INVALID',
  'SYNC_ORIGIN_MISMATCH',
  'SYNC_CHANGE_REFUSED',
  'RECEIPT_INVALID',
  'RECEIPT_UNKNOWN_BUNDLE',
  'RECEIPT_MISMATCH',
  'RECEIPT_SIGNATURE_INVALID',
  // identity and partner keys (contact cards, safety numbers)
  'IDENTITY_MISSING',
  'CARD_TOO_LARGE',
  'CARD_QR_TOO_LARGE',
  'CARD_INVALID',
  'CARD_UNSUPPORTED_VERSION',
  'CARD_KEY_INVALID',
  'CARD_SIGNATURE_INVALID',
  'CARD_IS_OWN',
  'CARD_KEY_CONFLICT',
  'SAFETY_NUMBER_MISMATCH',
  'KEY_REPLACED',
  // reading a QR code from a picture (a photo or screenshot of a partner's screen)
  'QR_IMAGE_TOO_LARGE',
  'QR_IMAGE_UNREADABLE',
  'QR_NOT_FOUND',
  'QR_NOT_A_CARD',
  'QR_NOT_A_SAFETY_NUMBER',
  // donor reports (docs/reports.md)
  'REPORT_K_TOO_SMALL',
  'REPORT_PERIOD_INVALID',
  'REPORT_EMPTY_SCOPE',
  'REPORT_NO_DATA',
  'REPORT_UNSAFE_TEXT',
  'REPORT_LANGUAGE_UNSUPPORTED',
  'REPORT_SCRIPT_UNSUPPORTED',
  'REPORT_OUTPUT_UNWRITABLE',
  // backups on removable drives (docs/backup.md)
  'BACKUP_NOT_FOUND',
  'BACKUP_MANIFEST_INVALID',
  'BACKUP_FORMAT_TOO_NEW',
  'BACKUP_SIGNATURE_INVALID',
  'BACKUP_MAC_INVALID',
  'BACKUP_OTHER_VAULT',
  'BACKUP_FILE_MISSING',
  'BACKUP_FILE_TRUNCATED',
  'BACKUP_FILE_MISMATCH',
  'BACKUP_DRIVE_FULL',
  'BACKUP_RESTORE_TARGET_EXISTS',
  'BACKUP_RESTORE_CHECK_FAILED',
  // spreadsheet import (docs/import.md): the file as a whole
  'IMPORT_NOT_CSV',
  'IMPORT_ENCODING_UNKNOWN',
  'IMPORT_HEADER_INVALID',
  'IMPORT_MAPPING_INCOMPLETE',
  'IMPORT_MAPPING_UNKNOWN',
  'IMPORT_ALREADY_IMPORTED',
  'IMPORT_TOO_MANY_ROWS',
  // spreadsheet import: one row
  'IMPORT_ROW_MALFORMED',
  'IMPORT_ROW_RAGGED',
  'IMPORT_ROW_TOO_LARGE',
  'IMPORT_CELL_TOO_LARGE',
  'IMPORT_ENCODING_INVALID',
  'IMPORT_FORMULA',
  'IMPORT_UNKNOWN_ID',
  'IMPORT_UNKNOWN_CASE',
  'IMPORT_LIKELY_DUPLICATE',
  'IMPORT_NOT_UPDATABLE',
  // generic
  'INVALID_INPUT',
  'NOT_FOUND',
  'IO_ERROR',
  /** no space left on a disk (ENOSPC, EDQUOT, SQLITE_FULL): nothing was half-written */
  'DISK_FULL',
  'USAGE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** The one error type the engine throws on purpose. Anything else is a bug (INTERNAL). */
export class VaultError extends Error {
  override readonly name = 'VaultError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isVaultError(e: unknown): e is VaultError {
  return e instanceof VaultError;
}
