/** Spanish. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const es: Translation<typeof en> = {
  'notes.title': 'Notas',
  'notes.new': 'Nueva nota',
  'notes.listHeading': 'Notas, de la más reciente a la más antigua',
  'notes.count': '{count, plural, =0 {Ninguna nota} one {# nota} other {# notas}}',
  'notes.none': 'Todavía no hay notas en este caso.',
  'notes.form.body': 'Nota',
  'notes.form.author': 'Escrita por',
  'notes.form.authorHint': 'Opcional, por ejemplo sus iniciales.',
  'notes.form.add': 'Añadir nota',
  'notes.saved': 'Nota añadida.',
  'notes.by': 'Por {author}',
  'notes.addedOn': 'Añadida el {when}',
  'notes.edited': '(editada el {when})',
  'notes.editNote': 'Editar la nota del {when}',
};
