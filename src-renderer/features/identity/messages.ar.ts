/** Arabic. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const ar: Translation<typeof en> = {
  'nav.identity': 'هويتنا',
  'identity.title': 'هويتنا',
  'identity.intro':
    'يعرف الشركاء هذه الخزنة من خلال بطاقة الاتصال الخاصة بها: اسم ومنظمة ومفتاح عام، موقَّعة من هذه الخزنة. سلّم البطاقة إلى الشريك، ثم قارن معه أرقام الأمان ليتأكد كل طرف من أن المفتاح أصلي.',
  'identity.card.title': 'بطاقة الاتصال الخاصة بنا',
  'identity.name': 'الاسم على البطاقة',
  'identity.nameHint': 'الشخص الذي ينبغي للشركاء السؤال عنه، مثل المحامية المسؤولة.',
  'identity.organisation': 'اسم المنظمة',
  'identity.saved': 'حُدِّثت البطاقة. سلّم البطاقة الجديدة إلى الشركاء.',
  'identity.key.title': 'مفتاحنا',
  'identity.fingerprint': 'بصمة المفتاح',
  'identity.fingerprintHint': 'تحقق مختصر من مفتاحنا العام. أما ما يثبت المفتاح فهو رقم الأمان الذي يُقارَن مع كل شريك.',
  'identity.createdAt': 'تاريخ إنشاء المفتاح',
  'identity.vaultId': 'معرّف الخزنة',
  'identity.qr.title': 'البطاقة على شكل رمز QR',
  'identity.qr.alt': 'رمز QR لبطاقة الاتصال الخاصة بنا',
  'identity.qr.hint': 'يمكن للشريك مسح هذا الرمز للحصول على بطاقتنا.',
  'identity.export.title': 'تسليم البطاقة إلى شريك',
  'identity.export.hint':
    'لا تحتوي البطاقة على أي سر: احفظها على وحدة تخزين أو أرسلها. ثم قارن أرقام الأمان مع الشريك.',
  'identity.export.card': 'حفظ البطاقة في ملف…',
  'identity.export.png': 'حفظ رمز QR بصيغة PNG…',
  'identity.export.svg': 'حفظ رمز QR بصيغة SVG…',
  'identity.export.done': 'حُفظ باسم {name}.',
  'identity.ageKey':
    'لا يمكن تصدير المفتاح الخاص لأداة age القياسية إلا من سطر الأوامر (identity export-age-key)، وذلك عن قصد: من يحوز هذا الملف يستطيع قراءة كل حزمة أُرسلت إلى هذه الخزنة دون عبارة المرور.',
};
