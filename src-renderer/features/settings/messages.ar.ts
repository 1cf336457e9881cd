/** Arabic. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const ar: Translation<typeof en> = {
  'settings.languageName': 'العربية',
  'settings.title': 'الإعدادات',
  'settings.language.title': 'اللغة',
  'settings.language.label': 'لغة التطبيق',
  'settings.language.hint': 'تتبع التواريخ والأرقام اللغة أيضًا.',
  'settings.language.saved': 'أصبح التطبيق الآن باللغة العربية.',
  'settings.autoLock.title': 'القفل التلقائي',
  'settings.autoLock.label': 'اقفل بعد هذا العدد من الدقائق دون استخدام',
  'settings.autoLock.hint':
    'من 1 إلى 60 دقيقة. تُقفل الخزنة أيضًا عندما يدخل الحاسوب في وضع السكون أو تُقفل شاشته، وفورًا عند الضغط على Ctrl+L.',
  'settings.autoLock.invalid': 'أدخل عددًا صحيحًا من الدقائق بين 1 و60.',
  'settings.autoLock.save': 'احفظ مدة القفل',
  'settings.autoLock.saved':
    '{minutes, plural, one {ستُقفل الخزنة الآن بعد دقيقة واحدة دون استخدام.} two {ستُقفل الخزنة الآن بعد دقيقتين دون استخدام.} few {ستُقفل الخزنة الآن بعد # دقائق دون استخدام.} many {ستُقفل الخزنة الآن بعد # دقيقة دون استخدام.} other {ستُقفل الخزنة الآن بعد # دقيقة دون استخدام.}}',
  'settings.passphrase.title': 'تغيير عبارة المرور',
  'settings.passphrase.intro': 'يبقى مفتاح الاسترداد صالحًا: تتغير عبارة المرور فقط.',
  'settings.passphrase.current': 'عبارة المرور الحالية',
  'settings.passphrase.next': 'عبارة المرور الجديدة',
  'settings.passphrase.nextHint': '12 حرفًا على الأقل. بضع كلمات لا رابط بينها تفي بالغرض.',
  'settings.passphrase.confirm': 'أعد كتابة عبارة المرور الجديدة',
  'settings.passphrase.tooShort': 'استخدم 12 حرفًا على الأقل.',
  'settings.passphrase.mismatch': 'عبارتا المرور الجديدتان غير متطابقتين.',
  'settings.passphrase.same': 'عبارة المرور الجديدة مطابقة للحالية.',
  'settings.passphrase.missingCurrent': 'أدخل عبارة المرور الحالية.',
  'settings.passphrase.submit': 'غيّر عبارة المرور',
  'settings.passphrase.working': 'جارٍ التحقق من عبارة المرور الحالية واشتقاق المفتاح الجديد…',
  'settings.passphrase.done': 'تم تغيير عبارة المرور. استخدم الجديدة في المرة القادمة التي تفتح فيها الخزنة.',
  'settings.info.title': 'عن هذه الخزنة',
  'settings.info.id': 'معرّف الخزنة',
  'settings.info.created': 'تاريخ الإنشاء',
  'settings.info.format': 'إصدار تنسيق الملف',
  'settings.info.schema': 'إصدار مخطط قاعدة البيانات',
  'settings.info.slots': 'طرق الفتح',
  'settings.info.slot.passphrase': 'عبارة مرور، عُيّنت في {date}',
  'settings.info.slot.recovery': 'مفتاح استرداد، أُنشئ في {date}',
  'settings.info.files': 'الملفات المخزنة',
  'settings.info.filesValue':
    '{count, plural, zero {لا ملفات} one {ملف واحد} two {ملفان} few {# ملفات} many {# ملفًا} other {# ملف}}، {size}',
  'settings.info.audit': 'إدخالات سجل التدقيق',
  'settings.policy.title': 'سياسة الشركاء',
  'settings.policy.intro':
    'ما يحتاجه الشريك قبل مشاركة أي شيء من هذه الخزنة معه. القاعدتان مفعّلتان افتراضيًا، ويُسجَّل كل تغيير في سجل التدقيق.',
  'settings.policy.dueDiligence': 'اشتراط عناية واجبة موافَق عليها',
  'settings.policy.dueDiligenceHint':
    'يجب أن تُسجَّل العناية الواجبة للشريك بأنها موافَق عليها — لا قيد الانتظار ولا مرفوضة ولا موافَقًا عليها بشروط — وألا تكون مراجعتها متأخرة.',
  'settings.policy.agreement': 'اشتراط اتفاق سرية أو اتفاق لتبادل البيانات',
  'settings.policy.agreementHint': 'يجب أن يكون هناك اتفاق سرية أو اتفاق لتبادل البيانات موقَّع مع الشريك وساري المفعول.',
  'settings.policy.offWarning':
    'عند تعطيل قاعدة، يمكن أن تذهب القضايا إلى شركاء لم يتحقق منهم أحد. لا تعطّل قاعدة إلا إذا قررت منظمتكم ذلك.',
  'settings.policy.save': 'احفظ سياسة الشركاء',
  'settings.policy.saved': 'حُفظت سياسة الشركاء.',
  'settings.policy.default': 'لم تُغيَّر قط: هذه هي القيم الافتراضية.',
  'settings.policy.changed': 'آخر تغيير في {date} بواسطة {who}.',
  'settings.policy.changedNoName': 'آخر تغيير في {date}.',
};
