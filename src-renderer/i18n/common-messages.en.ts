/** English: the source catalogue; the other languages must have exactly these keys. */
export const en = {
  'app.name': 'Case Vault',
  'app.skipToContent': 'Skip to content',
  'nav.label': 'Main',
  'nav.cases': 'Cases',
  'nav.enquiries': 'Enquiries',
  'nav.search': 'Search',
  'nav.partners': 'Partners',
  'nav.risks': 'Risks',
  'nav.audit': 'Audit log',
  'nav.settings': 'Settings',
  'lock.button': 'Lock',
  'lock.hint': 'Lock the vault now (Ctrl+L)',
  'panic.button': 'Panic',
  'panic.hint': 'Lock at once and clear the window, without asking (Ctrl+Shift+L, from anywhere in the app)',
  'locked.idle': 'The vault locked itself after a period of inactivity.',
  'locked.suspend': 'The vault locked because the computer went to sleep.',
  'locked.screen-lock': 'The vault locked because the screen was locked.',
  'locked.user': 'The vault is locked.',
  'locked.shutdown': 'The vault locked because the vault engine stopped.',
  'locked.panic': 'The vault is locked.',
  'action.save': 'Save',
  'action.cancel': 'Cancel',
  'action.close': 'Close',
  'action.add': 'Add',
  'action.edit': 'Edit',
  'action.back': 'Back',
  'action.retry': 'Try again',
  'action.loadMore': 'Load more',
  'state.loading': 'Loading…',
  'state.empty': 'Nothing here yet.',
  'state.none': '—',
  'progress.label': 'Progress',
  'progress.percent': '{percent}% done',
  'form.requiredMark': 'required',
  'form.error.required': 'Fill in this field.',
  'form.error.tooLong': 'This is too long: at most {max} characters.',
  'form.error.invalid': 'This is not valid. Check what was entered here.',
  'form.error.number': 'Enter an amount such as {example}.',
  'form.errorsBelow': 'Some fields need attention: see the messages under them.',
  'form.notSet': 'Not set',
  'form.dayChosen': 'Chosen date: {day}',
  'error.title': 'That did not work',
  'error.details': 'Technical details',
  'error.generic': 'Something went wrong. Nothing was changed.',
  'error.VAULT_LOCKED': 'The vault is locked. Unlock it to continue.',
  'error.BAD_PASSPHRASE': 'That passphrase or recovery key does not unlock this vault.',
  'error.VAULT_KEYS_DESTROYED':
    'The keys of this vault were destroyed: no passphrase or recovery key can open it any more. Restore the vault from a backup.',
  'error.WEAK_PASSPHRASE': 'The passphrase is too short: use at least 12 characters.',
  'error.PASSPHRASE_NOT_UTF8':
    'The passphrase contains characters that are not text. Use ordinary letters, digits and signs.',
  'error.RECOVERY_KEY_MALFORMED': 'That does not look like a recovery key. Check each group of characters.',
  'error.VAULT_BUSY': 'The vault is open in another program (perhaps the command-line tool). Close it there first.',
  'error.INVALID_INPUT': 'Some of what was entered is not valid.',
  'error.NOT_FOUND': 'That record no longer exists.',
  'error.CONFLICT': 'Someone else changed this record meanwhile. Reload it and make your change again.',
  'error.CONSENT_DENIED': 'The consent on record does not allow this.',
  'error.INVALID_TRANSITION': 'That change of status is not allowed from the current status.',
  'error.DUPLICATE': 'This already exists.',
  'error.FILE_HANDLE_INVALID': 'That file choice has expired. Choose the file again.',
  'error.EVIDENCE_UNREADABLE': 'That file cannot be read or shown.',
  'error.FORBIDDEN': 'This window is not allowed to use the vault.',
  'error.INTERNAL': 'Something went wrong inside the app. Nothing was changed.',
  'error.PERSON_NOT_IN_CASE': 'That person is not part of this case. Link them to the case first.',
  'error.CONSENT_ALREADY_WITHDRAWN': 'This consent was already withdrawn.',
  'error.CONSENT_REFUSED_CANNOT_WITHDRAW': 'A refused consent cannot be withdrawn: nothing was given.',
  'error.CONFLICT_CHECK_UNRESOLVED': 'The conflict check found matches. Review and acknowledge them before accepting.',
  'error.EXPORT_TARGET_EXISTS':
    'A file with that name already exists. Choose another name: nothing is ever overwritten.',
  'error.EVIDENCE_HASH_MISMATCH':
    'The stored file no longer matches its fingerprint. Do not rely on it; run the vault check.',
  'error.IO_ERROR': 'The file could not be read or written. Check the drive and try again.',
  'error.DISK_FULL': 'The disk is full. Nothing was half-written: free some space and try again.',
  'error.FILE_UNREADABLE': 'That file cannot be read. Check that it still exists and that you may read it.',
  'error.IDENTITY_MISSING': 'This vault has no identity key yet. Lock and unlock it once to create one.',
  'error.CARD_TOO_LARGE': 'That file is too large to be a contact card.',
  'error.CARD_INVALID': 'That file is not a valid Case Vault contact card.',
  'error.QR_IMAGE_TOO_LARGE':
    'That picture is too large to read (at most 20 MB and 40 megapixels). Take a screenshot or a smaller photo of the code.',
  'error.QR_IMAGE_UNREADABLE': 'That file is not a PNG or JPEG picture, or it is damaged.',
  'error.QR_NOT_FOUND':
    'No QR code was found in that picture. Take a sharper, closer picture with the whole code in view.',
  'error.QR_NOT_A_CARD': 'The QR code in that picture is not a Case Vault contact card.',
  'error.QR_NOT_A_SAFETY_NUMBER': 'The QR code in that picture is not a Case Vault safety number.',
  'error.CARD_UNSUPPORTED_VERSION': 'That contact card was made by a newer version of Case Vault. Update the app.',
  'error.CARD_KEY_INVALID': 'The key in that contact card is not valid.',
  'error.CARD_SIGNATURE_INVALID':
    'That contact card’s signature does not match its content: it was changed after it was made. Do not use it.',
  'error.CARD_IS_OWN': 'That is this vault’s own contact card.',
  'error.CARD_KEY_CONFLICT':
    'That key already belongs to another vault in your partner list. Do not use this card before checking with the partner.',
  'error.SAFETY_NUMBER_MISMATCH':
    'The numbers do not match. Do not trust this key: the card may not come from the partner. Check that you both opened the right partner, and ask for their contact card again through another channel.',
  'error.KEY_REPLACED': 'That key was replaced by a newer one: verify the current key instead.',
  'error.BUNDLE_PARTNER_NOT_VERIFIED':
    'This partner has no verified key. Import its contact card and compare safety numbers first.',
  'error.BUNDLE_CONSENT_MISSING':
    'Someone in these cases has not consented to this sharing, and you chose to stop in that case. Nothing was written.',
  'error.BUNDLE_NOT_FOR_US': 'This bundle was not made for this vault: it cannot be opened here.',
  'error.BUNDLE_PASSPHRASE_REQUIRED':
    'This bundle is sealed with a passphrase: give the passphrase its sender told you.',
  'error.BUNDLE_PASSPHRASE_WRONG': 'That passphrase does not open this bundle. Nothing was imported.',
  'error.BUNDLE_NOT_PASSPHRASE':
    'This file is not a bundle sealed with a passphrase alone: open it without a passphrase.',
  'error.BUNDLE_TAR_INVALID': 'The inside of this bundle is malformed. Nothing was imported.',
  'error.BUNDLE_UNSIGNED': 'This bundle is not signed, so its sender cannot be known. Nothing was imported.',
  'error.BUNDLE_FORMAT_TOO_NEW':
    'This file was made by a newer version of Case Vault. Update Case Vault on this computer, then open it again. Nothing was changed.',
  'error.BUNDLE_MANIFEST_INVALID': 'The list of contents of this bundle is not valid. Nothing was imported.',
  'error.BUNDLE_SIGNATURE_INVALID':
    'The signature of this bundle does not match: it was changed, or signed by another key. Nothing was imported.',
  'error.BUNDLE_NOT_LISTED': 'The bundle’s signed list of recipients does not name this vault. Nothing was imported.',
  'error.BUNDLE_EXPIRED': 'This bundle has expired: ask the sender for a new one. Nothing was imported.',
  'error.BUNDLE_FROM_SELF': 'This bundle was made by this vault: there is nothing to import.',
  'error.BUNDLE_ENTRY_NAME': 'The bundle contains an entry with a forbidden name. Nothing was imported.',
  'error.BUNDLE_ENTRY_UNEXPECTED': 'The bundle contains something its signed list does not name. Nothing was imported.',
  'error.BUNDLE_ENTRY_MISSING': 'Something the bundle’s signed list names is missing from it. Nothing was imported.',
  'error.BUNDLE_ENTRY_ORDER': 'The bundle’s entries are not in their signed order. Nothing was imported.',
  'error.BUNDLE_ENTRY_HASH':
    'An entry of the bundle does not match its fingerprint: it was changed. Nothing was imported.',
  'error.BUNDLE_ENTRY_TOO_LARGE': 'An entry of the bundle is larger than allowed. Nothing was imported.',
  'error.BUNDLE_RECORD_INVALID': 'A record in the bundle is not valid. Nothing was imported.',
  'error.BUNDLE_SENDER_NOT_VERIFIED':
    'The sender’s key is not verified yet. Verify it on the partner’s page, then accept the bundle.',
  'error.RECEIPT_INVALID': 'That file is not a valid receipt.',
  'error.RECEIPT_UNKNOWN_BUNDLE': 'That receipt is for a bundle this vault did not send.',
  'error.RECEIPT_MISMATCH': 'That receipt does not match the bundle that was sent: it may be for a changed copy.',
  'error.RECEIPT_SIGNATURE_INVALID': 'That receipt is not signed by the partner the bundle was sent to.',
  'error.AGE_HEADER_INVALID': 'This file is not an intact bundle: its header is damaged. Nothing was imported.',
  'error.AGE_HEADER_TOO_LARGE': 'This file is not an intact bundle: its header is too large. Nothing was imported.',
  'error.AGE_UNSUPPORTED_VERSION': 'This file uses an encryption format this version does not read.',
  'error.AGE_STANZA_INVALID': 'This file is not an intact bundle: a recipient entry is damaged. Nothing was imported.',
  'error.AGE_NO_IDENTITY_MATCHED': 'This bundle was not encrypted to this vault: it cannot be opened here.',
  'error.AGE_HEADER_MAC_INVALID': 'The bundle’s header was changed or damaged. Nothing was imported.',
  'error.AGE_PAYLOAD_CORRUPT': 'Part of the bundle was changed or damaged. Nothing was imported.',
  'error.AGE_TRUNCATED': 'The bundle is incomplete: the copy may have been interrupted. Nothing was imported.',
  'error.AGE_TRAILING_DATA': 'Something was added at the end of the bundle. Nothing was imported.',
  'error.BUNDLE_EMPTY':
    'Nothing would go into this bundle: the partner’s sharing profile, consent or where the records came from lets nothing of the chosen cases through. Set what the partner may receive on their page (Sharing profile). Nothing was written.',
  'error.PARTNER_NOT_CLEARED':
    'Your organisation’s partner policy does not allow sharing with this partner yet: their due diligence must be approved and a confidentiality or data-sharing agreement in force. Fix it on the partner’s page. Nothing was written.',
  'error.BUNDLE_ORIGIN_MISMATCH':
    'This bundle carries records its sender did not create: a partner may send only what it created itself. Nothing was imported.',
  'error.BUNDLE_NOT_ORIGINATOR':
    'This bundle tries to change records its sender does not own — ours, or another organisation’s. Nothing was imported.',
  'error.BUNDLE_FOREIGN_LINK':
    'This bundle attaches something to a person, case or evidence item its sender did not create. Nothing was imported.',
  'error.BUNDLE_EVIDENCE_CHANGED':
    'This bundle declares another file for an evidence item than its sender declared before: an evidence file never changes. Nothing was imported.',
  'error.BUNDLE_RECORD_COLLISION':
    'A record in this bundle clashes with a different record already in this vault. Nothing was imported.',
  'error.BUNDLE_NOT_YET_VALID':
    'This bundle says it was made in the future: check the date and time on both computers. Nothing was imported.',
  'error.RECALL_NOTHING_TO_RECALL':
    'No bundle sent from this vault carried this person’s data: there is nothing to recall.',
  'error.RECALL_INVALID': 'This is not a valid recall notice: it cannot be applied.',
  'error.RECALL_UNKNOWN': 'That receipt is for a recall notice this vault did not send.',
  'error.BACKUP_NOT_FOUND':
    'There is no Case Vault backup there. Check that the drive is plugged in and that you chose the right folder.',
  'error.BACKUP_MANIFEST_INVALID':
    'This backup’s index is damaged or was altered; it was not used. Try another backup.',
  'error.BACKUP_FORMAT_TOO_NEW': 'This backup was made by a newer version of Case Vault. Update the app to read it.',
  'error.BACKUP_SIGNATURE_INVALID':
    'This backup’s signature does not hold: it was altered after it was written. It was not used.',
  'error.BACKUP_MAC_INVALID': 'This backup names this vault but was not written by it. It was not used.',
  'error.BACKUP_OTHER_VAULT': 'This backup belongs to another vault. It was not used.',
  'error.BACKUP_FILE_MISSING': 'A file of this backup is missing from the drive: it cannot be restored in full.',
  'error.BACKUP_FILE_TRUNCATED': 'A file of this backup is cut short on the drive: it cannot be restored in full.',
  'error.BACKUP_FILE_MISMATCH': 'A file of this backup was altered or swapped on the drive: it cannot be trusted.',
  'error.BACKUP_DRIVE_FULL':
    'The drive is full. Nothing of this backup counts; remove older backups or use a larger drive.',
  'error.BACKUP_RESTORE_TARGET_EXISTS':
    'A vault already exists here: a restore never replaces a vault. Nothing was changed.',
  'error.BACKUP_RESTORE_CHECK_FAILED': 'The restored vault fails its check. Try an earlier backup.',
  'error.IMPORT_NOT_CSV':
    'This is a workbook, not a CSV file. Open it in the spreadsheet program and save it as “CSV UTF-8 (comma delimited)”.',
  'error.IMPORT_ENCODING_UNKNOWN': 'The file’s text encoding cannot be recognised. Save it again as “CSV UTF-8”.',
  'error.IMPORT_HEADER_INVALID': 'The first row must name every column once: a header is empty or appears twice.',
  'error.IMPORT_MAPPING_INCOMPLETE':
    'A field every new record needs has no column, or the mapping names a column this file lacks.',
  'error.IMPORT_MAPPING_UNKNOWN': 'No saved mapping of that name exists for this kind of record.',
  'error.IMPORT_ALREADY_IMPORTED':
    'This very file was imported before. Tick “Import it again” if that is what you want.',
  'error.IMPORT_TOO_MANY_ROWS':
    'The file has too many lines. Split it into smaller files and import them one after the other.',
  'error.IMPORT_ROW_MALFORMED': 'This row’s quotes are not well formed (a quote inside a cell, or one never closed).',
  'error.IMPORT_ROW_RAGGED': 'This row has more or fewer cells than the header has columns.',
  'error.IMPORT_ROW_TOO_LARGE': 'This row is too large to import.',
  'error.IMPORT_CELL_TOO_LARGE': 'A cell of this row is too large to import.',
  'error.IMPORT_ENCODING_INVALID': 'This row holds characters that are not valid in the file’s encoding.',
  'error.IMPORT_FORMULA': 'A cell holds a formula, not a value. Replace it with its value.',
  'error.IMPORT_UNKNOWN_ID':
    'The id in this row is not one of this vault’s records: an import never creates a record under a given id.',
  'error.IMPORT_UNKNOWN_CASE': 'No case in this vault has the case reference this row names.',
  'error.IMPORT_LIKELY_DUPLICATE':
    'This looks like someone or something already in the vault: not added twice. Add it in the app, where the match is shown, or give its id to update it.',
  'error.IMPORT_NOT_UPDATABLE':
    'An import cannot make this change (a case’s status, opening day or reference; an enquiry or a deadline with an id).',
  'error.SYNC_MEMBER_UNKNOWN':
    'This vault is not a team member: add its contact card on the Team screen and verify it first. Nothing was changed.',
  'error.SYNC_MEMBER_NOT_VERIFIED':
    'This team member’s key is not verified: compare the safety number with them first. Nothing was changed.',
  'error.SYNC_MEMBER_REMOVED':
    'This team member was removed: nothing is exchanged with it any more. Nothing was changed.',
  'error.SYNC_MEMBER_IS_PARTNER':
    'This card belongs to a partner organisation, not to a laptop of your team. It was not added.',
  'error.SYNC_BUNDLE_INVALID': 'This is not a valid team sync file. Nothing was changed.',
  'error.SYNC_ORIGIN_MISMATCH':
    'This team sync file carries changes its sender did not make. It was refused; nothing was changed.',
  'error.SYNC_CHANGE_REFUSED':
    'This team sync file carries a change team sync does not accept (or its date is wrong). It was refused whole; nothing was changed.',
};
