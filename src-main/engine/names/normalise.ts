/**
 * Script-level folding: Arabic normalisation (shared with full-text search), Latin diacritics,
 * Cyrillic and Arabic romanisation. Word-level rules (particles, skeletons) are in analyse.ts.
 */
import {
  ARABIC_LETTER_FOLDS,
  ARABIC_MARKS_RE,
  ARABIC_SEARCH_FOLDS,
  ARABIC_TO_LATIN,
  CYRILLIC_COMMON,
  CYRILLIC_RUSSIAN,
  CYRILLIC_UKRAINIAN,
  LATIN_SPECIAL,
} from './tables.js';

const LETTER_FOLD = new Map(ARABIC_LETTER_FOLDS);
const SEARCH_FOLD = new Map([...ARABIC_LETTER_FOLDS, ...ARABIC_SEARCH_FOLDS]);
const LETTER_FOLD_RE = new RegExp(`[${ARABIC_LETTER_FOLDS.map(([a]) => a).join('')}]`, 'gu');
const SEARCH_FOLD_RE = new RegExp(
  `[${[...ARABIC_LETTER_FOLDS, ...ARABIC_SEARCH_FOLDS].map(([a]) => a).join('')}]`,
  'gu',
);
const HAS_ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;

/**
 * Arabic as names compare it: presentation forms unfolded (NFKC), marks and tatweel dropped,
 * alef, ya and hamza-carrier variants folded. The bare hamza is dropped. Ta marbuta is kept.
 */
export function foldArabicName(s: string): string {
  if (!HAS_ARABIC.test(s)) return s;
  return s
    .normalize('NFKC')
    .replace(ARABIC_MARKS_RE, '')
    .replace(LETTER_FOLD_RE, (c) => LETTER_FOLD.get(c) ?? c)
    .replace(/\u0621/gu, '');
}

/**
 * The Arabic marks full-text search drops: harakat, tanwin, shadda, sukun (U+064B–U+0652), maddah
 * and hamza above and below (U+0653–U+0655), superscript alef (U+0670), tatweel (U+0640). The
 * rarer Quranic marks are left to the tokenizer. The SQL twin in migrations/0007 lists the same.
 */
export const ARABIC_SEARCH_REMOVED: readonly string[] = [
  ...Array.from({ length: 0x0655 - 0x064b + 1 }, (_, i) => String.fromCodePoint(0x064b + i)),
  '\u0670',
  '\u0640',
];
export const ARABIC_SEARCH_REPLACED: ReadonlyArray<readonly [string, string]> = [
  ...ARABIC_LETTER_FOLDS,
  ...ARABIC_SEARCH_FOLDS,
];
const SEARCH_MARKS_RE = new RegExp(`[${ARABIC_SEARCH_REMOVED.join('')}]`, 'gu');

/**
 * Arabic as full-text search compares it (indexed text and queries alike): the marks above
 * dropped, alef/ya/hamza-carrier variants folded, ta marbuta → heh. One character in, at most
 * one out, never a space added or removed: the words of a text stay where they were, so that
 * snippets highlight the right words. Text without Arabic is returned unchanged.
 */
export function foldArabicSearch(s: string): string {
  if (!HAS_ARABIC.test(s)) return s;
  return s.replace(SEARCH_MARKS_RE, '').replace(SEARCH_FOLD_RE, (c) => SEARCH_FOLD.get(c) ?? c);
}

/** Latin (and Greek, Vietnamese, …) folded to lower-case ASCII where it has an ASCII form: é → e, ß → ss, Đ → d. */
export function foldLatin(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðþłıħŋĸſƒŀʒ]/gu, (c) => LATIN_SPECIAL[c] ?? c);
}

export type Script = 'latin' | 'arabic' | 'cyrillic' | 'other';

const LATIN_RE = /\p{Script=Latin}/u;
const ARABIC_RE = /\p{Script=Arabic}/u;
const CYRILLIC_RE = /\p{Script=Cyrillic}/u;
const LETTER_RE = /\p{L}/u;

export function scriptOf(word: string): Script {
  for (const ch of word) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return 'latin';
      continue;
    }
    if (c >= 0x600 && c <= 0x6ff) return 'arabic';
    if (c >= 0x400 && c <= 0x4ff) return 'cyrillic';
    if (LATIN_RE.test(ch)) return 'latin';
    if (ARABIC_RE.test(ch)) return 'arabic';
    if (CYRILLIC_RE.test(ch)) return 'cyrillic';
    if (LETTER_RE.test(ch)) return 'other';
  }
  return 'latin';
}

/** Whether a Cyrillic name is Ukrainian (it has one of і ї є ґ), which decides how г and и read. */
export function isUkrainian(name: string): boolean {
  return /[іїєґІЇЄҐ]/u.test(name);
}

/** A Cyrillic word in Latin letters (lower case), by the scheme of its language. */
export function romaniseCyrillic(word: string, ukrainian: boolean): string {
  const lang = ukrainian ? CYRILLIC_UKRAINIAN : CYRILLIC_RUSSIAN;
  let out = '';
  for (const ch of word.normalize('NFC').toLowerCase()) {
    const m = lang[ch] ?? CYRILLIC_COMMON[ch];
    if (m !== undefined) out += m;
    else out += foldLatin(ch);
  }
  return out;
}

const ARABIC_ALEF = '\u0627';
const ARABIC_WAW = '\u0648';
const ARABIC_YA = '\u064A';
const ARABIC_HEH = '\u0647';

/**
 * A folded Arabic word in Latin letters: consonants by ARABIC_TO_LATIN, and the long vowels the
 * script writes (ا a, و u, ي i). و and ي are consonants (w, y) at the start of a word and next to
 * an alef, long vowels elsewhere. A word-initial alef only carries a hamza: it is dropped. Short
 * vowels are not written in Arabic: the skeleton treats their places as unknown.
 */
export function romaniseArabic(word: string): string {
  const letters = [...word];
  let out = '';
  letters.forEach((ch, i) => {
    const prev = letters[i - 1];
    const next = letters[i + 1];
    if (ch === ARABIC_ALEF) {
      if (i > 0) out += 'a';
      return;
    }
    if (ch === ARABIC_WAW) {
      out += i === 0 || prev === ARABIC_ALEF || next === ARABIC_ALEF ? 'w' : 'u';
      return;
    }
    if (ch === ARABIC_YA) {
      // a final ya after a consonant may be alef maqsura folded to ya (مصطفى, Mustafa) or a long i
      // (علي, Ali): 'e' leaves the vowel unknown to the skeleton
      if (next === undefined && i > 0 && prev !== ARABIC_ALEF) out += 'e';
      else out += i === 0 || prev === ARABIC_ALEF || next === ARABIC_ALEF ? 'y' : 'i';
      return;
    }
    const m = ARABIC_TO_LATIN[ch];
    if (m === undefined) return;
    // a final heh after a consonant reads as ta marbuta does, a final -a (امنه / آمنة; عبدالله / Abdallah, Abdulla)
    if (ch === ARABIC_HEH && next === undefined && i > 0) {
      out += 'a';
      return;
    }
    // two letters that would read as one Latin digraph (د+ه is not ذ): keep them apart
    if (m.startsWith('h') && /[stdkgzcp]$/.test(out)) out += "'";
    out += m;
  });
  return out;
}
