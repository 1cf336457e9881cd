/** Arabic. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const ar: Translation<typeof en> = {
  'nav.share': 'المشاركة',
  'share.title': 'المشاركة مع شريك',
  'share.fromCase': 'المشاركة مع شريك…',
  'share.steps': 'الخطوات',
  'share.step.cases': 'القضايا والملفات',
  'share.step.partner': 'الشريك والغرض',
  'share.step.check': 'فحص الموافقة',
  'share.step.save': 'الحفظ',
  'share.stepOf': 'الخطوة {n} من 4: {name}',
  'share.next': 'التالي',
  'share.cases.title': 'القضايا المراد مشاركتها',
  'share.cases.search': 'ابحث عن قضية',
  'share.cases.searchHint': 'بالمرجع أو بالعنوان.',
  'share.cases.label': 'القضايا',
  'share.cases.chosen':
    '{count, plural, zero {لم تُختر أي قضية} one {اختيرت قضية واحدة} two {اختيرت قضيتان} few {اختيرت # قضايا} many {اختيرت # قضية} other {اختيرت # قضية}}',
  'share.cases.none': 'اختر قضية واحدة على الأقل.',
  'share.cases.noMatch': 'لا توجد قضية مطابقة.',
  'share.files.title': 'ملفات الأدلة المراد تضمينها',
  'share.files.hint':
    'يُضمَّن وصف كل دليل إذا سمح بذلك ملف المشاركة الخاص بالشريك؛ أما الملفات نفسها فلا تُضمَّن إلا إذا حددتها هنا.',
  'share.files.none': 'لا توجد ملفات أدلة في القضايا المختارة.',
  'share.files.chosen':
    '{count, plural, zero {لم يُختر أي ملف} one {اختير ملف واحد} two {اختير ملفان} few {اختيرت # ملفات} many {اختير # ملفًا} other {اختير # ملف}} ({size})',
  'share.partner.title': 'الشريك',
  'share.partner.legend': 'من يستلم الحزمة',
  'share.partner.none': 'لا يوجد شريك بعد. أضف شريكًا، واستورد بطاقة اتصاله، وتحقق من مفتاحه.',
  'share.partner.why.none': 'لا يمكن اختياره: لا يوجد مفتاح. استورد بطاقة اتصال الشريك أولًا.',
  'share.partner.why.unverified': 'لا يمكن اختياره: لم يُتحقَّق من مفتاحه بعد.',
  'share.partner.why.changed': 'لا يمكن اختياره: تغيّر مفتاحه ولم يُتحقَّق من المفتاح الجديد.',
  'share.partner.ok': 'المفتاح مُتحقَّق منه.',
  'share.partner.missing': 'اختر شريكًا مُتحقَّقًا من مفتاحه.',
  'share.purpose': 'الغرض',
  'share.purposeHint': 'يُعرض على الشريك ويُسجَّل في الحزمة، مثل «بلاغ مشترك إلى المقرر الخاص».',
  'share.purposeMissing': 'اذكر الغرض من الحزمة.',
  'share.expiry': 'عدد الأيام المتاحة للشريك لاستيرادها',
  'share.expiryHint': 'بعد هذه المدة لا يمكن استيراد الحزمة. من يوم واحد إلى 365 يومًا.',
  'share.expiryInvalid': 'اكتب عددًا صحيحًا من الأيام بين 1 و365.',
  'share.missing.legend': 'عندما لا يكون أحدهم قد وافق على هذه المشاركة',
  'share.missing.refuse': 'التوقف: عدم إنشاء الحزمة',
  'share.missing.leave-out': 'استبعاده مع كل ما يذكر اسمه',
  'share.check.button': 'فحص الموافقة',
  'share.plan.to': 'إلى {partner}',
  'share.plan.keys':
    '{count, plural, zero {مشفرة لـ# مفتاح مُتحقَّق منه لدى الشريك، ولمفتاحنا.} one {مشفرة لمفتاح واحد مُتحقَّق منه لدى الشريك، ولمفتاحنا.} two {مشفرة لمفتاحين مُتحقَّق منهما لدى الشريك، ولمفتاحنا.} few {مشفرة لـ# مفاتيح مُتحقَّق منها لدى الشريك، ولمفتاحنا.} many {مشفرة لـ# مفتاحًا مُتحقَّقًا منه لدى الشريك، ولمفتاحنا.} other {مشفرة لـ# مفتاح مُتحقَّق منه لدى الشريك، ولمفتاحنا.}}',
  'share.plan.included': 'ما يُضمَّن',
  'share.plan.includedLabel': 'سجلات الحزمة حسب النوع',
  'share.plan.col.kind': 'النوع',
  'share.plan.col.count': 'العدد',
  'share.plan.nothing': 'لن يُضمَّن شيء: ملف المشاركة الخاص بالشريك لا يسمح بأي من هذه السجلات.',
  'share.plan.leftOut': 'من يُستبعد ولماذا',
  'share.plan.leftOutLabel': 'أشخاص لم يوافقوا على هذه المشاركة',
  'share.plan.leftOutNone': 'لا يُستبعد أحد: وافق كل شخص في هذه القضايا على هذه المشاركة.',
  'share.plan.col.person': 'الشخص',
  'share.plan.col.case': 'القضية',
  'share.plan.col.reason': 'السبب',
  'share.plan.leaveOutNow': 'استبعادهم والتحقق مجددًا',
  'share.plan.refuseBlocked':
    'اخترتَ التوقف عندما لا يكون أحدهم قد وافق: لا يمكن إنشاء الحزمة. ارجع واختر استبعاده، أو سجّل الموافقات الناقصة أولًا.',
  'share.plan.leaveOutNote': 'يبقى هؤلاء الأشخاص وأدوارهم في القضايا والموافقات التي تذكرهم خارج الحزمة.',
  'share.plan.profile': 'ما يحذفه ملف المشاركة الخاص بالشريك',
  'share.plan.profileNone': 'لا يحذف الملف شيئًا من هذه السجلات.',
  'share.plan.profile.kindOut': '{kind}: لا يُشارَك إطلاقًا',
  'share.plan.profile.fieldsOut': '{kind}: بدون {fields}',
  'share.plan.filesOut': 'لا تُرسَل ملفات الأدلة: ملف المشاركة الخاص بالشريك لا يسمح بها.',
  'share.preset.title': 'ما الذي يمكن أن يتلقاه {partner}',
  'share.preset.now.none': 'حاليًا: لا شيء — ستكون الحزمة المرسلة إليه فارغة. اختر ملفًا جاهزًا أدناه.',
  'share.preset.now.preset': 'حاليًا: «{preset}».',
  'share.preset.now.custom': 'حاليًا: ملف معدَّل يدويًا في صفحة الشريك.',
  'share.preset.legend': 'ملفات مشاركة جاهزة',
  'share.preset.name.case-facts': 'وقائع القضية فقط',
  'share.preset.name.pseudonymised': 'القضايا والأشخاص بأسماء مستعارة',
  'share.preset.name.full-with-files': 'كل شيء، مع ملفات الأدلة',
  'share.preset.desc.case-facts':
    'لا أشخاص ولا نص حر: مرجع كل قضية وحالتها وجهة النظر فيها والبلد والمرحلة والتواريخ، ومواعيدها النهائية ونتائجها.',
  'share.preset.desc.pseudonymised':
    'وأيضًا الأشخاص بالاسم المستعار والجنس وسنة الميلاد والبلد والدور، وموافقاتهم، وماهية كل دليل — بلا أسماء ولا ملفات.',
  'share.preset.desc.full-with-files':
    'كل الحقول، بما فيها الأسماء والملاحظات، وملفات الأدلة نفسها. لا تُرسَل أبدًا بيانات الاتصال بالشخص ولا ملاحظات سلامته.',
  'share.preset.files.yes': 'تُرسَل ملفات الأدلة.',
  'share.preset.files.no': 'لا تُرسَل ملفات الأدلة.',
  'share.preset.lets': 'كل ما يسمح بمروره',
  'share.preset.save': 'استخدام هذا الملف لـ {partner}',
  'share.preset.saveHint': 'يصبح ملف المشاركة الخاص بالشريك، وللمشاركات اللاحقة أيضًا. اضبطه حقلًا حقلًا في صفحة الشريك.',
  'share.preset.saved': 'تم الحفظ: يمكن لـ {partner} الآن تلقي «{preset}».',
  'share.plan.chooseProfile': 'اختيار ما يمكن أن يتلقاه {partner}',
  'share.plan.leaveFilesOut':
    '{count, plural, one {استبعاد ملف الدليل والتحقق مرة أخرى} other {استبعاد ملفات الأدلة (#) والتحقق مرة أخرى}}',
  'share.plan.totalsBlocked': 'لا حجم بعد: لا يمكن كتابة الحزمة ما دام شيء مما سبق يمنعها.',
  'share.plan.files':
    '{count, plural, zero {لا يوجد ملف أدلة} one {ملف أدلة واحد} two {ملفا أدلة} few {# ملفات أدلة} many {# ملف أدلة} other {# ملف أدلة}}',
  'share.plan.total': 'الحجم الإجمالي: {size}',
  'share.plan.blockers': 'لا يمكن إنشاء هذه الحزمة',
  'share.plan.consents':
    '{count, plural, zero {لا توجد موافقة يُستند إليها} one {موافقة واحدة يُستند إليها} two {موافقتان يُستند إليهما} few {# موافقات يُستند إليها} many {# موافقة يُستند إليها} other {# موافقة يُستند إليها}}',
  'share.gate.title': 'سياسة الشركاء',
  'share.gate.cleared': 'تسمح سياسة الشركاء في منظمتكم بالمشاركة مع {partner}.',
  'share.gate.policyOff': 'سياسة الشركاء معطّلة كليًا أو جزئيًا في هذه الخزنة (الإعدادات ← سياسة الشركاء).',
  'share.gate.blocked': 'لا تسمح سياسة الشركاء في منظمتكم بالمشاركة مع {partner} بعد:',
  'share.gate.reason.due-diligence-pending':
    'العناية الواجبة الخاصة به ما زالت قيد الانتظار. أكملها وسجّل النتيجة بأنها موافَق عليها.',
  'share.gate.reason.due-diligence-conditions':
    'وُوفق على العناية الواجبة الخاصة به بشروط. يجب استيفاء الشروط أولًا، ثم تسجيل النتيجة بأنها موافَق عليها.',
  'share.gate.reason.due-diligence-rejected':
    'رُفضت العناية الواجبة الخاصة به: لا يجوز مشاركة أي شيء معه ما لم توافق عليه عناية واجبة جديدة.',
  'share.gate.reason.due-diligence-review-overdue':
    'كانت مراجعة العناية الواجبة الخاصة به مستحقة في {day} وقد تأخرت. راجعها ثم حدّد موعد المراجعة التالية.',
  'share.gate.reason.agreement-missing': 'لا يوجد اتفاق سرية أو اتفاق لتبادل البيانات معه. سجّل اتفاقًا موقّعًا.',
  'share.gate.reason.agreement-not-signed': 'اتفاق السرية أو تبادل البيانات معه لم يُوقَّع بعد. سجّل تاريخ التوقيع.',
  'share.gate.reason.agreement-expired': 'انتهى اتفاق السرية أو تبادل البيانات معه في {day}. مدّده أو سجّل اتفاقًا جديدًا.',
  'share.gate.where.dueDiligence': '(الشركاء ← {partner} ← تعديل الشريك ← العناية الواجبة)',
  'share.gate.where.agreement': '(الشركاء ← {partner} ← الاتفاقيات)',
  'share.gate.policyWhere': 'هذه القواعد هي سياسة الشركاء في منظمتكم، وتُضبط من الإعدادات ← سياسة الشركاء.',
  'share.gate.profileEmptyTitle': 'ملف المشاركة الخاص به فارغ',
  'share.gate.profileEmpty':
    'لا يمكن أن يتلقى {partner} أي شيء بعد، فستكون الحزمة فارغة. حدّد ما يمكنه تلقيه في صفحة الشريك، تحت «ملف المشاركة».',
  'share.gate.open': 'افتح صفحة الشريك',
  'share.gate.openHint':
    'تُحفَظ اختياراتك هنا: بعد التصحيح هناك، عُد إلى المشاركة؛ أو صحّحه في نافذة أخرى واختر «تحقّق مرة أخرى».',
  'share.gate.recheck': 'تحقّق مرة أخرى',
  'share.plan.empty.title': 'لن تحتوي هذه الحزمة على أي شيء',
  'share.plan.empty.profile':
    'ملف المشاركة الخاص بـ {partner} فارغ، كما هو الحال مع كل شريك جديد: لا يسمح بمرور أي شيء من القضايا المختارة. حدّد ما يمكنه تلقيه في صفحة الشريك (الشركاء ← {partner} ← ملف المشاركة).',
  'share.plan.empty.other':
    'لا يمكن إرسال أي شيء من القضايا المختارة إلى {partner}، للأسباب المذكورة تحت «ما يبقى هنا». إذا كان ينبغي أن يتلقى المزيد، فوسّع ملف المشاركة الخاص به (الشركاء ← {partner} ← ملف المشاركة)، أو اختر قضايا أخرى.',
  'share.plan.fixHint':
    'تُحفَظ اختياراتك: صحّح في صفحة الشريك، ثم عُد إلى المشاركة وتحقّق مرة أخرى — أو صحّحه في نافذة أخرى، وعُد إلى الخطوة 2 واختر «تحقّق مرة أخرى».',
  'share.plan.receivedCase':
    'القضية {reference} وردت من شريك: سجلها والأشخاص فيها والموافقات تبقى هنا. لا يُرسل إلا الملاحظات والمواعيد والنتائج والأدلة المضافة في هذه الخزنة، ويتلقاها منشئ القضية كإضافات مقترحة.',
  'share.plan.withheld': 'ما يبقى هنا، ولماذا',
  'share.plan.withheld.received':
    '{kind}: {count, plural, zero {لا سجلات واردة} one {سجل واحد وارد} two {سجلان واردان} few {# سجلات واردة} many {# سجلًا واردًا} other {# سجل وارد}} من الشركاء — لا يُعاد إرسال السجلات الواردة أبدًا',
  'share.plan.withheld.received-case':
    '{kind}: {count, plural, zero {لا سجلات} one {سجل واحد} two {سجلان} few {# سجلات} many {# سجلًا} other {# سجل}} من هذه الخزنة في قضية أرسلها شريك — لا يعود إلا الملاحظات والمواعيد والنتائج والأدلة',
  'share.plan.withheld.not-in-profile':
    '{kind}: {count, plural, zero {لا سجلات} one {سجل واحد} two {سجلان} few {# سجلات} many {# سجلًا} other {# سجل}} — ملف المشاركة الخاص بالشريك لا يسمح بمرورها',
  'share.save.title': 'حفظ الحزمة',
  'share.save.hint':
    'اختر مكان الحفظ، وعادةً ما يكون وحدة تخزين قابلة للإزالة تسلّمها. الملف مشفَّر: لا يفتحه إلا مفاتيح الشريك المُتحقَّق منها وهذه الخزنة.',
  'share.save.button': 'حفظ الحزمة…',
  'share.save.progress': 'جارٍ تشفير الحزمة',
  'share.done.title': 'حُفظت الحزمة',
  'share.done.file': 'الملف',
  'share.done.id': 'معرّف الحزمة',
  'share.done.entries': 'المدخلات',
  'share.done.size': 'الحجم',
  'share.done.next': 'عندما يستوردها الشريك يسلّمك إيصالًا: استورده في صندوق التبادل لتُعلَّم الحزمة بأنها سُلِّمت.',
  'share.done.again': 'مشاركة شيء آخر',
  'share.done.inbox': 'فتح صندوق التبادل',
};
