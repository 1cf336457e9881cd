/** French. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const fr: Translation<typeof en> = {
  'notes.title': 'Notes',
  'notes.new': 'Nouvelle note',
  'notes.listHeading': 'Notes, de la plus récente à la plus ancienne',
  'notes.count': '{count, plural, =0 {Aucune note} one {# note} other {# notes}}',
  'notes.none': 'Aucune note sur ce dossier pour l’instant.',
  'notes.form.body': 'Note',
  'notes.form.author': 'Rédigée par',
  'notes.form.authorHint': 'Facultatif, par exemple vos initiales.',
  'notes.form.add': 'Ajouter la note',
  'notes.saved': 'Note ajoutée.',
  'notes.by': 'Par {author}',
  'notes.addedOn': 'Ajoutée le {when}',
  'notes.edited': '(modifiée le {when})',
  'notes.editNote': 'Modifier la note du {when}',
};
