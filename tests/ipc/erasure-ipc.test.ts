/**
 * evidence.erase, people.erase, cases.purge, cases.retentionReview and policy.retention /
 * policy.setRetention through the real router: exact answers, a refused call (bad input) that
 * erases nothing, and the answer schemas the renderer receives.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Case } from '../../shared/domain/cases.js';
import type { CasePurge, EvidenceErasure, PersonErasure, RetentionPolicy } from '../../shared/domain/erasure.js';
import type { Evidence } from '../../shared/domain/evidence.js';
import type { Person } from '../../shared/domain/people.js';
import { ipcVault, type IpcVault } from './ipc-helpers.js';
import { auditActions, auditTotal } from './exchange-ipc-helpers.js';

let v: IpcVault | undefined;
afterEach(() => {
  v?.cleanup();
  v = undefined;
});

const NOW = new Date('2026-11-21T12:00:00.000Z');

describe('erasure through the router', () => {
  it('erases an item, a person and a case; refuses bad input without erasing anything', async () => {
    v = await ipcVault({ now: () => NOW });
    const c = await v.ok<Case>('cases.create', { title: 'Case' });
    const other = await v.ok<Case>('cases.create', { title: 'Other' });
    const p = await v.ok<Person>('people.create', { fullName: 'Amina Yusuf' });
    await v.ok('people.link', { personId: p.id, caseId: c.id, role: 'survivor' });
    const file = join(mkdtempSync(join(tmpdir(), 'cv-erase-')), 'statement.txt');
    writeFileSync(file, 'statement');
    v.host.openQueue.push(file);
    const chosen = await v.ok<{ handle: string }>('files.chooseEvidence');
    const e = await v.ok<Evidence>('evidence.add', { caseId: c.id, file: chosen.handle });

    const total = await auditTotal(v);
    expect(await v.call('evidence.erase', { id: e.id })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await v.call('people.erase', { id: p.id, reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await v.call('cases.purge', { id: c.id, reason: 'x', path: '/tmp' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await auditTotal(v)).toBe(total);

    expect(await v.ok<EvidenceErasure>('evidence.erase', { id: e.id, reason: 'wrong file' })).toEqual({
      evidenceId: e.id,
      caseId: c.id,
      sha256: e.sha256,
      erasedAt: NOW.toISOString(),
      erased: [e.id],
      filesErased: 1,
      filesKept: 0,
      custodyHash: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
    });
    expect(await v.call('evidence.get', { id: e.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    expect(await v.ok<PersonErasure>('people.erase', { id: p.id, reason: 'asked' })).toEqual({
      personId: p.id,
      erasedAt: NOW.toISOString(),
      consents: 0,
      roles: 1,
      enquiries: 0,
      partners: [],
    });

    const purged = await v.ok<CasePurge>('cases.purge', { id: c.id, reason: 'retention' });
    expect(purged).toEqual({
      caseId: c.id,
      reference: c.reference,
      erasedAt: NOW.toISOString(),
      counts: {
        notes: 0,
        deadlines: 0,
        outcomes: 0,
        indicators: 0,
        evidence: 0,
        filesErased: 0,
        consents: 0,
        enquiries: 0,
        risks: 0,
        proposals: 0,
      },
      peopleErased: [],
      peopleKept: [],
      partners: [],
    });
    expect(await v.call('cases.get', { id: c.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await v.ok<Case>('cases.get', { id: other.id })).id).toBe(other.id);
    expect(await auditActions(v, 3)).toEqual(['case.purged', 'person.erased', 'evidence.erased']);
  });

  it('sets the retention period and reviews closed cases against it', async () => {
    v = await ipcVault({ now: () => NOW });
    expect(await v.ok<RetentionPolicy>('policy.retention')).toEqual({ retentionYears: null, updatedAt: null });
    expect(await v.call('policy.setRetention', { retentionYears: 0 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await v.ok<RetentionPolicy>('policy.setRetention', { retentionYears: 3 })).toEqual({
      retentionYears: 3,
      updatedAt: NOW.toISOString(),
    });
    const c = await v.ok<Case>('cases.create', { title: 'Closed', openedOn: '2019-01-01' });
    await v.ok('cases.close', { id: c.id, reason: 'done' });
    expect(await v.ok('cases.retentionReview')).toEqual({
      retentionYears: 3,
      closedOnOrBefore: '2023-11-21',
      cases: [],
    });
  });
});
