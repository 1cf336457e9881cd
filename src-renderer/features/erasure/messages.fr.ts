/** French. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const fr: Translation<typeof en> = {
  'erasure.person.action': 'Effacer cette personne',
  'erasure.person.title': 'Effacer définitivement cette personne',
  'erasure.person.intro':
    'Tout ce qui est enregistré sur {name} est effacé : noms, alias, contact, consignes de sécurité, date de naissance, vulnérabilités, notes, chaque rôle dans un dossier et chaque consentement. Là où une demande donnait son nom, il devient « [erased] ». Il reste un enregistrement sans nom : qu’une personne a été effacée, quand, et quels consentements existaient et dans quel état.',
  'erasure.evidence.action': 'Effacer',
  'erasure.evidence.title': 'Effacer définitivement cette pièce',
  'erasure.evidence.intro':
    'La pièce « {name} » et chaque copie de travail qui en a été faite sont effacées : leurs descriptions et leurs fichiers, dont les clés sont détruites. Le registre de la chaîne de conservation est clos avec le motif que vous donnez et l’empreinte du fichier (SHA-256).',
  'erasure.case.action': 'Purger ce dossier',
  'erasure.case.title': 'Purger définitivement ce dossier',
  'erasure.case.intro':
    'Le dossier {name} est purgé avec tout ce qu’il contient : notes, échéances, résultats, pièces et fichiers, consentements, rôles et la demande dont il est issu. Les personnes qui ne figurent que dans ce dossier sont effacées avec lui ; celles qui figurent aussi dans un autre dossier gardent leur fiche.',
  'erasure.irreversible':
    'C’est irréversible. Les sauvegardes faites auparavant gardent les données jusqu’à ce que vous les supprimiez.',
  'erasure.reason': 'Motif',
  'erasure.reason.hint': 'Pourquoi c’est effacé. Seule une empreinte en est gardée. Ne nommez personne.',
  'erasure.reason.hintEvidence':
    'Pourquoi c’est effacé. Il est gardé dans le registre de conservation. Ne nommez personne.',
  'erasure.confirm': 'Je comprends que c’est irréversible',
  'erasure.withoutRecall': 'Effacer quand même : je demanderai autrement à ces partenaires de supprimer leur copie',
  'erasure.submit.person': 'Effacer la personne',
  'erasure.submit.evidence': 'Effacer la pièce',
  'erasure.submit.case': 'Purger le dossier',
  'erasure.done.person': 'La personne a été effacée.',
  'erasure.done.evidence':
    '{count, plural, =0 {La pièce a été effacée.} one {La pièce et sa copie ont été effacées.} other {La pièce et ses # copies ont été effacées.}}',
  'erasure.done.case': 'Le dossier a été purgé.',
  'erasure.partners.title': 'Partenaires qui ont reçu ces données',
  'erasure.partners.hint': 'Ils gardent leur copie jusqu’à ce qu’ils la suppriment. Demandez-le-leur.',
  'erasure.partners.recallSent': 'un avis de rappel a été envoyé',
  'erasure.partners.noRecall': 'aucun avis de rappel n’a été envoyé',
  'erasure.finish': 'Terminé',
  'error.ERASURE_RECALL_PENDING':
    'Des partenaires ont reçu les données de cette personne sans qu’un avis de rappel leur soit envoyé. Retirez le consentement et envoyez d’abord les avis de rappel (ils ne peuvent plus être rédigés une fois les consentements effacés), ou effacez quand même et prévenez-les autrement.',
  'audit.action.evidence.erased': 'Pièce effacée',
  'audit.action.person.erased': 'Personne effacée',
  'audit.action.case.purged': 'Dossier purgé',
  'audit.action.policy.retention-changed': 'Durée de conservation modifiée',
  'retention.title': 'Conservation',
  'retention.intro':
    'Combien d’années après sa clôture un dossier est soumis à réexamen. Rien n’est supprimé de soi-même : réexaminez chaque dossier et purgez-le, ou gardez-le.',
  'retention.years': 'Années après la clôture',
  'retention.yearsHint': 'De 1 à 100. Laissez vide pour aucune durée de conservation.',
  'retention.save': 'Enregistrer la durée de conservation',
  'retention.saved': 'Durée de conservation enregistrée.',
  'retention.notSet': 'Aucune durée de conservation n’est fixée.',
  'retention.review.title': '{years, plural, one {Clos depuis plus d’un an} other {Clos depuis plus de # ans}}',
  'retention.review.none': 'Aucun dossier clos n’a dépassé la durée de conservation.',
  'retention.review.label': 'Dossiers clos au-delà de la durée de conservation',
  'retention.review.col.case': 'Dossier',
  'retention.review.col.closed': 'Clos',
  'retention.review.closedOn': '{date} (il y a {years, plural, one {# an} other {# ans}})',
};
