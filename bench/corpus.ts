/**
 * Synthetic case notes for the database workload: multilingual text (Latin, Cyrillic, Arabic
 * and Han scripts, with diacritics) of 200–500 characters, generated deterministically from a
 * seed so that every run and both database variants see exactly the same data and queries.
 */
import { SeededRng } from './lib.js';

interface Language {
  readonly code: string;
  readonly words: readonly string[];
  /** how words are joined: Chinese is written without spaces */
  readonly space: string;
  readonly stop: string;
}

const LANGUAGES: readonly Language[] = [
  {
    code: 'en',
    space: ' ',
    stop: '. ',
    words: [
      'witness',
      'statement',
      'detention',
      'hearing',
      'custody',
      'police',
      'officer',
      'torture',
      'evidence',
      'medical',
      'report',
      'family',
      'village',
      'checkpoint',
      'arrested',
      'released',
      'interview',
      'lawyer',
      'court',
      'appeal',
      'injuries',
      'photograph',
      'document',
      'consent',
      'threat',
      'displacement',
      'border',
      'camp',
      'night',
      'soldiers',
      'vehicle',
      'prison',
      'complaint',
      'prosecutor',
      'judge',
      'testimony',
      'victim',
      'missing',
      'beaten',
      'confiscated',
    ],
  },
  {
    code: 'fr',
    space: ' ',
    stop: '. ',
    words: [
      'témoin',
      'déclaration',
      'détention',
      'audience',
      'garde',
      'à',
      'vue',
      'policier',
      'torture',
      'preuve',
      'médecin',
      'rapport',
      'famille',
      'village',
      'arrêté',
      'libéré',
      'entretien',
      'avocate',
      'tribunal',
      'appel',
      'blessures',
      'photographie',
      'pièce',
      'consentement',
      'menace',
      'déplacement',
      'frontière',
      'été',
      'nuit',
      'militaires',
      'véhicule',
      'prison',
      'plainte',
      'procureur',
      'juge',
      'témoignage',
      'victime',
      'disparu',
      'frappé',
      'saisi',
    ],
  },
  {
    code: 'es',
    space: ' ',
    stop: '. ',
    words: [
      'testigo',
      'declaración',
      'detención',
      'audiencia',
      'custodia',
      'policía',
      'agente',
      'tortura',
      'prueba',
      'médico',
      'informe',
      'familia',
      'aldea',
      'retén',
      'arrestado',
      'liberado',
      'entrevista',
      'abogada',
      'juzgado',
      'apelación',
      'lesiones',
      'fotografía',
      'documento',
      'consentimiento',
      'amenaza',
      'desplazamiento',
      'frontera',
      'campamento',
      'noche',
      'soldados',
      'vehículo',
      'cárcel',
      'denuncia',
      'fiscal',
      'jueza',
      'testimonio',
      'víctima',
      'desaparecido',
      'golpeado',
      'incautado',
    ],
  },
  {
    code: 'ru',
    space: ' ',
    stop: '. ',
    words: [
      'свидетель',
      'заявление',
      'задержание',
      'слушание',
      'полиция',
      'сотрудник',
      'пытки',
      'доказательство',
      'врач',
      'справка',
      'семья',
      'деревня',
      'блокпост',
      'арестован',
      'освобождён',
      'допрос',
      'адвокат',
      'суд',
      'апелляция',
      'травмы',
      'фотография',
      'документ',
      'согласие',
      'угроза',
      'граница',
      'лагерь',
      'ночью',
      'военные',
      'машина',
      'тюрьма',
      'жалоба',
      'прокурор',
      'судья',
      'показания',
      'потерпевший',
      'пропал',
      'избит',
      'изъято',
      'ёлка',
      'общежитие',
    ],
  },
  {
    code: 'uk',
    space: ' ',
    stop: '. ',
    words: [
      'свідок',
      'заява',
      'затримання',
      'засідання',
      'поліція',
      'катування',
      'доказ',
      'лікар',
      'довідка',
      'родина',
      'село',
      'заарештований',
      'звільнений',
      'адвокатка',
      'апеляція',
      'травми',
      'світлина',
      'згода',
      'погроза',
      'кордон',
      'табір',
      'вночі',
      'військові',
      "в'язниця",
      'скарга',
      'прокурор',
      'суддя',
      'свідчення',
      'потерпіла',
      'зниклий',
    ],
  },
  {
    code: 'ar',
    space: ' ',
    stop: '. ',
    words: [
      'شاهد',
      'إفادة',
      'احتجاز',
      'جلسة',
      'الشرطة',
      'ضابط',
      'تعذيب',
      'دليل',
      'طبيب',
      'تقرير',
      'العائلة',
      'القرية',
      'حاجز',
      'اعتقل',
      'أفرج',
      'مقابلة',
      'محامية',
      'المحكمة',
      'استئناف',
      'إصابات',
      'صورة',
      'وثيقة',
      'موافقة',
      'تهديد',
      'نزوح',
      'الحدود',
      'مخيم',
      'ليلا',
      'جنود',
      'سيارة',
      'سجن',
      'شكوى',
      'النيابة',
      'القاضي',
      'شهادة',
      'الضحية',
      'مفقود',
      'ضرب',
      'صودرت',
      'المعتقل',
    ],
  },
  {
    code: 'zh',
    space: '',
    stop: '。',
    words: [
      '证人',
      '陈述',
      '拘留',
      '听证',
      '警察',
      '酷刑',
      '证据',
      '医生',
      '报告',
      '家属',
      '村庄',
      '检查站',
      '逮捕',
      '释放',
      '面谈',
      '律师',
      '法院',
      '上诉',
      '受伤',
      '照片',
      '文件',
      '同意',
      '威胁',
      '边境',
      '营地',
      '夜间',
      '士兵',
      '车辆',
      '监狱',
      '投诉',
      '检察官',
      '法官',
      '证词',
      '受害者',
      '失踪',
      '殴打',
      '没收',
      '被拘留者',
    ],
  },
  {
    code: 'tr',
    space: ' ',
    stop: '. ',
    words: [
      'tanık',
      'ifade',
      'gözaltı',
      'duruşma',
      'polis',
      'işkence',
      'delil',
      'doktor',
      'rapor',
      'aile',
      'köy',
      'tutuklandı',
      'serbest',
      'görüşme',
      'avukat',
      'mahkeme',
      'itiraz',
      'yaralar',
      'fotoğraf',
      'belge',
      'rıza',
      'tehdit',
      'sınır',
      'kamp',
      'gece',
      'askerler',
      'araç',
      'cezaevi',
      'şikâyet',
      'savcı',
    ],
  },
];

/** Languages weighted roughly as a mixed docket might be; indexes into LANGUAGES. */
const LANGUAGE_WEIGHTS: readonly number[] = [4, 2, 2, 2, 1, 2, 1, 1];

export interface Note {
  id: number;
  caseId: string;
  createdAt: string;
  title: string;
  body: string;
}

function pickLanguage(rng: SeededRng): Language {
  const total = LANGUAGE_WEIGHTS.reduce((a, b) => a + b, 0);
  let r = rng.next() * total;
  for (let i = 0; i < LANGUAGES.length; i++) {
    r -= LANGUAGE_WEIGHTS[i] ?? 0;
    if (r < 0) return LANGUAGES[i]!;
  }
  return LANGUAGES[0]!;
}

function sentence(rng: SeededRng, lang: Language): string {
  const n = rng.int(5, 14);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    // Now and then a number, a date or a word from another script, as real notes have.
    const roll = rng.next();
    if (roll < 0.05) words.push(String(rng.int(1, 9999)));
    else if (roll < 0.08)
      words.push(`2024-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`);
    else if (roll < 0.11) words.push(rng.pick(rng.pick(LANGUAGES).words));
    else words.push(rng.pick(lang.words));
  }
  const text = words.join(lang.space);
  return lang.space === ' ' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

export function makeNotes(count: number, seed: number): Note[] {
  const rng = new SeededRng(seed);
  const notes: Note[] = [];
  const start = Date.UTC(2020, 0, 1);
  for (let id = 1; id <= count; id++) {
    const lang = pickLanguage(rng);
    const wanted = rng.int(200, 500);
    let body = '';
    while (body.length < wanted) body += sentence(rng, lang) + lang.stop;
    body = body.slice(0, 500).trimEnd();
    const titleWords: string[] = [];
    for (let i = rng.int(3, 6); i > 0; i--) titleWords.push(rng.pick(lang.words));
    notes.push({
      id,
      caseId: `case-${String(rng.int(1, 2000)).padStart(5, '0')}`,
      createdAt: new Date(start + id * 60_000 + rng.int(0, 59_999)).toISOString(),
      title: titleWords.join(lang.space),
      body,
    });
  }
  return notes;
}

/**
 * FTS5 MATCH expressions: single words, two-word ANDs and prefix queries, in every language.
 * Tokens are double-quoted so no word is read as FTS5 syntax.
 */
export function makeFtsQueries(count: number, seed: number): string[] {
  const rng = new SeededRng(seed);
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const lang = rng.pick(LANGUAGES);
    const word = rng.pick(lang.words);
    const roll = rng.next();
    if (roll < 0.6) queries.push(`"${word}"`);
    else if (roll < 0.85) queries.push(`"${word}" AND "${rng.pick(lang.words)}"`);
    else queries.push(`"${[...word].slice(0, lang.space === '' ? 1 : 3).join('')}"*`);
  }
  return queries;
}

/** LIKE patterns for full scans: a word anywhere in the body. */
export function makeLikePatterns(count: number, seed: number): string[] {
  const rng = new SeededRng(seed);
  const patterns: string[] = [];
  for (let i = 0; i < count; i++) patterns.push(`%${rng.pick(rng.pick(LANGUAGES).words)}%`);
  return patterns;
}

export function makePointIds(count: number, maxId: number, seed: number): number[] {
  const rng = new SeededRng(seed);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) ids.push(rng.int(1, maxId));
  return ids;
}
