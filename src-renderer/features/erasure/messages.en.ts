/** English: the source catalogue; the other languages must have exactly these keys. */
export const en = {
  'erasure.person.action': 'Erase this person',
  'erasure.person.title': 'Erase this person for good',
  'erasure.person.intro':
    'Everything recorded about {name} is erased: names, aliases, contact, safety notes, date of birth, vulnerabilities, notes, every role in a case and every consent. Where an enquiry gave their name, it becomes “[erased]”. What stays is a record with no name: that a person was erased, when, and which consents existed and in which state.',
  'erasure.evidence.action': 'Erase',
  'erasure.evidence.title': 'Erase this item for good',
  'erasure.evidence.intro':
    'The item “{name}” and every working copy made from it are erased: their descriptions and their files, whose keys are destroyed. The custody log is closed with the reason you give and the file’s fingerprint (SHA-256).',
  'erasure.case.action': 'Purge this case',
  'erasure.case.title': 'Purge this case for good',
  'erasure.case.intro':
    'Case {name} is purged with everything in it: notes, deadlines, outcomes, evidence and files, consents, roles and the enquiry it came from. People who are in this case only are erased with it; people also in another case keep their record.',
  'erasure.irreversible': 'This cannot be undone. Backups made before keep the data until you delete them.',
  'erasure.reason': 'Reason',
  'erasure.reason.hint': 'Why it is erased. Only a fingerprint of it is kept. Name no one.',
  'erasure.reason.hintEvidence': 'Why it is erased. It is kept in the custody log. Name no one.',
  'erasure.confirm': 'I understand that this cannot be undone',
  'erasure.withoutRecall': 'Erase anyway: I will ask these partners to delete their copy another way',
  'erasure.submit.person': 'Erase the person',
  'erasure.submit.evidence': 'Erase the item',
  'erasure.submit.case': 'Purge the case',
  'erasure.done.person': 'The person was erased.',
  'erasure.done.evidence':
    '{count, plural, =0 {The item was erased.} one {The item and its copy were erased.} other {The item and its # copies were erased.}}',
  'erasure.done.case': 'The case was purged.',
  'erasure.partners.title': 'Partners who received these records',
  'erasure.partners.hint': 'They keep their copy until they delete it. Ask them to.',
  'erasure.partners.recallSent': 'a recall notice was sent',
  'erasure.partners.noRecall': 'no recall notice was sent',
  'erasure.finish': 'Done',
  'error.ERASURE_RECALL_PENDING':
    'Partners received this person’s records and were sent no recall notice. Withdraw the consent and send recall notices first (they cannot be written once the consents are erased), or erase anyway and tell them another way.',
  // the audit log's labels of the erasure's entries (features/audit shows them when present)
  'audit.action.evidence.erased': 'Evidence erased',
  'audit.action.person.erased': 'Person erased',
  'audit.action.case.purged': 'Case purged',
  'audit.action.policy.retention-changed': 'Retention period changed',
  'retention.title': 'Retention',
  'retention.intro':
    'How many years after a case is closed it comes up for review. Nothing is deleted by itself: review each case and purge it, or keep it.',
  'retention.years': 'Years after closure',
  'retention.yearsHint': 'From 1 to 100. Leave empty for no retention period.',
  'retention.save': 'Save the retention period',
  'retention.saved': 'Retention period saved.',
  'retention.notSet': 'No retention period is set.',
  'retention.review.title': '{years, plural, one {Closed more than a year ago} other {Closed more than # years ago}}',
  'retention.review.none': 'No closed case is past the retention period.',
  'retention.review.label': 'Closed cases past the retention period',
  'retention.review.col.case': 'Case',
  'retention.review.col.closed': 'Closed',
  'retention.review.closedOn': '{date} ({years, plural, one {# year ago} other {# years ago}})',
};
