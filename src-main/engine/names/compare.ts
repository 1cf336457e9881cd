/**
 * Comparing two names that analyse.ts took apart: word by word (in any order), then the name as
 * a whole. The result is a category, a score in 0..1 and the reason in words.
 *
 *  - exact: the same words once case, accents, marks, punctuation, particles and word order are
 *    set aside;
 *  - partial: every word of the shorter name (at least two words) is, exactly, in the longer;
 *  - transliteration: the same name written by another scheme or in another script (Mohammed /
 *    Muhammad, يوسف / Youssef, Олександр / Oleksandr, Gamal / Jamal);
 *  - similar: a close spelling — doubled letters, or one or two edits in a long word — scored
 *    1 − edits / length, and kept only when every such word scores SIMILAR_MIN or more (tuned on
 *    the test set, docs/names.md).
 */
import { distance } from 'fastest-levenshtein';
import { analyseName, type NameForm, type NameToken } from './analyse.js';
import { KNOWN_GIVEN_NAMES } from './tables.js';

export type MatchKind = 'exact' | 'partial' | 'transliteration' | 'similar';

export interface WordPair {
  query: string;
  matched: string;
}

export interface NameComparison {
  match: MatchKind;
  /** 1 for exact; lower for looser matches */
  score: number;
  /** in words, for the CLI: "similar: Ouazani ~ Ouazzani" */
  reason: string;
  /** the words that differ, as written on each side */
  pairs: WordPair[];
}

/** The lowest score of a close word (1 − edits / length) that is reported: tuned on tests/fixtures/names (docs/names.md). */
export const SIMILAR_MIN = 0.85;

type WordKind = 'exact' | 'translit' | 'doubled' | 'close';
interface WordMatch {
  kind: WordKind;
  score: number;
}

/** Consonant classes that transliteration schemes swap for one another (unordered pairs of skeleton letters). */
const LOOSE = new Set(['gj', 'gh', 'gk', 'dt', 'st', 'dz', 'sz', 'vw', 'fv', 'hx', 'kx', 'cs', 'jz', 'cx']);
const loosePair = (a: string, b: string) => LOOSE.has(a < b ? a + b : b + a);

/**
 * Vowel places that disagree. '*' (unknown or ambiguous) agrees with anything, except that a long
 * vowel written with two Latin letters (upper case: Hussein, Saeed) needs a vowel letter in
 * Arabic (حسين, not حسن), and two Arabic spellings must write the same long vowels.
 */
function slotMismatches(a: NameToken, b: NameToken): number {
  const arabicA = a.script === 'arabic';
  const arabicB = b.script === 'arabic';
  let n = 0;
  for (let i = 0; i < a.slots.length; i++) {
    let x = a.slots[i]!;
    let y = b.slots[i]!;
    if (arabicA && arabicB) {
      if (x !== y) n++;
      continue;
    }
    if (arabicA !== arabicB) {
      const [ar, la] = arabicA ? [x, y] : [y, x];
      if (ar === '*' && la !== la.toLowerCase() && i > 0) {
        n++;
        continue;
      }
    }
    x = x.toLowerCase();
    y = y.toLowerCase();
    if (x !== y && x !== '*' && y !== '*') n++;
  }
  return n;
}

/** How a word ends: its last vowel (a, i, o, u), or '-' after a consonant (a final e after a consonant is silent: Hocine, Othmane). */
function ending(t: NameToken): string {
  if (t.script === 'arabic') {
    const c = t.slots[t.slots.length - 1]!.toLowerCase();
    return c === '*' ? '*' : c === 'a' ? 'a' : c === 'i' ? 'i' : c === 'u' ? 'u' : '-';
  }
  const s = t.latin;
  const last = s[s.length - 1] ?? '';
  const before = s[s.length - 2] ?? '';
  if (last === 'e') return 'aeiouy'.includes(before) ? (before === 'e' ? 'i' : '*') : '-';
  if (last === 'y') return 'i';
  if (last === 'o' || last === 'w') return 'u';
  if (last === 'h' && 'aeiou'.includes(before)) return before === 'o' ? 'u' : before === 'e' ? '*' : before;
  return 'aiu'.includes(last) && last ? last : '-';
}

/** Two words end differently (Samir / Samira, Mario / Maria, Volkov / Volkova): different names, not spellings of one. */
function endingsDiffer(a: NameToken, b: NameToken): boolean {
  if (a.script === 'arabic' && b.script === 'arabic') return false;
  const x = ending(a);
  const y = ending(b);
  return x !== y && x !== '*' && y !== '*';
}

/** A feminine -e or -ne / -le … in French and other Latin spellings (Jean / Jeanne, Daniel / Danielle, Louis / Louise). */
function feminineE(a: NameToken, b: NameToken): boolean {
  if (a.script !== 'latin' || b.script !== 'latin') return false;
  const [s, l] = a.latin.length < b.latin.length ? [a.latin, b.latin] : [b.latin, a.latin];
  return l === `${s}e` || l === `${s}${s[s.length - 1]}e`;
}

/** Same skeleton (or one that differs only by swaps of LOOSE classes), vowels that agree. */
function transliterated(a: NameToken, b: NameToken, endings = true): WordMatch | null {
  if (!a.skel || !b.skel || a.skel.length !== b.skel.length) return null;
  const len = a.skel.length;
  if (endings && (endingsDiffer(a, b) || (feminineE(a, b) && !sameKnownName(a, b)))) return null;
  const vowels = slotMismatches(a, b);
  if (a.skel === b.skel) {
    if (vowels === 0) return { kind: 'translit', score: 0.93 };
    // one vowel apart in a long word (Oleksandr / Aleksandr), but two Arabic spellings write the same long vowels
    if (vowels === 1 && len >= 4 && !(a.script === 'arabic' && b.script === 'arabic'))
      return { kind: 'translit', score: 0.9 };
    return null;
  }
  if (len < 3 || vowels > 0) return null;
  let swaps = 0;
  for (let i = 0; i < len; i++) {
    if (a.skel[i] === b.skel[i]) continue;
    if (!loosePair(a.skel[i]!, b.skel[i]!)) return null;
    // g / h: Cyrillic г read two ways (Serhiy / Sergey, Hlib / Gleb); as a first letter only from Cyrillic (not Hassan / Ghassan)
    if (i === 0 && a.skel[i]! + b.skel[i]! in { gh: 1, hg: 1 } && a.script !== 'cyrillic' && b.script !== 'cyrillic')
      return null;
    swaps++;
  }
  return swaps <= (len >= 5 ? 2 : 1) ? { kind: 'translit', score: 0.9 - 0.02 * swaps } : null;
}

/** A close spelling: at most two edits (after doubled letters are set aside), scored 1 − edits / length; never another ending (Samir / Samira). */
function close(a: NameToken, b: NameToken): WordMatch | null {
  if (a.script === 'arabic' || b.script === 'arabic') {
    // Arabic does not write short vowels: compare consonants
    const l = Math.max(a.skel.length, b.skel.length);
    if (l < 4 || a.skel[0] !== b.skel[0]) return null;
    const d = distance(a.skel, b.skel);
    // a consonant counts for about two letters of a written-out name
    return d === 1 ? { kind: 'close', score: Math.round((1 - 1 / (2 * l)) * 1000) / 1000 } : null;
  }
  const x = a.dedup;
  const y = b.dedup;
  if (!x || !y || x[0] !== y[0]) return null;
  if (endingsDiffer(a, b) || feminineE(a, b)) return null;
  const l = Math.max(x.length, y.length);
  const d = distance(x, y);
  return d <= 2 && l >= 4 ? { kind: 'close', score: Math.round((1 - d / l) * 1000) / 1000 } : null;
}

let known: Map<string, NameToken[]> | null = null;

/** Both words read as the same common given name (KNOWN_GIVEN_NAMES). */
function sameKnownName(a: NameToken, b: NameToken): boolean {
  if (!known) {
    known = new Map();
    for (const n of KNOWN_GIVEN_NAMES) {
      const t = analyseName(n).tokens[0];
      if (t) known.set(t.skel, [...(known.get(t.skel) ?? []), t]);
    }
  }
  const reads = (x: NameToken, k: NameToken) =>
    x.latin === k.latin || transliterated(x, k, false) !== null || x.dedup === k.dedup;
  return (known.get(a.skel) ?? []).some((k) => reads(a, k) && reads(b, k));
}

function compareCore(a: NameToken, b: NameToken): WordMatch | null {
  if (a.folded === b.folded) return { kind: 'exact', score: 1 };
  if (a.script === 'other' || b.script === 'other') return null;
  if (a.latin === b.latin) return { kind: 'translit', score: 0.95 };
  if (a.script === b.script && a.script !== 'arabic' && a.dedup === b.dedup) {
    if (sameKnownName(a, b)) return { kind: 'translit', score: 0.95 };
    return feminineE(a, b) ? null : { kind: 'doubled', score: 0.96 };
  }
  return transliterated(a, b);
}

/** How one word of a name compares with one of another, or null when they are different words. */
export function compareWords(a: NameToken, b: NameToken): WordMatch | null {
  // what no rule below can match: skeletons of different lengths and different first letters
  if (a.alts.length === 0 && b.alts.length === 0 && a.skel.length !== b.skel.length) {
    const arabic = a.script === 'arabic' || b.script === 'arabic';
    if (arabic ? a.skel[0] !== b.skel[0] : a.dedup[0] !== b.dedup[0]) return null;
  }
  const core = compareCore(a, b);
  if (core) return core;
  // a Latin article glued on (Elamrani ~ El-Amrani)
  for (const [x, y] of [...a.alts.map((t) => [t, b] as const), ...b.alts.map((t) => [a, t] as const)]) {
    const r = compareCore(x, y);
    if (r && (r.kind === 'exact' || r.kind === 'translit')) return { kind: 'translit', score: 0.9 };
  }
  return close(a, b);
}

const RANK: Record<MatchKind, number> = { exact: 0, partial: 1, transliteration: 2, similar: 3 };
export function matchRank(m: MatchKind): number {
  return RANK[m];
}

/**
 * Compare two analysed names. A name of one word only matches a name of one word; otherwise
 * every word of the shorter name must match a different word of the longer.
 */
export function compareForms(q: NameForm, c: NameForm, similarMin = SIMILAR_MIN): NameComparison | null {
  const n = q.tokens.length;
  const m = c.tokens.length;
  if (n === 0 || m === 0) return null;
  if ((n === 1 || m === 1) && n !== m) return null;
  const cands: Array<{ i: number; j: number; r: WordMatch }> = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const r = compareWords(q.tokens[i]!, c.tokens[j]!);
      if (r) cands.push({ i, j, r });
    }
  }
  const short = Math.min(n, m);
  if (cands.length < short) return null;
  cands.sort((x, y) => y.r.score - x.r.score || Math.abs(x.i - x.j) - Math.abs(y.i - y.j));
  const usedQ = new Set<number>();
  const usedC = new Set<number>();
  const chosen: typeof cands = [];
  for (const x of cands) {
    if (usedQ.has(x.i) || usedC.has(x.j)) continue;
    usedQ.add(x.i);
    usedC.add(x.j);
    chosen.push(x);
  }
  if (chosen.length < short) return null;
  chosen.sort((x, y) => x.i - y.i);
  const kinds = new Set(chosen.map((x) => x.r.kind));
  const full = n === m;
  const mean = chosen.reduce((s, x) => s + x.r.score, 0) / chosen.length;
  const score = Math.round(mean * (full ? 1 : 0.92) * 1000) / 1000;
  const pairs = chosen
    .filter((x) => x.r.kind !== 'exact')
    .map((x) => ({ query: q.tokens[x.i]!.source, matched: c.tokens[x.j]!.source }));
  const listed = pairs.map((p) => `${p.query} ~ ${p.matched}`).join(', ');
  const part = full ? '' : ` (${short} of ${Math.max(n, m)} words)`;
  if (kinds.size === 1 && kinds.has('exact')) {
    if (!full)
      return {
        match: 'partial',
        score,
        reason: `partial: every word of the shorter name is in the other${part}`,
        pairs: [],
      };
    const reordered = chosen.some((x) => x.i !== x.j);
    return {
      match: 'exact',
      score: 1,
      reason: reordered ? 'exact: the same words in another order' : 'exact',
      pairs: [],
    };
  }
  if (kinds.has('close') || kinds.has('doubled')) {
    // every close word must be close enough: one edit in a word of 7 letters or more at 0.85
    if (chosen.some((x) => x.r.kind === 'close' && x.r.score < similarMin)) return null;
    return { match: 'similar', score, reason: `similar: ${listed}${part}`, pairs };
  }
  return { match: 'transliteration', score, reason: `transliteration: ${listed}${part}`, pairs };
}
