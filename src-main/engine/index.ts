/** The engine's public surface, for the CLI, the worker (desktop app) and tests. */
export { Vault, type Credential, type UnlockProgress, type VaultStatus, MIN_PASSPHRASE_CHARS } from './vault/vault.js';
export { runDoctor, type DoctorReport, type Finding } from './doctor/doctor.js';
export { defaultVaultDir } from './paths.js';
export { BlobStore, type StoredBlob } from './evidence-store/blob-store.js';
export { verifyAuditChain, listAudit, appendAudit, type AuditEntry } from './audit/audit-log.js';
export { VaultError, isVaultError, type ErrorCode } from '../../shared/errors.js';

// The case domain: one namespace per area (the desktop app's worker dispatches to these).
export { domainContext, type DomainContext } from './domain/context.js';
export * as cases from './cases/case-service.js';
export * as people from './people/person-service.js';
export * as enquiries from './enquiries/enquiry-service.js';
export * as consents from './consents/consent-service.js';
export * as consentGate from './consents/consent-gate.js';
export * as evidence from './evidence/evidence-service.js';
export * as receivedEvidence from './evidence/received-descriptions.js';
export * as notes from './notes/note-service.js';
export * as search from './search/search-service.js';
export * as deadlines from './deadlines/deadline-service.js';
export * as outcomes from './outcomes/outcome-service.js';
export * as partners from './partners/partner-service.js';
export * as bundles from './bundles/index.js';
export * as risks from './risks/risk-service.js';
export * as demo from './demo/demo-generator.js';
export * as reports from './reports/donor-report.js';
export * as backup from './backup/index.js';
