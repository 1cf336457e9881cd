/** French. */
import type { Translation } from './define.js';
import type { en } from './common-messages.en.js';

export const fr: Translation<typeof en> = {
  'app.name': 'Case Vault',
  'app.skipToContent': 'Aller au contenu',
  'nav.label': 'Principal',
  'nav.cases': 'Dossiers',
  'nav.enquiries': 'Demandes',
  'nav.search': 'Recherche',
  'nav.partners': 'Partenaires',
  'nav.risks': 'Risques',
  'nav.audit': "Journal d'audit",
  'nav.settings': 'Paramètres',
  'lock.button': 'Verrouiller',
  'lock.hint': 'Verrouiller le coffre maintenant (Ctrl+L)',
  'panic.button': 'Panique',
  'panic.hint':
    'Verrouiller aussitôt et vider la fenêtre, sans confirmation (Ctrl+Maj+L, de partout dans l’application)',
  'locked.idle': "Le coffre s'est verrouillé après une période d'inactivité.",
  'locked.suspend': "Le coffre s'est verrouillé car l'ordinateur s'est mis en veille.",
  'locked.screen-lock': "Le coffre s'est verrouillé car l'écran a été verrouillé.",
  'locked.user': 'Le coffre est verrouillé.',
  'locked.shutdown': "Le coffre s'est verrouillé car le moteur s'est arrêté.",
  'locked.panic': 'Le coffre est verrouillé.',
  'action.save': 'Enregistrer',
  'action.cancel': 'Annuler',
  'action.close': 'Fermer',
  'action.add': 'Ajouter',
  'action.edit': 'Modifier',
  'action.back': 'Retour',
  'action.retry': 'Réessayer',
  'action.loadMore': 'Afficher plus',
  'state.loading': 'Chargement…',
  'state.empty': "Rien pour l'instant.",
  'state.none': '—',
  'progress.label': 'Progression',
  'progress.percent': '{percent} % effectué',
  'form.requiredMark': 'obligatoire',
  'form.error.required': 'Remplissez ce champ.',
  'form.error.tooLong': 'Trop long : {max} caractères au plus.',
  'form.error.invalid': "Ce n'est pas valide. Vérifiez la saisie de ce champ.",
  'form.error.number': 'Saisissez un montant comme {example}.',
  'form.errorsBelow': 'Certains champs sont à revoir : voyez les messages sous chacun.',
  'form.notSet': 'Non renseigné',
  'form.dayChosen': 'Date choisie : {day}',
  'error.title': "Cela n'a pas fonctionné",
  'error.details': 'Détails techniques',
  'error.generic': "Une erreur s'est produite. Rien n'a été modifié.",
  'error.VAULT_LOCKED': 'Le coffre est verrouillé. Déverrouillez-le pour continuer.',
  'error.BAD_PASSPHRASE': 'Cette phrase secrète ou clé de récupération ne déverrouille pas ce coffre.',
  'error.VAULT_KEYS_DESTROYED':
    'Les clés de ce coffre ont été détruites : aucune phrase secrète ni clé de récupération ne peut plus l’ouvrir. Restaurez le coffre à partir d’une sauvegarde.',
  'error.WEAK_PASSPHRASE': 'La phrase secrète est trop courte : au moins 12 caractères.',
  'error.PASSPHRASE_NOT_UTF8':
    'La phrase secrète contient des caractères qui ne sont pas du texte. Utilisez des lettres, chiffres et signes ordinaires.',
  'error.RECOVERY_KEY_MALFORMED':
    'Cela ne ressemble pas à une clé de récupération. Vérifiez chaque groupe de caractères.',
  'error.VAULT_BUSY':
    "Le coffre est ouvert dans un autre programme (peut-être l'outil en ligne de commande). Fermez-le d'abord.",
  'error.INVALID_INPUT': "Une partie de la saisie n'est pas valide.",
  'error.NOT_FOUND': "Cet enregistrement n'existe plus.",
  'error.CONFLICT':
    "Quelqu'un d'autre a modifié cet enregistrement entre-temps. Rechargez-le et refaites votre modification.",
  'error.CONSENT_DENIED': 'Le consentement enregistré ne le permet pas.',
  'error.INVALID_TRANSITION': "Ce changement de statut n'est pas permis depuis le statut actuel.",
  'error.DUPLICATE': 'Cela existe déjà.',
  'error.FILE_HANDLE_INVALID': 'Ce choix de fichier a expiré. Choisissez à nouveau le fichier.',
  'error.EVIDENCE_UNREADABLE': 'Ce fichier ne peut pas être lu ni affiché.',
  'error.FORBIDDEN': "Cette fenêtre n'a pas le droit d'utiliser le coffre.",
  'error.INTERNAL': "Une erreur interne s'est produite. Rien n'a été modifié.",
  'error.PERSON_NOT_IN_CASE': "Cette personne ne fait pas partie du dossier. Liez-la d'abord au dossier.",
  'error.CONSENT_ALREADY_WITHDRAWN': 'Ce consentement a déjà été retiré.',
  'error.CONSENT_REFUSED_CANNOT_WITHDRAW': "Un consentement refusé ne peut pas être retiré : rien n'a été donné.",
  'error.CONFLICT_CHECK_UNRESOLVED':
    "La vérification des conflits a trouvé des correspondances. Examinez-les et confirmez-les avant d'accepter.",
  'error.EXPORT_TARGET_EXISTS': "Un fichier de ce nom existe déjà. Choisissez un autre nom : rien n'est jamais écrasé.",
  'error.EVIDENCE_HASH_MISMATCH':
    'Le fichier conservé ne correspond plus à son empreinte. Ne vous y fiez pas ; lancez la vérification du coffre.',
  'error.IO_ERROR': "Le fichier n'a pas pu être lu ou écrit. Vérifiez le disque et réessayez.",
  'error.DISK_FULL': 'Le disque est plein. Rien n’a été écrit à moitié : libérez de la place et réessayez.',
  'error.FILE_UNREADABLE': 'Ce fichier ne peut pas être lu. Vérifiez qu’il existe toujours et que vous pouvez le lire.',
  'error.IDENTITY_MISSING':
    'Ce coffre n’a pas encore de clé d’identité. Verrouillez-le puis déverrouillez-le une fois pour la créer.',
  'error.CARD_TOO_LARGE': 'Ce fichier est trop gros pour être une carte de contact.',
  'error.CARD_INVALID': 'Ce fichier n’est pas une carte de contact Case Vault valide.',
  'error.QR_IMAGE_TOO_LARGE':
    'Cette image est trop grande pour être lue (20 Mo et 40 mégapixels au plus). Faites une capture d’écran ou une photo plus petite du code.',
  'error.QR_IMAGE_UNREADABLE': 'Ce fichier n’est pas une image PNG ou JPEG, ou il est endommagé.',
  'error.QR_NOT_FOUND':
    'Aucun code QR n’a été trouvé dans cette image. Prenez une photo plus nette et plus proche, avec tout le code visible.',
  'error.QR_NOT_A_CARD': 'Le code QR de cette image n’est pas une carte de contact Case Vault.',
  'error.QR_NOT_A_SAFETY_NUMBER': 'Le code QR de cette image n’est pas un numéro de sécurité Case Vault.',
  'error.CARD_UNSUPPORTED_VERSION':
    'Cette carte de contact a été créée par une version plus récente de Case Vault. Mettez l’application à jour.',
  'error.CARD_KEY_INVALID': 'La clé de cette carte de contact n’est pas valide.',
  'error.CARD_SIGNATURE_INVALID':
    'La signature de cette carte de contact ne correspond pas à son contenu : elle a été modifiée après sa création. Ne l’utilisez pas.',
  'error.CARD_IS_OWN': 'C’est la carte de contact de ce coffre lui-même.',
  'error.CARD_KEY_CONFLICT':
    'Cette clé appartient déjà à un autre coffre de votre liste de partenaires. N’utilisez pas cette carte avant d’avoir vérifié auprès du partenaire.',
  'error.SAFETY_NUMBER_MISMATCH':
    'Les numéros ne correspondent pas. Ne faites pas confiance à cette clé : la carte ne vient peut-être pas du partenaire. Vérifiez que vous avez tous deux ouvert le bon partenaire, et redemandez sa carte de contact par un autre canal.',
  'error.KEY_REPLACED': 'Cette clé a été remplacée par une plus récente : vérifiez plutôt la clé actuelle.',
  'error.BUNDLE_PARTNER_NOT_VERIFIED':
    'Ce partenaire n’a aucune clé vérifiée. Importez d’abord sa carte de contact et comparez les numéros de sécurité.',
  'error.BUNDLE_CONSENT_MISSING':
    'Une personne de ces dossiers n’a pas consenti à ce partage, et vous avez choisi d’arrêter dans ce cas. Rien n’a été écrit.',
  'error.BUNDLE_NOT_FOR_US': 'Ce lot n’a pas été créé pour ce coffre : il ne peut pas être ouvert ici.',
  'error.BUNDLE_PASSPHRASE_REQUIRED':
    'Ce lot est scellé par une phrase secrète : indiquez celle que son expéditeur vous a transmise.',
  'error.BUNDLE_PASSPHRASE_WRONG': 'Cette phrase secrète n’ouvre pas ce lot. Rien n’a été importé.',
  'error.BUNDLE_NOT_PASSPHRASE':
    'Ce fichier n’est pas un lot scellé par une seule phrase secrète : ouvrez-le sans phrase secrète.',
  'error.BUNDLE_TAR_INVALID': 'L’intérieur de ce lot est mal formé. Rien n’a été importé.',
  'error.BUNDLE_UNSIGNED': 'Ce lot n’est pas signé : son expéditeur ne peut pas être connu. Rien n’a été importé.',
  'error.BUNDLE_FORMAT_TOO_NEW':
    'Ce fichier a été créé par une version plus récente de Case Vault. Mettez Case Vault à jour sur cet ordinateur, puis ouvrez-le de nouveau. Rien n’a été modifié.',
  'error.BUNDLE_MANIFEST_INVALID': 'La liste du contenu de ce lot n’est pas valide. Rien n’a été importé.',
  'error.BUNDLE_SIGNATURE_INVALID':
    'La signature de ce lot ne correspond pas : il a été modifié, ou signé par une autre clé. Rien n’a été importé.',
  'error.BUNDLE_NOT_LISTED': 'La liste signée des destinataires du lot ne nomme pas ce coffre. Rien n’a été importé.',
  'error.BUNDLE_EXPIRED': 'Ce lot a expiré : demandez-en un nouveau à l’expéditeur. Rien n’a été importé.',
  'error.BUNDLE_FROM_SELF': 'Ce lot a été créé par ce coffre : il n’y a rien à importer.',
  'error.BUNDLE_ENTRY_NAME': 'Le lot contient une entrée au nom interdit. Rien n’a été importé.',
  'error.BUNDLE_ENTRY_UNEXPECTED':
    'Le lot contient quelque chose que sa liste signée ne nomme pas. Rien n’a été importé.',
  'error.BUNDLE_ENTRY_MISSING': 'Un élément nommé dans la liste signée du lot en est absent. Rien n’a été importé.',
  'error.BUNDLE_ENTRY_ORDER': 'Les entrées du lot ne sont pas dans leur ordre signé. Rien n’a été importé.',
  'error.BUNDLE_ENTRY_HASH':
    'Une entrée du lot ne correspond pas à son empreinte : elle a été modifiée. Rien n’a été importé.',
  'error.BUNDLE_ENTRY_TOO_LARGE': 'Une entrée du lot dépasse la taille permise. Rien n’a été importé.',
  'error.BUNDLE_RECORD_INVALID': 'Un enregistrement du lot n’est pas valide. Rien n’a été importé.',
  'error.BUNDLE_SENDER_NOT_VERIFIED':
    'La clé de l’expéditeur n’est pas encore vérifiée. Vérifiez-la sur la page du partenaire, puis acceptez le lot.',
  'error.RECEIPT_INVALID': 'Ce fichier n’est pas un accusé de réception valide.',
  'error.RECEIPT_UNKNOWN_BUNDLE': 'Cet accusé de réception concerne un lot que ce coffre n’a pas envoyé.',
  'error.RECEIPT_MISMATCH':
    'Cet accusé de réception ne correspond pas au lot envoyé : il concerne peut-être une copie modifiée.',
  'error.RECEIPT_SIGNATURE_INVALID':
    'Cet accusé de réception n’est pas signé par le partenaire à qui le lot a été envoyé.',
  'error.AGE_HEADER_INVALID': 'Ce fichier n’est pas un lot intact : son en-tête est endommagé. Rien n’a été importé.',
  'error.AGE_HEADER_TOO_LARGE':
    'Ce fichier n’est pas un lot intact : son en-tête est trop grand. Rien n’a été importé.',
  'error.AGE_UNSUPPORTED_VERSION': 'Ce fichier utilise un format de chiffrement que cette version ne lit pas.',
  'error.AGE_STANZA_INVALID':
    'Ce fichier n’est pas un lot intact : une entrée de destinataire est endommagée. Rien n’a été importé.',
  'error.AGE_NO_IDENTITY_MATCHED': 'Ce lot n’a pas été chiffré pour ce coffre : il ne peut pas être ouvert ici.',
  'error.AGE_HEADER_MAC_INVALID': 'L’en-tête du lot a été modifié ou endommagé. Rien n’a été importé.',
  'error.AGE_PAYLOAD_CORRUPT': 'Une partie du lot a été modifiée ou endommagée. Rien n’a été importé.',
  'error.AGE_TRUNCATED': 'Le lot est incomplet : la copie a peut-être été interrompue. Rien n’a été importé.',
  'error.AGE_TRAILING_DATA': 'Quelque chose a été ajouté à la fin du lot. Rien n’a été importé.',
  'error.BUNDLE_EMPTY':
    'Ce lot ne contiendrait rien : le profil de partage du partenaire, le consentement ou l’origine des enregistrements ne laissent rien passer des dossiers choisis. Définissez ce que le partenaire peut recevoir sur sa page (Profil de partage). Rien n’a été écrit.',
  'error.PARTNER_NOT_CLEARED':
    'La politique des partenaires de votre organisation n’autorise pas encore le partage avec ce partenaire : sa diligence raisonnable doit être approuvée et un accord de confidentialité ou de partage de données en vigueur. Corrigez cela sur la page du partenaire. Rien n’a été écrit.',
  'error.BUNDLE_ORIGIN_MISMATCH':
    'Ce lot contient des enregistrements que son expéditeur n’a pas créés : un partenaire ne peut envoyer que ce qu’il a créé lui-même. Rien n’a été importé.',
  'error.BUNDLE_NOT_ORIGINATOR':
    'Ce lot tente de modifier des enregistrements qui n’appartiennent pas à son expéditeur — les nôtres ou ceux d’une autre organisation. Rien n’a été importé.',
  'error.BUNDLE_FOREIGN_LINK':
    'Ce lot rattache quelque chose à une personne, un dossier ou un élément de preuve que son expéditeur n’a pas créé. Rien n’a été importé.',
  'error.BUNDLE_EVIDENCE_CHANGED':
    'Ce lot déclare pour un élément de preuve un autre fichier que celui déclaré auparavant par son expéditeur : un fichier de preuve ne change jamais. Rien n’a été importé.',
  'error.BUNDLE_RECORD_COLLISION':
    'Un enregistrement de ce lot entre en conflit avec un autre enregistrement déjà présent dans ce coffre. Rien n’a été importé.',
  'error.BUNDLE_NOT_YET_VALID':
    'Ce lot indique avoir été créé dans le futur : vérifiez la date et l’heure des deux ordinateurs. Rien n’a été importé.',
  'error.RECALL_NOTHING_TO_RECALL':
    'Aucun lot envoyé depuis ce coffre ne contenait les données de cette personne : il n’y a rien à rappeler.',
  'error.RECALL_INVALID': 'Ce n’est pas un avis de rappel valide : il ne peut pas être appliqué.',
  'error.RECALL_UNKNOWN': 'Cet accusé de réception concerne un avis de rappel que ce coffre n’a pas envoyé.',
  'error.BACKUP_NOT_FOUND':
    'Il n’y a pas de sauvegarde Case Vault à cet endroit. Vérifiez que le disque est branché et que le dossier choisi est le bon.',
  'error.BACKUP_MANIFEST_INVALID':
    'L’index de cette sauvegarde est abîmé ou a été modifié ; elle n’a pas été utilisée. Essayez une autre sauvegarde.',
  'error.BACKUP_FORMAT_TOO_NEW':
    'Cette sauvegarde a été faite par une version plus récente de Case Vault. Mettez l’application à jour pour la lire.',
  'error.BACKUP_SIGNATURE_INVALID':
    'La signature de cette sauvegarde n’est pas valide : elle a été modifiée après son écriture. Elle n’a pas été utilisée.',
  'error.BACKUP_MAC_INVALID':
    'Cette sauvegarde se réclame de ce coffre mais n’a pas été écrite par lui. Elle n’a pas été utilisée.',
  'error.BACKUP_OTHER_VAULT': 'Cette sauvegarde appartient à un autre coffre. Elle n’a pas été utilisée.',
  'error.BACKUP_FILE_MISSING':
    'Un fichier de cette sauvegarde manque sur le disque : elle ne peut pas être restaurée entièrement.',
  'error.BACKUP_FILE_TRUNCATED':
    'Un fichier de cette sauvegarde est tronqué sur le disque : elle ne peut pas être restaurée entièrement.',
  'error.BACKUP_FILE_MISMATCH':
    'Un fichier de cette sauvegarde a été modifié ou remplacé sur le disque : on ne peut pas s’y fier.',
  'error.BACKUP_DRIVE_FULL':
    'Le disque est plein. Cette sauvegarde ne compte pas ; supprimez d’anciennes sauvegardes ou utilisez un disque plus grand.',
  'error.BACKUP_RESTORE_TARGET_EXISTS':
    'Un coffre existe déjà ici : une restauration ne remplace jamais un coffre. Rien n’a été modifié.',
  'error.BACKUP_RESTORE_CHECK_FAILED':
    'Le coffre restauré échoue à sa vérification. Essayez une sauvegarde plus ancienne.',
  'error.IMPORT_NOT_CSV':
    'C’est un classeur, pas un fichier CSV. Ouvrez-le dans le tableur et enregistrez-le en « CSV UTF-8 (délimité par des virgules) ».',
  'error.IMPORT_ENCODING_UNKNOWN':
    'L’encodage du texte du fichier n’est pas reconnu. Enregistrez-le de nouveau en « CSV UTF-8 ».',
  'error.IMPORT_HEADER_INVALID':
    'La première ligne doit nommer chaque colonne une seule fois : un en-tête est vide ou répété.',
  'error.IMPORT_MAPPING_INCOMPLETE':
    'Un champ nécessaire à chaque nouvel enregistrement n’a pas de colonne, ou la correspondance nomme une colonne absente du fichier.',
  'error.IMPORT_MAPPING_UNKNOWN': 'Aucune correspondance enregistrée ne porte ce nom pour ce type d’enregistrement.',
  'error.IMPORT_ALREADY_IMPORTED':
    'Ce fichier exact a déjà été importé. Cochez « L’importer de nouveau » si c’est ce que vous voulez.',
  'error.IMPORT_TOO_MANY_ROWS':
    'Le fichier a trop de lignes. Découpez-le en fichiers plus petits et importez-les l’un après l’autre.',
  'error.IMPORT_ROW_MALFORMED':
    'Les guillemets de cette ligne sont mal formés (un guillemet dans une cellule, ou jamais fermé).',
  'error.IMPORT_ROW_RAGGED': 'Cette ligne a plus ou moins de cellules que l’en-tête n’a de colonnes.',
  'error.IMPORT_ROW_TOO_LARGE': 'Cette ligne est trop grande pour être importée.',
  'error.IMPORT_CELL_TOO_LARGE': 'Une cellule de cette ligne est trop grande pour être importée.',
  'error.IMPORT_ENCODING_INVALID': 'Cette ligne contient des caractères non valides dans l’encodage du fichier.',
  'error.IMPORT_FORMULA': 'Une cellule contient une formule, pas une valeur. Remplacez-la par sa valeur.',
  'error.IMPORT_UNKNOWN_ID':
    'L’identifiant de cette ligne n’est pas celui d’un enregistrement de ce coffre : un import ne crée jamais d’enregistrement sous un identifiant donné.',
  'error.IMPORT_UNKNOWN_CASE': 'Aucun dossier de ce coffre n’a la référence que nomme cette ligne.',
  'error.IMPORT_LIKELY_DUPLICATE':
    'Cela ressemble à une personne ou un enregistrement déjà présent : pas ajouté deux fois. Ajoutez-le dans l’application, où la correspondance est montrée, ou donnez son identifiant pour le mettre à jour.',
  'error.IMPORT_NOT_UPDATABLE':
    'Un import ne peut pas faire ce changement (statut, date d’ouverture ou référence d’un dossier ; demande ou échéance avec un identifiant).',
  'error.SYNC_MEMBER_UNKNOWN':
    'Ce coffre n’est pas membre de l’équipe : ajoutez sa carte de contact dans l’écran Équipe et vérifiez-la d’abord. Rien n’a été modifié.',
  'error.SYNC_MEMBER_NOT_VERIFIED':
    'La clé de ce membre de l’équipe n’est pas vérifiée : comparez d’abord le numéro de sécurité avec lui. Rien n’a été modifié.',
  'error.SYNC_MEMBER_REMOVED':
    'Ce membre a été retiré de l’équipe : plus rien n’est échangé avec lui. Rien n’a été modifié.',
  'error.SYNC_MEMBER_IS_PARTNER':
    'Cette carte appartient à une organisation partenaire, pas à un ordinateur de votre équipe. Elle n’a pas été ajoutée.',
  'error.SYNC_BUNDLE_INVALID': 'Ce n’est pas un fichier de synchronisation d’équipe valide. Rien n’a été modifié.',
  'error.SYNC_ORIGIN_MISMATCH':
    'Ce fichier de synchronisation porte des modifications que son expéditeur n’a pas faites. Il a été refusé ; rien n’a été modifié.',
  'error.SYNC_CHANGE_REFUSED':
    'Ce fichier de synchronisation porte une modification que la synchronisation d’équipe n’accepte pas (ou sa date est fausse). Il a été refusé en entier ; rien n’a été modifié.',
};
