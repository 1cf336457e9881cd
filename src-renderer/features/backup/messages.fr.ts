/** French. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const fr: Translation<typeof en> = {
  'backup.title': 'Sauvegarde',
  'backup.intro':
    'Une sauvegarde copie le coffre, aussi chiffré qu’ici, sur un disque gardé ailleurs. La phrase de passe ou la clé de secours du jour l’ouvre.',
  'backup.never': 'Aucune sauvegarde n’a encore été faite.',
  'backup.last': 'Dernière sauvegarde : {date} (instantané {id}).',
  'backup.dueNever': 'Faites une première sauvegarde : un ordinateur perdu ou saisi emporterait tous les dossiers.',
  'backup.dueSince':
    '{days, plural, one {La dernière sauvegarde date de # jour : une sauvegarde est due.} other {La dernière sauvegarde date de # jours : une sauvegarde est due.}}',
  'backup.drive': 'Dossier de sauvegarde : {name}',
  'backup.noDrive': 'Aucun dossier de sauvegarde choisi : la première sauvegarde en demandera un.',
  'backup.now': 'Sauvegarder maintenant',
  'backup.chooseDrive': 'Choisir le dossier de sauvegarde',
  'backup.otherDrive': 'Choisir un autre dossier',
  'backup.progress.database': 'Copie de la base de données…',
  'backup.progress.copying': 'Copie des pièces…',
  'backup.progress.manifest': 'Signature de l’instantané…',
  'backup.progress.verifying': 'Lecture de chaque fichier de la sauvegarde…',
  'backup.done': 'La sauvegarde {id} est faite : {size} écrits en {files, plural, one {# fichier} other {# fichiers}}.',
  'backup.reminder.label': 'Me le rappeler après ce nombre de jours sans sauvegarde',
  'backup.reminder.hint': 'De 1 à 365 jours.',
  'backup.reminder.invalid': 'Saisissez un nombre entier de jours entre 1 et 365.',
  'backup.reminder.save': 'Enregistrer le rappel',
  'backup.reminder.saved':
    '{days, plural, one {Le rappel s’affiche après # jour sans sauvegarde.} other {Le rappel s’affiche après # jours sans sauvegarde.}}',
  'backup.snapshots.title': 'Sauvegardes dans ce dossier',
  'backup.snapshots.none': 'Ce dossier ne contient aucune sauvegarde de ce coffre.',
  'backup.snapshots.size': '{size} en {files, plural, one {# fichier} other {# fichiers}}',
  'backup.snapshots.unreadable': 'Cette sauvegarde est illisible.',
  'backup.snapshots.erasuresAfter':
    '{count, plural, one {Contient des données effacées depuis : # effacement a eu lieu après cette sauvegarde. Supprimez-la (gardez moins de sauvegardes) ou détruisez le disque.} other {Contient des données effacées depuis : # effacements ont eu lieu après cette sauvegarde. Supprimez-la (gardez moins de sauvegardes) ou détruisez le disque.}}',
  'backup.verify.one': 'Vérifier {id}',
  'backup.verify.all': 'Vérifier toutes les sauvegardes',
  'backup.verify.ok': 'Vérifiée',
  'backup.verify.done':
    '{count, plural, one {# sauvegarde vérifiée : chaque octet est tel qu’il a été écrit.} other {# sauvegardes vérifiées : chaque octet est tel qu’il a été écrit.}}',
  'backup.prune.keep': 'Garder les plus récentes',
  'backup.prune.hint':
    'Les sauvegardes plus anciennes et les fichiers qu’elles seules utilisent sont retirés du dossier.',
  'backup.prune.invalid': 'Saisissez un nombre entier, au moins 1.',
  'backup.prune.submit': 'Supprimer les anciennes sauvegardes',
  'backup.prune.confirm':
    '{count, plural, one {# sauvegarde ancienne sera retirée de ce dossier. C’est irréversible.} other {# sauvegardes anciennes seront retirées de ce dossier. C’est irréversible.}}',
  'backup.prune.yes': '{count, plural, one {Supprimer # sauvegarde} other {Supprimer # sauvegardes}}',
  'backup.prune.done':
    '{count, plural, one {# sauvegarde supprimée.} other {# sauvegardes supprimées.}} Espace libéré : {size}.',
  'backup.home.title': 'Sauvegarde',
  'backup.home.last': 'Dernière sauvegarde : {date}.',
  'backup.home.never': 'Aucune sauvegarde n’a encore été faite.',
  'backup.home.due': 'Une sauvegarde est due.',
  'backup.home.ok': 'Les sauvegardes sont à jour.',
  'backup.home.open': 'Sauvegarder dans les Paramètres',
  'backup.restore.offer': 'Restaurer une sauvegarde',
  'backup.restore.title': 'Restaurer une sauvegarde',
  'backup.restore.intro':
    'Choisissez le dossier du disque qui contient la sauvegarde. Il faudra la phrase de passe ou la clé de secours qu’avait le coffre au moment de la sauvegarde.',
  'backup.restore.chooseFolder': 'Choisir le dossier de sauvegarde',
  'backup.restore.otherFolder': 'Choisir un autre dossier',
  'backup.restore.none': 'Ce dossier ne contient aucune sauvegarde Case Vault.',
  'backup.restore.pick': 'Sauvegarde à restaurer',
  'backup.restore.passphrase': 'Phrase de passe de l’époque',
  'backup.restore.passphraseHint': 'La phrase de passe qu’avait le coffre quand cette sauvegarde a été faite.',
  'backup.restore.missing': 'Saisissez la phrase de passe ou la clé de secours de l’époque.',
  'backup.restore.rekey': 'Donner de nouvelles clés au coffre restauré',
  'backup.restore.rekeyHint':
    'Après une saisie ou une fuite de la phrase de passe : nouvelle phrase de passe, nouvelle clé de secours et nouvelle clé d’identité. Les partenaires verront un changement de clé.',
  'backup.restore.newPassphrase': 'Nouvelle phrase de passe',
  'backup.restore.newConfirm': 'Nouvelle phrase de passe, à nouveau',
  'backup.restore.tooShort': 'Utilisez au moins 12 caractères.',
  'backup.restore.mismatch': 'Les deux nouvelles phrases de passe diffèrent.',
  'backup.restore.copying': 'Copie de la sauvegarde dans le coffre…',
  'backup.restore.checking': 'Vérification du coffre restauré…',
  'backup.restore.submit': 'Restaurer cette sauvegarde',
  'backup.restore.back': 'Revenir à la création d’un coffre',
  'backup.restore.done':
    'La sauvegarde {id} du {date} est restaurée ({size} ; {count, plural, one {# pièce} other {# pièces}}) et a passé sa vérification. Ouverture du coffre…',
};
