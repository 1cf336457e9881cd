/**
 * What every case-domain service works with, and the three rules they all follow:
 *
 * 1. Input is parsed with the zod schema from shared/domain before anything is read or
 *    written; a violation is INVALID_INPUT naming the field (`parseInput`).
 * 2. A mutation and its audit entry commit in one transaction (`mutate`), so there is never a
 *    change without its entry, and a failure leaves nothing half-written.
 * 3. Audit details carry ids and field names, never what a field contains.
 */
import { describeZodError } from '../../../shared/zod-message.js';
import type { z } from 'zod';
import type { JsonValue } from '../../../shared/canonical-json.js';
import { VaultError } from '../../../shared/errors.js';
import { appendAudit } from '../audit/audit-log.js';
import type { WritableDB } from '../db/sql.js';
import type { BlobStore } from '../evidence-store/blob-store.js';
import type { VaultIdentityKeys } from '../identity/vault-identity.js';
import { checkpointIfDue } from '../identity/audit-checkpoints.js';
import type { Vault } from '../vault/vault.js';

export interface DomainContext {
  readonly db: WritableDB;
  readonly vaultId: string;
  readonly blobs: BlobStore;
  /** the vault's identity key pair (signing contact cards, manifests, receipts; age) */
  readonly identity: VaultIdentityKeys;
  /** the clock; tests pass a fixed one to check expiry and "overdue" */
  now(): Date;
}

export function domainContext(vault: Vault, now: () => Date = () => new Date()): DomainContext {
  return {
    get db() {
      return vault.db;
    },
    get blobs() {
      return vault.blobs;
    },
    get identity() {
      return vault.identity;
    },
    vaultId: vault.id,
    now,
  };
}

export function nowIso(ctx: DomainContext): string {
  return ctx.now().toISOString();
}

export function today(ctx: DomainContext): string {
  return nowIso(ctx).slice(0, 10);
}

/** Parse `input` with `schema`; a violation becomes INVALID_INPUT naming the first bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new VaultError('INVALID_INPUT', describeZodError(r.error));
}

export interface AuditNote {
  action: string;
  subject: { kind: string; id: string } | null;
  details?: { [key: string]: JsonValue };
}

/**
 * Run `fn` in one transaction and append the audit entries it returns. Nested calls (a service
 * that calls another, or a batch around many) become savepoints of the outer transaction.
 */
export function mutate<T>(ctx: DomainContext, fn: (audit: (note: AuditNote) => void) => T): T {
  const db = ctx.db;
  return db.transaction(() => {
    const notes: AuditNote[] = [];
    const value = fn((n) => notes.push(n));
    for (const n of notes)
      appendAudit(db, ctx.vaultId, { action: n.action, subject: n.subject, details: n.details ?? {} });
    // Every CHECKPOINT_INTERVAL entries, the log's head is signed in the same transaction.
    if (notes.length > 0) checkpointIfDue(db, () => ctx.identity);
    return value;
  })();
}

/**
 * Optimistic concurrency: an update carries the version the user edited; if the record moved on
 * since, the update is refused (CONFLICT) instead of silently overwriting the other change.
 */
export function checkVersion(current: number, expected: number | undefined, what: string): void {
  if (expected !== undefined && expected !== current) {
    throw new VaultError(
      'CONFLICT',
      `This ${what} was changed since you opened it (version ${current}, you edited version ${expected}). Reload it and apply your change again.`,
    );
  }
}

export function notFound(kind: string, id: string): VaultError {
  return new VaultError('NOT_FOUND', `No ${kind} with id ${id} in this vault.`);
}

/** SQLite booleans and JSON columns back to JS. */
export function bool(v: unknown): boolean {
  return v === 1 || v === 1n;
}

export function jsonArray<T = string>(v: unknown): T[] {
  if (typeof v !== 'string') return [];
  const parsed: unknown = JSON.parse(v);
  return Array.isArray(parsed) ? (parsed as T[]) : [];
}

/** Names of the fields whose values differ, for audit details and case history. */
export function changedFields<T extends object>(before: T, after: Partial<T>): Array<keyof T & string> {
  return (Object.keys(after) as Array<keyof T & string>).filter(
    (k) => after[k] !== undefined && JSON.stringify(after[k]) !== JSON.stringify(before[k]),
  );
}
