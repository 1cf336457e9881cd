/** English: the source catalogue; the other languages must have exactly these keys. */
export const en = {
  'nav.share': 'Share',
  'share.title': 'Share with a partner',
  'share.fromCase': 'Share with a partner…',
  'share.steps': 'Steps',
  'share.step.cases': 'Cases and files',
  'share.step.partner': 'Partner and purpose',
  'share.step.check': 'Consent check',
  'share.step.save': 'Save',
  'share.stepOf': 'Step {n} of 4: {name}',
  'share.next': 'Next',
  'share.cases.title': 'Cases to share',
  'share.cases.search': 'Find a case',
  'share.cases.searchHint': 'By reference or title.',
  'share.cases.label': 'Cases',
  'share.cases.chosen': '{count, plural, =0 {No case chosen} one {# case chosen} other {# cases chosen}}',
  'share.cases.none': 'Choose at least one case.',
  'share.cases.noMatch': 'No case matches.',
  'share.files.title': 'Evidence files to include',
  'share.files.hint':
    'The description of every evidence item goes in when the partner’s sharing profile allows it; the files themselves only when you tick them here.',
  'share.files.none': 'The chosen cases have no evidence file.',
  'share.files.chosen': '{count, plural, =0 {No file chosen} one {# file chosen} other {# files chosen}} ({size})',
  'share.partner.title': 'Partner',
  'share.partner.legend': 'Who receives the bundle',
  'share.partner.none': 'No partner yet. Add one, import its contact card and verify its key.',
  'share.partner.why.none': 'Cannot be chosen: no key. Import the partner’s contact card first.',
  'share.partner.why.unverified': 'Cannot be chosen: its key is not verified yet.',
  'share.partner.why.changed': 'Cannot be chosen: its key changed and the new key is not verified.',
  'share.partner.ok': 'Key verified.',
  'share.partner.missing': 'Choose a partner whose key is verified.',
  'share.purpose': 'Purpose',
  'share.purposeHint':
    'Shown to the partner and recorded in the bundle, for example “joint submission to the Special Rapporteur”.',
  'share.purposeMissing': 'Say what the bundle is for.',
  'share.expiry': 'Days the partner has to import it',
  'share.expiryHint': 'After this the bundle can no longer be imported. From 1 to 365 days.',
  'share.expiryInvalid': 'Write a whole number of days from 1 to 365.',
  'share.missing.legend': 'When someone has not consented to this sharing',
  'share.missing.refuse': 'Stop: do not make the bundle',
  'share.missing.leave-out': 'Leave them out, with everything that names them',
  'share.check.button': 'Check consent',
  'share.plan.to': 'To {partner}',
  'share.plan.keys':
    '{count, plural, one {Encrypted to # verified key of the partner, and to ours.} other {Encrypted to # verified keys of the partner, and to ours.}}',
  'share.plan.included': 'What goes in',
  'share.plan.includedLabel': 'Records in the bundle, by kind',
  'share.plan.col.kind': 'Kind',
  'share.plan.col.count': 'Number',
  'share.plan.nothing': 'Nothing would go in: the partner’s sharing profile allows none of these records.',
  'share.plan.leftOut': 'Who is left out, and why',
  'share.plan.leftOutLabel': 'People without consent for this sharing',
  'share.plan.leftOutNone': 'Nobody is left out: everyone in these cases has consented to this sharing.',
  'share.plan.col.person': 'Person',
  'share.plan.col.case': 'Case',
  'share.plan.col.reason': 'Why',
  'share.plan.leaveOutNow': 'Leave them out and check again',
  'share.plan.refuseBlocked':
    'You chose to stop when someone has not consented: the bundle cannot be made. Go back and choose to leave them out, or record the missing consents first.',
  'share.plan.leaveOutNote':
    'These people, their roles in the cases and the consents that name them stay out of the bundle.',
  'share.plan.profile': 'What the partner’s sharing profile removes',
  'share.plan.profileNone': 'The profile removes nothing from these records.',
  'share.plan.profile.kindOut': '{kind}: not shared at all',
  'share.plan.profile.fieldsOut': '{kind}: without {fields}',
  'share.plan.filesOut': 'Evidence files are not sent: the partner’s sharing profile does not allow them.',
  'share.preset.title': 'What {partner} may receive',
  'share.preset.now.none': 'Now: nothing — a bundle for them would be empty. Choose a ready profile below.',
  'share.preset.now.preset': 'Now: “{preset}”.',
  'share.preset.now.custom': 'Now: a profile adjusted by hand on the partner’s page.',
  'share.preset.legend': 'Ready profiles',
  'share.preset.name.case-facts': 'Case facts only',
  'share.preset.name.pseudonymised': 'Cases and people, pseudonymised',
  'share.preset.name.full-with-files': 'Everything, with evidence files',
  'share.preset.desc.case-facts':
    'No person and no free text: each case’s reference, status, forum, country, stage and dates, its deadlines and outcomes.',
  'share.preset.desc.pseudonymised':
    'Also the people by pseudonym, gender, year of birth, country and role, their consents, and what each evidence item is — no name, no file.',
  'share.preset.desc.full-with-files':
    'Every field, names and notes included, and the evidence files themselves. A person’s contact details and safety notes never go.',
  'share.preset.files.yes': 'Evidence files are sent.',
  'share.preset.files.no': 'Evidence files are not sent.',
  'share.preset.lets': 'Everything it lets through',
  'share.preset.save': 'Use this profile for {partner}',
  'share.preset.saveHint':
    'It becomes the partner’s sharing profile, for later shares too. Fine-tune it field by field on the partner’s page.',
  'share.preset.saved': 'Saved: {partner} may now receive “{preset}”.',
  'share.plan.chooseProfile': 'Choose what {partner} may receive',
  'share.plan.leaveFilesOut':
    '{count, plural, one {Leave the evidence file out and check again} other {Leave the # evidence files out and check again}}',
  'share.plan.totalsBlocked': 'No size yet: the bundle cannot be written while something above stops it.',
  'share.plan.files': '{count, plural, =0 {No evidence file} one {# evidence file} other {# evidence files}}',
  'share.plan.total': 'Total size: {size}',
  'share.plan.blockers': 'This bundle cannot be made',
  'share.plan.consents':
    '{count, plural, =0 {No consent relied on} one {# consent relied on} other {# consents relied on}}',
  'share.gate.title': 'Partner policy',
  'share.gate.cleared': 'Your organisation’s partner policy allows sharing with {partner}.',
  'share.gate.policyOff': 'Part or all of the partner policy is turned off in this vault (Settings → Partner policy).',
  'share.gate.blocked': 'Your organisation’s partner policy does not allow sharing with {partner} yet:',
  'share.gate.reason.due-diligence-pending':
    'Their due diligence is still pending. Complete it and record the outcome as approved.',
  'share.gate.reason.due-diligence-conditions':
    'Their due diligence was approved with conditions. The conditions must be cleared first; then record the outcome as approved.',
  'share.gate.reason.due-diligence-rejected':
    'Their due diligence was rejected: nothing may be shared with them unless a new due diligence approves them.',
  'share.gate.reason.due-diligence-review-overdue':
    'The review of their due diligence was due on {day} and is overdue. Review it, then set the next review date.',
  'share.gate.reason.agreement-missing':
    'There is no confidentiality or data-sharing agreement with them. Record a signed one.',
  'share.gate.reason.agreement-not-signed':
    'Their confidentiality or data-sharing agreement is not signed yet. Record the day it was signed.',
  'share.gate.reason.agreement-expired':
    'Their confidentiality or data-sharing agreement expired on {day}. Extend it or record a new one.',
  'share.gate.where.dueDiligence': '(Partners → {partner} → Edit the partner → Due diligence)',
  'share.gate.where.agreement': '(Partners → {partner} → Agreements)',
  'share.gate.policyWhere': 'These rules are your organisation’s partner policy, set under Settings → Partner policy.',
  'share.gate.profileEmptyTitle': 'Their sharing profile is empty',
  'share.gate.profileEmpty':
    '{partner} may receive nothing yet, so nothing would go into the bundle. Set what they may receive on the partner’s page, under “Sharing profile”.',
  'share.gate.open': 'Open the partner’s page',
  'share.gate.openHint':
    'Your choices here are kept: after fixing it there, come back to Share; or fix it in another window and choose “Check again”.',
  'share.gate.recheck': 'Check again',
  'share.plan.empty.title': 'Nothing would go into this bundle',
  'share.plan.empty.profile':
    'The sharing profile of {partner} is empty, as it is for every new partner: it lets nothing of the chosen cases through. Set what they may receive on the partner’s page (Partners → {partner} → Sharing profile).',
  'share.plan.empty.other':
    'Nothing of the chosen cases can go to {partner}, for the reasons listed under “What stays out”. If they should receive more, widen their sharing profile (Partners → {partner} → Sharing profile), or choose other cases.',
  'share.plan.fixHint':
    'Your choices are kept: fix it on the partner’s page, come back to Share and check again — or fix it in another window, go back to step 2 and choose “Check again”.',
  'share.plan.receivedCase':
    'The case {reference} came from a partner: its record, people and consents stay here. Only the notes, deadlines, outcomes and evidence added in this vault go, and the case’s originator receives them as proposed additions.',
  'share.plan.withheld': 'What stays out, and why',
  'share.plan.withheld.received':
    '{kind}: {count, plural, one {# record received} other {# records received}} from partners — received records are never passed on',
  'share.plan.withheld.received-case':
    '{kind}: {count, plural, one {# record} other {# records}} of this vault in a case a partner sent you — only notes, deadlines, outcomes and evidence go back',
  'share.plan.withheld.not-in-profile':
    '{kind}: {count, plural, one {# record} other {# records}} — the partner’s sharing profile does not let them through',
  'share.save.title': 'Save the bundle',
  'share.save.hint':
    'Choose where to save it — usually a removable drive you hand over. The file is encrypted: only the partner’s verified keys and this vault can open it.',
  'share.save.button': 'Save the bundle…',
  'share.save.progress': 'Encrypting the bundle',
  'share.done.title': 'The bundle is saved',
  'share.done.file': 'File',
  'share.done.id': 'Bundle id',
  'share.done.entries': 'Entries',
  'share.done.size': 'Size',
  'share.done.next':
    'When the partner imports it, they give you a receipt: import it in the exchange inbox to mark the bundle delivered.',
  'share.done.again': 'Share something else',
  'share.done.inbox': 'Open the exchange inbox',
};
