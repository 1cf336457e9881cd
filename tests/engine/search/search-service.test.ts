import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchQuery } from '../../../shared/domain/search.js';
import { createCase, updateCase } from '../../../src-main/engine/cases/case-service.js';
import { run, sql } from '../../../src-main/engine/db/sql.js';
import type { DomainContext } from '../../../src-main/engine/domain/context.js';
import { addNote, updateNote } from '../../../src-main/engine/notes/note-service.js';
import { createPerson, linkPerson, updatePerson } from '../../../src-main/engine/people/person-service.js';
import { SEARCH_WINDOW, search, snippetSegments } from '../../../src-main/engine/search/search-service.js';
import { uuidv7 } from '../../../src-main/engine/util/ids.js';
import { codeOfSync as codeOf, newDomain } from '../domain-helpers.js';

/** An evidence row with the minimal blob row it references (the evidence service is not under test here). */
function addEvidence(ctx: DomainContext, caseId: string, title: string, description: string): string {
  const id = uuidv7();
  const blobId = randomBytes(16).toString('hex');
  const sha = randomBytes(32).toString('hex');
  const at = '2026-11-21T12:00:00.000Z';
  run(
    ctx.db,
    sql`INSERT INTO blobs (id, key, sha256, size, created_at) VALUES (${blobId}, ${randomBytes(32)}, ${sha}, 10, ${at})`,
  );
  run(
    ctx.db,
    sql`INSERT INTO evidence (id, case_id, blob_id, title, description, type, file_name, media_type, size, sha256, received_at, created_at, updated_at, version, origin_vault)
        VALUES (${id}, ${caseId}, ${blobId}, ${title}, ${description}, 'document', 'f.pdf', 'application/pdf', 10, ${sha}, ${at}, ${at}, ${at}, 1, ${ctx.vaultId})`,
  );
  return id;
}

const matches = (h: SearchHit) => h.snippet.filter((s) => s.match).map((s) => s.text);
const text = (h: SearchHit) => h.snippet.map((s) => s.text).join('');
const ids = (ctx: DomainContext, query: SearchQuery | string) =>
  search(ctx, typeof query === 'string' ? { query } : query).items.map((h) => h.id);

async function withCase() {
  const d = await newDomain();
  const c = createCase(d.ctx, { title: 'Kamiti detention', reference: 'KE-7' });
  return { d, ctx: d.ctx, c };
}

describe('search: languages', () => {
  it('folds accents both ways (détenu ↔ detenu, Ñ ↔ n) and case', async () => {
    const { ctx, c } = await withCase();
    const fr = addNote(ctx, { caseId: c.id, body: 'Le détenu a été frappé.' }).id;
    const plain = addNote(ctx, { caseId: c.id, body: 'The detenu was moved.' }).id;
    const es = addNote(ctx, { caseId: c.id, body: 'El NIÑO fue golpeado.' }).id;
    expect(ids(ctx, 'detenu').sort()).toEqual([fr, plain].sort());
    expect(ids(ctx, 'DÉTENU').sort()).toEqual([fr, plain].sort());
    expect(ids(ctx, 'nino')).toEqual([es]);
    expect(ids(ctx, 'ñiño')).toEqual([es]);
    const hit = search(ctx, { query: 'detenu', kinds: ['note'] }).items.find((h) => h.id === fr)!;
    expect(matches(hit)).toEqual(['détenu']);
    expect(text(hit)).toBe('Le détenu a été frappé.');
    expect(matches(search(ctx, { query: 'niño' }).items[0]!)).toEqual(['NIÑO']);
  });

  it('Arabic: marks and letter variants do not matter either way, nor the article and attached prepositions', async () => {
    const { ctx, c } = await withCase();
    const bare = addNote(ctx, { caseId: c.id, body: 'تم تعذيب المعتقل في السجن واجبر على التوقيع' }).id;
    const marked = addNote(ctx, { caseId: c.id, body: 'تَمَّ تَعْذِيبُ الْمُعْتَقَلِ وَأُجبِرَ' }).id;
    const beaten = addNote(ctx, { caseId: c.id, body: 'تعرض للضرب في مدرسة الشرطة' }).id;
    expect(ids(ctx, 'تعذيب').sort()).toEqual([bare, marked].sort());
    expect(ids(ctx, 'تَعْذِيبُ').sort()).toEqual([bare, marked].sort());
    expect(ids(ctx, 'وأجبر').sort()).toEqual([bare, marked].sort());
    expect(ids(ctx, 'معتقل').sort()).toEqual([bare, marked].sort());
    // الضرب / ضرب / للضرب; ة and ه
    expect(ids(ctx, 'الضرب')).toEqual([beaten]);
    expect(ids(ctx, 'ضرب')).toEqual([beaten]);
    expect(ids(ctx, 'مدرسه')).toEqual([beaten]);
    // the snippet highlights the word found, written as the index folds it
    const hit = search(ctx, { query: 'تعذيب' }).items.find((h) => h.id === marked)!;
    expect(matches(hit)).toEqual(['تعذيب']);
  });

  it('Hebrew: niqqud is not folded either; a query with it also finds the bare spelling', async () => {
    const { ctx, c } = await withCase();
    const bare = addNote(ctx, { caseId: c.id, body: 'שלום עליכם' }).id;
    const pointed = addNote(ctx, { caseId: c.id, body: 'שָׁלוֹם' }).id;
    expect(ids(ctx, 'שלום')).toEqual([bare]);
    expect(ids(ctx, 'שָׁלוֹם').sort()).toEqual([bare, pointed].sort());
  });

  it('Korean: words carry their particles, and the last word is completed from two syllables', async () => {
    const { ctx, c } = await withCase();
    const n = addNote(ctx, { caseId: c.id, body: '경찰서에서 고문을 당했다' }).id;
    expect(ids(ctx, '고문')).toEqual([n]);
    expect(matches(search(ctx, { query: '고문' }).items[0]!)).toEqual(['고문을']);
    expect(ids(ctx, '고문 당했다')).toEqual([]);
    expect(ids(ctx, '고문을 당했')).toEqual([n]);
  });

  it('Thai, Chinese and Russian', async () => {
    const { ctx, c } = await withCase();
    const th = addNote(ctx, { caseId: c.id, body: 'ผู้ต้องขังถูกทรมานในเรือนจำ' }).id;
    const zh = addNote(ctx, { caseId: c.id, body: '证人被拘留在监狱里。' }).id;
    const ru = addNote(ctx, { caseId: c.id, body: 'Свидетель был задержан полицией. Ёлка.' }).id;
    expect(ids(ctx, 'ทรมาน')).toEqual([th]);
    expect(matches(search(ctx, { query: 'ทรมาน' }).items[0]!)).toEqual(['ทรมาน']);
    expect(ids(ctx, 'เรือนจำ')).toEqual([th]);
    expect(ids(ctx, '拘留')).toEqual([zh]);
    expect(matches(search(ctx, { query: '监狱' }).items[0]!)).toEqual(['监狱']);
    expect(ids(ctx, '监禁')).toEqual([]);
    expect(ids(ctx, 'ЗАДЕРЖАН')).toEqual([ru]);
    expect(matches(search(ctx, { query: 'задержан' }).items[0]!)).toEqual(['задержан']);
    expect(ids(ctx, 'елка')).toEqual([ru]);
    expect(ids(ctx, 'полиция')).toEqual([]);
  });
});

describe('search: snippets', () => {
  it('marks exactly the matched words, and the segments give back the text', async () => {
    const { ctx, c } = await withCase();
    addNote(ctx, {
      caseId: c.id,
      body: 'The police officer beat the detainee;\n\npolice denied it. Policeman absent.',
    });
    // Few matches: the last word is completed too (policeman).
    expect(search(ctx, { query: 'police' }).items[0]!.snippet).toEqual([
      { text: 'The ', match: false },
      { text: 'police', match: true },
      { text: ' officer beat the detainee; ', match: false },
      { text: 'police', match: true },
      { text: ' denied it. ', match: false },
      { text: 'Policeman', match: true },
      { text: ' absent.', match: false },
    ]);
    // A phrase is never completed.
    expect(search(ctx, { query: '"police"' }).items[0]!.snippet).toEqual([
      { text: 'The ', match: false },
      { text: 'police', match: true },
      { text: ' officer beat the detainee; ', match: false },
      { text: 'police', match: true },
      { text: ' denied it. Policeman absent.', match: false },
    ]);
    const two = search(ctx, { query: 'officer detainee' }).items[0]!;
    expect(matches(two)).toEqual(['officer', 'detainee']);
  });

  it('a phrase is marked as one piece', async () => {
    const { ctx, c } = await withCase();
    addNote(ctx, { caseId: c.id, body: 'He gave a witness statement, then the witness left.' });
    expect(matches(search(ctx, { query: '"witness statement"' }).items[0]!)).toEqual(['witness statement']);
  });

  it('marker and control characters in the text never reach the snippet, and never split it wrongly', async () => {
    const { ctx, c } = await withCase();
    addNote(ctx, { caseId: c.id, body: 'alpha \u0002beta\u0003 gamma\u0000delta \u001bepsilon' });
    const hit = search(ctx, { query: 'gamma' }).items[0]!;
    expect(hit.snippet).toEqual([
      { text: 'alpha beta ', match: false },
      { text: 'gamma', match: true },
      { text: ' delta epsilon', match: false },
    ]);
    expect(matches(search(ctx, { query: 'beta' }).items[0]!)).toEqual(['beta']);
  });

  it('a long text is cut around the match, with an ellipsis', async () => {
    const { ctx, c } = await withCase();
    const filler = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    addNote(ctx, { caseId: c.id, body: `${filler} kestrel ${filler}` });
    const hit = search(ctx, { query: 'kestrel' }).items[0]!;
    expect(matches(hit)).toEqual(['kestrel']);
    expect(text(hit).startsWith('…')).toBe(true);
    expect(text(hit).endsWith('…')).toBe(true);
    expect(text(hit).split(' ').length).toBeLessThanOrEqual(25);
  });

  it('snippetSegments merges, trims and drops empty pieces', () => {
    expect(snippetSegments('\u0002a\u0003\u0002b\u0003  c\n d ')).toEqual([
      { text: 'ab', match: true },
      { text: ' c d', match: false },
    ]);
    expect(snippetSegments('')).toEqual([]);
  });
});

describe('search: the query is text, never FTS syntax', () => {
  it.each([
    'NOT',
    'police NOT',
    'police OR court',
    '"unclosed',
    'body:police',
    'police*',
    'NEAR(police court)',
    '^police',
    '-police +court',
    'police AND',
    '{body} : police',
    'a"b"c',
    "l'avocat",
    'police\u0000court',
    '\u0002police\u0003',
    'x'.repeat(500),
  ])('%j does not fail', async (query) => {
    const { ctx, c } = await withCase();
    addNote(ctx, { caseId: c.id, body: 'police and court' });
    expect(() => search(ctx, { query })).not.toThrow();
  });

  it('operators are words to find', async () => {
    const { ctx, c } = await withCase();
    const withNot = addNote(ctx, { caseId: c.id, body: 'The police did not see him beaten.' }).id;
    addNote(ctx, { caseId: c.id, body: 'The police beaten.' });
    const court = addNote(ctx, { caseId: c.id, body: 'Only the court.' }).id;
    const body = addNote(ctx, { caseId: c.id, body: 'Label body:police on the file.' }).id;
    expect(ids(ctx, 'police NOT beaten')).toEqual([withNot]);
    expect(ids(ctx, 'police OR court')).toEqual([]);
    expect(ids(ctx, 'court')).toEqual([court]);
    expect(ids(ctx, 'body:police')).toEqual([body]);
  });

  it.each(['', '   ', '!!! ???', '*', '"', '( )', '— …'])('%j is INVALID_INPUT', async (query) => {
    const { ctx } = await withCase();
    expect(codeOf(() => search(ctx, { query }))).toBe('INVALID_INPUT');
  });

  it.each([
    [{ query: 'x', limit: 0 }, 'limit'],
    [{ query: 'x', limit: 101 }, 'limit'],
    [{ query: 'x', offset: -1 }, 'offset'],
    [{ query: 'x', offset: 1001 }, 'offset'],
    [{ query: 'x', kinds: ['tag'] }, 'kinds.0'],
    [{ query: 'x', kinds: [] }, 'kinds'],
    [{ query: 'x', caseId: 'KE-7' }, 'caseId'],
    [{ query: 'x'.repeat(501) }, 'query'],
    [{ query: 'x', sort: 'date' }, 'input'],
  ])('%j is INVALID_INPUT naming the field', async (input, field) => {
    const { ctx } = await withCase();
    expect(() => search(ctx, input as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining(field) }),
    );
  });

  it('more than 32 words is INVALID_INPUT', async () => {
    const { ctx } = await withCase();
    expect(codeOf(() => search(ctx, { query: Array.from({ length: 33 }, (_, i) => `w${i}`).join(' ') }))).toBe(
      'INVALID_INPUT',
    );
    expect(search(ctx, { query: Array.from({ length: 32 }, (_, i) => `w${i}`).join(' ') }).items).toEqual([]);
  });
});

describe('search: what is indexed, and keeping in step', () => {
  it('finds case titles, summaries and strategies, and evidence titles and descriptions', async () => {
    const { ctx, c } = await withCase();
    const other = createCase(ctx, {
      title: 'Other',
      reference: 'UG-1',
      summary: 'Flogged at the barracks',
      strategy: 'Petition the commission',
    });
    const ev = addEvidence(ctx, c.id, 'Medical report', 'Istanbul Protocol examination of scars');
    const kamiti = search(ctx, { query: 'kamiti' }).items;
    expect(kamiti).toEqual([
      {
        kind: 'case',
        id: c.id,
        caseId: c.id,
        caseReference: 'KE-7',
        caseTitle: 'Kamiti detention',
        title: 'Kamiti detention',
        snippet: [
          { text: 'Kamiti', match: true },
          { text: ' detention', match: false },
        ],
        rank: expect.any(Number),
      },
    ]);
    expect(ids(ctx, 'barracks')).toEqual([other.id]);
    expect(ids(ctx, 'commission')).toEqual([other.id]);
    const scars = search(ctx, { query: 'scars' }).items;
    expect(scars).toEqual([
      {
        kind: 'evidence',
        id: ev,
        caseId: c.id,
        caseReference: 'KE-7',
        caseTitle: 'Kamiti detention',
        title: 'Medical report',
        snippet: [
          { text: 'Istanbul Protocol examination of ', match: false },
          { text: 'scars', match: true },
        ],
        rank: expect.any(Number),
      },
    ]);
    expect(ids(ctx, 'medical')).toEqual([ev]);
  });

  it('a note hit carries its case and no title', async () => {
    const { ctx, c } = await withCase();
    const n = addNote(ctx, { caseId: c.id, body: 'Visited the clinic.' });
    expect(search(ctx, { query: 'clinic' }).items).toEqual([
      {
        kind: 'note',
        id: n.id,
        caseId: c.id,
        caseReference: 'KE-7',
        caseTitle: 'Kamiti detention',
        snippet: [
          { text: 'Visited the ', match: false },
          { text: 'clinic', match: true },
          { text: '.', match: false },
        ],
        rank: expect.any(Number),
      },
    ]);
  });

  it('an updated note is found by its new words only; a deleted one not at all', async () => {
    const { ctx, c } = await withCase();
    const n = addNote(ctx, { caseId: c.id, body: 'Interview at the checkpoint.' });
    expect(ids(ctx, 'checkpoint')).toEqual([n.id]);
    updateNote(ctx, { id: n.id, body: 'Interview at the hospital.', expectedVersion: 1 });
    expect(ids(ctx, 'checkpoint')).toEqual([]);
    expect(ids(ctx, 'hospital')).toEqual([n.id]);
    expect(ids(ctx, 'interview')).toEqual([n.id]);
    run(ctx.db, sql`DELETE FROM notes WHERE id = ${n.id}`);
    expect(ids(ctx, 'hospital')).toEqual([]);
    expect(ids(ctx, 'interview')).toEqual([]);
  });

  it('an updated case summary and a changed evidence description are found by their new words only', async () => {
    const { ctx, c } = await withCase();
    updateCase(ctx, { id: c.id, summary: 'Beaten with batons' });
    expect(ids(ctx, 'batons')).toEqual([c.id]);
    updateCase(ctx, { id: c.id, summary: 'Held incommunicado' });
    expect(ids(ctx, 'batons')).toEqual([]);
    expect(ids(ctx, 'incommunicado')).toEqual([c.id]);
    const ev = addEvidence(ctx, c.id, 'Photo', 'bruised wrists');
    run(ctx.db, sql`UPDATE evidence SET description = 'swollen ankles' WHERE id = ${ev}`);
    expect(ids(ctx, 'wrists')).toEqual([]);
    expect(ids(ctx, 'ankles')).toEqual([ev]);
  });
});

describe('search: filters, order and paging', () => {
  it('filters by case and by kind', async () => {
    const { ctx, c } = await withCase();
    const b = createCase(ctx, { title: 'Second', summary: 'kestrel in summary' });
    const na = addNote(ctx, { caseId: c.id, body: 'kestrel seen' }).id;
    const nb = addNote(ctx, { caseId: b.id, body: 'kestrel heard' }).id;
    const ea = addEvidence(ctx, c.id, 'kestrel photo', '');
    const eb = addEvidence(ctx, b.id, 'kestrel audio', '');
    expect(ids(ctx, { query: 'kestrel' }).sort()).toEqual([na, nb, ea, eb, b.id].sort());
    expect(ids(ctx, { query: 'kestrel', caseId: c.id }).sort()).toEqual([na, ea].sort());
    expect(ids(ctx, { query: 'kestrel', caseId: b.id }).sort()).toEqual([nb, eb, b.id].sort());
    expect(ids(ctx, { query: 'kestrel', kinds: ['note'] }).sort()).toEqual([na, nb].sort());
    expect(ids(ctx, { query: 'kestrel', kinds: ['case', 'evidence'], caseId: b.id }).sort()).toEqual([eb, b.id].sort());
    expect(search(ctx, { query: 'kestrel', caseId: '01900000-0000-7000-8000-000000000000' }).items).toEqual([]);
  });

  it('orders by bm25, best first (more occurrences, shorter text), across kinds by score', async () => {
    const { ctx, c } = await withCase();
    // Unrelated records, so that the word is rare enough for bm25 to weigh it.
    for (let i = 0; i < 6; i++) addNote(ctx, { caseId: c.id, body: `unrelated text ${i}` });
    for (let i = 0; i < 4; i++) addEvidence(ctx, c.id, `item ${i}`, 'nothing here');
    const once = addNote(ctx, { caseId: c.id, body: `kestrel ${'filler '.repeat(80)}` }).id;
    const thrice = addNote(ctx, { caseId: c.id, body: 'kestrel kestrel kestrel' }).id;
    const ev = addEvidence(ctx, c.id, 'kestrel', 'seen twice: kestrel');
    const r = search(ctx, { query: 'kestrel' });
    expect(r.items.map((h) => h.id).filter((id) => id !== ev)).toEqual([thrice, once]);
    expect(r.items.map((h) => h.id)).toContain(ev);
    const ranks = r.items.map((h) => h.rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(ranks.every((x) => x < 0)).toBe(true);
  });

  it('pages without gaps or repeats, with the total and hasMore', async () => {
    const { ctx, c } = await withCase();
    const all = new Set<string>();
    for (let i = 0; i < 25; i++) all.add(addNote(ctx, { caseId: c.id, body: `kestrel number ${i}` }).id);
    const seen: string[] = [];
    for (const [offset, n, more] of [
      [0, 10, true],
      [10, 10, true],
      [20, 5, false],
    ] as const) {
      const r = search(ctx, { query: 'kestrel', limit: 10, offset });
      expect(r).toMatchObject({ total: 25, hasMore: more, limit: 10, offset });
      expect(r.items).toHaveLength(n);
      seen.push(...r.items.map((h) => h.id));
    }
    expect(new Set(seen)).toEqual(all);
    expect(seen).toHaveLength(25);
    expect(search(ctx, { query: 'kestrel', offset: 30 })).toMatchObject({ items: [], total: 25, hasMore: false });
  });
});

describe('search: prefixes and very common words', () => {
  it('completes the last word (three letters or more); earlier words and phrases are exact', async () => {
    const { ctx, c } = await withCase();
    const q = (query: string): SearchQuery => ({ query, kinds: ['note'] });
    const a = addNote(ctx, { caseId: c.id, body: 'Held in detention for weeks.' }).id;
    const b = addNote(ctx, { caseId: c.id, body: 'Le détenu parle.' }).id;
    const cc = addNote(ctx, { caseId: c.id, body: 'Detained at night.' }).id;
    expect(ids(ctx, q('detent')).sort()).toEqual([a]);
    expect(ids(ctx, q('dete')).sort()).toEqual([a, b].sort());
    expect(ids(ctx, q('det')).sort()).toEqual([a, b, cc].sort());
    expect(ids(ctx, q('de'))).toEqual([]);
    expect(ids(ctx, q('dete night'))).toEqual([]);
    expect(ids(ctx, q('"detent"'))).toEqual([]);
    expect(matches(search(ctx, { query: 'weeks dete' }).items[0]!)).toEqual(['detention', 'weeks']);
    expect(ids(ctx, q('weeks detained'))).toEqual([]);
  });

  it(`a word matching more than ${SEARCH_WINDOW} records of a source: the best of the ${SEARCH_WINDOW} most recent, no total, no completion`, async () => {
    const { ctx, c } = await withCase();
    // Test data in one transaction, straight into the table (the FTS triggers index it).
    const seqs: number[] = [];
    ctx.db.transaction(() => {
      for (let i = 0; i < SEARCH_WINDOW + 5; i++) {
        const r = run(
          ctx.db,
          sql`INSERT INTO notes (id, case_id, body, created_at, updated_at, origin_vault) VALUES (${uuidv7()}, ${c.id}, ${`osprey report ${i}`}, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ${ctx.vaultId})`,
        );
        seqs.push(Number(r.lastInsertRowid));
      }
    })();
    const ospreys = addNote(ctx, { caseId: c.id, body: 'ospreys nesting' }).id;
    const oldest = new Set(
      ctx.db
        .prepare('SELECT id FROM notes WHERE seq <= ?')
        .all([seqs[4]!])
        .map((r) => (r as { id: string }).id),
    );
    expect(oldest.size).toBe(5);

    const seen = new Set<string>();
    for (let offset = 0; offset <= 1000; offset += 100) {
      const r = search(ctx, { query: 'osprey', limit: 100, offset });
      expect(r.total).toBeUndefined();
      for (const h of r.items) seen.add(h.id);
      expect(r.hasMore).toBe(offset + 100 < SEARCH_WINDOW);
    }
    expect(seen.size).toBe(SEARCH_WINDOW);
    for (const id of oldest) expect(seen.has(id)).toBe(false);
    expect(seen.has(ospreys)).toBe(false);
    // A narrower query is complete again, and completes its last word.
    expect(search(ctx, { query: 'ospre nesting' }).items).toEqual([]);
    expect(ids(ctx, 'nesting ospre')).toEqual([ospreys]);
    expect(search(ctx, { query: 'report 1004' })).toMatchObject({ total: 1 });
  });

  it(`a case with more than ${SEARCH_WINDOW} records is searched through the whole index, still only that case`, async () => {
    const { ctx, c } = await withCase();
    const small = createCase(ctx, { title: 'Small', reference: 'S-1' });
    ctx.db.transaction(() => {
      for (let i = 0; i < SEARCH_WINDOW + 1; i++) {
        run(
          ctx.db,
          sql`INSERT INTO notes (id, case_id, body, created_at, updated_at, origin_vault) VALUES (${uuidv7()}, ${c.id}, ${`heron count ${i}`}, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ${ctx.vaultId})`,
        );
      }
    })();
    const lake = addNote(ctx, { caseId: small.id, body: 'heron by the lake' }).id;
    const photo = addEvidence(ctx, c.id, 'heron photograph', 'taken at dawn');
    const big = search(ctx, { query: 'heron', caseId: c.id, limit: 100 });
    expect(big.total).toBeUndefined();
    expect(big.hasMore).toBe(true);
    expect(big.items).toHaveLength(100);
    expect(big.items.every((h) => h.caseId === c.id)).toBe(true);
    expect(ids(ctx, { query: 'lake', caseId: c.id })).toEqual([]);
    expect(ids(ctx, { query: 'lake', caseId: small.id })).toEqual([lake]);
    expect(ids(ctx, { query: 'dawn photog', caseId: c.id })).toEqual([photo]);
    expect(ids(ctx, { query: 'heron', caseId: small.id })).toEqual([lake]);
  });

  it('within a small case: every record is scored, and the last word is completed', async () => {
    const { ctx, c } = await withCase();
    const other = createCase(ctx, { title: 'Other' });
    const a = addNote(ctx, { caseId: c.id, body: 'kestrel kestrel' }).id;
    const b = addNote(ctx, { caseId: c.id, body: `kestrels ${'filler '.repeat(40)}` }).id;
    for (let i = 0; i < 5; i++) addNote(ctx, { caseId: c.id, body: `unrelated ${i}` });
    addNote(ctx, { caseId: other.id, body: 'kestrel elsewhere' });
    const r = search(ctx, { query: 'kestr', caseId: c.id });
    expect(r.items.map((h) => h.id)).toEqual([a, b]);
    expect(r.total).toBe(2);
    expect(matches(r.items[1]!)).toEqual(['kestrels']);
    expect(ids(ctx, { query: 'kamiti', caseId: c.id })).toEqual([c.id]);
    expect(ids(ctx, { query: 'kamiti', caseId: c.id, kinds: ['note'] })).toEqual([]);
  });
});

describe('search: people and tags', () => {
  it('finds a person stored in Arabic by the name with or without marks, by an alias and by the pseudonym; the hit carries the first case', async () => {
    const { ctx, c } = await withCase();
    const p = createPerson(ctx, { fullName: 'يُوسُف العَمْرَانِي', aliases: ['Abou Youssef'], pseudonym: 'Witness K' });
    linkPerson(ctx, { personId: p.id, caseId: c.id, role: 'witness' });
    const other = createPerson(ctx, { fullName: 'Hassan Ouazzani' });
    expect(ids(ctx, { query: 'يوسف العمراني', kinds: ['person'] })).toEqual([p.id]);
    expect(ids(ctx, { query: 'يُوسُف', kinds: ['person'] })).toEqual([p.id]);
    expect(ids(ctx, { query: 'abou youssef', kinds: ['person'] })).toEqual([p.id]);
    expect(ids(ctx, { query: 'witness k', kinds: ['person'] })).toEqual([p.id]);
    expect(ids(ctx, { query: 'ouazz', kinds: ['person'] })).toEqual([other.id]);
    const hit = search(ctx, { query: 'العمراني' }).items.find((h) => h.kind === 'person')!;
    expect(hit).toMatchObject({
      kind: 'person',
      id: p.id,
      title: 'يُوسُف العَمْرَانِي',
      caseId: c.id,
      caseReference: 'KE-7',
    });
    expect(matches(hit)).toEqual(['العمراني']);
    const unlinked = search(ctx, { query: 'Hassan' }).items.find((h) => h.id === other.id)!;
    expect(unlinked).toMatchObject({ kind: 'person', caseId: '', caseReference: '', title: 'Hassan Ouazzani' });
    // within a case: only its people
    expect(ids(ctx, { query: 'Hassan', caseId: c.id })).toEqual([]);
    expect(ids(ctx, { query: 'Youssef', caseId: c.id })).toEqual([p.id]);
  });

  it('follows a change of name, alias or pseudonym', async () => {
    const { ctx } = await withCase();
    const p = createPerson(ctx, { fullName: 'Amina Yusuf', aliases: ['Umm Ali'] });
    updatePerson(ctx, {
      id: p.id,
      expectedVersion: 1,
      fullName: 'Amina Benali',
      aliases: ['Umm Omar'],
      pseudonym: 'Client B',
    });
    expect(ids(ctx, { query: 'Yusuf', kinds: ['person'] })).toEqual([]);
    expect(ids(ctx, { query: '"Umm Ali"', kinds: ['person'] })).toEqual([]);
    expect(ids(ctx, { query: 'Benali', kinds: ['person'] })).toEqual([p.id]);
    expect(ids(ctx, { query: 'omar', kinds: ['person'] })).toEqual([p.id]);
    expect(ids(ctx, { query: 'client b', kinds: ['person'] })).toEqual([p.id]);
  });

  it('finds a case by one of its tags (case, accents and Arabic marks folded), first', async () => {
    const d = await newDomain();
    const tagged = createCase(d.ctx, { title: 'Port detention', tags: ['Torture', 'تَعْذِيب'] });
    const texty = createCase(d.ctx, { title: 'Torture at the port' });
    const hits = search(d.ctx, { query: 'torture' }).items;
    expect(hits.map((h) => [h.kind, h.id])).toEqual([
      ['case', tagged.id],
      ['case', texty.id],
    ]);
    expect(ids(d.ctx, 'TÓRTURE')[0]).toBe(tagged.id);
    expect(ids(d.ctx, 'تعذيب')).toEqual([tagged.id]);
    expect(ids(d.ctx, { query: 'torture', kinds: ['note'] })).toEqual([]);
    expect(ids(d.ctx, { query: 'torture', caseId: texty.id })).toEqual([texty.id]);
  });
});
