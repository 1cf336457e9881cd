/** Arabic. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const ar: Translation<typeof en> = {
  'home.nav': 'الرئيسية',
  'home.title': 'ما يحتاج إلى اهتمام',
  'home.today': 'اليوم هو {date}.',
  'home.deadlines': 'المواعيد النهائية',
  'home.deadlines.summary':
    '{overdue, plural, =0 {لا شيء متأخر} other {المتأخرة: #}}، {upcoming, plural, =0 {لا شيء مستحق} other {المستحقة: #}} خلال الأيام الـ{days} القادمة',
  'home.deadlines.none': 'لا توجد مواعيد متأخرة ولا مستحقة خلال الأيام الـ{days} القادمة.',
  'home.consents': 'موافقات تحتاج إلى تجديد',
  'home.consents.summary': '{count, plural, other {# موافقات}} تنتهي خلال {days} يومًا أو انتهت دون تجديد',
  'home.consents.none': 'لا تنتهي أي موافقة مسجلة هنا خلال الأيام الـ{days} القادمة.',
  'home.consents.expired': 'انتهت في {date}',
  'home.consents.expires': 'تنتهي في {date}',
  'home.reviews': 'مراجعات مستحقة',
  'home.reviews.none': 'لا توجد مراجعة مخاطر أو عناية واجبة مستحقة خلال الأيام الـ{days} القادمة.',
  'home.reviews.risk': 'مراجعة خطر',
  'home.reviews.dueDiligence': 'مراجعة العناية الواجبة',
  'home.reviews.overdue': 'متأخرة منذ {date}',
  'home.reviews.due': 'مستحقة في {date}',
  'home.shown': 'يُعرض أول {shown} من {total}.',
  'home.inbox': 'التبادل والاستفسارات',
  'home.inbox.none': 'لا شيء ينتظر في صندوق التبادل ولا يوجد استفسار مفتوح.',
  'home.inbox.enquiries': '{count, plural, other {استفسارات تنتظر قرارًا: #}}',
  'home.inbox.quarantined': '{count, plural, other {حزم محجوزة في الحجر: #}}',
  'home.inbox.conflicts': '{count, plural, other {تعارضات استيراد يجب حسمها: #}}',
  'home.inbox.proposals': '{count, plural, other {إضافات مقترحة تنتظر قرارًا: #}}',
  'home.inbox.recalls': '{count, plural, other {إشعارات سحب وردت خلال آخر 30 يومًا: #}}',
  'home.open': 'فتح',
  'nav.group.casework': 'العمل على القضايا',
  'nav.group.exchange': 'التبادل',
  'nav.group.organisation': 'المنظمة',
  'nav.badge.overdue': '{count, plural, other {مواعيد متأخرة: #}}',
  'nav.badge.enquiries': '{count, plural, other {استفسارات مفتوحة: #}}',
  'nav.badge.inbox': '{count} تحتاج إلى إجراء',
};
