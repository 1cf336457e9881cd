/** Spanish. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const es: Translation<typeof en> = {
  'search.title': 'Búsqueda',
  'search.form': 'Buscar en la bóveda',
  'search.field': 'Palabras que buscar',
  'search.hint':
    'Busca en las notas, los casos y sus etiquetas, las descripciones y fuentes de las pruebas, y los nombres, alias y seudónimos de las personas. Deben aparecer todas las palabras; ponga "una frase" entre comillas dobles. Ctrl+K le trae aquí desde cualquier pantalla.',
  'search.submit': 'Buscar',
  'search.prompt':
    'Escriba algunas palabras para buscar en todas las notas, casos, descripciones de pruebas y personas de la bóveda.',
  'search.needsLetters': 'Escriba al menos una letra o un número.',
  'search.searching': 'Buscando…',
  'search.summary': '{count, plural, =0 {Ningún resultado} one {# resultado} other {# resultados}}',
  'search.summaryMany': 'Muchos resultados. Añada una palabra o una frase para acotarlos.',
  'search.none': 'Nada en la bóveda coincide con estas palabras.',
  'search.results': 'Resultados',
  'search.group.note': 'Notas',
  'search.group.case': 'Casos',
  'search.group.evidence': 'Pruebas',
  'search.group.person': 'Personas',
  'search.group.count': '{count, plural, =0 {ninguno} one {# resultado} other {# resultados}}',
  'search.group.many': 'muchos resultados',
  'search.group.none': 'Ninguna coincidencia aquí.',
  'search.more.note': 'Más notas',
  'search.more.case': 'Más casos',
  'search.more.evidence': 'Más pruebas',
  'search.more.person': 'Más personas',
  'search.hit.note': 'Nota del caso {reference}',
  'search.hit.inCase': 'Caso {reference}: {title}',
  'search.hit.personCase': 'Caso {reference}: {title} — abre su pestaña Personas',
  'search.hit.personNoCase': 'Todavía no está en ningún caso',
};
