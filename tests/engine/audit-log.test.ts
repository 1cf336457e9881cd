import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  appendAudit,
  chainHash,
  genesisHash,
  listAudit,
  verifyAuditChain,
} from '../../src-main/engine/audit/audit-log.js';
import { sql, run } from '../../src-main/engine/db/sql.js';
import { newVault } from '../helpers.js';

describe('audit log', () => {
  it('chains hash = SHA-256(prev_hash || canonical entry) from a vault-bound genesis', async () => {
    const { vault } = await newVault();
    const [first] = listAudit(vault.db);
    expect(first!.action).toBe('vault.created');
    expect(first!.prevHash).toBe(createHash('sha256').update(`case-vault/audit/v1\0${vault.id}`).digest('hex'));
    // Recompute entry 1 by hand from the documented canonical form.
    const canonical = JSON.stringify({
      action: first!.action,
      actor: first!.actor,
      at: first!.at,
      details: first!.details,
      seq: 1,
      subject: { id: first!.subject!.id, kind: first!.subject!.kind },
    });
    const manual = createHash('sha256').update(genesisHash(vault.id)).update(canonical).digest('hex');
    expect(first!.hash).toBe(manual);
    expect(chainHash(genesisHash(vault.id), first!).toString('hex')).toBe(manual);
  });

  it('verifies an intact chain of many entries', async () => {
    const { vault } = await newVault();
    vault.db.transaction(() => {
      for (let i = 0; i < 12_000; i++) appendAudit(vault.db, vault.id, { action: 'test.event', details: { i } });
    })();
    expect(verifyAuditChain(vault.db, vault.id)).toMatchObject({ ok: true, entries: 12_003 }); // + vault.created, identity.created and identity.pq-key-created
  });

  it('refuses UPDATE and DELETE at the database level', async () => {
    const { vault } = await newVault();
    expect(() => run(vault.db, sql`UPDATE audit_log SET action = ${'x'}`)).toThrow(/append-only/);
    expect(() => run(vault.db, sql`DELETE FROM audit_log`)).toThrow(/append-only/);
  });

  describe('names the first broken entry when someone with the key edits the log', () => {
    async function withEntries() {
      const { vault } = await newVault();
      for (let i = 0; i < 5; i++) vault.audit('test.event', { i });
      vault.db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
      return vault;
    }
    it('an edited field', async () => {
      const v = await withEntries();
      run(v.db, sql`UPDATE audit_log SET details = ${'{"i":99}'} WHERE seq = 4`);
      expect(verifyAuditChain(v.db, v.id)).toMatchObject({
        ok: false,
        firstBrokenSeq: 4,
        reason: expect.stringMatching(/altered/),
      });
    });
    it('a deleted entry', async () => {
      const v = await withEntries();
      run(v.db, sql`DELETE FROM audit_log WHERE seq = 3`);
      expect(verifyAuditChain(v.db, v.id)).toMatchObject({
        ok: false,
        firstBrokenSeq: 3,
        reason: expect.stringMatching(/missing/),
      });
    });
    it('the tail truncated and re-chained from a forged entry', async () => {
      const v = await withEntries();
      run(v.db, sql`UPDATE audit_log SET prev_hash = ${Buffer.alloc(32)} WHERE seq = 2`);
      expect(verifyAuditChain(v.db, v.id)).toMatchObject({
        ok: false,
        firstBrokenSeq: 2,
        reason: expect.stringMatching(/does not link/),
      });
    });
    it('a chain transplanted from another vault', async () => {
      const v = await withEntries();
      expect(verifyAuditChain(v.db, '00000000-0000-7000-8000-000000000000')).toMatchObject({
        ok: false,
        firstBrokenSeq: 1,
      });
    });
  });
});
