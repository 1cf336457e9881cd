/**
 * evidence.receivedDescriptions through the real router, on the situation it exists for: A's
 * sharing profile for B lets some evidence fields through but not the files, A shares a case,
 * B imports it (received-evidence-scenario.ts). B sees each described item exactly as the
 * profile allowed — the shared fields with A's values, the others absent (not placeholders) —
 * with who described it (A's partner record in B) and when it arrived; nothing is written by
 * looking. When a later bundle brings a file, its item leaves the list for the evidence table.
 * A stored description that does not parse is VAULT_CORRUPT, never shown raw.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BundleLedgerEntry, ImportResult } from '../../shared/domain/bundles.js';
import type { Evidence, ReceivedEvidenceDescription } from '../../shared/domain/evidence.js';
import { run, sql } from '../../src-main/engine/db/sql.js';
import type { IpcVault } from './ipc-helpers.js';
import { auditTotal, openHandle, saveHandle } from './exchange-ipc-helpers.js';
import { describedWithoutFiles } from './received-evidence-scenario.js';

const open: IpcVault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.cleanup();
});

const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

describe('evidence.receivedDescriptions', () => {
  it('lists what a partner described without the file, exactly as their profile allowed, and drops an item once its file arrives', async () => {
    const s = await describedWithoutFiles();
    const { a, b, bSeesA, aSeesB } = s.p;
    open.push(a, b);
    expect(s.imported).toMatchObject({ result: 'imported', counts: { files: 0, conflicts: 0 }, skipped: [] });
    expect(s.imported.counts.created).toEqual({
      cases: 1,
      people: 0,
      consents: 0,
      evidence: 2,
      notes: 0,
      deadlines: 0,
      outcomes: 0,
    });
    const [ledger] = await b.ok<BundleLedgerEntry[]>('bundles.list', { direction: 'received' });

    // no file came: nothing in B's evidence table
    expect(await b.ok<Evidence[]>('evidence.list', { caseId: s.caseId })).toEqual([]);

    const before = await auditTotal(b);
    const listed = await b.ok<ReceivedEvidenceDescription[]>('evidence.receivedDescriptions', { caseId: s.caseId });
    const from = { id: bSeesA.partner.id, name: 'Haki Litigation Centre' };
    const common = {
      caseId: s.caseId,
      originVault: bSeesA.key.vaultId,
      originPartner: from,
      receivedAt: ledger!.recordedAt,
    };
    expect(listed).toStrictEqual(
      [
        {
          id: s.statement.id,
          ...common,
          version: s.statement.version,
          title: 'Statement of AB-1',
          type: 'testimony',
          size: s.statement.size,
          sha256: s.statement.sha256,
          collectedAt: '2026-03-01',
          senderReceivedAt: s.statement.receivedAt,
        },
        {
          id: s.photo.id,
          ...common,
          version: s.photo.version,
          // A's title was the file's name; B gets the title (shared), not the file name (not shared)
          title: 'cell-4.jpg',
          type: 'photo',
          size: 2052,
          sha256: s.photo.sha256,
          collectedAt: null,
          senderReceivedAt: s.photo.receivedAt,
        },
      ].sort(byId),
    );
    expect(s.statement.size).toBe(9 + 18 * 300);
    // what the profile left out is not there in any form
    const wire = JSON.stringify(listed);
    for (const secret of [
      'Names the officers',
      'AB-1, in person',
      'Asha',
      'Kilima',
      'statement.pdf',
      'application/pdf',
      'image/jpeg',
      'Not shared',
      'not-shared',
    ]) {
      expect(wire).not.toContain(secret);
    }
    // looking writes nothing
    expect(await auditTotal(b)).toBe(before);

    // refusals
    expect(
      await b.call('evidence.receivedDescriptions', { caseId: '01900000-0000-7000-8000-000000000000' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await b.call('evidence.receivedDescriptions', { caseId: 'KE-2026-7' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await b.call('evidence.receivedDescriptions', { caseId: s.caseId, all: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    // A has no such descriptions of its own case: its items have their files
    expect(await a.ok('evidence.receivedDescriptions', { caseId: s.caseId })).toEqual([]);

    // --- A later sends the statement's file: it moves into B's evidence and leaves the list
    const partner = await a.ok<{ version: number }>('partners.get', { id: aSeesB.partner.id });
    await a.ok('partners.setSharingProfile', {
      partnerId: aSeesB.partner.id,
      expectedVersion: partner.version,
      allow: [
        { kind: 'cases' },
        { kind: 'evidence', fields: ['title', 'type', 'size', 'sha256', 'collected-at', 'received-at', 'file'] },
      ],
    });
    const second = join(s.p.dir, 'with-file.cvbundle');
    await a.ok('bundles.export', {
      partnerId: aSeesB.partner.id,
      caseIds: [s.caseId],
      evidenceIds: [s.statement.id],
      purpose: 'The statement itself',
      target: await saveHandle(a, second, 'bundle'),
    });
    const again = await b.ok<ImportResult>('bundles.import', { file: await openHandle(b, second, 'bundle') });
    expect(again.counts.files).toBe(1);
    expect(
      (await b.ok<Evidence[]>('evidence.list', { caseId: s.caseId })).map((e) => [e.id, e.title, e.sha256]),
    ).toEqual([[s.statement.id, 'Statement of AB-1', s.statement.sha256]]);
    const left = await b.ok<ReceivedEvidenceDescription[]>('evidence.receivedDescriptions', { caseId: s.caseId });
    expect(left.map((d) => d.id)).toEqual([s.photo.id]);
    expect(left[0]).toMatchObject({ title: 'cell-4.jpg', originPartner: from });
  });

  it('a stored description that does not parse, or disagrees with its row, is VAULT_CORRUPT and never shown raw', async () => {
    const s = await describedWithoutFiles();
    const { a, b } = s.p;
    open.push(a, b);
    const db = b.engine.session.ctx.db;
    const listed = await b.ok<ReceivedEvidenceDescription[]>('evidence.receivedDescriptions', { caseId: s.caseId });
    expect(listed).toHaveLength(2);
    const good = JSON.parse(JSON.stringify(listed.find((d) => d.id === s.photo.id))) as Record<string, unknown>;
    const stored = {
      id: s.photo.id,
      version: s.photo.version,
      originVault: good.originVault,
      caseId: s.caseId,
      title: 'cell-4.jpg',
      type: 'photo',
      size: 2052,
      sha256: s.photo.sha256,
      collectedAt: null,
      receivedAt: s.photo.receivedAt,
    };

    const cases: Array<[string, Record<string, unknown> | string, string]> = [
      ['an unknown key', { ...stored, whisper: 'the name of the witness' }, 'a field no bundle carries'],
      ['a wrong type', { ...stored, size: 'the name of the witness' }, 'its field size is not valid'],
      ['another case', { ...stored, caseId: '01900000-0000-7000-8000-000000000000' }, 'names another case'],
      ['another version', { ...stored, version: s.photo.version + 1 }, 'another version'],
      ['a prototype key', `{"__proto__":{"x":1},${JSON.stringify(stored).slice(1)}`, '__proto__'],
    ];
    for (const [what, record, why] of cases) {
      run(
        db,
        sql`UPDATE received_evidence_metadata SET record = ${typeof record === 'string' ? record : JSON.stringify(record)} WHERE id = ${s.photo.id}`,
      );
      const r = await b.call('evidence.receivedDescriptions', { caseId: s.caseId });
      expect(r, what).toMatchObject({ ok: false, error: { code: 'VAULT_CORRUPT' } });
      const message = (r as { error: { message: string } }).error.message;
      expect(message, what).toContain(s.photo.id);
      expect(message, what).toContain(why);
      expect(message, what).not.toContain('witness');
    }
    // restored as it was stored, it lists again
    run(db, sql`UPDATE received_evidence_metadata SET record = ${JSON.stringify(stored)} WHERE id = ${s.photo.id}`);
    expect(
      (await b.ok<ReceivedEvidenceDescription[]>('evidence.receivedDescriptions', { caseId: s.caseId })).find(
        (d) => d.id === s.photo.id,
      ),
    ).toStrictEqual(good);
  });
});
