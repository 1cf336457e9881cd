/** French. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const fr: Translation<typeof en> = {
  'settings.languageName': 'Français',
  'settings.title': 'Paramètres',
  'settings.language.title': 'Langue',
  'settings.language.label': "Langue de l'application",
  'settings.language.hint': 'Les dates et les nombres suivent aussi la langue.',
  'settings.language.saved': "L'application est maintenant en français.",
  'settings.autoLock.title': 'Verrouillage automatique',
  'settings.autoLock.label': "Verrouiller après ce nombre de minutes d'inactivité",
  'settings.autoLock.hint':
    "De 1 à 60 minutes. Le coffre se verrouille aussi quand l'ordinateur se met en veille ou que son écran se verrouille, et immédiatement avec Ctrl+L.",
  'settings.autoLock.invalid': 'Saisissez un nombre entier de minutes entre 1 et 60.',
  'settings.autoLock.save': 'Enregistrer le délai',
  'settings.autoLock.saved':
    "{minutes, plural, one {Le coffre se verrouille désormais après # minute d'inactivité.} other {Le coffre se verrouille désormais après # minutes d'inactivité.}}",
  'settings.passphrase.title': 'Changer la phrase secrète',
  'settings.passphrase.intro': 'La clé de récupération reste valable : seule la phrase secrète change.',
  'settings.passphrase.current': 'Phrase secrète actuelle',
  'settings.passphrase.next': 'Nouvelle phrase secrète',
  'settings.passphrase.nextHint': 'Au moins 12 caractères. Quelques mots sans rapport entre eux conviennent bien.',
  'settings.passphrase.confirm': 'Nouvelle phrase secrète (confirmation)',
  'settings.passphrase.tooShort': 'Utilisez au moins 12 caractères.',
  'settings.passphrase.mismatch': 'Les deux nouvelles phrases secrètes ne sont pas identiques.',
  'settings.passphrase.same': "La nouvelle phrase secrète est identique à l'actuelle.",
  'settings.passphrase.missingCurrent': 'Saisissez la phrase secrète actuelle.',
  'settings.passphrase.submit': 'Changer la phrase secrète',
  'settings.passphrase.working': 'Vérification de la phrase actuelle et calcul de la nouvelle clé…',
  'settings.passphrase.done':
    'La phrase secrète est changée. Utilisez la nouvelle au prochain déverrouillage du coffre.',
  'settings.info.title': 'À propos de ce coffre',
  'settings.info.id': 'Identifiant du coffre',
  'settings.info.created': 'Créé le',
  'settings.info.format': 'Version du format de fichier',
  'settings.info.schema': 'Version du schéma de la base',
  'settings.info.slots': 'Moyens de déverrouillage',
  'settings.info.slot.passphrase': 'Phrase secrète, définie le {date}',
  'settings.info.slot.recovery': 'Clé de récupération, créée le {date}',
  'settings.info.files': 'Fichiers stockés',
  'settings.info.filesValue': '{count, plural, one {# fichier} other {# fichiers}}, {size}',
  'settings.info.audit': "Entrées du journal d'audit",
  'settings.policy.title': 'Politique des partenaires',
  'settings.policy.intro':
    'Ce qu’il faut à un partenaire avant que quoi que ce soit de ce coffre lui soit transmis. Les deux règles sont actives par défaut ; chaque modification est inscrite au journal d’audit.',
  'settings.policy.dueDiligence': 'Exiger une diligence raisonnable approuvée',
  'settings.policy.dueDiligenceHint':
    'La diligence raisonnable du partenaire doit être enregistrée comme approuvée — ni en cours, ni rejetée, ni approuvée sous conditions — et son réexamen ne doit pas être en retard.',
  'settings.policy.agreement': 'Exiger un accord de confidentialité ou de partage de données',
  'settings.policy.agreementHint':
    'Un accord de confidentialité ou de partage de données signé avec le partenaire doit être en vigueur.',
  'settings.policy.offWarning':
    'Une règle désactivée permet d’envoyer des dossiers à des partenaires que personne n’a vérifiés. Ne la désactivez que si votre organisation l’a décidé.',
  'settings.policy.save': 'Enregistrer la politique des partenaires',
  'settings.policy.saved': 'La politique des partenaires est enregistrée.',
  'settings.policy.default': 'Jamais modifiée : ce sont les valeurs par défaut.',
  'settings.policy.changed': 'Modifiée le {date} par {who}.',
  'settings.policy.changedNoName': 'Modifiée le {date}.',
};
