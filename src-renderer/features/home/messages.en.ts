/** English: the source catalogue; the other languages must have exactly these keys. */
export const en = {
  'home.nav': 'Home',
  'home.title': 'What needs attention',
  'home.today': 'Today is {date}.',
  'home.deadlines': 'Deadlines',
  'home.deadlines.summary':
    '{overdue, plural, =0 {None overdue} one {# overdue} other {# overdue}}, {upcoming, plural, =0 {none due} one {# due} other {# due}} in the next {days} days',
  'home.deadlines.none': 'Nothing overdue and nothing due in the next {days} days.',
  'home.consents': 'Consents to renew',
  'home.consents.summary':
    '{count, plural, one {# consent expires} other {# consents expire}} within {days} days or has expired without renewal',
  'home.consents.none': 'No consent recorded here expires in the next {days} days.',
  'home.consents.expired': 'expired {date}',
  'home.consents.expires': 'expires {date}',
  'home.reviews': 'Reviews due',
  'home.reviews.none': 'No risk or due-diligence review is due in the next {days} days.',
  'home.reviews.risk': 'Risk review',
  'home.reviews.dueDiligence': 'Due-diligence review',
  'home.reviews.overdue': 'overdue since {date}',
  'home.reviews.due': 'due {date}',
  'home.shown': 'Showing the first {shown} of {total}.',
  'home.inbox': 'Exchange and enquiries',
  'home.inbox.none': 'Nothing waits in the exchange inbox and no enquiry is open.',
  'home.inbox.enquiries':
    '{count, plural, one {# enquiry waits for a decision} other {# enquiries wait for a decision}}',
  'home.inbox.quarantined': '{count, plural, one {# bundle held in quarantine} other {# bundles held in quarantine}}',
  'home.inbox.conflicts': '{count, plural, one {# import conflict to settle} other {# import conflicts to settle}}',
  'home.inbox.proposals': '{count, plural, one {# proposed addition to decide} other {# proposed additions to decide}}',
  'home.inbox.recalls':
    '{count, plural, one {# recall notice received in the last 30 days} other {# recall notices received in the last 30 days}}',
  'home.open': 'Open',
  'nav.group.casework': 'Casework',
  'nav.group.exchange': 'Exchange',
  'nav.group.organisation': 'Organisation',
  'nav.badge.overdue': '{count, plural, one {# overdue deadline} other {# overdue deadlines}}',
  'nav.badge.enquiries': '{count, plural, one {# open enquiry} other {# open enquiries}}',
  'nav.badge.inbox': '{count} need action',
};
