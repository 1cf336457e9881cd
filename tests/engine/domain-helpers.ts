// A domain context on a real vault, with a clock the test controls.
import { domainContext, type DomainContext } from '../../src-main/engine/domain/context.js';
import { countAudit } from '../../src-main/engine/audit/audit-log.js';
import { newVault } from '../helpers.js';

export interface TestDomain {
  ctx: DomainContext;
  /** set the clock: an ISO time or a day (taken at noon UTC) */
  setNow(iso: string): void;
  auditCount(): number;
  /** count rows of a table (test-only SQL; table names are literals in the tests) */
  rows(table: string): number;
}

export async function newDomain(start = '2026-11-21T12:00:00.000Z'): Promise<TestDomain & { dir: string }> {
  const { vault, dir } = await newVault();
  let now = new Date(start);
  const ctx = domainContext(vault, () => now);
  return {
    ctx,
    dir,
    setNow: (iso) => {
      now = new Date(iso.length === 10 ? `${iso}T12:00:00.000Z` : iso);
    },
    auditCount: () => countAudit(vault.db),
    rows: (table) => (vault.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
  };
}

/** The VaultError code a synchronous call throws, or undefined if it returns. */
export function codeOfSync(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string' || !(e instanceof Error) || e.name !== 'VaultError') throw e;
    return code;
  }
}
