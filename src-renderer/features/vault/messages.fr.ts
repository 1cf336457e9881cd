/** French. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const fr: Translation<typeof en> = {
  'vault.create.title': 'Créer votre coffre',
  'vault.create.intro':
    'Tout ce que vous conservez ici est chiffré avec une clé tirée de votre phrase secrète. Choisissez une phrase longue dont vous vous souviendrez ; personne ne pourra la retrouver pour vous.',
  'vault.create.passphrase': 'Phrase secrète',
  'vault.create.passphraseHint': 'Au moins 12 caractères. Quelques mots sans rapport entre eux conviennent bien.',
  'vault.create.confirm': 'Phrase secrète (confirmation)',
  'vault.create.mismatch': 'Les deux phrases secrètes ne sont pas identiques.',
  'vault.create.tooShort': 'Utilisez au moins 12 caractères.',
  'vault.create.submit': 'Créer le coffre',
  'vault.create.working': 'Création du coffre et mesure de cet ordinateur…',
  'vault.recovery.title': 'Notez votre clé de récupération',
  'vault.recovery.intro':
    "Si vous oubliez votre phrase secrète, cette clé est le seul moyen d'entrer dans le coffre. Écrivez-la sur papier et gardez-la en lieu sûr, loin de cet ordinateur. Elle ne sera plus affichée.",
  'vault.recovery.keyLabel': 'Clé de récupération',
  'vault.recovery.copy': 'Copier',
  'vault.recovery.copied': 'Copiée. Le presse-papiers sera vidé dans {seconds} secondes.',
  'vault.recovery.confirm': "J'ai noté la clé de récupération et je l'ai rangée en lieu sûr",
  'vault.recovery.continue': 'Ouvrir le coffre',
  'vault.unlock.title': 'Déverrouiller le coffre',
  'vault.unlock.passphrase': 'Phrase secrète',
  'vault.unlock.submit': 'Déverrouiller',
  'vault.unlock.working': 'Calcul de la clé à partir de votre phrase secrète…',
  'vault.unlock.useRecovery': 'Utiliser plutôt la clé de récupération',
  'vault.unlock.usePassphrase': 'Utiliser plutôt la phrase secrète',
  'vault.unlock.recoveryKey': 'Clé de récupération',
  'vault.unlock.recoveryHint': 'Les espaces et les tirets ne comptent pas.',
  'vault.unlock.attemptsLeft':
    '{count, plural, one {Encore # essai manqué et les clés de ce coffre seront détruites.} other {Encore # essais manqués et les clés de ce coffre seront détruites.}} Seule une sauvegarde pourrait alors le restaurer.',
  'vault.starting': 'Démarrage…',
};
