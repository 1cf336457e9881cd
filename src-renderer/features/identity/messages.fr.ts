/** French. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const fr: Translation<typeof en> = {
  'nav.identity': 'Notre identité',
  'identity.title': 'Notre identité',
  'identity.intro':
    'Les partenaires connaissent ce coffre par sa carte de contact : un nom, une organisation et une clé publique, signés par ce coffre. Remettez la carte à un partenaire, puis comparez avec lui les numéros de sécurité pour que chacun sache que la clé est authentique.',
  'identity.card.title': 'Notre carte de contact',
  'identity.name': 'Nom sur la carte',
  'identity.nameHint': 'La personne à demander, par exemple l’avocate responsable.',
  'identity.organisation': 'Nom de l’organisation',
  'identity.saved': 'La carte a été mise à jour. Remettez la nouvelle carte aux partenaires.',
  'identity.key.title': 'Notre clé',
  'identity.fingerprint': 'Empreinte de la clé',
  'identity.fingerprintHint':
    'Un contrôle court de notre clé publique. C’est le numéro de sécurité, comparé avec chaque partenaire, qui prouve la clé.',
  'identity.createdAt': 'Clé créée le',
  'identity.vaultId': 'Identifiant du coffre',
  'identity.qr.title': 'La carte en code QR',
  'identity.qr.alt': 'Code QR de notre carte de contact',
  'identity.qr.hint': 'Un partenaire peut scanner ce code pour prendre notre carte.',
  'identity.export.title': 'Remettre la carte à un partenaire',
  'identity.export.hint':
    'La carte ne contient aucun secret : enregistrez-la sur un support ou envoyez-la. Comparez ensuite les numéros de sécurité avec le partenaire.',
  'identity.export.card': 'Enregistrer la carte dans un fichier…',
  'identity.export.png': 'Enregistrer le code QR en PNG…',
  'identity.export.svg': 'Enregistrer le code QR en SVG…',
  'identity.export.done': 'Enregistré sous {name}.',
  'identity.ageKey':
    'La clé privée ne peut être exportée pour l’outil age standard qu’en ligne de commande (identity export-age-key), à dessein : quiconque détient ce fichier peut lire tous les lots envoyés à ce coffre, sans la phrase secrète.',
};
