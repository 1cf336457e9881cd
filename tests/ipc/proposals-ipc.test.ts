/**
 * proposals.* through the real router: A shares a case with B; B adds a note and an outcome to
 * it and sends it back; A's import lists two proposals and changes nothing in the case until a
 * person decides. Accept writes the note into the case (attributed to B); reject drops the
 * outcome, which never reaches A's outcomes (and so never its donor reports).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportResult, ProposedAddition } from '../../shared/domain/bundles.js';
import type { IpcVault } from './ipc-helpers.js';
import { openHandle, pair, saveHandle } from './exchange-ipc-helpers.js';
import { join } from 'node:path';

const open: IpcVault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.cleanup();
});

async function allow(v: IpcVault, partnerId: string): Promise<void> {
  const partner = await v.ok<{ version: number }>('partners.get', { id: partnerId });
  await v.ok('partners.setSharingProfile', {
    partnerId,
    expectedVersion: partner.version,
    allow: [{ kind: 'cases' }, { kind: 'notes' }, { kind: 'outcomes' }],
  });
}

async function send(from: IpcVault, partnerId: string, caseId: string, file: string): Promise<void> {
  await from.ok('bundles.export', {
    partnerId,
    caseIds: [caseId],
    evidenceIds: [],
    purpose: 'Coordination',
    onMissingConsent: 'refuse',
    target: await saveHandle(from, file, 'bundle'),
  });
}

describe('proposals.* (a partner’s additions to our case)', () => {
  it('list → accept / reject; nothing enters the case before a decision', async () => {
    const p = await pair();
    open.push(p.a, p.b);
    const { a, b, aSeesB, bSeesA } = p;
    await allow(a, aSeesB.partner.id);
    await allow(b, bSeesA.partner.id);
    const c = await a.ok<{ id: string; reference: string }>('cases.create', { title: 'Detention at Kilima station' });
    const toB = join(p.dir, 'to-b.cvbundle');
    await send(a, aSeesB.partner.id, c.id, toB);
    await b.ok('bundles.import', { file: await openHandle(b, toB, 'bundle') });

    const note = await b.ok<{ id: string }>('notes.add', {
      caseId: c.id,
      body: 'Hearing moved to March.',
      author: 'TR',
    });
    await b.ok('outcomes.add', {
      caseId: c.id,
      kind: 'compensation',
      description: 'Awarded by the court',
      currency: 'KES',
      amountAwarded: '150000.00',
    });
    const toA = join(p.dir, 'to-a.cvbundle');
    await send(b, bSeesA.partner.id, c.id, toA);
    const imported = await a.ok<ImportResult>('bundles.import', { file: await openHandle(a, toA, 'bundle') });
    expect(imported.counts.proposed).toBe(2);
    expect(imported.proposed.map((x) => x.kind).sort()).toEqual(['notes', 'outcomes']);

    expect((await a.ok<{ total: number }>('notes.list', { caseId: c.id })).total).toBe(0);
    expect(await a.ok<unknown[]>('outcomes.list', { caseId: c.id })).toEqual([]);
    const waiting = await a.ok<ProposedAddition[]>('proposals.list', { caseId: c.id });
    expect(waiting).toHaveLength(2);
    expect(
      waiting.every(
        (x) => x.status === 'pending' && x.partner?.id === aSeesB.partner.id && x.caseReference === c.reference,
      ),
    ).toBe(true);
    const noteProposal = waiting.find((x) => x.kind === 'notes')!;
    const outcomeProposal = waiting.find((x) => x.kind === 'outcomes')!;
    expect(noteProposal.preview).toMatchObject({ text: 'Hearing moved to March.' });
    expect(outcomeProposal.preview).toMatchObject({
      subtype: 'compensation',
      currency: 'KES',
      amountAwardedMinor: 15000000,
    });

    const accepted = await a.ok<ProposedAddition>('proposals.accept', { id: noteProposal.id });
    expect(accepted).toMatchObject({ status: 'accepted', decidedBy: 'Vault owner' });
    const rejected = await a.ok<ProposedAddition>('proposals.reject', { id: outcomeProposal.id, decidedBy: 'Asha' });
    expect(rejected).toMatchObject({ status: 'rejected', decidedBy: 'Asha', preview: null });
    const notes = await a.ok<{ items: Array<{ id: string; body: string }> }>('notes.list', { caseId: c.id });
    expect(notes.items.map((n) => [n.id, n.body])).toEqual([[note.id, 'Hearing moved to March.']]);
    expect(await a.ok<unknown[]>('outcomes.list', { caseId: c.id })).toEqual([]);
    expect(await a.ok<unknown[]>('proposals.list', {})).toEqual([]);
    expect(await a.call('proposals.accept', { id: outcomeProposal.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    expect(await a.call('proposals.get', { id: '01234567-89ab-7def-8123-456789abcdef' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
