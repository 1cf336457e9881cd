/** French. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const fr: Translation<typeof en> = {
  'search.title': 'Recherche',
  'search.form': 'Rechercher dans le coffre',
  'search.field': 'Mots à trouver',
  'search.hint':
    'Cherche dans les notes, les dossiers et leurs étiquettes, les descriptions et sources des preuves, et les noms, alias et pseudonymes des personnes. Chaque mot doit figurer ; mettez "une expression" entre guillemets droits. Ctrl+K vous amène ici depuis n’importe quel écran.',
  'search.submit': 'Rechercher',
  'search.prompt':
    'Tapez quelques mots pour chercher dans toutes les notes, tous les dossiers, toutes les descriptions de preuves et toutes les personnes du coffre.',
  'search.needsLetters': 'Tapez au moins une lettre ou un chiffre.',
  'search.searching': 'Recherche en cours…',
  'search.summary': '{count, plural, =0 {Aucun résultat} one {# résultat} other {# résultats}}',
  'search.summaryMany': 'De nombreux résultats. Ajoutez un mot ou une expression pour les restreindre.',
  'search.none': 'Rien dans le coffre ne correspond à ces mots.',
  'search.results': 'Résultats',
  'search.group.note': 'Notes',
  'search.group.case': 'Dossiers',
  'search.group.evidence': 'Preuves',
  'search.group.person': 'Personnes',
  'search.group.count': '{count, plural, =0 {aucun} one {# résultat} other {# résultats}}',
  'search.group.many': 'de nombreux résultats',
  'search.group.none': 'Aucune correspondance ici.',
  'search.more.note': 'Plus de notes',
  'search.more.case': 'Plus de dossiers',
  'search.more.evidence': 'Plus de preuves',
  'search.more.person': 'Plus de personnes',
  'search.hit.note': 'Note du dossier {reference}',
  'search.hit.inCase': 'Dossier {reference} : {title}',
  'search.hit.personCase': 'Dossier {reference} : {title} — ouvre son onglet Personnes',
  'search.hit.personNoCase': 'Dans aucun dossier pour l’instant',
};
