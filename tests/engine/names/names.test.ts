// Name analysis and comparison rules (src-main/engine/names/, docs/names.md).
import { describe, expect, it } from 'vitest';
import { analyseName, nameIndexKeys } from '../../../src-main/engine/names/analyse.js';
import { compareForms } from '../../../src-main/engine/names/compare.js';
import {
  foldArabicName,
  foldArabicSearch,
  romaniseArabic,
  romaniseCyrillic,
} from '../../../src-main/engine/names/normalise.js';
import { findNameMatches, MAX_PER_NAME } from '../../../src-main/engine/names/store.js';
import { createCase } from '../../../src-main/engine/cases/case-service.js';
import { createPerson, linkPerson } from '../../../src-main/engine/people/person-service.js';
import { newDomain } from '../domain-helpers.js';

const cmp = (a: string, b: string) => compareForms(analyseName(a), analyseName(b));
const words = (n: string) => analyseName(n).tokens.map((t) => t.folded);

describe('name analysis', () => {
  it('folds case, accents, marks, hyphens, apostrophes and spacing', () => {
    expect(words('  José  MARTÍNEZ-López ')).toEqual(['jose', 'martinez', 'lopez']);
    expect(words("Patrick O'Brien")).toEqual(['patrick', 'obrien']);
    expect(words('Nguyễn Văn Đức')).toEqual(['nguyen', 'van', 'duc']);
    expect(words('Ørsted, Åse')).toEqual(['ase', 'orsted']);
  });

  it('settles particles: articles dropped, Abd / Ben / Abu / Mc joined to their word', () => {
    expect(words('Youssef El-Amrani')).toEqual(['youssef', 'amrani']);
    expect(words('Abd al-Qadir Ben Ali')).toEqual(['abdqadir', 'benali']);
    expect(words('Abdelkader Benali')).toEqual(['abdkader', 'benali']);
    expect(words('Abderrahmane ar-Rashid')).toEqual(['abdrahmane', 'rashid']);
    expect(words('Omar Ibn Said')).toEqual(['omar', 'bensaid']);
    expect(words('Abu Bakr')).toEqual(['abubakr']);
    expect(words('Ewan Mc Donald')).toEqual(['ewan', 'macdonald']);
    expect(words('عبد الله بن علي')).toEqual(['عبدله', 'بنعلي']);
  });

  it('normalises Arabic: marks, tatweel, alef, ya, hamza carriers', () => {
    expect(foldArabicName('مُحَمَّد')).toBe('محمد');
    expect(foldArabicName('مـحـمـد')).toBe('محمد');
    expect(foldArabicName('أإآٱ')).toBe('اااا');
    expect(foldArabicName('مصطفى مؤمن عائشة')).toBe('مصطفي مومن عايشة');
    expect(foldArabicSearch('وَأُجبِر مدرسة')).toBe('واجبر مدرسه');
    expect(foldArabicSearch('plain text')).toBe('plain text');
  });

  it('romanises Arabic (consonants and long vowels) and Cyrillic by the Ukrainian or Russian scheme', () => {
    expect(romaniseArabic('يوسف')).toBe('yusf');
    expect(romaniseArabic('خالد')).toBe('khald');
    expect(romaniseArabic('مروان')).toBe('mrwan');
    expect(romaniseCyrillic('сергій', true)).toBe('serhiy');
    expect(romaniseCyrillic('сергей', false)).toBe('sergey');
    expect(romaniseCyrillic('шевченко', true)).toBe('shevchenko');
  });

  it('keys: the same for the spellings of one name, a prefix for one-word names, pair keys', () => {
    const keys = (n: string) => nameIndexKeys(analyseName(n)).filter((k) => !k.startsWith('p'));
    expect(keys('Youssef El-Amrani')).toEqual(keys('يوسف العمراني'));
    expect(nameIndexKeys(analyseName('Ouazzani')).every((k) => k.startsWith('1'))).toBe(true);
    expect(nameIndexKeys(analyseName('Mohamed Ali'))).toContain('pl|mkmt');
  });
});

describe('name comparison', () => {
  it('says why: exact, partial, transliteration, similar with the words that differ', () => {
    expect(cmp('Amrani, Youssef', 'Youssef Amrani')).toMatchObject({ match: 'exact', score: 1, reason: 'exact' });
    expect(cmp('Amrani Youssef', 'Youssef Amrani')).toMatchObject({
      match: 'exact',
      score: 1,
      reason: 'exact: the same words in another order',
    });
    expect(cmp('Peter Kamau', 'Sgt. Peter Kamau')).toMatchObject({
      match: 'partial',
      reason: 'partial: every word of the shorter name is in the other (2 of 3 words)',
    });
    expect(cmp('Hassan Ouazani', 'Hassan Ouazzani')).toMatchObject({
      match: 'similar',
      reason: 'similar: Ouazani ~ Ouazzani',
      pairs: [{ query: 'Ouazani', matched: 'Ouazzani' }],
    });
    expect(cmp('يوسف العمراني', 'Yousef El Amrani')).toMatchObject({
      match: 'transliteration',
      reason: 'transliteration: يوسف ~ Yousef, العمراني ~ El Amrani',
    });
    expect(cmp('Олександр Шевченко', 'Oleksandr Shevchenko')?.match).toBe('transliteration');
  });

  it('never matches on one shared word, nor a one-word name with a longer one', () => {
    expect(cmp('Lopez', 'Maria Lopez')).toBeNull();
    expect(cmp('Maria Lopez', 'José Martínez López')).toBeNull();
    expect(cmp('Ali', 'Ali')).toMatchObject({ match: 'exact' });
  });

  it('keeps apart names that only look alike', () => {
    for (const [a, b] of [
      ['Hassan Ali', 'Hussein Ali'],
      ['Samir Haddad', 'Samira Haddad'],
      ['Kamal Haddad', 'Jamal Haddad'],
      ['Jean Dupont', 'Jeanne Dupont'],
      ['حسن علي', 'حسين علي'],
    ]) {
      expect(cmp(a!, b!), `${a} ~ ${b}`).toBeNull();
    }
  });
});

describe('the conflict check in the vault', () => {
  it('finds people by name and alias across scripts, best first, with their roles', async () => {
    const d = await newDomain();
    const c = createCase(d.ctx, { title: 'A' });
    const officer = createPerson(d.ctx, { fullName: 'Youssef El-Amrani', aliases: ['Abou Youssef'] });
    linkPerson(d.ctx, { personId: officer.id, caseId: c.id, role: 'alleged-perpetrator' });
    const other = createPerson(d.ctx, { fullName: 'Hassan Ouazzani' });
    const m = findNameMatches(d.ctx.db, ['يوسف العمراني', 'Hassan Ouazani', 'youssef el-amrani']);
    expect(m.map((x) => [x.query, x.personId, x.match])).toEqual([
      ['youssef el-amrani', officer.id, 'exact'],
      ['يوسف العمراني', officer.id, 'transliteration'],
      ['Hassan Ouazani', other.id, 'similar'],
    ]);
    expect(m[1]!.roles).toEqual([expect.objectContaining({ role: 'alleged-perpetrator', caseId: c.id })]);
  });

  it(`keeps the best ${MAX_PER_NAME} matches of one name`, async () => {
    const d = await newDomain();
    for (let i = 0; i < MAX_PER_NAME + 5; i++)
      createPerson(d.ctx, { fullName: `Mohamed Ali ${String.fromCharCode(97 + (i % 26))}${i}x` });
    createPerson(d.ctx, { fullName: 'Mohamed Ali' });
    const m = findNameMatches(d.ctx.db, ['Mohamed Ali']);
    expect(m).toHaveLength(MAX_PER_NAME);
    expect(m[0]).toMatchObject({ matchedName: 'Mohamed Ali', match: 'exact' });
  });
});
