/** Arabic. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const ar: Translation<typeof en> = {
  'notes.title': 'الملاحظات',
  'notes.new': 'ملاحظة جديدة',
  'notes.listHeading': 'الملاحظات، الأحدث أولًا',
  'notes.count':
    '{count, plural, =0 {لا توجد ملاحظات} zero {لا توجد ملاحظات} one {ملاحظة واحدة} two {ملاحظتان} few {# ملاحظات} many {# ملاحظة} other {# ملاحظة}}',
  'notes.none': 'لا توجد ملاحظات على هذه القضية بعد.',
  'notes.form.body': 'الملاحظة',
  'notes.form.author': 'كتبها',
  'notes.form.authorHint': 'اختياري، مثلًا الأحرف الأولى من اسمك.',
  'notes.form.add': 'إضافة الملاحظة',
  'notes.saved': 'أُضيفت الملاحظة.',
  'notes.by': 'بقلم {author}',
  'notes.addedOn': 'أُضيفت في {when}',
  'notes.edited': '(عُدّلت في {when})',
  'notes.editNote': 'تعديل ملاحظة {when}',
};
