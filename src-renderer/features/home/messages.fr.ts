/** French. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const fr: Translation<typeof en> = {
  'home.nav': 'Accueil',
  'home.title': 'Ce qui demande votre attention',
  'home.today': 'Nous sommes le {date}.',
  'home.deadlines': 'Échéances',
  'home.deadlines.summary':
    '{overdue, plural, =0 {Aucune dépassée} one {# dépassée} other {# dépassées}}, {upcoming, plural, =0 {aucune à venir} one {# à venir} other {# à venir}} dans les {days} prochains jours',
  'home.deadlines.none': 'Aucune échéance dépassée ni à venir dans les {days} prochains jours.',
  'home.consents': 'Consentements à renouveler',
  'home.consents.summary':
    '{count, plural, one {# consentement expire} other {# consentements expirent}} dans les {days} jours ou a expiré sans renouvellement',
  'home.consents.none': 'Aucun consentement enregistré ici n’expire dans les {days} prochains jours.',
  'home.consents.expired': 'expiré le {date}',
  'home.consents.expires': 'expire le {date}',
  'home.reviews': 'Revues à faire',
  'home.reviews.none': 'Aucune revue de risque ni de diligence raisonnable dans les {days} prochains jours.',
  'home.reviews.risk': 'Revue de risque',
  'home.reviews.dueDiligence': 'Revue de diligence raisonnable',
  'home.reviews.overdue': 'en retard depuis le {date}',
  'home.reviews.due': 'prévue le {date}',
  'home.shown': 'Les {shown} premiers sur {total}.',
  'home.inbox': 'Échanges et demandes',
  'home.inbox.none': 'Rien n’attend dans la boîte de réception des échanges et aucune demande n’est ouverte.',
  'home.inbox.enquiries':
    '{count, plural, one {# demande attend une décision} other {# demandes attendent une décision}}',
  'home.inbox.quarantined': '{count, plural, one {# paquet en quarantaine} other {# paquets en quarantaine}}',
  'home.inbox.conflicts': '{count, plural, one {# conflit d’import à régler} other {# conflits d’import à régler}}',
  'home.inbox.proposals': '{count, plural, one {# ajout proposé à décider} other {# ajouts proposés à décider}}',
  'home.inbox.recalls':
    '{count, plural, one {# avis de rappel reçu ces 30 derniers jours} other {# avis de rappel reçus ces 30 derniers jours}}',
  'home.open': 'Ouvrir',
  'nav.group.casework': 'Dossiers',
  'nav.group.exchange': 'Échanges',
  'nav.group.organisation': 'Notre organisation',
  'nav.badge.overdue': '{count, plural, one {# échéance dépassée} other {# échéances dépassées}}',
  'nav.badge.enquiries': '{count, plural, one {# demande ouverte} other {# demandes ouvertes}}',
  'nav.badge.inbox': '{count} à traiter',
};
