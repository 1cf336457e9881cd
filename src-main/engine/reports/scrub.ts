/**
 * Scrubbing free text for donor reports (docs/reports.md, "What scrubbing removes"). Pure
 * functions of the text and a term index; the vault's terms are loaded by terms.ts.
 *
 * A paragraph is split into sentences and each sentence is judged on its own. In order:
 *
 * 1. Exact dates written with a month name ("3 March 2024", "le 3 mars", "March 3, 2024",
 *    "3 de marzo") lose their day: "March 2024".
 * 2. Terms the vault knows are looked for, case- and accent-insensitively (NFKD, marks removed,
 *    lower case, ß → ss, Arabic alef/yeh/teh-marbuta variants folded, digits of every script
 *    read as 0–9). In Latin, Greek, Cyrillic, Armenian and Georgian text a term matches whole
 *    words only ("Ali" is not in "Alibi", but is in "Ali's" and "Ali-Hassan"); a term in any
 *    other script matches anywhere, because Arabic, Hebrew and Korean attach words to names
 *    ("وأحمد") and Chinese, Japanese and Thai do not separate words at all. Longest first:
 *    "Amina Otieno" is one match, not two.
 *    - a name, alias or pseudonym of exactly one person of the story → that person's label
 *      ("Person A");
 *    - a place the vault knows → "[place]";
 *    - anything else (someone else's name, a name shared by several people, a contact
 *      detail, a case reference or title) → the sentence is dropped.
 * 3. Patterns, read on the folded text: an e-mail address, @handle or web address; a number
 *    with a date-like separator (12/03/2024, 2024-03-12, 12.3.24); any number of five digits
 *    or more, counting digits joined by single spaces, dots, dashes, slashes, commas or
 *    brackets (phones, identity numbers, large amounts); a four-digit number that is not a year
 *    1900–2099; a one- or two-digit number in a sentence that names a month (a day the first
 *    step missed) → the sentence is dropped.
 * 4. Capitalised words (in scripts that have capitals) that the vault does not know may still be
 *    names or places: a capitalised word must be a month or weekday, a word of a country's
 *    name, an institution word or acronym ("Court", "Committee", "UN", "CAT"), or — as the first
 *    word of a sentence — a common sentence opener ("The", "After", "Le", "Tras"). Anything
 *    else → the sentence is dropped.
 *
 * When in doubt, the sentence goes. The limits (a name the vault does not know, written in lower
 * case or in a script without capitals; spelling variants and transliterations; dates in words)
 * are listed in docs/reports.md; the preview shows every change, for a person to read.
 */
import type { RedactionKind } from '../../../shared/domain/reports.js';

// ---------------------------------------------------------------------------------------------
// Folding: the same key for "José", "JOSE", "jose", "Jose\u0301"

const SPECIAL_FOLD: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ł: 'l',
  Ł: 'l',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
  ħ: 'h',
  // Arabic: tatweel is decoration; teh marbuta, alef maksura and the Persian yeh and kaf are
  // spelled interchangeably in names
  ـ: '',
  ة: 'ه',
  ى: 'ي',
  ی: 'ي',
  ک: 'ك',
};

/** The first code point of each run of ten decimal digits, for the scripts people write numbers in. */
const DIGIT_ZEROS = [
  0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50, 0xed0, 0xf20, 0x1040,
  0x17e0, 0x1810, 0xff10,
];

function digitValue(cp: number): number | null {
  for (const z of DIGIT_ZEROS) if (cp >= z && cp <= z + 9) return cp - z;
  return null;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** One character folded: lower case, no marks, digits as ASCII. May be empty or several characters. */
export function foldChar(ch: string): string {
  const special = SPECIAL_FOLD[ch];
  if (special !== undefined) return special;
  const d = digitValue(ch.codePointAt(0)!);
  if (d !== null) return String(d);
  const once = ch
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  let out = '';
  for (const c of once.normalize('NFKD').replace(/\p{M}+/gu, '')) out += SPECIAL_FOLD[c] ?? c;
  return out;
}

/** A folded view of a text and, for each of its characters, where it came from. */
interface FoldedText {
  text: string;
  /** original index of the start of the code point that produced folded char i */
  from: number[];
  /** original index just after that code point */
  to: number[];
}

/**
 * Fold `s`. mode 'punct': letters and digits folded, whitespace runs → one space, other
 * characters kept (for dates, numbers, e-mail). mode 'words': any run of characters that are
 * not letters or digits → one space (for matching names across "Jean-Pierre" / "Jean Pierre"),
 * and a space between letters and digits ("Amina2" → "amina 2").
 */
function foldText(s: string, mode: 'punct' | 'words'): FoldedText {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  let pendingSpace: { from: number; to: number } | null = null;
  let lastKind: 'L' | 'N' | null = null;
  for (const ch of s) {
    const start = i;
    i += ch.length;
    const f = foldChar(ch);
    const isWord = f.length > 0 && [...f].every((c) => WORD_CHAR.test(c));
    const isSpace = mode === 'words' ? !isWord && f.length > 0 : /\s/u.test(ch);
    if (f.length === 0 && !isSpace) continue;
    if (isSpace) {
      if (!pendingSpace) pendingSpace = { from: start, to: i };
      else pendingSpace.to = i;
      continue;
    }
    // in words mode letters and digits are separate words: "amina2" holds the name "amina"
    const kind = /\p{N}/u.test(f) ? 'N' : 'L';
    if (!pendingSpace && mode === 'words' && lastKind !== null && lastKind !== kind && text.length > 0)
      pendingSpace = { from: start, to: start };
    lastKind = kind;
    if (pendingSpace) {
      if (text.length > 0) {
        text += ' ';
        from.push(pendingSpace.from);
        to.push(pendingSpace.to);
      }
      pendingSpace = null;
    }
    for (const c of f) {
      text += c;
      from.push(start);
      to.push(i);
    }
  }
  return { text, from, to };
}

/** The folded key of a whole string, as terms are stored: words joined by single spaces. */
export function foldKey(s: string): string {
  return foldText(s, 'words').text;
}

/**
 * Scripts whose words are separated by spaces and do not take attached particles: there a term
 * must match whole words. Every other script is matched anywhere (see the header).
 */
const SPACED_WORD =
  /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Armenian}\p{Script=Georgian}\p{N}]+$/u;

// ---------------------------------------------------------------------------------------------
// Terms

/**
 * What a term stands for. `person`: a name, alias or pseudonym of a person (personId set);
 * `other-person`: a name that belongs to no person record (team member, enquirer, witness,
 * evidence source or collector); `place`; `contact`; `case-text` (a case reference or title);
 * `partner` (a partner organisation's name).
 */
export type TermKind = 'person' | 'other-person' | 'place' | 'contact' | 'case-text' | 'partner';

export interface Term {
  kind: TermKind;
  personId: string | null;
  /** the folded key: words joined by single spaces */
  key: string;
}

export interface Match {
  /** original indexes [start, end) */
  start: number;
  end: number;
  /** every term with this key (several people may share a name) */
  terms: Term[];
}

interface Token {
  key: string;
  /** folded-words index */
  fstart: number;
  fend: number;
}

function tokensOf(f: FoldedText): Token[] {
  const out: Token[] = [];
  const re = /[^ ]+/gu;
  for (let m = re.exec(f.text); m; m = re.exec(f.text))
    out.push({ key: m[0], fstart: m.index, fend: m.index + m[0].length });
  return out;
}

/** The terms of a vault, indexed for matching many of them against short texts. */
export class TermIndex {
  /** whole-word terms, by their first word: longest first */
  private readonly byFirstWord = new Map<string, Array<{ words: string[]; terms: Term[] }>>();
  /** terms matched anywhere (scripts without reliable word boundaries), by key */
  private readonly anywhere = new Map<string, Term[]>();
  readonly size: number;

  constructor(terms: Iterable<Term>) {
    const byKey = new Map<string, Term[]>();
    for (const t of terms) {
      if (!isUsefulKey(t.key)) continue;
      const list = byKey.get(t.key) ?? [];
      if (!list.some((x) => x.kind === t.kind && x.personId === t.personId)) list.push(t);
      byKey.set(t.key, list);
    }
    this.size = byKey.size;
    for (const [key, list] of byKey) {
      const words = key.split(' ');
      if (words.every((w) => SPACED_WORD.test(w))) {
        const entries = this.byFirstWord.get(words[0]!) ?? [];
        entries.push({ words, terms: list });
        this.byFirstWord.set(words[0]!, entries);
      } else {
        this.anywhere.set(key, list);
      }
    }
    for (const entries of this.byFirstWord.values()) entries.sort((a, b) => b.words.length - a.words.length);
  }

  /** Every place in `s` where a term occurs, overlapping matches merged (longest first). */
  find(s: string): Match[] {
    const f = foldText(s, 'words');
    const found: Match[] = [];
    const toks = tokensOf(f);
    for (let i = 0; i < toks.length;) {
      const entries = this.byFirstWord.get(toks[i]!.key);
      const hit = entries?.find((e) => e.words.every((w, j) => toks[i + j]?.key === w));
      if (hit) {
        const last = toks[i + hit.words.length - 1]!;
        found.push({ start: f.from[toks[i]!.fstart]!, end: f.to[last.fend - 1]!, terms: hit.terms });
        i += hit.words.length;
      } else {
        i++;
      }
    }
    for (const [key, terms] of this.anywhere) {
      for (let at = f.text.indexOf(key); at >= 0; at = f.text.indexOf(key, at + 1)) {
        found.push({ start: f.from[at]!, end: f.to[at + key.length - 1]!, terms });
      }
    }
    // a match ends after any combining marks that follow its last letter ("Jose\u0301")
    for (const m of found) while (m.end < s.length && /\p{M}/u.test(s[m.end]!)) m.end++;
    return mergeMatches(found);
  }
}

/** A key worth looking for: at least two characters, or one character of a script without spaces. */
function isUsefulKey(key: string): boolean {
  if (key.length === 0) return false;
  if ([...key].length >= 2) return true;
  return !SPACED_WORD.test(key);
}

/** Overlapping matches become one span carrying every term involved. */
function mergeMatches(found: Match[]): Match[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Match[] = [];
  for (const m of found) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) {
      last.end = Math.max(last.end, m.end);
      for (const t of m.terms) if (!last.terms.includes(t)) last.terms.push(t);
    } else {
      out.push({ start: m.start, end: m.end, terms: [...m.terms] });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Words that may be capitalised without being a name (step 4)

const MONTHS_LATIN = [
  // English
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  // French (folded: février → fevrier)
  'janvier',
  'fevrier',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'aout',
  'septembre',
  'octobre',
  'novembre',
  'decembre',
  'janv',
  'fevr',
  'avr',
  'juil',
  // Spanish
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'setiembre',
  'octubre',
  'noviembre',
  'diciembre',
  'ene',
  'abr',
  'ago',
  'dic',
] as const;

/** Arabic month names (Egyptian and Levantine usage), folded, for the "number near a month" rule. */
const MONTHS_ARABIC = [
  'يناير',
  'فبراير',
  'مارس',
  'ابريل',
  'مايو',
  'يونيو',
  'يوليو',
  'اغسطس',
  'سبتمبر',
  'اكتوبر',
  'نوفمبر',
  'ديسمبر',
  'كانون',
  'شباط',
  'اذار',
  'نيسان',
  'ايار',
  'حزيران',
  'تموز',
  'اب',
  'ايلول',
  'تشرين',
].map(foldKey);

const MONTH_WORDS: ReadonlySet<string> = new Set([...MONTHS_LATIN, ...MONTHS_ARABIC]);

const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
  'lunes',
  'martes',
  'miercoles',
  'jueves',
  'viernes',
  'sabado',
  'domingo',
];

/** Institutions, instruments and their acronyms (folded): capitalised in running text, never a person. */
const INSTITUTION_WORDS = `
un onu cat cedaw crc ccpr cerd cescr ced crpd cmw spt npm mnp nhri ngo ngos ong ongs ecowas cedeao echr ecthr cedh achpr cadhp iachr cidh iacthr
icc cpi au ua eu ue oas oea upr epu wgad hrc iccpr icescr ohchr hcdh unhcr hcr unicef who oms icrc cicr omct apt irct un's
court courts cour cours corte cortes tribunal tribunals tribunaux tribunales commission commissions comision comisiones committee committees comite comites
council conseil consejo police policia government gouvernement gobierno state states etat etats estado estados party parties partie parte
ministry ministere ministerio minister ministre ministro prosecutor procureur fiscal fiscalia parquet judge juge juez jueza magistrate
united nations unies unidas naciones human rights droits homme derechos humanos against contre contra torture tortura convention conventions convencion
covenant pacte pacto protocol protocole protocolo article articles articulo articulos special speciale especial rapporteur rapporteuse relator relatora
working group groupe grupo trabajo travail arbitrary arbitraire arbitraria detention detencion high haute alta supreme supreme suprema supremo
constitutional constitutionnel constitutionnelle constitucional appeal appeals appel apelacion apelaciones african africaine africain africana africano
european europeenne europeen europea europeo inter american americaine interamericana interamericano regional national nationale nacional
international internationale internacional criminal penal penale civil republic republique republica federal optional facultatif facultativo universal
universel periodic periodique periodico review examen istanbul minnesota principles principes principios declaration declaracion charter charte carta
assembly assemblee asamblea general generale secretary secretaire secretario office bureau oficina commissioner commissaire comisionado ombudsman
defensor defensoria mediateur parliament parlement parlamento senate senat senado law loi ley act code codigo constitution constitucion
president presidente office high-level fund fonds fondo voluntary victims victimes victimas board
`
  .trim()
  .split(/\s+/);

/** Common first words of a sentence in English, French and Spanish (folded). */
const SENTENCE_OPENERS = `
the a an this that these those it its he she they we i you his her their our my your there here then thus
in on at after before during when while since until following despite although though because as by for from with without under over
between among through throughout both all each every some many most several no none not one two three four five six seven eight nine ten
first second third finally later earlier today yesterday meanwhile however moreover furthermore also and but or so yet if once
what which who whom whose where why how other others another such more less only even still now again further according to of into upon
about against within across along around beyond near per via nearly almost instead thanks due given having being based together
court police officers authorities government state judge judges case cases complaint complaints survivor survivors victim victims family families
witness witnesses lawyer lawyers community communities hearing hearings judgment judgments decision decisions application petition commission
committee tribunal prosecutor prosecutors prison prisons detention torture compensation reparation reparations medical evidence report reports
security soldiers men women children people staff our client clients officials relatives his her a
le la les l un une des du de d ce cet cette ces il elle ils elles on nous vous je j son sa ses leur leurs notre nos votre vos
en dans a au aux apres avant pendant lors depuis jusqu malgre bien car comme par pour avec sans sous sur entre parmi puis ensuite enfin alors
ainsi aussi mais ou et donc or ni si deux trois quatre cinq plusieurs chaque tous toutes tout toute certains certaines aucun aucune selon
grace suite face quant cependant toutefois neanmoins pourtant aujourd hier la cour police autorites famille victime victimes juge avocat avocats
temoin temoins plainte audience decision commission comite detenu detenus survivant survivante survivants
el los las lo unos unas este esta estos estas ese esa eso esos esas ella ellos ellas nosotros se su sus nuestro nuestra nuestros
al del tras antes despues durante desde hasta pese aunque porque como por para con sin bajo sobre luego finalmente entonces asi tambien pero
y e o ni dos tres cuatro cinco varios varias cada todos todas algunos algunas ningun ninguna segun gracias sin embargo ademas hoy ayer
policia autoridades familia victima victimas juez abogado abogada abogados testigo testigos denuncia audiencia decision sobreviviente sobrevivientes
`
  .trim()
  .split(/\s+/);

let countryWords: ReadonlySet<string> | null = null;

/** Every word of every country's name in English, French and Spanish (ICU), folded. */
function countryNameWords(): ReadonlySet<string> {
  if (countryWords) return countryWords;
  const out = new Set<string>();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const names = ['en', 'fr', 'es'].map((l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }));
  for (const a of letters) {
    for (const b of letters) {
      for (const dn of names) {
        let name: string | undefined;
        try {
          name = dn.of(a + b);
        } catch {
          name = undefined;
        }
        if (name) for (const w of foldKey(name).split(' ')) if (w) out.add(w);
      }
    }
  }
  countryWords = out;
  return out;
}

let safeWords: ReadonlySet<string> | null = null;

function safeCapitalised(): ReadonlySet<string> {
  if (!safeWords) safeWords = new Set([...MONTHS_LATIN, ...WEEKDAYS, ...INSTITUTION_WORDS, 'i', ...countryNameWords()]);
  return safeWords;
}

const OPENERS: ReadonlySet<string> = new Set(SENTENCE_OPENERS);

/** A word that starts with a capital letter (in a script that has them). */
function isCapitalised(word: string): boolean {
  const first = [...word][0];
  if (!first) return false;
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

// ---------------------------------------------------------------------------------------------
// Dates with a month name (step 1)

const MONTH_ALT = [...MONTHS_LATIN].sort((a, b) => b.length - a.length).join('|');
/** "3 March", "on 3rd of March", "le 3 mars", "el 3 de marzo" (folded text) */
const DAY_MONTH = new RegExp(
  `(?:\\b(on|le|el) )?\\b(\\d{1,2})(?:st|nd|rd|th|er|o)? (?:of |de )?(${MONTH_ALT})\\b`,
  'gu',
);
/** "March 3", "March 3rd, 2024" (folded text) */
const MONTH_DAY = new RegExp(`\\b(${MONTH_ALT})\\.? (\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\d)(?:,(?= \\d{4}))?`, 'gu');

const PREPOSITION_FOR_MONTH: Readonly<Record<string, string>> = { on: 'in', le: 'en', el: 'en' };

/** Remove the day from month-name dates. Returns the new text and how many dates were coarsened. */
export function coarsenDates(s: string): { text: string; count: number } {
  const f = foldText(s, 'punct');
  const edits: Array<{ start: number; end: number; replacement: string }> = [];
  const span = (fs: number, fe: number) => ({ start: f.from[fs]!, end: f.to[fe - 1]! });
  for (const m of f.text.matchAll(DAY_MONTH)) {
    const whole = span(m.index, m.index + m[0].length);
    const monthAt = m.index + m[0].lastIndexOf(m[3]!);
    const month = span(monthAt, monthAt + m[3]!.length);
    let replacement = s.slice(month.start, month.end);
    if (m[1]) {
      const prepOriginal = s.slice(whole.start, whole.start + m[1].length);
      const prep = PREPOSITION_FOR_MONTH[m[1]]!;
      replacement = `${isCapitalised(prepOriginal) ? prep[0]!.toUpperCase() + prep.slice(1) : prep} ${replacement}`;
    }
    edits.push({ ...whole, replacement });
  }
  for (const m of f.text.matchAll(MONTH_DAY)) {
    const whole = span(m.index, m.index + m[0].length);
    const month = span(m.index, m.index + m[1]!.length);
    edits.push({ ...whole, replacement: s.slice(month.start, month.end) });
  }
  if (edits.length === 0) return { text: s, count: 0 };
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  let count = 0;
  for (const e of edits) {
    if (e.start < at) continue;
    out += s.slice(at, e.start) + e.replacement;
    at = e.end;
    count++;
  }
  return { text: out + s.slice(at), count };
}

// ---------------------------------------------------------------------------------------------
// Patterns (step 3)

const EMAIL = /[^\s@]+@[^\s@]+|(?:^|\s)@\w/u;
const URL =
  /\b(?:https?:\/\/|www\.)|\b[a-z0-9-]+\.(?:com|org|net|info|gov|edu|int|ly|io|me|co|ke|ug|tz|ng|za|uk|fr|es|de)\b/u;
/** digits joined by single separators: "0700 123 456", "12/03/2024", "+254-700", "500,000" */
const DIGIT_GROUP = /\+?\d(?:[ .\-/(),']?\d)*/gu;

/** Why the patterns reject a sentence (folded text), or null. */
function patternRejection(folded: string, hasMonth: boolean): RedactionKind | null {
  if (EMAIL.test(folded) || URL.test(folded)) return 'contact';
  for (const m of folded.matchAll(DIGIT_GROUP)) {
    const g = m[0];
    const digits = g.replace(/\D/g, '');
    if (/\d[./-]\d/.test(g))
      return /^\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?$/.test(g.replace(/^\+/, '')) ? 'date' : 'number';
    if (digits.length >= 5) return 'number';
    if (digits.length === 4) {
      const n = Number(digits);
      if (/[ ,()']/.test(g) || n < 1900 || n > 2099) return 'number';
    }
    if (digits.length <= 2 && hasMonth) return 'date';
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Sentences and paragraphs

/** Words whose period does not end a sentence ("Mr. Otieno", "Art. 5", "e.g. the court"). */
const ABBREVIATIONS: ReadonlySet<string> = new Set(
  'mr mrs ms dr st no nos art arts para paras eg ie e.g i.e etc vs prof gen col lt sgt hon jr sr mme mlle me sra dra av ave fig vol p pp cf approx ref'.split(
    ' ',
  ),
);

/**
 * Split into sentences (trimmed). A sentence ends at a line break, or at . ! ? (and their Arabic
 * and CJK forms) followed by a space and then something that is not a lower-case letter — but
 * not after a single letter or a common abbreviation. Splitting too little is the safe side
 * here: only the first word of a sentence may be a capitalised common word.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const push = (end: number) => {
    const s = text.slice(start, end).trim();
    if (s.length > 0) out.push(s);
    start = end;
  };
  for (const m of text.matchAll(/[.!?؟。！？]+["'”’»)\]]*(?=\s|$)|\n+/gu)) {
    const end = m.index + m[0].length;
    if (m[0][0] !== '\n') {
      const next = /\S/u.exec(text.slice(end))?.[0];
      if (next !== undefined && next !== next.toUpperCase()) continue;
      if (m[0] === '.') {
        const before = /([\p{L}.]+)$/u.exec(text.slice(start, m.index))?.[1] ?? '';
        const key = foldKey(before).replace(/ /g, '.');
        // a single letter ("J. Otieno"), an abbreviation, or initials ("U.N.", "U.S.")
        if ([...key].length === 1 || ABBREVIATIONS.has(key) || key.split('.').every((p) => [...p].length === 1))
          continue;
      }
    }
    push(end);
  }
  push(text.length);
  return out;
}

export interface ScrubOptions {
  index: TermIndex;
  /** the label of each person of the story: personId → "Person A" */
  labels: ReadonlyMap<string, string>;
  /** what a known place becomes: "[place]" */
  placeLabel: string;
}

export interface SentenceRedaction {
  kind: RedactionKind;
  /** the sentence's number in the paragraph, from 1 */
  sentence: number;
  count: number;
}

export interface ScrubResult {
  /** the sentences kept, in order, already rewritten */
  sentences: string[];
  redactions: SentenceRedaction[];
}

/** How a term match is treated: replaced by a label, or the sentence dropped for a reason. */
function judgeMatch(m: Match, opts: ScrubOptions): { replace: string; kind: RedactionKind } | { drop: RedactionKind } {
  const kinds = new Set(m.terms.map((t) => t.kind));
  if (kinds.has('contact')) return { drop: 'contact' };
  if (kinds.has('case-text')) return { drop: 'case-text' };
  const people = new Set(m.terms.filter((t) => t.kind === 'person').map((t) => t.personId));
  if (kinds.has('other-person') || kinds.has('partner') || people.size > 1) return { drop: 'other-name' };
  if (people.size === 1) {
    // a place that is also a person's name is still a name; a name of someone outside the story is not ours to replace
    const label = opts.labels.get([...people][0]!);
    return label ? { replace: label, kind: 'name' } : { drop: 'other-name' };
  }
  if (kinds.has('place')) return { replace: opts.placeLabel, kind: 'place' };
  return { drop: 'other-name' };
}

/** Scrub one sentence: the rewritten sentence, or the reason it is dropped. */
export function scrubSentence(
  sentence: string,
  opts: ScrubOptions,
): { text: string; replaced: Map<RedactionKind, number> } | { drop: RedactionKind } {
  const replaced = new Map<RedactionKind, number>();
  const bump = (k: RedactionKind, n = 1) => replaced.set(k, (replaced.get(k) ?? 0) + n);
  const dated = coarsenDates(sentence);
  if (dated.count > 0) bump('date', dated.count);
  const s = dated.text;

  const matches = opts.index.find(s);
  const edits: Array<{ start: number; end: number; replacement: string }> = [];
  for (const m of matches) {
    const j = judgeMatch(m, opts);
    if ('drop' in j) return { drop: j.drop };
    edits.push({ start: m.start, end: m.end, replacement: j.replace });
    bump(j.kind);
  }

  // "Amina Otieno" when the vault knows "Amina Wanjiru Otieno": two matches, one person
  const merged: typeof edits = [];
  for (const e of edits) {
    const last = merged[merged.length - 1];
    if (last && last.replacement === e.replacement && /^\s*$/u.test(s.slice(last.end, e.start))) last.end = e.end;
    else merged.push({ ...e });
  }
  let out = '';
  let at = 0;
  for (const e of merged) {
    out += s.slice(at, e.start) + e.replacement;
    at = e.end;
  }
  out += s.slice(at);

  // patterns, on the sentence as it would be printed (a digit inside a replaced name is gone)
  const hasMonth = tokensOf(foldText(out, 'words')).some((t) => MONTH_WORDS.has(t.key));
  const rejected = patternRejection(foldText(out, 'punct').text, hasMonth);
  if (rejected) return { drop: rejected };

  // capitalised words outside the matches (which are replaced anyway)
  const safe = safeCapitalised();
  const words = foldText(s, 'words');
  const toks = tokensOf(words);
  for (let n = 0; n < toks.length; n++) {
    const tk = toks[n]!;
    const start = words.from[tk.fstart]!;
    const end = words.to[tk.fend - 1]!;
    if (matches.some((m) => start < m.end && end > m.start)) continue;
    if (!isCapitalised(s.slice(start, end))) continue;
    if (safe.has(tk.key) || (n === 0 && OPENERS.has(tk.key))) continue;
    return { drop: 'possible-name' };
  }
  return { text: out, replaced };
}

/** Name particles that are not a name on their own ("de", "van", "bin", "ابو"). */
const PARTICLES: ReadonlySet<string> = new Set([
  ...'de da di do du del della der den des dos das la le lo van von ter ten bin ibn bint al el y e ben abu ould ag mac mc st aw'.split(
    ' ',
  ),
  ...['بن', 'بنت', 'ابو', 'ام', 'ال'].map(foldKey),
]);

/** The keys to look for for a person's name or alias: the whole name, then each word that can stand alone. */
export function nameKeys(name: string): string[] {
  const whole = foldKey(name);
  const parts = whole.split(' ').filter((w) => w.length > 0 && !PARTICLES.has(w) && !/^\d+$/.test(w) && isUsefulKey(w));
  return [...new Set([whole, ...parts])];
}

/**
 * The keys to look for for free text that may name people or places (a jurisdiction, an
 * evidence place or source, a contact): the whole text, each part between commas, semicolons,
 * slashes or line breaks, and each capitalised word that is not a safe word ("Nairobi" in
 * "High Court of Kenya at Nairobi", but not "High", "Court" or "Kenya").
 */
export function freeTextKeys(text: string): string[] {
  const out = new Set<string>();
  const add = (s: string) => {
    const k = foldKey(s);
    if (isUsefulKey(k)) out.add(k);
  };
  add(text);
  for (const part of text.split(/[\n,;|/]+/u)) add(part);
  const safe = safeCapitalised();
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const k = foldKey(m[0]);
    if (isCapitalised(m[0]) && !safe.has(k) && !PARTICLES.has(k)) add(m[0]);
    // a word in a script without capitals can be a name too (three letters or more: the short
    // ones are mostly particles, and these keys match anywhere, inside other words)
    else if (k && !SPACED_WORD.test(k) && !PARTICLES.has(k) && [...k].length >= 3) add(m[0]);
  }
  return [...out];
}

/** Scrub a paragraph sentence by sentence. */
export function scrubParagraph(text: string, opts: ScrubOptions): ScrubResult {
  const sentences: string[] = [];
  const redactions: SentenceRedaction[] = [];
  splitSentences(text).forEach((sentence, i) => {
    const r = scrubSentence(sentence, opts);
    if ('drop' in r) {
      redactions.push({ kind: r.drop, sentence: i + 1, count: 1 });
      return;
    }
    for (const [kind, count] of r.replaced) redactions.push({ kind, sentence: i + 1, count });
    sentences.push(r.text);
  });
  return { sentences, redactions };
}

/**
 * What makes a short text the officer typed (a title, a project code) unsafe to print: a term
 * of the given kinds, an e-mail or web address, an exact date, a long number. [] when safe.
 */
export function unsafeTextKinds(
  text: string,
  index: TermIndex,
  kinds: ReadonlySet<TermKind>,
  opts: { numbers: boolean },
): RedactionKind[] {
  const out = new Set<RedactionKind>();
  for (const m of index.find(text)) {
    for (const t of m.terms) {
      if (!kinds.has(t.kind)) continue;
      out.add(
        t.kind === 'place'
          ? 'place'
          : t.kind === 'contact'
            ? 'contact'
            : t.kind === 'case-text'
              ? 'case-text'
              : t.kind === 'person'
                ? 'name'
                : 'other-name',
      );
    }
  }
  const punct = foldText(text, 'punct').text;
  if (EMAIL.test(punct) || URL.test(punct)) out.add('contact');
  if (coarsenDates(text).count > 0) out.add('date');
  for (const m of punct.matchAll(DIGIT_GROUP)) {
    const g = m[0].replace(/^\+/, '');
    if (/^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(g)) out.add('date');
    else if (opts.numbers && g.replace(/\D/g, '').length >= 7) out.add('number');
  }
  return [...out];
}
