import Database from '@signalapp/sqlcipher';
import { describe, expect, it } from 'vitest';
import { arabicForms, MAX_QUERY_WORDS, parseQuery, toFtsQuery } from '../../../src-main/engine/search/fts-query.js';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('toFtsQuery', () => {
  it.each([
    ['witness', '"witness"*'],
    ['witness statement', '"witness" AND "statement"*'],
    ['"witness statement" police', '"witness statement" AND "police"*'],
    ['police "witness statement"', '"police" AND "witness statement"'],
    ['de', '"de"'],
    ['de la', '"de" AND "la"'],
    ['NOT police', '"NOT" AND "police"*'],
    ['police OR court', '"police" AND "OR" AND "court"*'],
    ['body:police', '"body:police"*'],
    ['a"b', '"a""b"*'],
    ['"unclosed phrase', '"""unclosed" AND "phrase"*'],
    ['police* NEAR(x)', '"police*" AND "NEAR(x)"*'],
    ['  — police !!  ', '"police"*'],
    ['Détenu', '"Détenu"*'],
    ['拘留', '"拘留"'],
  ])('%j → %s', (input, expected) => {
    expect(toFtsQuery(input)).toBe(expected);
  });

  it('without the prefix', () => {
    expect(toFtsQuery('witness statement', { prefixLast: false })).toBe('"witness" AND "statement"');
  });

  it('normalises to NFC (a decomposed é is the same word)', () => {
    expect(toFtsQuery('de\u0301tenu')).toBe('"détenu"*');
  });

  it('Arabic is folded (marks, tatweel, letter variants) and searched with and without its article or conjunction', () => {
    const forms = (w: string) =>
      `(${arabicForms(w)
        .map((f) => `"${f}"`)
        .join(' OR ')})`;
    expect(arabicForms('الضرب')).toEqual(['الضرب', 'ضرب', 'والضرب', 'بالضرب', 'كالضرب', 'فالضرب', 'للضرب', 'وضرب']);
    expect(arabicForms('واجبر')).toEqual([
      'واجبر',
      'اجبر',
      'والاجبر',
      'بالاجبر',
      'كالاجبر',
      'فالاجبر',
      'للاجبر',
      'الاجبر',
    ]);
    // too short to lose a letter
    expect(arabicForms('ولد')).toEqual(['ولد', 'والولد', 'بالولد', 'كالولد', 'فالولد', 'للولد', 'الولد', 'وولد']);
    expect(toFtsQuery('تَعْذِيبُ المعتقل', { prefixLast: false })).toBe(`${forms('تعذيب')} AND ${forms('المعتقل')}`);
    expect(toFtsQuery('ـتعـذيب', { prefixLast: false })).toBe(forms('تعذيب'));
    expect(toFtsQuery('وَأُجبِر', { prefixLast: false })).toBe(forms('واجبر'));
    expect(toFtsQuery('مدرسة', { prefixLast: false })).toBe(forms('مدرسه'));
    expect(toFtsQuery('"الضرب المبرح"')).toBe('"الضرب المبرح"');
  });

  it('a Hebrew word with niqqud is also searched without it', () => {
    expect(toFtsQuery('שָׁלוֹם', { prefixLast: false })).toBe('("שָׁלוֹם" OR "שלום")');
  });

  it('two Hangul syllables are enough for a prefix; two Latin or Cyrillic letters are not', () => {
    expect(toFtsQuery('고문')).toBe('"고문"*');
    expect(toFtsQuery('де')).toBe('"де"');
    expect(toFtsQuery('的')).toBe('"的"');
  });

  it.each(['', '   ', '!!!', '" "', '*', '( ) -', '😀'])('%j has no word: INVALID_INPUT', (input) => {
    expect(code(() => toFtsQuery(input))).toBe('INVALID_INPUT');
  });

  it(`refuses more than ${MAX_QUERY_WORDS} words`, () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    expect(code(() => toFtsQuery(words(MAX_QUERY_WORDS)))).toBeUndefined();
    expect(code(() => toFtsQuery(words(MAX_QUERY_WORDS + 1)))).toBe('INVALID_INPUT');
  });

  it('every expression it makes is valid FTS5, for hostile input too', () => {
    const db = new Database(':memory:');
    try {
      db.initTokenizer();
      db.exec(
        `CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'signal_tokenizer'); INSERT INTO t (body) VALUES ('police and court');`,
      );
      const hostile = [
        '"',
        '""',
        '"a',
        'a"',
        'NOT',
        'AND OR NOT',
        '(',
        ')',
        '{a b}:c',
        'body:x',
        '^a',
        'a*',
        '*a',
        'NEAR(a b, 2)',
        '-a',
        '+a',
        "'",
        '\\',
        '\u0000a',
        'a\u0001b',
        'تَعْذِيبُ',
      ];
      for (const input of hostile) {
        let expr: string;
        try {
          expr = toFtsQuery(input);
        } catch {
          continue;
        }
        expect(() => db.prepare('SELECT rowid FROM t WHERE t MATCH ?').all([expr]), `${input} → ${expr}`).not.toThrow();
      }
      expect(db.prepare('SELECT rowid FROM t WHERE t MATCH ?').all([toFtsQuery('police court')])).toEqual([
        { rowid: 1 },
      ]);
    } finally {
      db.close();
    }
  });
});

describe('parseQuery', () => {
  it('gives the exact and the prefixed reading and the words to complete', () => {
    const p = parseQuery('witness stat');
    expect(p.exact).toBe('"witness" AND "stat"');
    expect(p.prefixed).toBe('"witness" AND "stat"*');
    expect(p.prefixWords).toEqual(['stat']);
    expect(p.withLastAlternatives(['stat', 'statement', 'e mail'])).toBe(
      '"witness" AND ("stat" OR "statement" OR "e mail")',
    );
    expect(p.withLastAlternatives(['statement'])).toBe('"witness" AND "statement"');
  });

  it('has no prefixed reading for a phrase or a short last word', () => {
    for (const input of ['witness "a phrase"', 'witness de', '拘留']) {
      const p = parseQuery(input);
      expect(p.prefixed).toBeNull();
      expect(p.prefixWords).toEqual([]);
    }
  });

  it('completes the folded spelling of an Arabic word with harakat, and keeps its other forms', () => {
    expect(parseQuery('تَعْذِيبُ').prefixWords).toEqual(['تعذيب']);
    expect(parseQuery('تَعْذِيبُ').lastForms).toEqual(arabicForms('تعذيب').slice(1));
    expect(parseQuery('شاهد تَعْذِيبُ').withLastAlternatives(['تعذيب'])).toBe(
      `(${arabicForms('شاهد')
        .map((f) => `"${f}"`)
        .join(' OR ')}) AND "تعذيب"`,
    );
  });

  it('alternatives are quoted like any input', () => {
    expect(parseQuery('abc').withLastAlternatives(['x" OR "y'])).toBe('"x"" OR ""y"');
  });
});
