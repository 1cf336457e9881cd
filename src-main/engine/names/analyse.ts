/**
 * A name taken apart for matching: words folded in their own script, particles settled
 * (articles dropped, Abd/Ben/Abu/O'/Mc joined to the word they belong to), each word romanised
 * and reduced to a consonant skeleton with the vowels between its consonants, and the index keys
 * that find it again however it is written. docs/names.md explains every rule.
 */
import {
  APOSTROPHES_RE,
  ARABIC_AL_EXCEPTIONS,
  ARABIC_KUNYA,
  ARABIC_NASAB,
  LATIN_ABD,
  LATIN_ARTICLES,
  LATIN_JOIN_NEXT,
  LATIN_KUNYA,
  LATIN_NASAB,
  LATIN_SUN_ARTICLES,
} from './tables.js';
import {
  foldArabicName,
  foldLatin,
  isUkrainian,
  romaniseArabic,
  romaniseCyrillic,
  type Script,
  scriptOf,
} from './normalise.js';

export interface NameToken {
  /** the word(s) of the name as written, particles included ("El-Amrani"): what a reason shows */
  source: string;
  script: Script;
  /** folded in its own script: lower case, no marks, Arabic letter variants folded, particles settled */
  folded: string;
  /** in Latin letters (Arabic and Cyrillic romanised), lower-case ASCII */
  latin: string;
  /** latin with doubled letters written once (Ouazzani → ouazani) */
  dedup: string;
  /** consonant classes, doubled consonants once ("Mohammed" → mhmd) */
  skel: string;
  /** the vowels around and between the consonants, skel.length + 1 of: - none, a, i, u, * unknown or ambiguous */
  slots: string;
  /**
   * other readings of a Latin word: without a glued-on article (Elamrani → amrani), with the h of
   * dh / th / sh / kh / gh read as a letter of its own (Adham = أدهم, Ishaq = إسحاق)
   */
  alts: NameToken[];
}

export interface NameForm {
  name: string;
  tokens: NameToken[];
}

interface Word {
  src: string;
  script: Script;
  f: string;
  /** the separator after this word in the original was a hyphen (ar-Rahman) */
  hyphen: boolean;
}

const SEPARATORS = /([\s\-‐‑‒–—―_.,;:/\\()[\]{}"“”«»<>|+&*#!?]+)/u;
const VOWELS = 'aeiou';

/** "Amrani, Youssef" → "Youssef Amrani": the part after the first comma goes first. */
function unComma(name: string): string {
  const i = name.indexOf(',');
  if (i <= 0) return name;
  const last = name.slice(0, i).trim();
  const first = name
    .slice(i + 1)
    .replace(/,/g, ' ')
    .trim();
  return first ? `${first} ${last}` : last;
}

function splitWords(name: string): Word[] {
  const parts = unComma(name.normalize('NFC').trim()).replace(APOSTROPHES_RE, '').split(SEPARATORS);
  const words: Word[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const src = parts[i]!;
    if (!src) continue;
    const script = scriptOf(src);
    let f: string;
    if (script === 'arabic') f = foldArabicName(src).replace(/[^\p{L}\p{N}]/gu, '');
    else if (script === 'cyrillic') f = src.toLowerCase().replace(/[^\p{L}\p{M}\p{N}]/gu, '');
    else f = foldLatin(src).replace(/[^\p{L}\p{N}]/gu, '');
    if (!f) continue;
    words.push({ src, script, f, hyphen: /-|‐|‑/.test(parts[i + 1] ?? '') });
  }
  return words;
}

/** What follows Abd in one word: Abdelkader → kader, Abdallah → lah, Abderrahmane → rahmane, Abdulaziz → aziz. */
function afterGluedAbd(rest: string): string {
  let r = rest.replace(/^[aeiou]+/, '');
  if (r.startsWith('ll')) r = r.slice(1);
  else if (r.startsWith('l')) r = r.slice(1);
  else if (r.length > 1 && r[0] === r[1] && !VOWELS.includes(r[0]!)) r = r.slice(1);
  return r;
}

/** A separate word after Abd: "Allah" → lah, "el" forms glued to it likewise; anything else as it is. */
function afterAbdWord(w: string): string {
  return /^(al|el|ul)./.test(w) && w.length > 4 ? afterGluedAbd(w) : w;
}

function stripArabicArticle(w: string): string {
  if (w.startsWith('ال') && w.length >= 4 && !ARABIC_AL_EXCEPTIONS.has(w)) return w.slice(2);
  return w;
}

/** Ben, Bin and Ibn are one word (son of); Bent and Bint (daughter of) another. */
const NASAB_HEAD: Readonly<Record<string, string>> = {
  ben: 'ben',
  bin: 'ben',
  ibn: 'ben',
  ibnu: 'ben',
  bent: 'bent',
  bint: 'bent',
  bel: 'bel',
};

/** Particles: articles dropped, Abd / Ben / Abu / O / Mc joined to the next word. */
function settleParticles(words: Word[]): Word[] {
  const out: Word[] = [];
  const join = (first: Word, next: Word, f: string): Word => ({
    src: `${first.src} ${next.src}`,
    script: next.script,
    f,
    hyphen: next.hyphen,
  });
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let next = words[i + 1];
    if (w.script === 'latin') {
      if (
        next &&
        (LATIN_ARTICLES.has(w.f) || (w.hyphen && LATIN_SUN_ARTICLES.has(w.f) && next.f.startsWith(w.f.slice(1))))
      ) {
        words[i + 1] = { ...next, src: `${w.src} ${next.src}` };
        continue;
      }
      if (next && LATIN_ABD.has(w.f)) {
        // Abd al-Qadir: skip the article between
        let src = w.src;
        if (LATIN_ARTICLES.has(next.f) || LATIN_SUN_ARTICLES.has(next.f)) {
          const after = words[i + 2];
          if (after) {
            src = `${src} ${next.src}`;
            i++;
            next = after;
          }
        }
        out.push({ src: `${src} ${next.src}`, script: 'latin', f: `abd${afterAbdWord(next.f)}`, hyphen: next.hyphen });
        i++;
        continue;
      }
      if (w.f.length >= 5 && w.f.startsWith('abd') && !['abdou', 'abdul', 'abdel'].includes(w.f)) {
        const rest = afterGluedAbd(w.f.slice(3));
        out.push(rest.length >= 2 ? { ...w, f: `abd${rest}` } : w);
        continue;
      }
      if (next && (LATIN_NASAB.has(w.f) || LATIN_KUNYA.has(w.f) || LATIN_JOIN_NEXT.has(w.f))) {
        const nf = LATIN_ARTICLES.has(next.f) && words[i + 2] ? words[i + 2]!.f : next.f;
        const skip = LATIN_ARTICLES.has(next.f) && words[i + 2] ? 2 : 1;
        const last = words[i + skip]!;
        const head = w.f === 'mc' ? 'mac' : LATIN_KUNYA.has(w.f) ? 'abu' : (NASAB_HEAD[w.f] ?? w.f);
        const src = words
          .slice(i, i + skip + 1)
          .map((x) => x.src)
          .join(' ');
        out.push({ src, script: 'latin', f: `${head}${nf}`, hyphen: last.hyphen });
        i += skip;
        continue;
      }
      if (w.f.startsWith('mc') && w.f.length > 3) {
        out.push({ ...w, f: `mac${w.f.slice(2)}` });
        continue;
      }
      out.push(w);
      continue;
    }
    if (w.script === 'arabic') {
      if (w.f === 'ال' && next) {
        words[i + 1] = { ...next, src: `${w.src} ${next.src}` };
        continue;
      }
      if (w.f === 'عبد' && next) {
        out.push(join(w, next, `عبد${stripArabicArticle(next.f)}`));
        i++;
        continue;
      }
      if (w.f.startsWith('عبدال') && w.f.length > 6) {
        out.push({ ...w, f: `عبد${w.f.slice(5)}` });
        continue;
      }
      if (next && (ARABIC_NASAB.has(w.f) || ARABIC_KUNYA.has(w.f))) {
        out.push(join(w, next, `${w.f === 'ابن' ? 'بن' : w.f}${stripArabicArticle(next.f)}`));
        i++;
        continue;
      }
      out.push({ ...w, f: stripArabicArticle(w.f) });
      continue;
    }
    out.push(w);
  }
  return out;
}

/** Latin digraphs that write one consonant: sh / ch (French) → c, zh / dj → j, kh → x, gh → g, ph → f, th → t, dh → d. */
const DIGRAPHS: Readonly<Record<string, string>> = {
  sh: 'c',
  ch: 'c',
  zh: 'j',
  dj: 'j',
  kh: 'x',
  gh: 'g',
  ph: 'f',
  th: 't',
  dh: 'd',
  ck: 'k',
};

/** Consonant skeleton and vowel slots of a romanised word; `unwritten`: short vowels are not written (Arabic). */
export function skeleton(s: string, unwritten: boolean): { skel: string; slots: string } {
  let cons = '';
  const groups: string[] = [''];
  let g = 0;
  const isV = (c: string | undefined) => c !== undefined && VOWELS.includes(c);
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    const n = s[i + 1];
    let out: string | null = null;
    let step = 1;
    const tri = s.slice(i, i + 3);
    const di = DIGRAPHS[s.slice(i, i + 2)];
    if (tri === 'dzh') [out, step] = ['j', 3];
    else if (tri === 'sch' || tri === 'tch') [out, step] = ['c', 3];
    else if (di !== undefined) [out, step] = [di, 2];
    else if (i === 0 && c === 'o' && (n === 'u' || n === 'o') && isV(s[i + 2])) [out, step] = ['w', 2];
    else if (VOWELS.includes(c)) groups[g] += c;
    else if (c === 'y') {
      if (i === 0 && isV(n)) out = 'y';
      else groups[g] += 'y';
    } else if (c === 'w') {
      if (i === 0) out = 'w';
      else groups[g] += 'w';
    } else if (c === 'h') {
      // a final h after a vowel is not a sound of its own (Fatimah, Abdallah, ة)
      if (!(n === undefined && i > 0 && (isV(s[i - 1]) || s[i - 1] === 'y' || s[i - 1] === 'w'))) out = 'h';
    } else if (c === 'c') out = n !== undefined && 'eiy'.includes(n) ? 's' : 'k';
    else if (c === 'q') out = 'k';
    else if (c === 'p') out = 'b';
    else if (c === 'x') out = 'ks';
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out = c;
    if (out !== null) {
      for (const o of out) {
        // a doubled consonant is written once
        if (cons.length > 0 && cons[cons.length - 1] === o && groups[g] === '') continue;
        cons += o;
        groups.push('');
        g++;
      }
    }
    i += step;
  }
  const last = groups.length - 1;
  const slots = groups
    .map((g, i) => {
      if (g === '') return unwritten ? '*' : '-';
      // a final e after a consonant is silent in French spellings (Hocine, Merouane, Othmane)
      if (!unwritten && i === last && i > 0 && g === 'e') return '-';
      // two vowel letters write a long vowel or a diphthong (Saeed, Hussein, Zaynab, Kareem), which Arabic writes too
      const long = !unwritten && i > 0 && /^(aa|ee|ei|ey|ie|ii|ai|ay|oo|uu|aee|aye|ayi)$/.test(g);
      let c: string;
      if (/[iy]|ee/.test(g)) c = 'i';
      else if (/[uow]/.test(g)) c = 'u';
      else if (/^a+$/.test(g)) c = 'a';
      else c = '*';
      return long && c !== '*' ? c.toUpperCase() : c;
    })
    .join('');
  return { skel: cons, slots };
}

export const dedouble = (s: string): string => s.replace(/(.)\1+/g, '$1');

function latinToken(source: string, f: string): NameToken {
  return { source, script: 'latin', folded: f, latin: f, dedup: dedouble(f), ...skeleton(f, false), alts: [] };
}

function tokenOf(w: Word, ukrainian: boolean): NameToken {
  const latin =
    w.script === 'arabic' ? romaniseArabic(w.f) : w.script === 'cyrillic' ? romaniseCyrillic(w.f, ukrainian) : w.f;
  const unwritten = w.script === 'arabic';
  const { skel, slots } = w.script === 'other' ? { skel: '', slots: '' } : skeleton(latin, unwritten);
  const alts: NameToken[] = [];
  if (w.script === 'latin') {
    const bare = /^(al|el)/.test(w.f) && w.f.length >= 6 ? w.f.slice(2) : null;
    if (bare) alts.push(latinToken(w.src, bare));
    for (const f of [w.f, bare]) {
      if (!f) continue;
      // dh, th, sh, kh, gh as two letters (Adham = أدهم)
      if (/[dtskg]h/.test(f.slice(1))) alts.push(latinToken(w.src, f[0] + f.slice(1).replace(/([dtskg])h/g, "$1'h")));
      // a final h after a vowel as a letter (Saleh = صالح), where usually it only ends a vowel (Fatimah)
      if (/[aeiou]h$/.test(f)) alts.push(latinToken(w.src, `${f}'`));
    }
  }
  return { source: w.src, script: w.script, folded: w.f, latin, dedup: dedouble(latin), skel, slots, alts };
}

/** "… of the faith" written as a word of its own or glued on: Salah Eddine = Salaheddine = Salah ad-Din = صلاح الدين. */
const LATIN_DIN = new Set(['din', 'dine', 'eddine', 'eddin', 'edine', 'uddin', 'udin', 'addin', 'iddin', 'iddine']);
const LATIN_DIN_SUFFIX = /(?:eddine|eddin|uddin|addin|iddine|iddin)$/;

function joinDin(words: Word[]): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    if (prev && w.script === 'latin' && prev.script === 'latin' && LATIN_DIN.has(w.f)) {
      out[out.length - 1] = { ...prev, src: `${prev.src} ${w.src}`, f: `${prev.f}din`, hyphen: w.hyphen };
      continue;
    }
    if (prev && w.script === 'arabic' && prev.script === 'arabic' && w.f === 'دين') {
      out[out.length - 1] = { ...prev, src: `${prev.src} ${w.src}`, f: `${prev.f}دين`, hyphen: w.hyphen };
      continue;
    }
    if (w.script === 'latin' && w.f.length > 7 && LATIN_DIN_SUFFIX.test(w.f)) {
      out.push({ ...w, f: w.f.replace(LATIN_DIN_SUFFIX, 'din') });
      continue;
    }
    out.push(w);
  }
  return out;
}

/** Take a name apart (see the header). An empty or punctuation-only name has no tokens. */
export function analyseName(name: string): NameForm {
  const ukrainian = isUkrainian(name);
  const words = joinDin(settleParticles(splitWords(name)));
  return { name, tokens: words.map((w) => tokenOf(w, ukrainian)) };
}

// ---------------------------------------------------------------------------------------------
// Index keys

/**
 * Coarse consonant classes for the index: the letters that transliteration schemes swap for one
 * another fall together (b p f v w; t d s z sh; j g k q kh h), so that the index finds
 * Gamal for Jamal, Othman for Osman, Serhiy for Sergey; scoring then decides.
 */
const COARSE: Readonly<Record<string, string>> = {
  b: 'b',
  f: 'b',
  v: 'b',
  w: 'b',
  t: 't',
  d: 't',
  s: 't',
  z: 't',
  c: 't',
  j: 'k',
  g: 'k',
  k: 'k',
  x: 'k',
  h: 'k',
};

function coarse(skel: string): string {
  let out = '';
  for (const c of skel) {
    const m = COARSE[c] ?? c;
    if (out[out.length - 1] !== m) out += m;
  }
  return out;
}

/** The keys of one token: its coarse skeleton (and those of its other readings), and for a long one each form with one consonant left out. */
export function tokenKeys(t: NameToken): { primary: string[]; deletions: string[] } {
  const primary = new Set<string>();
  const deletions = new Set<string>();
  const add = (tok: NameToken) => {
    const k = tok.skel ? coarse(tok.skel) : '';
    if (!k) {
      primary.add(`o${tok.folded}`);
      return;
    }
    primary.add(k);
    if (k.length >= 4) for (let i = 0; i < k.length; i++) deletions.add(k.slice(0, i) + k.slice(i + 1));
  };
  add(t);
  for (const a of t.alts) add(a);
  for (const k of primary) deletions.delete(k);
  return { primary: [...primary], deletions: [...deletions] };
}

/** The pair keys of a name: for each two of its words, their main keys ("p" + the two, sorted). */
function pairKeys(form: NameForm): string[] {
  const mains = form.tokens.map((t) => tokenKeys(t).primary[0]!);
  const out = new Set<string>();
  for (let i = 0; i < mains.length; i++) {
    for (let j = i + 1; j < mains.length; j++) {
      const [x, y] = mains[i]! < mains[j]! ? [mains[i]!, mains[j]!] : [mains[j]!, mains[i]!];
      out.add(`p${x}|${y}`);
    }
  }
  return [...out];
}

/**
 * The index keys of a name (migration 0007): each word's keys, and the pair keys that find a name
 * of two common words (Mohamed Ali) without reading every Mohamed. A name of one word is only
 * ever compared with names of one word, so its keys carry a prefix ("1") of their own.
 */
export function nameIndexKeys(form: NameForm): string[] {
  const prefix = form.tokens.length === 1 ? '1' : '';
  const keys = new Set<string>();
  for (const t of form.tokens) {
    const k = tokenKeys(t);
    for (const x of [...k.primary, ...k.deletions]) keys.add(prefix + x);
  }
  for (const p of pairKeys(form)) keys.add(p);
  return [...keys].sort();
}

export interface QueryKeys {
  /** per word of the query: its main keys and its one-consonant-less keys */
  tokens: Array<{ primary: string[]; deletions: string[] }>;
  /** the pair keys of the query */
  pairs: string[];
}

/** The keys to look up for a query (names/store.ts decides which, from how common each is). */
export function queryKeys(form: NameForm): QueryKeys {
  const prefix = form.tokens.length === 1 ? '1' : '';
  return {
    tokens: form.tokens.map((t) => {
      const k = tokenKeys(t);
      return { primary: k.primary.map((x) => prefix + x), deletions: k.deletions.map((x) => prefix + x) };
    }),
    pairs: pairKeys(form),
  };
}
