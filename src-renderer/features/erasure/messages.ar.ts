/** Arabic. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const ar: Translation<typeof en> = {
  'erasure.person.action': 'محو هذا الشخص',
  'erasure.person.title': 'محو هذا الشخص نهائيًا',
  'erasure.person.intro':
    'يُمحى كل ما سُجّل عن {name}: الأسماء والأسماء الأخرى ووسيلة الاتصال وملاحظات السلامة وتاريخ الميلاد ونقاط الضعف والملاحظات وكل دور في قضية وكل موافقة. وحيث ذكر استفسارٌ اسمه يصبح «[erased]». يبقى سجل بلا اسم: أن شخصًا قد مُحي، ومتى، وأي موافقات كانت موجودة وعلى أي حال.',
  'erasure.evidence.action': 'محو',
  'erasure.evidence.title': 'محو هذا الدليل نهائيًا',
  'erasure.evidence.intro':
    'يُمحى الدليل «{name}» وكل نسخة عمل صُنعت منه: أوصافها وملفاتها، وتُتلف مفاتيحها. ويُغلق سجل الحيازة بالسبب الذي تذكره وببصمة الملف (SHA-256).',
  'erasure.case.action': 'حذف هذه القضية',
  'erasure.case.title': 'حذف هذه القضية نهائيًا',
  'erasure.case.intro':
    'تُحذف القضية {name} بكل ما فيها: الملاحظات والمواعيد والنتائج والأدلة وملفاتها والموافقات والأدوار والاستفسار الذي نشأت عنه. الأشخاص الموجودون في هذه القضية وحدها يُمحون معها؛ ومن هم في قضية أخرى أيضًا يحتفظون بسجلهم.',
  'erasure.irreversible': 'لا يمكن التراجع عن ذلك. النسخ الاحتياطية السابقة تحتفظ بالبيانات حتى تحذفها.',
  'erasure.reason': 'السبب',
  'erasure.reason.hint': 'لماذا يُمحى. لا تُحفظ منه إلا بصمة. لا تذكر اسم أحد.',
  'erasure.reason.hintEvidence': 'لماذا يُمحى. يُحفظ في سجل الحيازة. لا تذكر اسم أحد.',
  'erasure.confirm': 'أفهم أنه لا يمكن التراجع عن ذلك',
  'erasure.withoutRecall': 'المحو على أي حال: سأطلب من هؤلاء الشركاء حذف نسختهم بطريقة أخرى',
  'erasure.submit.person': 'محو الشخص',
  'erasure.submit.evidence': 'محو الدليل',
  'erasure.submit.case': 'حذف القضية',
  'erasure.done.person': 'مُحي الشخص.',
  'erasure.done.evidence':
    '{count, plural, zero {مُحي الدليل.} one {مُحي الدليل ونسخته.} two {مُحي الدليل ونسختاه.} few {مُحي الدليل ونسخه الـ#.} many {مُحي الدليل ونسخه الـ#.} other {مُحي الدليل ونسخه الـ#.}}',
  'erasure.done.case': 'حُذفت القضية.',
  'erasure.partners.title': 'الشركاء الذين تلقّوا هذه البيانات',
  'erasure.partners.hint': 'يحتفظون بنسختهم حتى يحذفوها. اطلب منهم ذلك.',
  'erasure.partners.recallSent': 'أُرسل إشعار استرجاع',
  'erasure.partners.noRecall': 'لم يُرسل إشعار استرجاع',
  'erasure.finish': 'تم',
  'error.ERASURE_RECALL_PENDING':
    'تلقّى شركاء بيانات هذا الشخص ولم يُرسل إليهم إشعار استرجاع. اسحب الموافقة وأرسل إشعارات الاسترجاع أولًا (لا يمكن كتابتها بعد محو الموافقات)، أو امحُ على أي حال وأبلغهم بطريقة أخرى.',
  'audit.action.evidence.erased': 'محو دليل',
  'audit.action.person.erased': 'محو شخص',
  'audit.action.case.purged': 'حذف قضية',
  'audit.action.policy.retention-changed': 'تغيير مدة الاحتفاظ',
  'retention.title': 'الاحتفاظ',
  'retention.intro':
    'كم سنة بعد إغلاق القضية تُعرض للمراجعة. لا يُحذف شيء من تلقاء نفسه: راجع كل قضية واحذفها أو احتفظ بها.',
  'retention.years': 'السنوات بعد الإغلاق',
  'retention.yearsHint': 'من 1 إلى 100. اتركه فارغًا إن لم تكن هناك مدة احتفاظ.',
  'retention.save': 'حفظ مدة الاحتفاظ',
  'retention.saved': 'حُفظت مدة الاحتفاظ.',
  'retention.notSet': 'لم تُحدَّد مدة احتفاظ.',
  'retention.review.title':
    '{years, plural, zero {أُغلقت منذ أقل من سنة} one {أُغلقت منذ أكثر من سنة} two {أُغلقت منذ أكثر من سنتين} few {أُغلقت منذ أكثر من # سنوات} many {أُغلقت منذ أكثر من # سنة} other {أُغلقت منذ أكثر من # سنة}}',
  'retention.review.none': 'لا توجد قضية مغلقة تجاوزت مدة الاحتفاظ.',
  'retention.review.label': 'القضايا المغلقة التي تجاوزت مدة الاحتفاظ',
  'retention.review.col.case': 'القضية',
  'retention.review.col.closed': 'أُغلقت',
  'retention.review.closedOn':
    '{date} (منذ {years, plural, zero {أقل من سنة} one {سنة} two {سنتين} few {# سنوات} many {# سنة} other {# سنة}})',
};
