/**
 * Building blocks for synthetic demo data: fictional names, places and case texts in English,
 * French, Spanish, Arabic, Thai and Chinese. Nothing here describes a real person or case.
 */

export interface DemoLanguage {
  code: string;
  countries: readonly string[];
  givenNames: readonly string[];
  familyNames: readonly string[];
  titles: readonly string[];
  summaries: readonly string[];
  notes: readonly string[];
  /** how words of a name are joined (Thai and Chinese names differ from Latin ones) */
  nameJoin: string;
}

export const DEMO_LANGUAGES: readonly DemoLanguage[] = [
  {
    code: 'en',
    countries: ['KE', 'UG', 'NG', 'GB', 'PH'],
    givenNames: ['Amina', 'Joseph', 'Grace', 'Samuel', 'Faith', 'Peter', 'Esther', 'David', 'Mercy', 'John'],
    familyNames: ['Otieno', 'Mwangi', 'Okafor', 'Adeyemi', 'Nakato', 'Kamau', 'Santos', 'Reyes', 'Wanjiru', 'Obi'],
    titles: [
      'Torture in police custody',
      'Ill-treatment at a military checkpoint',
      'Death in custody',
      'Beating during a protest',
      'Incommunicado detention',
    ],
    summaries: [
      'The client was arrested at night, held for four days without access to a lawyer and beaten during interrogation. A medical report documents injuries consistent with the account.',
      'Several detainees describe the same officers and the same room. The family was not told where the client was held. Domestic remedies have been exhausted.',
      'The survivor was stopped at a checkpoint, accused of supporting an armed group and subjected to electric shocks. Witnesses saw the arrest.',
    ],
    notes: [
      'Met the client with an interpreter. She confirmed the dates of detention and agreed to a medical examination under the Istanbul Protocol.',
      'The prosecutor has not answered our complaint after six months. Consider a communication to the UN Committee against Torture.',
      'Witness statement taken at the community centre. The witness fears reprisals; use the pseudonym in every document that leaves the office.',
      'Hearing postponed again. The court registry lost the file; we provided a certified copy.',
    ],
    nameJoin: ' ',
  },
  {
    code: 'fr',
    countries: ['CD', 'CM', 'SN', 'BI', 'FR'],
    givenNames: [
      'Aïcha',
      'Élodie',
      'Jean-Baptiste',
      'Françoise',
      'Moïse',
      'Hélène',
      'Désiré',
      'Bénédicte',
      'Noël',
      'Thérèse',
    ],
    familyNames: [
      'Mukendi',
      'Ndiaye',
      'Nkurunziza',
      'Lefèvre',
      'Kabongo',
      'Diallo',
      'Mbarga',
      'Niyonzima',
      'Faye',
      'Tshibanda',
    ],
    titles: [
      'Torture en garde à vue',
      'Détention arbitraire et mauvais traitements',
      'Décès en détention',
      'Violences lors d’une manifestation',
      'Disparition forcée',
    ],
    summaries: [
      'Le détenu a été frappé pendant l’interrogatoire et privé de soins. Le rapport médical confirme des lésions compatibles avec son récit.',
      'La famille n’a pas été informée du lieu de détention pendant trois semaines. Plainte déposée auprès du procureur, sans suite.',
      'La victime a été arrêtée à un barrage, accusée de complicité avec un groupe armé et soumise à des chocs électriques.',
    ],
    notes: [
      'Entretien avec le client en présence d’une interprète. Il a donné son consentement éclairé à l’examen médical.',
      'Le tribunal a renvoyé l’audience. Préparer une communication à la Commission africaine des droits de l’homme et des peuples.',
      'Déclaration du témoin recueillie au centre communautaire ; il craint des représailles.',
    ],
    nameJoin: ' ',
  },
  {
    code: 'es',
    countries: ['MX', 'CO', 'GT', 'HN', 'VE'],
    givenNames: ['María', 'José', 'Lucía', 'Andrés', 'Begoña', 'Íñigo', 'Ramón', 'Sofía', 'Tomás', 'Martín'],
    familyNames: [
      'Martínez',
      'López',
      'Hernández',
      'Peña',
      'Gutiérrez',
      'Ibáñez',
      'Muñoz',
      'Ramírez',
      'Álvarez',
      'Ortiz',
    ],
    titles: [
      'Tortura en custodia policial',
      'Desaparición forzada',
      'Malos tratos en un centro penitenciario',
      'Detención arbitraria en un retén',
      'Muerte bajo custodia',
    ],
    summaries: [
      'El detenido fue golpeado durante el interrogatorio y obligado a firmar una confesión. El informe médico documenta lesiones compatibles.',
      'La familia busca a su hijo desde hace dos años. Testigos vieron a agentes llevárselo en una camioneta sin placas.',
      'La víctima denunció amenazas después de presentar la queja ante la fiscalía.',
    ],
    notes: [
      'Entrevista con la víctima y su abogada. Dio su consentimiento informado para compartir el expediente con la organización socia.',
      'Audiencia en el juzgado aplazada. Preparar petición a la Comisión Interamericana.',
      'El testigo teme represalias; usar el seudónimo en todos los documentos.',
    ],
    nameJoin: ' ',
  },
  {
    code: 'ar',
    countries: ['EG', 'LB', 'JO', 'TN', 'SD'],
    givenNames: ['محمد', 'فاطمة', 'أحمد', 'مريم', 'خالد', 'نور', 'يوسف', 'ليلى', 'عمر', 'سارة'],
    familyNames: ['الحسن', 'عبد الله', 'منصور', 'حداد', 'السيد', 'خليل', 'نصر', 'عثمان', 'الأمين', 'صالح'],
    titles: [
      'التعذيب أثناء الاحتجاز',
      'الاختفاء القسري',
      'سوء المعاملة في السجن',
      'الاعتقال التعسفي',
      'الوفاة أثناء الاحتجاز',
    ],
    summaries: [
      'تعرّض المعتقل للضرب أثناء التحقيق وحُرم من الاتصال بمحامٍ لمدة أسبوعين. يوثّق التقرير الطبي إصابات تتفق مع روايته.',
      'لم تُبلَّغ الأسرة بمكان الاحتجاز. قُدّمت شكوى إلى النيابة العامة دون رد.',
      'أُوقفت الضحية عند حاجز أمني واتُّهمت بدعم جماعة مسلحة.',
    ],
    notes: [
      'مقابلة مع الموكل بحضور مترجمة. وافق على الفحص الطبي وفق بروتوكول إسطنبول.',
      'تأجلت الجلسة مرة أخرى. التحضير لبلاغ إلى لجنة مناهضة التعذيب.',
      'الشاهد يخشى الانتقام؛ يُستخدم الاسم المستعار في كل الوثائق.',
    ],
    nameJoin: ' ',
  },
  {
    code: 'th',
    countries: ['TH'],
    givenNames: ['สมชาย', 'สุดา', 'วิชัย', 'มาลี', 'ประเสริฐ', 'นิภา', 'อนุชา', 'กาญจนา'],
    familyNames: ['ใจดี', 'ศรีสุข', 'บุญมา', 'ทองดี', 'แสงทอง', 'วงศ์ไทย', 'สุขสันต์', 'พรหมมา'],
    titles: ['การทรมานระหว่างการควบคุมตัว', 'การบังคับให้สูญหาย', 'การควบคุมตัวโดยพลการ'],
    summaries: [
      'ผู้เสียหายถูกควบคุมตัวที่ค่ายทหารเป็นเวลาเจ็ดวันและถูกทำร้ายร่างกายระหว่างการสอบสวน',
      'ครอบครัวไม่ได้รับแจ้งสถานที่ควบคุมตัว ได้ยื่นคำร้องต่อศาลแล้ว',
    ],
    notes: ['พบผู้เสียหายพร้อมล่าม ผู้เสียหายยินยอมให้ตรวจร่างกายตามพิธีสารอิสตันบูล', 'ศาลเลื่อนการพิจารณาคดีอีกครั้ง'],
    nameJoin: ' ',
  },
  {
    code: 'zh',
    countries: ['HK', 'TW', 'SG'],
    givenNames: ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋'],
    familyNames: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵'],
    titles: ['羁押期间遭受酷刑', '强迫失踪', '任意拘留'],
    summaries: [
      '当事人在审讯期间被殴打，并被拒绝会见律师。医疗报告记录了与其陈述一致的伤情。',
      '家属未被告知羁押地点，已向检察院提出申诉。',
    ],
    notes: ['与当事人及翻译会面，当事人同意根据伊斯坦布尔议定书进行体检。', '证人担心遭到报复，所有对外文件使用化名。'],
    nameJoin: '',
  },
];

export const DEMO_PARTNERS = [
  { name: 'Centre for Rehabilitation of Survivors', kind: 'ngo', country: 'KE', ddAmountGbp: 1500 },
  { name: 'National Preventive Mechanism (demo)', kind: 'npm', country: 'TN', ddAmountGbp: 8000 },
  { name: 'Comisión de Derechos Humanos (demo)', kind: 'nhri', country: 'MX', ddAmountGbp: 25000 },
  { name: 'Cabinet d’avocats Ndiaye & Faye', kind: 'lawyer', country: 'SN', ddAmountGbp: 4000 },
  { name: 'Legal Aid Network (demo)', kind: 'ngo', country: 'TH', ddAmountGbp: 12000 },
] as const;

export const DEMO_RISKS = [
  {
    threat: 'Laptop seized at a checkpoint',
    category: 'device',
    likelihood: 4,
    impact: 5,
    mitigations: 'Vault locked when travelling; full-disk encryption; minimal data on travel laptop.',
  },
  {
    threat: 'Phishing aimed at staff email',
    category: 'communications',
    likelihood: 4,
    impact: 3,
    mitigations: 'Training every six months; hardware security keys.',
  },
  {
    threat: 'Bundle USB stick lost in transit',
    category: 'data',
    likelihood: 2,
    impact: 3,
    mitigations: 'Bundles are encrypted to the partner; passphrase sent by another channel.',
  },
  {
    threat: 'Office raid',
    category: 'physical',
    likelihood: 2,
    impact: 5,
    mitigations: 'No paper files on site; recovery key kept off-site.',
  },
  {
    threat: 'Court order to disclose client files',
    category: 'legal',
    likelihood: 1,
    impact: 4,
    mitigations: 'Legal privilege review; counsel on call.',
  },
  {
    threat: 'Staff member coerced',
    category: 'people',
    likelihood: 1,
    impact: 5,
    mitigations: 'Need-to-know access; duress procedure.',
  },
] as const;
