// Scrubbing free text for case stories (src-main/engine/reports/scrub.ts): names in any case and
// with or without accents, whole words in Latin script but anywhere in Arabic and Chinese,
// longest first, dates coarsened, numbers, contacts and unknown capitalised words dropped.
import { describe, expect, it } from 'vitest';
import {
  coarsenDates,
  foldKey,
  freeTextKeys,
  nameKeys,
  scrubParagraph,
  splitSentences,
  type Term,
  TermIndex,
  unsafeTextKinds,
} from '../../../src-main/engine/reports/scrub.js';

function index(entries: Array<[Term['kind'], string | null, string[]]>): TermIndex {
  return new TermIndex(entries.flatMap(([kind, personId, keys]) => keys.map((key) => ({ kind, personId, key }))));
}

const idx = index([
  ['person', 'p1', nameKeys('Amina Wanjiru Otieno')],
  ['person', 'p1', nameKeys('Mama Shiku')],
  ['person', 'p2', nameKeys('José Martínez-López')],
  ['person', 'p3', nameKeys('Ali')],
  ['person', 'p4', nameKeys('أحمد الحسن')],
  ['person', 'p5', nameKeys('王小明')],
  ['person', 'p6', nameKeys('Иван Петров')],
  ['person', 'p9', nameKeys('Wanjiru Kamau')],
  ['other-person', null, nameKeys('Peter Njoroge')],
  ['place', null, freeTextKeys('Kibera, Nairobi')],
  ['place', null, freeTextKeys('High Court of Kenya at Machakos')],
  ['contact', null, freeTextKeys('+254 700 123456\nPO Box 77 Ruiru')],
  ['case-text', null, [foldKey('KE-2024-17')]],
]);
const labels = new Map([
  ['p1', 'Person A'],
  ['p2', 'Person B'],
  ['p3', 'Person C'],
  ['p4', 'Person D'],
  ['p5', 'Person E'],
  ['p6', 'Person F'],
]);
const scrub = (text: string) => scrubParagraph(text, { index: idx, labels, placeLabel: '[place]' });
const kept = (text: string) => scrub(text).sentences.join(' ');

describe('folding and keys', () => {
  it('folds case, accents, spacing and punctuation between words', () => {
    expect(foldKey('  José  MARTÍNEZ-López ')).toBe('jose martinez lopez');
    expect(foldKey('Jose\u0301')).toBe('jose');
    expect(foldKey('Straße')).toBe('strasse');
    expect(foldKey('أحمد')).toBe(foldKey('احمد'));
    expect(foldKey('٢٠٢٤')).toBe('2024');
    expect(foldKey('QZX12345b')).toBe('qzx 12345 b');
  });

  it('a name gives the whole name and each word that can stand alone (not "de", "bin", initials)', () => {
    expect(nameKeys('Juan de la Cruz')).toEqual(['juan de la cruz', 'juan', 'cruz']);
    expect(nameKeys('Omar bin Said')).toEqual(['omar bin said', 'omar', 'said']);
    expect(nameKeys('J. Otieno')).toEqual(['j otieno', 'otieno']);
  });

  it('free text gives itself, its parts and its distinctive capitalised words, not the institution words', () => {
    expect(freeTextKeys('High Court of Kenya at Machakos')).toEqual(['high court of kenya at machakos', 'machakos']);
    expect(freeTextKeys('Kibera, Nairobi')).toEqual(['kibera nairobi', 'kibera', 'nairobi']);
  });
});

describe('names', () => {
  it('replaces a name of the story in any case and with or without accents', () => {
    expect(kept('AMINA said that amina was beaten.')).toBe('Person A said that Person A was beaten.');
    expect(kept('The lawyer of jose martinez lopez appealed.')).toBe('The lawyer of Person B appealed.');
    expect(kept('The lawyer of Jose\u0301 Marti\u0301nez appealed.')).toBe('The lawyer of Person B appealed.');
  });

  it('takes the longest name first, and joins the parts of one person', () => {
    expect(kept('Amina Wanjiru Otieno was released.')).toBe('Person A was released.');
    expect(kept('The court heard amina otieno again.')).toBe('The court heard Person A again.');
    expect(kept('The family calls her mama shiku.')).toBe('The family calls her Person A.');
  });

  it('matches whole words in Latin script: "Ali" is not in "alibi" but is in "Ali\'s" and "Ali-Hassan"', () => {
    expect(kept('The police said his alibi was weak.')).toBe('The police said his alibi was weak.');
    expect(kept("The court accepted ali's statement.")).toBe("The court accepted Person C's statement.");
    expect(kept('The court heard ali-hassan.')).toBe('The court heard Person C-hassan.');
    // letters and digits are separate words
    expect(kept('The file of amina2 was read.')).toBe('The file of Person A2 was read.');
  });

  it('matches anywhere in Arabic (attached particles) and Chinese (no spaces)', () => {
    expect(kept('قال وأحمد الحسن إنه تعرض للضرب.')).toBe('قال وPerson D إنه تعرض للضرب.');
    expect(kept('王小明在看守所被殴打。')).toBe('Person E在看守所被殴打。');
    expect(kept('иван петров был задержан.')).toBe('Person F был задержан.');
  });

  it("drops the sentence with someone else's name, or a name shared by two people", () => {
    const r = scrub('The court heard the case. Peter Njoroge testified. Wanjiru was there. The appeal failed.');
    expect(r.sentences).toEqual(['The court heard the case.', 'The appeal failed.']);
    expect(r.redactions).toEqual([
      { kind: 'other-name', sentence: 2, count: 1 },
      { kind: 'other-name', sentence: 3, count: 1 },
    ]);
  });

  it('drops a sentence with a name of the vault whose person is not in the story', () => {
    const r = scrubParagraph('The court heard amina.', { index: idx, labels: new Map(), placeLabel: '[place]' });
    expect(r.sentences).toEqual([]);
    expect(r.redactions).toEqual([{ kind: 'other-name', sentence: 1, count: 1 }]);
  });
});

describe('places, contacts, case text', () => {
  it('replaces a place the vault knows, in any case', () => {
    expect(kept('She was held in KIBERA for a week.')).toBe('She was held in [place] for a week.');
    expect(kept('The case went to the court in machakos.')).toBe('The case went to the court in [place].');
  });

  it('drops a sentence with a contact, e-mail, web address or case reference', () => {
    for (const s of [
      'Write to po box 77 ruiru.',
      'Write to him at someone@example.org today.',
      'See www.example.org for the ruling.',
      'The file is ke-2024-17.',
      'Reach him via @amina_k on the app.',
    ]) {
      const r = scrub(s);
      expect(r.sentences, s).toEqual([]);
      expect(['contact', 'case-text', 'number']).toContain(r.redactions[0]!.kind);
    }
  });
});

describe('dates and numbers', () => {
  it('coarsens dates written with a month name to the month', () => {
    expect(coarsenDates('On 3 March 2024 he was arrested.').text).toBe('In March 2024 he was arrested.');
    expect(coarsenDates('He was arrested on the 3rd of March.').text).toBe('He was arrested on the March.');
    expect(coarsenDates('Il a été arrêté le 1er février 2024.').text).toBe('Il a été arrêté en février 2024.');
    expect(coarsenDates('Fue detenido el 3 de marzo de 2024.').text).toBe('Fue detenido en marzo de 2024.');
    expect(coarsenDates('The ruling of March 3, 2024 was final.').text).toBe('The ruling of March 2024 was final.');
    expect(coarsenDates('In March 2024 the court sat.')).toEqual({ text: 'In March 2024 the court sat.', count: 0 });
  });

  it('keeps the coarsened sentence and records the date', () => {
    const r = scrub('On 3 March 2024 the court found a violation.');
    expect(r.sentences).toEqual(['In March 2024 the court found a violation.']);
    expect(r.redactions).toEqual([{ kind: 'date', sentence: 1, count: 1 }]);
  });

  it.each([
    ['The hearing was on 12/03/2024.', 'date'],
    ['The hearing was on 2024-03-12.', 'date'],
    ['The hearing was on 12.3.24.', 'date'],
    ['His phone is 0700 123 456.', 'number'],
    ['His number is +254700123456.', 'number'],
    ['His ID is 27845113.', 'number'],
    ['The award was 500,000 shillings.', 'number'],
    ['The hearing was on the 12 in March.', 'date'],
    ['The hearing was on 12 مارس.', 'date'],
    ['The room number was 4521.', 'number'],
    ['Le numéro est le ٠٧٠٠١٢٣٤٥٦.', 'number'],
  ])('drops %j (%s)', (s, kind) => {
    expect(scrub(s)).toEqual({ sentences: [], redactions: [{ kind, sentence: 1, count: 1 }] });
  });

  it('keeps years and small counts', () => {
    expect(kept('In 2024 the court heard 12 witnesses.')).toBe('In 2024 the court heard 12 witnesses.');
  });
});

describe('capitalised words the vault does not know', () => {
  it('drops a sentence with an unknown capitalised word; keeps institutions, countries, months and openers', () => {
    const r = scrub(
      'The Committee Against Torture found a violation by Kenya in June. She met Mwangi in Kamiti. Officers beat him. The UN and the CAT were told.',
    );
    expect(r.sentences).toEqual([
      'The Committee Against Torture found a violation by Kenya in June.',
      'Officers beat him.',
      'The UN and the CAT were told.',
    ]);
    expect(r.redactions).toEqual([{ kind: 'possible-name', sentence: 2, count: 1 }]);
  });

  it('does not let an unknown name start a sentence', () => {
    expect(scrub('Kamau was arrested.').sentences).toEqual([]);
  });

  it('does not split "Mr. Kamau" into a sentence of its own that would exempt "Kamau"', () => {
    expect(splitSentences('Police beat Mr. Kamau. The U.N. Committee heard it. He left.')).toEqual([
      'Police beat Mr. Kamau.',
      'The U.N. Committee heard it.',
      'He left.',
    ]);
    expect(scrub('Police beat Mr. Kamau.').sentences).toEqual([]);
  });
});

describe('typed text (titles, codes)', () => {
  const kinds = new Set(['person', 'other-person', 'place', 'contact', 'case-text'] as const);
  it.each([
    ['Annual report 2026', []],
    ['Report on Amina', ['name']],
    ['Report on the Kibera cases', ['place']],
    ['Report KE-2024-17', ['case-text']],
    ['Report of 3 March 2026', ['date']],
    ['Report 03/03/2026', ['date']],
    ['Call +254 700 123456', ['contact', 'number']],
    ['Mail someone@example.org', ['contact']],
  ])('%j → %j', (title, expected) => {
    expect(unsafeTextKinds(title, idx, kinds, { numbers: true }).sort()).toEqual([...expected].sort());
  });
});
