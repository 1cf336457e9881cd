/** The engine's public surface, for the CLI, the worker (desktop app) and tests. */
export { Vault, type Credential, type UnlockProgress, type VaultStatus, MIN_PASSPHRASE_CHARS } from './vault/vault.js';
export { runDoctor, type DoctorReport, type Finding } from './doctor/doctor.js';
export { defaultVaultDir } from './paths.js';
export { BlobStore, type StoredBlob } from './evidence-store/blob-store.js';
export { verifyAuditChain, listAudit, appendAudit, type AuditEntry } from './audit/audit-log.js';
export { VaultError, isVaultError, type ErrorCode } from '../../shared/errors.js';
