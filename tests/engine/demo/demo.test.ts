import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src-main/engine/audit/audit-log.js';
import { createCase } from '../../../src-main/engine/cases/case-service.js';
import { listConsents } from '../../../src-main/engine/consents/consent-service.js';
import { generateDemo } from '../../../src-main/engine/demo/demo-generator.js';
import { verifyEvidence } from '../../../src-main/engine/evidence/evidence-service.js';
import { codeOf } from '../../helpers.js';
import { newDomain } from '../domain-helpers.js';

describe('demo data', () => {
  it('fills an empty vault with consistent, multilingual data in every state, through the services', async () => {
    const d = await newDomain();
    const progress: number[] = [];
    const s = await generateDemo(d.ctx, { cases: 40, casesWithEvidence: 2, onProgress: (done) => progress.push(done) });
    expect(progress.at(-1)).toBe(40);
    expect(s).toMatchObject({ cases: 40, partners: 5, risks: 6, evidence: 6 });
    for (const [table, n] of [
      ['cases', s.cases],
      ['people', s.people],
      ['notes', s.notes],
      ['deadlines', s.deadlines],
      ['outcomes', s.outcomes],
      ['indicators', s.indicators],
      ['evidence', s.evidence],
      ['enquiries', s.enquiries],
      ['partners', s.partners],
      ['risks', s.risks],
    ] as const) {
      expect(d.rows(table), table).toBe(n);
    }
    expect(d.ctx.db.prepare('SELECT count(DISTINCT series_id) AS n FROM consents').get()).toEqual({ n: s.consents });
    const statuses = new Set(listConsents(d.ctx, {}).map((c) => c.status));
    expect([...statuses].sort()).toEqual(expect.arrayContaining(['expired', 'given', 'refused', 'withdrawn']));
    const bodies = (d.ctx.db.prepare('SELECT body FROM notes').all() as Array<{ body: string }>)
      .map((r) => r.body)
      .join('\n');
    const scripts = [/[\u0600-\u06FF]/, /[\u0E00-\u0E7F]/, /[\u4E00-\u9FFF]/, /[éèà]/];
    expect(scripts.filter((re) => re.test(bodies)).length).toBeGreaterThanOrEqual(2);
    const caseStatuses = (d.ctx.db.prepare('SELECT DISTINCT status FROM cases').all() as Array<{ status: string }>).map(
      (r) => r.status,
    );
    expect(caseStatuses.length).toBeGreaterThanOrEqual(4);
    for (const e of d.ctx.db.prepare('SELECT id FROM evidence').all() as Array<{ id: string }>) {
      await expect(verifyEvidence(d.ctx, e.id)).resolves.toMatchObject({
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    }
    expect(verifyAuditChain(d.ctx.db, d.ctx.vaultId)).toMatchObject({ ok: true });
  });

  it('is reproducible with a seed', async () => {
    const titles = async (seed: number) => {
      const d = await newDomain();
      await generateDemo(d.ctx, { cases: 10, seed, casesWithEvidence: 0 });
      return (d.ctx.db.prepare('SELECT title, summary, country FROM cases ORDER BY seq').all() as object[]).map((r) =>
        JSON.stringify(r),
      );
    };
    expect(await titles(7)).toEqual(await titles(7));
    expect(await titles(7)).not.toEqual(await titles(8));
  });

  it('refuses a vault that already holds records, and a bad count, writing nothing', async () => {
    const d = await newDomain();
    expect(await codeOf(generateDemo(d.ctx, { cases: 0 }))).toBe('INVALID_INPUT');
    expect(await codeOf(generateDemo(d.ctx, { cases: 1.5 }))).toBe('INVALID_INPUT');
    createCase(d.ctx, { title: 'A real case' });
    const audit = d.auditCount();
    expect(await codeOf(generateDemo(d.ctx, { cases: 5 }))).toBe('VAULT_NOT_EMPTY');
    expect(d.rows('cases')).toBe(1);
    expect(d.rows('partners')).toBe(0);
    expect(d.auditCount()).toBe(audit);
  });

  it('a run stopped half-way is not resumed, and the refusal says what to do instead', async () => {
    const d = await newDomain();
    const stop = new Error('killed');
    // the progress report after the first batch of cases is where a kill is simulated
    await expect(
      generateDemo(d.ctx, {
        cases: 3,
        casesWithEvidence: 0,
        onProgress: () => {
          throw stop;
        },
      }),
    ).rejects.toBe(stop);
    expect(d.rows('cases')).toBe(3);
    const again = generateDemo(d.ctx, { cases: 3 });
    await expect(again).rejects.toMatchObject({
      code: 'VAULT_NOT_EMPTY',
      message: expect.stringMatching(/stopped before it finished.*case-vault init --vault NEW_FOLDER/),
    });
    expect(d.rows('cases')).toBe(3);
  });
});
