/** Arabic. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const ar: Translation<typeof en> = {
  'search.title': 'البحث',
  'search.form': 'البحث في الخزنة',
  'search.field': 'الكلمات المطلوبة',
  'search.hint':
    'يبحث في الملاحظات والقضايا ووسومها وأوصاف الأدلة ومصادرها وأسماء الأشخاص وأسمائهم الأخرى وأسمائهم المستعارة. يجب أن ترد كل الكلمات؛ ضع "عبارة كاملة" بين علامتي تنصيص مزدوجتين. يعيدك Ctrl+K إلى هنا من أي شاشة.',
  'search.submit': 'ابحث',
  'search.prompt': 'اكتب بضع كلمات للبحث في كل الملاحظات والقضايا وأوصاف الأدلة والأشخاص في الخزنة.',
  'search.needsLetters': 'اكتب حرفًا أو رقمًا واحدًا على الأقل.',
  'search.searching': 'جارٍ البحث…',
  'search.summary':
    '{count, plural, =0 {لا توجد نتائج} zero {لا توجد نتائج} one {نتيجة واحدة} two {نتيجتان} few {# نتائج} many {# نتيجة} other {# نتيجة}}',
  'search.summaryMany': 'نتائج كثيرة. أضف كلمة أو عبارة لتضييقها.',
  'search.none': 'لا شيء في الخزنة يطابق هذه الكلمات.',
  'search.results': 'النتائج',
  'search.group.note': 'الملاحظات',
  'search.group.case': 'القضايا',
  'search.group.evidence': 'الأدلة',
  'search.group.person': 'الأشخاص',
  'search.group.count':
    '{count, plural, =0 {لا شيء} zero {لا شيء} one {نتيجة واحدة} two {نتيجتان} few {# نتائج} many {# نتيجة} other {# نتيجة}}',
  'search.group.many': 'نتائج كثيرة',
  'search.group.none': 'لا تطابق هنا.',
  'search.more.note': 'مزيد من الملاحظات',
  'search.more.case': 'مزيد من القضايا',
  'search.more.evidence': 'مزيد من الأدلة',
  'search.more.person': 'مزيد من الأشخاص',
  'search.hit.note': 'ملاحظة في القضية {reference}',
  'search.hit.inCase': 'في القضية {reference}: {title}',
  'search.hit.personCase': 'في القضية {reference}: {title} — يفتح تبويب الأشخاص',
  'search.hit.personNoCase': 'ليس في أي قضية بعد',
};
