// Signed audit checkpoints: written on lock and every CHECKPOINT_INTERVAL entries, verified with
// the audit chain (doctor, audit.verify), tampering detected.
import { describe, expect, it } from 'vitest';
import { PrivateKey } from '@signalapp/libsignal-client';
import { all, get, run, sql } from '../../../src-main/engine/db/sql.js';
import { appendAudit, chainHash, genesisHash } from '../../../src-main/engine/audit/audit-log.js';
import {
  CHECKPOINT_INTERVAL,
  checkpointBytes,
  verifyAuditLog,
  verifyCheckpoints,
  writeCheckpoint,
} from '../../../src-main/engine/identity/audit-checkpoints.js';
import { verifySignature } from '../../../src-main/engine/identity/vault-identity.js';
import { runDoctor } from '../../../src-main/engine/doctor/doctor.js';
import { domainContext, mutate } from '../../../src-main/engine/domain/context.js';
import { newVault, openVault } from '../../helpers.js';

interface CpRow {
  seq: number;
  hash: Uint8Array;
  at: string;
  public_key: Uint8Array;
  signature: Uint8Array;
}

describe('audit checkpoints', () => {
  it('lock signs the head of the log, once', async () => {
    const { vault, dir } = await newVault();
    const pk = Buffer.from(vault.identity.publicKey);
    const id = vault.id;
    expect(all(vault.db, sql`SELECT * FROM audit_checkpoints`)).toEqual([]);
    vault.lock();
    const v = await openVault(dir);
    const rows = all<CpRow>(v.db, sql`SELECT * FROM audit_checkpoints`);
    expect(rows).toHaveLength(1);
    const head = get<{ seq: number; hash: Uint8Array }>(
      v.db,
      sql`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`,
    )!;
    expect(rows[0]!.seq).toBe(head.seq);
    expect(Buffer.from(rows[0]!.hash).equals(Buffer.from(head.hash))).toBe(true);
    expect(Buffer.from(rows[0]!.public_key).equals(pk)).toBe(true);
    expect(verifySignature(pk, 'auditCheckpoint', checkpointBytes(id, head.seq, head.hash), rows[0]!.signature)).toBe(
      true,
    );
    expect(checkpointBytes(id, 2, Buffer.alloc(32, 0xab)).toString()).toBe(
      `{"hash":"${'ab'.repeat(32)}","seq":2,"vaultId":"${id}"}`,
    );
    // nothing new since: no second checkpoint
    expect(writeCheckpoint(v.db, v.identity)).toBeNull();
    v.lock();
    const v2 = await openVault(dir);
    expect(all(v2.db, sql`SELECT seq FROM audit_checkpoints`)).toHaveLength(1);
    expect(verifyCheckpoints(v2.db, v2.id, v2.identity.publicKey)).toEqual({
      count: 1,
      lastSeq: head.seq,
      problems: [],
    });
  });

  it(`a mutation checkpoints the log once ${CHECKPOINT_INTERVAL} entries are unsigned`, async () => {
    const { vault } = await newVault();
    const ctx = domainContext(vault);
    const note = () => mutate(ctx, (audit) => audit({ action: 'test.note', subject: null }));
    // vault.created + identity.created + identity.pq-key-created = 3 entries, no checkpoint yet
    for (let i = 0; i < CHECKPOINT_INTERVAL - 4; i++) note();
    expect(all(vault.db, sql`SELECT seq FROM audit_checkpoints`)).toEqual([]);
    note(); // entry 100
    expect(all(vault.db, sql`SELECT seq FROM audit_checkpoints`)).toEqual([{ seq: CHECKPOINT_INTERVAL }]);
    for (let i = 0; i < CHECKPOINT_INTERVAL - 1; i++) note();
    expect(all(vault.db, sql`SELECT seq FROM audit_checkpoints`)).toHaveLength(1);
    note();
    expect(all(vault.db, sql`SELECT seq FROM audit_checkpoints ORDER BY seq`)).toEqual([
      { seq: CHECKPOINT_INTERVAL },
      { seq: 2 * CHECKPOINT_INTERVAL },
    ]);
    // a mutation that fails rolls back its checkpoint with its entries
    for (let i = 0; i < CHECKPOINT_INTERVAL - 1; i++) note();
    expect(() =>
      mutate(ctx, (audit) => {
        audit({ action: 'test.note', subject: null });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(all(vault.db, sql`SELECT seq FROM audit_checkpoints`)).toHaveLength(2);
    expect(verifyAuditLog(vault.db, vault.id, vault.identity.publicKey)).toMatchObject({
      ok: true,
      checkpoints: { count: 2, lastSeq: 200, problems: [] },
    });
  });

  it('detects a forged signature, a foreign key, a rewritten chain and a removed entry', async () => {
    const { vault } = await newVault();
    const db = vault.db;
    for (let i = 0; i < 5; i++) vault.audit('test.entry', { i });
    writeCheckpoint(db, vault.identity); // seq 8
    for (let i = 0; i < 3; i++) vault.audit('test.entry', { i });
    writeCheckpoint(db, vault.identity); // seq 11
    const pk = vault.identity.publicKey;
    expect(verifyAuditLog(db, vault.id, pk)).toMatchObject({
      ok: true,
      entries: 11,
      checkpoints: { count: 2, lastSeq: 11, problems: [] },
    });

    // Someone with the database key (not the identity key) rewrites history from entry 3 on
    // and recomputes the chain so that it holds together again.
    db.exec('DROP TRIGGER audit_log_no_update');
    const rows = all<{
      seq: number;
      at: string;
      actor: string;
      action: string;
      subject_kind: string | null;
      subject_id: string | null;
      details: string;
    }>(db, sql`SELECT * FROM audit_log ORDER BY seq`);
    let prev = genesisHash(vault.id);
    for (const r of rows) {
      const action = r.seq === 3 ? 'test.innocent' : r.action;
      const subject =
        r.subject_kind !== null && r.subject_id !== null ? { kind: r.subject_kind, id: r.subject_id } : null;
      const h = chainHash(prev, {
        seq: r.seq,
        at: r.at,
        actor: r.actor,
        action,
        subject,
        details: JSON.parse(r.details),
      });
      run(db, sql`UPDATE audit_log SET action = ${action}, prev_hash = ${prev}, hash = ${h} WHERE seq = ${r.seq}`);
      prev = h;
    }
    const verdict = verifyAuditLog(db, vault.id, pk);
    expect(verdict).toMatchObject({ ok: false, firstBrokenSeq: 8, checkpoints: { count: 2 } });
    expect(verdict.checkpoints.problems.map((p) => [p.seq, p.problem])).toEqual([
      [8, 'hash-mismatch'],
      [11, 'hash-mismatch'],
    ]);
    if (!verdict.ok) expect(verdict.reason).toMatch(/entry 8 no longer has the hash its signed checkpoint records/);

    // doctor and audit.verify report it
    const report = await runDoctor(vault);
    const finding = report.findings.find((f) => f.check === 'audit-chain')!;
    expect(finding).toMatchObject({
      level: 'fail',
      details: {
        firstBrokenSeq: 8,
        checkpoints: {
          count: 2,
          lastSeq: 11,
          problems: [
            { seq: 8, problem: 'hash-mismatch' },
            { seq: 11, problem: 'hash-mismatch' },
          ],
        },
      },
    });
    expect(report.ok).toBe(false);
  });

  it('a checkpoint with a flipped signature, a foreign key, or naming a missing entry', async () => {
    const { vault } = await newVault();
    const db = vault.db;
    vault.audit('test.entry');
    writeCheckpoint(db, vault.identity); // seq 4
    const pk = vault.identity.publicKey;
    const cp = get<CpRow>(db, sql`SELECT * FROM audit_checkpoints`)!;
    db.exec('DROP TRIGGER audit_checkpoints_no_update');
    db.exec('DROP TRIGGER audit_checkpoints_no_delete');
    const sig = Buffer.from(cp.signature);
    sig[7]! ^= 1;
    run(db, sql`UPDATE audit_checkpoints SET signature = ${sig} WHERE seq = 4`);
    expect(verifyCheckpoints(db, vault.id, pk).problems).toEqual([
      { seq: 4, problem: 'bad-signature', message: expect.stringMatching(/does not verify/) },
    ]);

    // signed correctly, but by another key
    const other = PrivateKey.generate();
    const { signatureDigest } = await import('../../../src-main/engine/identity/vault-identity.js');
    const foreignSig = Buffer.from(
      other.sign(new Uint8Array(signatureDigest('auditCheckpoint', checkpointBytes(vault.id, 4, cp.hash)))),
    );
    run(
      db,
      sql`UPDATE audit_checkpoints SET signature = ${foreignSig}, public_key = ${Buffer.from(other.getPublicKey().serialize())} WHERE seq = 4`,
    );
    expect(verifyCheckpoints(db, vault.id, pk).problems.map((p) => p.problem)).toEqual(['foreign-key']);

    // a valid checkpoint for an entry that was cut off the end of the log
    run(db, sql`DELETE FROM audit_checkpoints`);
    vault.audit('test.entry'); // 5
    writeCheckpoint(db, vault.identity);
    db.exec('DROP TRIGGER audit_log_no_delete');
    run(db, sql`DELETE FROM audit_log WHERE seq = 5`);
    const verdict = verifyAuditLog(db, vault.id, pk);
    expect(verdict).toMatchObject({
      ok: false,
      firstBrokenSeq: 5,
      checkpoints: { problems: [{ seq: 5, problem: 'missing-entry' }] },
    });
    // the checkpoint is of another vault id: its signature does not cover this vault
    expect(verifyCheckpoints(db, '01900000-0000-7000-8000-000000000000', pk).problems.map((p) => p.problem)).toEqual([
      'bad-signature',
    ]);
  });

  it('the append-only triggers refuse changes to checkpoints', async () => {
    const { vault } = await newVault();
    vault.audit('x');
    writeCheckpoint(vault.db, vault.identity);
    expect(() => run(vault.db, sql`UPDATE audit_checkpoints SET at = 'x'`)).toThrow(/append-only/);
    expect(() => run(vault.db, sql`DELETE FROM audit_checkpoints`)).toThrow(/append-only/);
    expect(() => appendAudit(vault.db, vault.id, { action: 'y' })).not.toThrow();
  });
});
