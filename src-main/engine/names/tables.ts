/**
 * The small tables behind name matching and Arabic search normalisation. Every table is written
 * down, with its sources, in docs/names.md; change both together.
 */

/**
 * Arabic marks dropped everywhere (names and search): the harakat and tanwin (U+064B–U+0652),
 * the other combining marks of the Arabic block (U+0653–U+065F: maddah, hamza above and below,
 * …), the superscript alef (U+0670), the Quranic annotation marks (U+06D6–U+06ED) and the
 * tatweel (U+0640), which only stretches a word.
 */
export const ARABIC_MARKS_RE = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/gu;

/**
 * Arabic letter variants folded to one letter (names and search), after the marks are gone:
 * the alef forms (hamza above, below, madda, wasla) to the bare alef; alef maqsura to ya; the
 * hamza carriers waw and ya to their letters; Persian/Urdu forms of kaf, ya and heh to the Arabic
 * ones. Ta marbuta is folded to heh for search (ARABIC_SEARCH_FOLDS) but kept in names, where it
 * reads as a final -a.
 */
export const ARABIC_LETTER_FOLDS: ReadonlyArray<readonly [string, string]> = [
  ['\u0623', '\u0627'], // أ → ا
  ['\u0625', '\u0627'], // إ → ا
  ['\u0622', '\u0627'], // آ → ا
  ['\u0671', '\u0627'], // ٱ → ا
  ['\u0672', '\u0627'], // ٲ → ا
  ['\u0673', '\u0627'], // ٳ → ا
  ['\u0649', '\u064A'], // ى → ي
  ['\u0624', '\u0648'], // ؤ → و
  ['\u0626', '\u064A'], // ئ → ي
  ['\u06CC', '\u064A'], // ی (Persian ya) → ي
  ['\u06A9', '\u0643'], // ک (keheh) → ك
  ['\u06C1', '\u0647'], // ہ (heh goal) → ه
  ['\u06D5', '\u0647'], // ە (ae) → ه
];

/** Search only: ta marbuta → heh (مدرسة / مدرسه), and a bare hamza on its own is dropped. */
export const ARABIC_SEARCH_FOLDS: ReadonlyArray<readonly [string, string]> = [
  ['\u0629', '\u0647'], // ة → ه
  ['\u06C0', '\u0647'], // ۀ → ه
];

/**
 * Arabic letters to Latin, for names: one common rendering per letter (close to the
 * ALA-LC/UNGEGN schemes without diacritics). و and ي are decided by position (see romanise).
 * ع and ء have no letter: Latin spellings drop them or write an apostrophe, which is dropped too.
 */
export const ARABIC_TO_LATIN: Readonly<Record<string, string>> = {
  '\u0627': 'a', // ا
  '\u0628': 'b', // ب
  '\u062A': 't', // ت
  '\u062B': 'th', // ث
  '\u062C': 'j', // ج
  '\u062D': 'h', // ح
  '\u062E': 'kh', // خ
  '\u062F': 'd', // د
  '\u0630': 'dh', // ذ
  '\u0631': 'r', // ر
  '\u0632': 'z', // ز
  '\u0633': 's', // س
  '\u0634': 'sh', // ش
  '\u0635': 's', // ص
  '\u0636': 'd', // ض
  '\u0637': 't', // ط
  '\u0638': 'z', // ظ
  '\u0639': '', // ع
  '\u063A': 'gh', // غ
  '\u0641': 'f', // ف
  '\u0642': 'q', // ق
  '\u0643': 'k', // ك
  '\u0644': 'l', // ل
  '\u0645': 'm', // م
  '\u0646': 'n', // ن
  '\u0647': 'h', // ه
  '\u0629': 'a', // ة (ta marbuta: a final -a, Fatima / Fatma / Fatimah)
  '\u0621': '', // ء
  '\u067E': 'p', // پ
  '\u0686': 'ch', // چ
  '\u0698': 'zh', // ژ
  '\u06AF': 'g', // گ
  '\u06A4': 'v', // ڤ
};

/**
 * Cyrillic to Latin. Ukrainian: the national system of 2010 (KMU resolution 55), also the
 * passport scheme. Russian: ICAO Doc 9303 / the 2013 Russian passport scheme, with BGN/PCGN's
 * y-forms for й, ю, я (the skeleton does not see the difference). A name with і, ї, є or ґ is
 * read as Ukrainian (г → h, и → y); otherwise as Russian (г → g, и → i).
 */
export const CYRILLIC_COMMON: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ъ: '',
  ю: 'yu',
  я: 'ya',
  ё: 'yo',
  ы: 'y',
  э: 'e',
  // Belarusian, Serbian, Macedonian letters that turn up in names
  ў: 'u',
  ђ: 'dj',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  џ: 'dz',
  ѓ: 'gj',
  ќ: 'kj',
  ѕ: 'dz',
};
export const CYRILLIC_UKRAINIAN: Readonly<Record<string, string>> = {
  г: 'h',
  ґ: 'g',
  и: 'y',
  і: 'i',
  ї: 'yi',
  є: 'ye',
};
export const CYRILLIC_RUSSIAN: Readonly<Record<string, string>> = { г: 'g', ґ: 'g', и: 'i', і: 'i', ї: 'yi', є: 'ye' };

/** Latin letters that NFKD does not decompose, folded to ASCII. */
export const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
  ŋ: 'ng',
  ĸ: 'k',
  ſ: 's',
  ƒ: 'f',
  ŀ: 'l',
  ʒ: 'zh',
};

/** Apostrophes and letter-like quote marks inside Latin names (O'Brien, Sa'id, Ma‘mun): dropped, the parts joined. */
export const APOSTROPHES_RE = /['’‘ʼʻʿʾ`´′]/gu;

/** Definite articles written as their own word (El-Amrani, al Hassan, ul-Haq): dropped. */
export const LATIN_ARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'ul', 'il', 'ol']);

/**
 * The article assimilated to a sun letter (ar-Rahman, as-Sayed, ash-Shami, ad-Din, an-Nour,
 * az-Zahra, at-Tayeb): dropped when the next word begins with the same letter.
 */
export const LATIN_SUN_ARTICLES: ReadonlySet<string> = new Set([
  'ad',
  'ed',
  'ud',
  'as',
  'es',
  'us',
  'ash',
  'esh',
  'at',
  'et',
  'ut',
  'ath',
  'an',
  'en',
  'un',
  'ar',
  'er',
  'ur',
  'az',
  'ez',
  'uz',
  'adh',
  'ath',
  'ats',
]);

/** "Servant of": a word of its own in front of one of the names of God (Abd al-Qadir, Abdel Kader, Abdul Aziz, عبد الله). */
export const LATIN_ABD: ReadonlySet<string> = new Set([
  'abd',
  'abdel',
  'abdal',
  'abdul',
  'abdoul',
  'abdil',
  'abdol',
  'abdur',
  'abdar',
  'abder',
  'abdes',
  'abdell',
  'abdoel',
]);

/** "Son / daughter of" (and Bel, the Maghreb Ben el-) and "father of", joined to the next word: Ben Ali = Benali = Bin Ali = بن علي; Abu Bakr = Aboubakr. */
export const LATIN_NASAB: ReadonlySet<string> = new Set(['ben', 'bin', 'ibn', 'bent', 'bint', 'ould', 'ibnu', 'bel']);
export const LATIN_KUNYA: ReadonlySet<string> = new Set(['abu', 'abou', 'abo', 'bou']);
export const ARABIC_NASAB: ReadonlySet<string> = new Set(['بن', 'ابن', 'بنت', 'ولد']);
export const ARABIC_KUNYA: ReadonlySet<string> = new Set(['ابو', 'ابي', 'ابا']);

/** Gaelic and Scottish prefixes joined to the next word: O Brien = O'Brien = OBrien; Mc Donald = McDonald = MacDonald. */
export const LATIN_JOIN_NEXT: ReadonlySet<string> = new Set(['o', 'mc', 'mac']);

/** Arabic names that begin with the letters ال without the article in them. */
export const ARABIC_AL_EXCEPTIONS: ReadonlySet<string> = new Set(['الياس', 'اليسع', 'الهام', 'الفت']);

/**
 * Common given names of Arabic origin, in one plain romanisation. Two spellings that differ only
 * by doubled letters (Youssef / Yousef, Mohamed / Mohammed) are variants of the same name — a
 * transliteration — when both read as one of these; elsewhere (Ouazani / Ouazzani) a doubled
 * letter is only a close spelling. Sources in docs/names.md.
 */
export const KNOWN_GIVEN_NAMES: readonly string[] = (
  'muhammad ahmad mahmud mustafa yusuf ibrahim ismail ishaq yaqub musa isa harun sulayman dawud yunus idris ilyas zakariya yahya ' +
  'khalid walid said saad hasan husayn ali umar uthman hamza bilal jamal kamal karim rashid nasir tariq ziyad faysal abdallah ' +
  'mansur munir sharif habib hakim hisham hussam imad iyad jalal jamil kamil latif majid marwan mahdi murad nabil nizar qasim ' +
  'rafiq rida sami sulaiman tahir wail adil anwar ayman aziz badr fadi farid fuad ghassan hadi hamid hatim haytham jabir jafar ' +
  'khalil mahir malik mamun nadir raid rami riyad salah salim samir tawfiq usama yasin yasir zayd zaki amin hassan hussein ' +
  'fatima aisha khadija maryam zaynab amina layla salma nadia samira yasmin huda nur rania sara hajar asma ruqayya sumayya ' +
  'abdrahman abdkarim abdaziz abdqadir abdlatif abdhamid abdmajid abdsalam abdnasir abdlah ridwan sufyan lamin hasin uthman sulayman ' +
  'halima karima latifa malika nadira najat naima rashida safiya souad wafa zahra zuhra jamila kalthum hanan ibtisam'
).split(' ');
