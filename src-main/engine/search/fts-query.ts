/**
 * Turning what a person types into an FTS5 MATCH expression, safely.
 *
 * FTS5 has its own query language (AND/OR/NOT, NEAR, column filters, `*`, `^`); text typed
 * into a search box must never be read as that language — `NOT` or a stray `"` would change
 * the meaning or make the query fail. So every word becomes a quoted string (`"word"`, with
 * `"` doubled) and the words are ANDed; a phrase in double quotes stays one phrase; the last
 * word is also matched as a prefix (when it has at least PREFIX_MIN_CHARS characters) so that
 * results follow typing. Words with no letter or digit are dropped (the tokenizer would drop
 * them anyway). The Signal tokenizer then folds case and accents and splits CJK and Thai, on
 * both sides of the match.
 *
 * Arabic: the index holds Arabic folded (migration 0007: harakat and tatweel dropped, alef / ya /
 * hamza-carrier variants and ta marbuta folded), and the query is folded the same way
 * (foldArabicSearch), so marks and letter variants do not matter either way. An Arabic word is
 * also searched with and without the article and its attached prepositions (ال، وال، بال، كال،
 * فال، لل) and the conjunction و: الضرب finds ضرب and والضرب (arabicForms).
 * Hebrew: the tokenizer does not fold niqqud, so a word typed with them is searched as typed OR
 * without them (docs/search.md).
 */
import { VaultError } from '../../../shared/errors.js';
import { foldArabicSearch } from '../names/normalise.js';

const WORD_RE = /"([^"]*)"|(\S+)/g;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
/** Control characters separate words (a NUL would even end FTS5's reading of a quoted string). */
const CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F]/g;
/** Arabic harakat, superscript alef and tatweel, Hebrew niqqud and cantillation: what a search should ignore. */
const VOWEL_MARKS =
  /[\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7\u0610-\u061A\u0640\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED]/gu;
/**
 * A shorter last word is matched exactly: a one- or two-letter prefix matches half the vault.
 * A Hangul syllable holds two or three letters, so two of them are enough.
 */
export const PREFIX_MIN_CHARS = 3;
const HANGUL = /\p{Script=Hangul}/u;

function prefixable(text: string): boolean {
  const n = [...text].length;
  return n >= PREFIX_MIN_CHARS || (n === 2 && HANGUL.test(text));
}
/** More words than this are refused: each one is an index lookup. */
export const MAX_QUERY_WORDS = 32;

interface Term {
  text: string;
  phrase: boolean;
}

/** Attached article and prepositions an Arabic word may carry, longest first ("light" prefix handling: no suffixes, no single ب ل ك ف). */
const ARABIC_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'] as const;
const ARABIC_WORD = /^[\u0621-\u064A]+$/u;

/**
 * The forms an Arabic word is searched in: without its article or preposition+article (at least
 * three letters left) or its conjunction و (at least four left), then that stem with each of
 * them. Other words: themselves.
 */
export function arabicForms(word: string): string[] {
  if (!ARABIC_WORD.test(word)) return [word];
  const len = [...word].length;
  let stem = word;
  const p = ARABIC_PREFIXES.find((x) => word.startsWith(x) && len - x.length >= 3);
  if (p) stem = word.slice(p.length);
  else if (word.startsWith('و') && len - 1 >= 4) stem = word.slice(1);
  return [...new Set([word, stem, ...ARABIC_PREFIXES.map((x) => x + stem), `و${stem}`])];
}

function parseTerms(input: string): Term[] {
  const terms: Term[] = [];
  for (const m of foldArabicSearch(input.normalize('NFC')).replace(CONTROL_CHARS, ' ').matchAll(WORD_RE)) {
    const text = (m[1] ?? m[2] ?? '').trim();
    if (HAS_WORD_CHAR.test(text)) terms.push({ text, phrase: m[1] !== undefined });
  }
  if (terms.length === 0)
    throw new VaultError('INVALID_INPUT', 'query: type at least one word (letters or digits) to search for.');
  if (terms.length > MAX_QUERY_WORDS)
    throw new VaultError('INVALID_INPUT', `query: use at most ${MAX_QUERY_WORDS} words.`);
  return terms;
}

function quote(text: string, prefix: boolean): string {
  return `"${text.replaceAll('"', '""')}"${prefix ? '*' : ''}`;
}

function render(terms: readonly Term[], prefixLast: boolean): string {
  return terms
    .map((t, i) => {
      const prefix = prefixLast && i === terms.length - 1 && !t.phrase && prefixable(t.text);
      const bare = t.text.replace(VOWEL_MARKS, '');
      if (bare !== t.text && HAS_WORD_CHAR.test(bare)) return `(${quote(t.text, prefix)} OR ${quote(bare, prefix)})`;
      const forms = t.phrase ? [t.text] : arabicForms(t.text);
      if (forms.length > 1) return `(${forms.map((f) => quote(f, prefix)).join(' OR ')})`;
      return quote(t.text, prefix);
    })
    .join(' AND ');
}

/** The MATCH expression for `input` (INVALID_INPUT if it holds no word, or too many). */
export function toFtsQuery(input: string, opts: { prefixLast?: boolean } = {}): string {
  return render(parseTerms(input), opts.prefixLast ?? true);
}

export interface ParsedQuery {
  /** every word exactly as typed */
  exact: string;
  /** the last word also as a prefix; null when it is a phrase or too short (PREFIX_MIN_CHARS) */
  prefixed: string | null;
  /** the spellings of the last word to complete (as typed, and without vowel marks); empty when `prefixed` is null */
  prefixWords: string[];
  /**
   * the other forms of an Arabic last word (with and without its article, arabicForms), searched
   * as they are beside the completions: completing each of them too would read the vocabulary
   * once per form
   */
  lastForms: string[];
  /**
   * `exact` with the last word replaced by "any of these": each alternative is a word or a
   * phrase of the tokenizer's tokens (a completion of the prefix), quoted like any input.
   */
  withLastAlternatives(alternatives: readonly string[]): string;
}

/** Every reading of `input` a search needs (INVALID_INPUT if it holds no word, or too many). */
export function parseQuery(input: string): ParsedQuery {
  const terms = parseTerms(input);
  const exact = render(terms, false);
  const prefixed = render(terms, true);
  const last = terms.at(-1)!;
  const bare = last.text.replace(VOWEL_MARKS, '');
  const prefixWords =
    prefixed === exact ? [] : bare !== last.text && HAS_WORD_CHAR.test(bare) ? [last.text, bare] : [last.text];
  const lastForms = last.phrase ? [] : arabicForms(last.text).slice(1);
  const head = render(terms.slice(0, -1), false);
  return {
    exact,
    prefixed: prefixed === exact ? null : prefixed,
    prefixWords,
    lastForms,
    withLastAlternatives(alternatives) {
      if (alternatives.length === 0) throw new Error('withLastAlternatives: no alternatives');
      const any =
        alternatives.length === 1
          ? quote(alternatives[0]!, false)
          : `(${alternatives.map((a) => quote(a, false)).join(' OR ')})`;
      return head ? `${head} AND ${any}` : any;
    },
  };
}
