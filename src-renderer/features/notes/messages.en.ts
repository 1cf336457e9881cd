/** English: the source catalogue; the other languages must have exactly these keys. */
export const en = {
  'notes.title': 'Notes',
  'notes.new': 'New note',
  'notes.listHeading': 'Notes, newest first',
  'notes.count': '{count, plural, =0 {No notes} one {# note} other {# notes}}',
  'notes.none': 'No notes on this case yet.',
  'notes.form.body': 'Note',
  'notes.form.author': 'Written by',
  'notes.form.authorHint': 'Optional, for example your initials.',
  'notes.form.add': 'Add note',
  'notes.saved': 'Note added.',
  'notes.by': 'By {author}',
  'notes.addedOn': 'Added {when}',
  'notes.edited': '(edited {when})',
  'notes.editNote': 'Edit the note of {when}',
};
