// `case-vault consent …` as scripts use it: the exact output shapes and the exit status of `check`.
import { describe, expect, it } from 'vitest';
import { createCase } from '../../src-main/engine/cases/case-service.js';
import { run, sql } from '../../src-main/engine/db/sql.js';
import { domainContext } from '../../src-main/engine/domain/context.js';
import { Vault } from '../../src-main/engine/index.js';
import { uuidv7 } from '../../src-main/engine/util/ids.js';
import { PASSPHRASE } from '../helpers.js';
import { cliVault, expectCliError } from './run-cli.js';

/** A CLI vault with a person linked to a case, another case, an unlinked person and two partners (written with the engine). */
async function world() {
  const cv = cliVault();
  const vault = await Vault.open(cv.vault, { passphrase: PASSPHRASE });
  try {
    const ctx = domainContext(vault);
    const at = new Date().toISOString();
    const person = (name: string) => {
      const id = uuidv7();
      run(
        ctx.db,
        sql`INSERT INTO people (id, full_name, created_at, updated_at, version, origin_vault) VALUES (${id}, ${name}, ${at}, ${at}, 1, ${ctx.vaultId})`,
      );
      return id;
    };
    const partner = (name: string) => {
      const id = uuidv7();
      run(
        ctx.db,
        sql`INSERT INTO partners (id, name, kind, dd_tier, created_at, updated_at, version, origin_vault) VALUES (${id}, ${name}, 'ngo', 'small', ${at}, ${at}, 1, ${ctx.vaultId})`,
      );
      return id;
    };
    const caseId = createCase(ctx, { title: 'Detention case' }).id;
    const otherCase = createCase(ctx, { title: 'Other case' }).id;
    const personId = person('Amina Yusuf');
    const unlinked = person('Someone Else');
    run(
      ctx.db,
      sql`INSERT INTO case_people (case_id, person_id, role, added_at) VALUES (${caseId}, ${personId}, 'survivor', ${at})`,
    );
    return {
      ...cv,
      caseId,
      otherCase,
      personId,
      unlinked,
      partnerA: partner('Legal Aid Nairobi'),
      partnerB: partner('Rights Watch Kampala'),
    };
  } finally {
    vault.lock();
  }
}

describe('case-vault consent', () => {
  it('add → check allowed → withdraw → check denied, with the exact shapes scripts rely on', async () => {
    const w = await world();
    const who = ['--person', w.personId, '--case', w.caseId];
    const c = w.json(
      'consent',
      'add',
      ...who,
      '--purpose',
      'sharing',
      '--recipient',
      w.partnerA.toUpperCase(),
      '--method',
      'written',
      '--given-at',
      '2026-01-10',
      '--language',
      'fr',
    );
    expect(c).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      version: 1,
      personId: w.personId,
      caseId: w.caseId,
      purpose: 'sharing',
      recipient: { partnerId: w.partnerA },
      state: 'given',
      told: ['nature', 'purpose', 'use', 'consequences', 'right-to-refuse', 'right-to-withdraw'],
      method: 'written',
      language: 'fr',
      givenAt: '2026-01-10',
      expiresAt: null,
      status: 'given',
    });
    expect(c.seriesId).toBe(c.id);

    const ok = w.raw('consent', 'check', ...who, '--purpose', 'sharing', '--recipient', w.partnerA, '--json');
    expect(ok.status).toBe(0);
    expect(ok.stderr).toBe('');
    expect(JSON.parse(ok.stdout)).toEqual({
      allowed: true,
      consentId: c.id,
      seriesId: c.id,
      expiresAt: null,
      message: `Consent to sharing with the partner “Legal Aid Nairobi” (${w.partnerA}) was given on 2026-01-10 and has no expiry date.`,
    });
    const human = w.raw('consent', 'check', ...who, '--purpose', 'sharing', '--recipient', w.partnerA);
    expect(human.status).toBe(0);
    expect(human.stdout).toBe(
      `Allowed. Consent to sharing with the partner “Legal Aid Nairobi” (${w.partnerA}) was given on 2026-01-10 and has no expiry date.\nconsent: ${c.id} (series ${c.id})\n`,
    );

    // another partner, another case, a class: denied, one stderr line, nothing on stdout
    const other = w.raw('consent', 'check', ...who, '--purpose', 'sharing', '--recipient', w.partnerB, '--json');
    expectCliError(other, 'CONSENT_DENIED');
    expect(other.stdout).toBe('');
    expect(other.stderr).toBe(
      `error: CONSENT_DENIED: There is no consent from this person in this case for sharing with the partner “Rights Watch Kampala” (${w.partnerB}). Record their informed consent before going ahead.\n`,
    );
    expectCliError(
      w.raw(
        'consent',
        'check',
        '--person',
        w.personId,
        '--case',
        w.otherCase,
        '--purpose',
        'sharing',
        '--recipient',
        w.partnerA,
      ),
      'CONSENT_DENIED',
    );
    expectCliError(w.raw('consent', 'check', ...who, '--purpose', 'sharing', '--recipient', 'court'), 'CONSENT_DENIED');

    const wd = w.json('consent', 'withdraw', c.id, '--reason', 'Afraid of reprisals', '--at', '2026-03-01');
    expect(wd).toMatchObject({
      seriesId: c.id,
      version: 2,
      state: 'withdrawn',
      withdrawnAt: '2026-03-01',
      withdrawalReason: 'Afraid of reprisals',
      status: 'withdrawn',
      current: true,
    });

    const denied = w.raw('consent', 'check', ...who, '--purpose', 'sharing', '--recipient', w.partnerA);
    expectCliError(denied, 'CONSENT_DENIED');
    expect(denied.stdout).toBe('');
    expect(denied.stderr).toBe(
      `error: CONSENT_DENIED: The person withdrew their consent to sharing with the partner “Legal Aid Nairobi” (${w.partnerA}) on 2026-03-01. Their data may not be used for this.\n`,
    );
    // time travel: before the withdrawal it was allowed
    expect(
      w.json('consent', 'check', ...who, '--purpose', 'sharing', '--recipient', w.partnerA, '--at', '2026-02-28'),
    ).toMatchObject({ allowed: true, consentId: c.id });

    const again = w.raw('consent', 'withdraw', wd.id, '--reason', 'again');
    expectCliError(again, 'CONSENT_ALREADY_WITHDRAWN');

    const shown = w.json('consent', 'show', c.id);
    expect(shown).toMatchObject({ id: c.id, version: 1, state: 'given', status: 'withdrawn', current: false });
    expect(
      shown.versions.map((v: { id: string; version: number; state: string }) => [v.id, v.version, v.state]),
    ).toEqual([
      [c.id, 1, 'given'],
      [wd.id, 2, 'withdrawn'],
    ]);
    const shownHuman = w.raw('consent', 'show', wd.id);
    expect(shownHuman.status).toBe(0);
    expect(shownHuman.stdout).toContain('status:            withdrawn');
    expect(shownHuman.stdout).toContain('withdrawal reason: Afraid of reprisals');
    expect(shownHuman.stdout).toMatch(/Versions:\nVERSION +ID +STATE/);

    expect(
      w.json('consent', 'list', '--case', w.caseId).map((x: { id: string; status: string }) => [x.id, x.status]),
    ).toEqual([[wd.id, 'withdrawn']]);
    expect(
      w.json('consent', 'list', '--person', w.personId, '--all-versions').map((x: { id: string }) => x.id),
    ).toEqual([c.id, wd.id]);
    const table = w.raw('consent', 'list');
    expect(table.status).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID +PERSON +CASE +PURPOSE +RECIPIENT +STATUS +GIVEN +EXPIRES$/);
    expect(table.stdout).toContain(`partner ${w.partnerA}`);
  });

  it('--told records only the elements covered, and the gate then denies as not informed', async () => {
    const w = await world();
    const who = ['--person', w.personId, '--case', w.caseId];
    const c = w.json(
      'consent',
      'add',
      ...who,
      '--purpose',
      'publication',
      '--method',
      'recorded',
      '--given-at',
      '2026-01-10',
      '--told',
      'nature,purpose,use,right-to-refuse',
    );
    expect(c).toMatchObject({ told: ['nature', 'purpose', 'use', 'right-to-refuse'], recipient: { class: 'public' } });
    const r = w.raw('consent', 'check', ...who, '--purpose', 'publication');
    expectCliError(r, 'CONSENT_DENIED');
    expect(r.stderr).toBe(
      'error: CONSENT_DENIED: The consent to publication given on 2026-01-10 is not informed consent: the record does not show that the person was told the possible consequences and their right to withdraw. Explain it to them and record their consent again.\n',
    );
    expectCliError(
      w.raw(
        'consent',
        'add',
        ...who,
        '--purpose',
        'media',
        '--method',
        'written',
        '--given-at',
        '2026-01-10',
        '--told',
        'nature,gossip',
      ),
      'INVALID_INPUT',
    );
  });

  it('a refusal: recorded with its reason, checked as refused, cannot be withdrawn', async () => {
    const w = await world();
    const who = ['--person', w.personId, '--case', w.caseId];
    const c = w.json(
      'consent',
      'add',
      ...who,
      '--purpose',
      'media',
      '--method',
      'oral-witnessed',
      '--witness',
      'Grace Otieno',
      '--given-at',
      '2026-02-01',
      '--refused',
      '--reason',
      'Does not want to be seen',
    );
    expect(c).toMatchObject({
      state: 'refused',
      refusalReason: 'Does not want to be seen',
      witness: 'Grace Otieno',
      recipient: { class: 'media' },
      status: 'refused',
    });
    const r = w.raw('consent', 'check', ...who, '--purpose', 'media', '--recipient', 'media');
    expectCliError(r, 'CONSENT_DENIED');
    expect(r.stderr).toBe(
      'error: CONSENT_DENIED: The person refused consent to use in the media on 2026-02-01. Their data may not be used for this.\n',
    );
    expectCliError(w.raw('consent', 'withdraw', c.id, '--reason', 'x'), 'CONSENT_REFUSED_CANNOT_WITHDRAW');
  });

  it('errors: field named for bad input, NOT_FOUND, PERSON_NOT_IN_CASE, usage; nothing recorded', async () => {
    const w = await world();
    const who = ['--person', w.personId, '--case', w.caseId];
    const add = (...extra: string[]) => w.raw('consent', 'add', ...who, '--given-at', '2026-01-10', ...extra);
    let r = add('--purpose', 'representation', '--method', 'oral-witnessed');
    expectCliError(r, 'INVALID_INPUT');
    expect(r.stderr).toMatch(/^error: INVALID_INPUT: witness: is required/);
    r = add('--purpose', 'sharing', '--recipient', 'police', '--method', 'written');
    expectCliError(r, 'INVALID_INPUT');
    expect(r.stderr).toMatch(
      /^error: INVALID_INPUT: recipient\.class: must be one of: court, un-body, regional-body, partner, donor, media, public/,
    );
    r = add('--purpose', 'representation', '--recipient', 'court', '--method', 'written');
    expect(r.stderr).toMatch(/^error: INVALID_INPUT: recipient: consent to representation has no recipient/);
    r = add('--purpose', 'representation', '--method', 'written', '--expires-at', '2025-01-01');
    expect(r.stderr).toMatch(/^error: INVALID_INPUT: expiresAt: must be after givenAt/);
    r = add('--purpose', 'representation', '--method', 'written', '--refused');
    expect(r.stderr).toMatch(/^error: INVALID_INPUT: refusalReason: is required for a refusal/);
    expectCliError(
      add('--purpose', 'sharing', '--recipient', '01900000-0000-7000-8000-0000000000ff', '--method', 'written'),
      'NOT_FOUND',
    );
    expectCliError(
      w.raw(
        'consent',
        'add',
        '--person',
        w.unlinked,
        '--case',
        w.caseId,
        '--purpose',
        'representation',
        '--method',
        'written',
        '--given-at',
        '2026-01-10',
      ),
      'PERSON_NOT_IN_CASE',
    );
    expectCliError(w.raw('consent', 'show', '01900000-0000-7000-8000-0000000000ff'), 'NOT_FOUND');
    expectCliError(
      w.raw(
        'consent',
        'check',
        '--person',
        '01900000-0000-7000-8000-0000000000ff',
        '--case',
        w.caseId,
        '--purpose',
        'representation',
      ),
      'NOT_FOUND',
    );
    const notInCase = w.raw(
      'consent',
      'check',
      '--person',
      w.unlinked,
      '--case',
      w.caseId,
      '--purpose',
      'representation',
    );
    expectCliError(notInCase, 'CONSENT_DENIED');
    expect(notInCase.stderr).toContain('not linked to this case');
    expectCliError(w.raw('consent', 'withdraw', '--reason', 'x'), 'USAGE', 2);
    expectCliError(w.raw('consent', 'add', '--bogus'), 'USAGE', 2);
    expect(w.json('consent', 'list')).toEqual([]);
  });
});
