/**
 * What a spreadsheet row can say, per kind of record: the fields a column can feed, the column
 * headers each is recognised by in English, French, Spanish and Arabic (and in the exports of
 * Uwazi, OpenEvSys and Bayanat where they differ), and how a cell becomes a value. The values
 * are then checked by the service's own input schema, exactly as a record typed in the app.
 */
import { z } from 'zod';
import { foldArabicName } from '../names/normalise.js';

export const IMPORT_KINDS = ['cases', 'people', 'enquiries', 'deadlines', 'partners'] as const;
export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;

/**
 * text: the cell as it is (trimmed); list: several values in one cell, separated by ; or |
 * (tags and flags also by commas); enum: a value of a fixed list, matched without regard to case,
 * spaces or underscores; number: a whole number.
 */
export type CellType = 'text' | 'list' | 'flags' | 'enum' | 'number';

export interface ImportField {
  key: string;
  type: CellType;
  /** a row without it is refused (for a new record) */
  required?: boolean;
  /** header names, any language; compared folded (headerKey) */
  headers: readonly string[];
}

const f = (key: string, type: CellType, headers: readonly string[], required = false): ImportField => ({
  key,
  type,
  headers,
  ...(required ? { required } : {}),
});

/** the record's id: a row with one updates that record, and an unknown one is refused */
const ID = f('id', 'text', ['id', 'uuid', 'record id', 'identifiant', 'identificador', 'المعرف', 'معرف']);
const CASE_REFERENCE = f('caseReference', 'text', [
  'case reference',
  'case ref',
  'case',
  'case number',
  'référence du dossier',
  'dossier',
  'n° dossier',
  'referencia del caso',
  'caso',
  'expediente',
  'مرجع القضية',
  'رقم القضية',
  'القضية',
]);
const COUNTRY = f('country', 'text', ['country', 'pays', 'país', 'pais', 'البلد', 'الدولة']);
const NOTES = f('notes', 'text', ['notes', 'note', 'remarques', 'notas', 'observaciones', 'ملاحظات']);

export const FIELDS: Readonly<Record<ImportKind, readonly ImportField[]>> = {
  cases: [
    ID,
    f('reference', 'text', [
      'reference',
      'ref',
      'case reference',
      'case number',
      'référence',
      'numéro',
      'referencia',
      'número',
      'numero',
      'المرجع',
      'رقم القضية',
    ]),
    f(
      'title',
      'text',
      ['title', 'case title', 'name', 'titre', 'intitulé', 'nom', 'título', 'titulo', 'nombre', 'العنوان', 'الاسم'],
      true,
    ),
    f('status', 'enum', ['status', 'statut', 'état', 'estado', 'الحالة', 'الوضع']),
    f('forum', 'enum', ['forum', 'juridiction saisie', 'instance', 'foro', 'instancia', 'المحفل', 'الجهة']),
    COUNTRY,
    f('jurisdiction', 'text', ['jurisdiction', 'juridiction', 'jurisdicción', 'jurisdiccion', 'الاختصاص']),
    f('stage', 'enum', ['stage', 'étape', 'stade', 'etapa', 'fase', 'المرحلة']),
    f('sensitivity', 'enum', ['sensitivity', 'sensibilité', 'sensibilidad', 'الحساسية']),
    f('summary', 'text', ['summary', 'description', 'résumé', 'resume', 'resumen', 'descripción', 'الملخص', 'الوصف']),
    f('strategy', 'text', ['strategy', 'stratégie', 'estrategia', 'الاستراتيجية']),
    f('project', 'text', ['project', 'projet', 'proyecto', 'المشروع']),
    f('donorCode', 'text', [
      'donor code',
      'grant',
      'code donateur',
      'subvention',
      'código de donante',
      'subvención',
      'رمز المانح',
      'المنحة',
    ]),
    f('openedOn', 'text', [
      'opened on',
      'opened',
      'date opened',
      'start date',
      "date d'ouverture",
      'ouvert le',
      'fecha de apertura',
      'abierto el',
      'تاريخ الفتح',
      'تاريخ الافتتاح',
    ]),
    f('tags', 'flags', [
      'tags',
      'labels',
      'keywords',
      'étiquettes',
      'mots-clés',
      'etiquetas',
      'palabras clave',
      'الوسوم',
      'الكلمات المفتاحية',
    ]),
  ],
  people: [
    ID,
    f(
      'fullName',
      'text',
      ['full name', 'name', 'person', 'nom complet', 'nom', 'nombre completo', 'nombre', 'الاسم الكامل', 'الاسم'],
      true,
    ),
    f('aliases', 'list', [
      'aliases',
      'alias',
      'other names',
      'autres noms',
      'otros nombres',
      'أسماء أخرى',
      'الأسماء المستعارة',
    ]),
    f('pseudonym', 'text', [
      'pseudonym',
      'code name',
      'pseudonyme',
      'seudónimo',
      'seudonimo',
      'اسم مستعار',
      'الاسم الرمزي',
    ]),
    f('gender', 'enum', ['gender', 'sex', 'genre', 'sexe', 'género', 'genero', 'sexo', 'الجنس', 'النوع']),
    f('birthDate', 'text', [
      'birth date',
      'date of birth',
      'born',
      'dob',
      'date de naissance',
      'fecha de nacimiento',
      'تاريخ الميلاد',
    ]),
    COUNTRY,
    f('contact', 'text', ['contact', 'phone', 'email', 'téléphone', 'contacto', 'teléfono', 'الاتصال', 'الهاتف']),
    f('safetyNotes', 'text', [
      'safety notes',
      'security notes',
      'notes de sécurité',
      'notas de seguridad',
      'ملاحظات السلامة',
      'ملاحظات أمنية',
    ]),
    f('vulnerabilities', 'flags', ['vulnerabilities', 'vulnérabilités', 'vulnerabilidades', 'أوجه الضعف', 'الهشاشة']),
    NOTES,
    CASE_REFERENCE,
    f('role', 'enum', ['role', 'rôle', 'rol', 'papel', 'الدور', 'الصفة']),
  ],
  enquiries: [
    ID,
    f('receivedOn', 'text', [
      'received on',
      'date',
      'received',
      'reçu le',
      'date de réception',
      'recibido el',
      'fecha',
      'تاريخ الاستلام',
      'التاريخ',
    ]),
    f('channel', 'enum', ['channel', 'canal', 'medio', 'القناة', 'الوسيلة'], true),
    f('summary', 'text', ['summary', 'description', 'résumé', 'resumen', 'descripción', 'الملخص', 'الوصف'], true),
    f(
      'enquirerName',
      'text',
      ['enquirer', 'enquirer name', 'name', 'demandeur', 'nom', 'solicitante', 'nombre', 'مقدم الطلب', 'الاسم'],
      true,
    ),
    f('enquirerContact', 'text', ['contact', 'enquirer contact', 'contacto', 'الاتصال']),
    f('namesMentioned', 'list', [
      'names mentioned',
      'other names',
      'people named',
      'personnes citées',
      'noms cités',
      'personas mencionadas',
      'nombres mencionados',
      'الأسماء المذكورة',
      'الأشخاص المذكورون',
    ]),
  ],
  deadlines: [
    ID,
    CASE_REFERENCE,
    f('kind', 'enum', ['kind', 'type', 'tipo', 'النوع'], true),
    f(
      'title',
      'text',
      ['title', 'deadline', 'titre', 'échéance', 'título', 'titulo', 'plazo', 'العنوان', 'الموعد'],
      true,
    ),
    f(
      'dueOn',
      'text',
      [
        'due on',
        'due date',
        'due',
        'date',
        'échéance le',
        'date limite',
        'vence el',
        'fecha límite',
        'fecha',
        'تاريخ الاستحقاق',
        'الموعد النهائي',
        'التاريخ',
      ],
      true,
    ),
    NOTES,
  ],
  partners: [
    ID,
    f(
      'name',
      'text',
      ['name', 'organisation', 'organization', 'nom', 'organisme', 'nombre', 'organización', 'الاسم', 'المنظمة'],
      true,
    ),
    f('kind', 'enum', ['kind', 'type', 'tipo', 'النوع'], true),
    COUNTRY,
    f('contact', 'text', ['contact', 'contacto', 'الاتصال']),
    NOTES,
    f('ddTier', 'enum', ['tier', 'dd tier', 'niveau', 'nivel', 'المستوى']),
    f('ddAmountGbp', 'number', ['amount gbp', 'dd amount', 'amount', 'montant', 'monto', 'importe', 'المبلغ']),
    f('ddReviewOn', 'text', ['review on', 'dd review', 'révision le', 'revisión el', 'تاريخ المراجعة']),
    f('ddOutcome', 'enum', ['dd outcome', 'outcome', 'résultat', 'resultado', 'النتيجة']),
    f('ddNotes', 'text', [
      'dd notes',
      'due diligence notes',
      'notes diligence',
      'notas diligencia',
      'ملاحظات العناية الواجبة',
    ]),
  ],
};

/** A header as compared: case, accents, Arabic marks and letter forms, spaces and punctuation folded away. */
export function headerKey(header: string): string {
  return foldArabicName(
    header
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/^\ufeff/, ''),
  ).replace(/[\s_\-./:()'’°#]+/gu, '');
}

/** field key → the header of the file that feeds it */
export type ColumnMapping = Record<string, string>;

/**
 * The mapping proposed for a file's headers: a header that is a field's own key (`donorCode`)
 * or one of its names in any language feeds that field; a field's first match wins, and a
 * header feeds at most one field.
 */
export function proposeMapping(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const byKey = new Map<string, string>();
  for (const h of headers) if (!byKey.has(headerKey(h))) byKey.set(headerKey(h), h);
  const used = new Set<string>();
  const mapping: ColumnMapping = {};
  // exact field keys first, then names in the order listed (the more specific first)
  for (const field of FIELDS[kind]) {
    const h = byKey.get(headerKey(field.key));
    if (h !== undefined && !used.has(h)) {
      mapping[field.key] = h;
      used.add(h);
    }
  }
  for (const field of FIELDS[kind]) {
    if (mapping[field.key] !== undefined) continue;
    for (const name of field.headers) {
      const h = byKey.get(headerKey(name));
      if (h !== undefined && !used.has(h)) {
        mapping[field.key] = h;
        used.add(h);
        break;
      }
    }
  }
  return mapping;
}

function enumValue(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

function listValue(cell: string, commas: boolean): string[] {
  return cell
    .split(commas ? /[;|,]/ : /[;|]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * The row as a record of field values: a cell left empty gives no value (a new record takes the
 * default, an update leaves the field as it is). `column` tells which header fed a field.
 */
export function rowValues(
  kind: ImportKind,
  mapping: ColumnMapping,
  headerIndex: ReadonlyMap<string, number>,
  cells: readonly string[],
): Record<string, string | string[] | number> {
  const out: Record<string, string | string[] | number> = {};
  for (const field of FIELDS[kind]) {
    const header = mapping[field.key];
    if (header === undefined) continue;
    const cell = (cells[headerIndex.get(header)!] ?? '').trim();
    if (cell === '') continue;
    switch (field.type) {
      case 'text':
        out[field.key] = cell;
        break;
      case 'enum':
        out[field.key] = enumValue(cell);
        break;
      case 'list':
      case 'flags': {
        const list = listValue(cell, field.type === 'flags');
        out[field.key] = field.key === 'vulnerabilities' ? list.map(enumValue) : list;
        break;
      }
      case 'number':
        // "1 500", "1,500" and "1500.00" as people type amounts; anything else is left for the schema to refuse
        out[field.key] = /^\d{1,3}([ ,]\d{3})*(\.0+)?$|^\d+(\.0+)?$/.test(cell)
          ? Number(cell.replace(/[ ,]/g, '').replace(/\.0+$/, ''))
          : cell;
        break;
    }
  }
  return out;
}
