/** French. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const fr: Translation<typeof en> = {
  'nav.share': 'Partager',
  'share.title': 'Partager avec un partenaire',
  'share.fromCase': 'Partager avec un partenaire…',
  'share.steps': 'Étapes',
  'share.step.cases': 'Dossiers et fichiers',
  'share.step.partner': 'Partenaire et finalité',
  'share.step.check': 'Contrôle du consentement',
  'share.step.save': 'Enregistrer',
  'share.stepOf': 'Étape {n} sur 4 : {name}',
  'share.next': 'Suivant',
  'share.cases.title': 'Dossiers à partager',
  'share.cases.search': 'Trouver un dossier',
  'share.cases.searchHint': 'Par référence ou par titre.',
  'share.cases.label': 'Dossiers',
  'share.cases.chosen': '{count, plural, =0 {Aucun dossier choisi} one {# dossier choisi} other {# dossiers choisis}}',
  'share.cases.none': 'Choisissez au moins un dossier.',
  'share.cases.noMatch': 'Aucun dossier ne correspond.',
  'share.files.title': 'Fichiers de preuve à inclure',
  'share.files.hint':
    'La description de chaque élément de preuve est incluse si le profil de partage du partenaire le permet ; les fichiers eux-mêmes seulement si vous les cochez ici.',
  'share.files.none': 'Les dossiers choisis n’ont aucun fichier de preuve.',
  'share.files.chosen':
    '{count, plural, =0 {Aucun fichier choisi} one {# fichier choisi} other {# fichiers choisis}} ({size})',
  'share.partner.title': 'Partenaire',
  'share.partner.legend': 'Qui reçoit le lot',
  'share.partner.none':
    'Aucun partenaire pour l’instant. Ajoutez-en un, importez sa carte de contact et vérifiez sa clé.',
  'share.partner.why.none': 'Impossible à choisir : aucune clé. Importez d’abord la carte de contact du partenaire.',
  'share.partner.why.unverified': 'Impossible à choisir : sa clé n’est pas encore vérifiée.',
  'share.partner.why.changed': 'Impossible à choisir : sa clé a changé et la nouvelle n’est pas vérifiée.',
  'share.partner.ok': 'Clé vérifiée.',
  'share.partner.missing': 'Choisissez un partenaire dont la clé est vérifiée.',
  'share.purpose': 'Finalité',
  'share.purposeHint':
    'Montrée au partenaire et enregistrée dans le lot, par exemple « communication conjointe au Rapporteur spécial ».',
  'share.purposeMissing': 'Indiquez à quoi sert le lot.',
  'share.expiry': 'Jours dont dispose le partenaire pour l’importer',
  'share.expiryHint': 'Passé ce délai, le lot ne peut plus être importé. De 1 à 365 jours.',
  'share.expiryInvalid': 'Indiquez un nombre entier de jours, de 1 à 365.',
  'share.missing.legend': 'Quand une personne n’a pas consenti à ce partage',
  'share.missing.refuse': 'Arrêter : ne pas créer le lot',
  'share.missing.leave-out': 'L’exclure, avec tout ce qui la nomme',
  'share.check.button': 'Contrôler le consentement',
  'share.plan.to': 'À {partner}',
  'share.plan.keys':
    '{count, plural, one {Chiffré pour # clé vérifiée du partenaire, et pour la nôtre.} other {Chiffré pour # clés vérifiées du partenaire, et pour la nôtre.}}',
  'share.plan.included': 'Ce qui est inclus',
  'share.plan.includedLabel': 'Enregistrements du lot, par type',
  'share.plan.col.kind': 'Type',
  'share.plan.col.count': 'Nombre',
  'share.plan.nothing':
    'Rien ne serait inclus : le profil de partage du partenaire n’autorise aucun de ces enregistrements.',
  'share.plan.leftOut': 'Qui est exclu, et pourquoi',
  'share.plan.leftOutLabel': 'Personnes sans consentement pour ce partage',
  'share.plan.leftOutNone': 'Personne n’est exclu : chaque personne de ces dossiers a consenti à ce partage.',
  'share.plan.col.person': 'Personne',
  'share.plan.col.case': 'Dossier',
  'share.plan.col.reason': 'Pourquoi',
  'share.plan.leaveOutNow': 'Les laisser de côté et vérifier à nouveau',
  'share.plan.refuseBlocked':
    'Vous avez choisi d’arrêter quand une personne n’a pas consenti : le lot ne peut pas être créé. Revenez en arrière et choisissez de l’exclure, ou enregistrez d’abord les consentements manquants.',
  'share.plan.leaveOutNote':
    'Ces personnes, leurs rôles dans les dossiers et les consentements qui les nomment restent hors du lot.',
  'share.plan.profile': 'Ce que retire le profil de partage du partenaire',
  'share.plan.profileNone': 'Le profil ne retire rien de ces enregistrements.',
  'share.plan.profile.kindOut': '{kind} : pas du tout partagé',
  'share.plan.profile.fieldsOut': '{kind} : sans {fields}',
  'share.plan.filesOut':
    'Les fichiers de preuve ne sont pas envoyés : le profil de partage du partenaire ne les autorise pas.',
  'share.preset.title': 'Ce que {partner} peut recevoir',
  'share.preset.now.none':
    'Actuellement : rien — un paquet pour ce partenaire serait vide. Choisissez un profil prêt à l’emploi ci-dessous.',
  'share.preset.now.preset': 'Actuellement : « {preset} ».',
  'share.preset.now.custom': 'Actuellement : un profil ajusté à la main sur la page du partenaire.',
  'share.preset.legend': 'Profils prêts à l’emploi',
  'share.preset.name.case-facts': 'Faits du dossier seulement',
  'share.preset.name.pseudonymised': 'Dossiers et personnes, sous pseudonyme',
  'share.preset.name.full-with-files': 'Tout, avec les fichiers de preuve',
  'share.preset.desc.case-facts':
    'Aucune personne ni texte libre : référence, statut, instance, pays, étape et dates de chaque dossier, ses échéances et ses résultats.',
  'share.preset.desc.pseudonymised':
    'En plus, les personnes par pseudonyme, genre, année de naissance, pays et rôle, leurs consentements, et la nature de chaque preuve — aucun nom, aucun fichier.',
  'share.preset.desc.full-with-files':
    'Tous les champs, noms et notes compris, et les fichiers de preuve eux-mêmes. Les coordonnées et les notes de sécurité d’une personne ne partent jamais.',
  'share.preset.files.yes': 'Les fichiers de preuve sont envoyés.',
  'share.preset.files.no': 'Les fichiers de preuve ne sont pas envoyés.',
  'share.preset.lets': 'Tout ce qu’il laisse passer',
  'share.preset.save': 'Utiliser ce profil pour {partner}',
  'share.preset.saveHint':
    'Il devient le profil de partage du partenaire, aussi pour les partages suivants. Affinez-le champ par champ sur la page du partenaire.',
  'share.preset.saved': 'Enregistré : {partner} peut désormais recevoir « {preset} ».',
  'share.plan.chooseProfile': 'Choisir ce que {partner} peut recevoir',
  'share.plan.leaveFilesOut':
    '{count, plural, one {Laisser le fichier de preuve de côté et vérifier à nouveau} other {Laisser les # fichiers de preuve de côté et vérifier à nouveau}}',
  'share.plan.totalsBlocked':
    'Pas encore de taille : le paquet ne peut pas être écrit tant que quelque chose ci-dessus l’empêche.',
  'share.plan.files':
    '{count, plural, =0 {Aucun fichier de preuve} one {# fichier de preuve} other {# fichiers de preuve}}',
  'share.plan.total': 'Taille totale : {size}',
  'share.plan.blockers': 'Ce lot ne peut pas être créé',
  'share.plan.consents':
    '{count, plural, =0 {Aucun consentement invoqué} one {# consentement invoqué} other {# consentements invoqués}}',
  'share.gate.title': 'Politique des partenaires',
  'share.gate.cleared': 'La politique des partenaires de votre organisation autorise le partage avec {partner}.',
  'share.gate.policyOff':
    'La politique des partenaires est désactivée, en tout ou en partie, dans ce coffre (Paramètres → Politique des partenaires).',
  'share.gate.blocked':
    'La politique des partenaires de votre organisation n’autorise pas encore le partage avec {partner} :',
  'share.gate.reason.due-diligence-pending':
    'Sa diligence raisonnable est encore en cours. Terminez-la et enregistrez le résultat comme approuvé.',
  'share.gate.reason.due-diligence-conditions':
    'Sa diligence raisonnable a été approuvée sous conditions. Les conditions doivent d’abord être levées ; enregistrez ensuite le résultat comme approuvé.',
  'share.gate.reason.due-diligence-rejected':
    'Sa diligence raisonnable a été rejetée : rien ne peut lui être transmis, sauf si une nouvelle diligence l’approuve.',
  'share.gate.reason.due-diligence-review-overdue':
    'Le réexamen de sa diligence raisonnable était prévu le {day} et est en retard. Réexaminez-la, puis fixez la date du prochain réexamen.',
  'share.gate.reason.agreement-missing':
    'Il n’existe aucun accord de confidentialité ou de partage de données avec lui. Enregistrez un accord signé.',
  'share.gate.reason.agreement-not-signed':
    'Son accord de confidentialité ou de partage de données n’est pas encore signé. Enregistrez la date de signature.',
  'share.gate.reason.agreement-expired':
    'Son accord de confidentialité ou de partage de données a expiré le {day}. Prolongez-le ou enregistrez-en un nouveau.',
  'share.gate.where.dueDiligence': '(Partenaires → {partner} → Modifier le partenaire → Diligence raisonnable)',
  'share.gate.where.agreement': '(Partenaires → {partner} → Accords)',
  'share.gate.policyWhere':
    'Ces règles forment la politique des partenaires de votre organisation, définie dans Paramètres → Politique des partenaires.',
  'share.gate.profileEmptyTitle': 'Son profil de partage est vide',
  'share.gate.profileEmpty':
    '{partner} ne peut encore rien recevoir : le lot serait vide. Définissez ce qu’il peut recevoir sur la page du partenaire, rubrique « Profil de partage ».',
  'share.gate.open': 'Ouvrir la page du partenaire',
  'share.gate.openHint':
    'Vos choix sont conservés : après la correction, revenez à Partager ; ou corrigez dans une autre fenêtre et choisissez « Vérifier à nouveau ».',
  'share.gate.recheck': 'Vérifier à nouveau',
  'share.plan.empty.title': 'Ce lot ne contiendrait rien',
  'share.plan.empty.profile':
    'Le profil de partage de {partner} est vide, comme pour tout nouveau partenaire : rien des dossiers choisis ne passe. Définissez ce qu’il peut recevoir sur la page du partenaire (Partenaires → {partner} → Profil de partage).',
  'share.plan.empty.other':
    'Rien des dossiers choisis ne peut aller à {partner}, pour les raisons indiquées sous « Ce qui reste ici ». S’il doit recevoir davantage, élargissez son profil de partage (Partenaires → {partner} → Profil de partage), ou choisissez d’autres dossiers.',
  'share.plan.fixHint':
    'Vos choix sont conservés : corrigez sur la page du partenaire, revenez à Partager et vérifiez à nouveau — ou corrigez dans une autre fenêtre, revenez à l’étape 2 et choisissez « Vérifier à nouveau ».',
  'share.plan.receivedCase':
    'Le dossier {reference} vient d’un partenaire : sa fiche, ses personnes et ses consentements restent ici. Seuls les notes, échéances, résultats et éléments de preuve ajoutés dans ce coffre partent, et l’auteur du dossier les reçoit comme ajouts proposés.',
  'share.plan.withheld': 'Ce qui reste ici, et pourquoi',
  'share.plan.withheld.received':
    '{kind} : {count, plural, one {# enregistrement reçu} other {# enregistrements reçus}} de partenaires — les enregistrements reçus ne sont jamais retransmis',
  'share.plan.withheld.received-case':
    '{kind} : {count, plural, one {# enregistrement} other {# enregistrements}} de ce coffre dans un dossier envoyé par un partenaire — seuls les notes, échéances, résultats et preuves repartent',
  'share.plan.withheld.not-in-profile':
    '{kind} : {count, plural, one {# enregistrement} other {# enregistrements}} — le profil de partage du partenaire ne les laisse pas passer',
  'share.save.title': 'Enregistrer le lot',
  'share.save.hint':
    'Choisissez où l’enregistrer — en général un support amovible que vous remettez. Le fichier est chiffré : seules les clés vérifiées du partenaire et ce coffre peuvent l’ouvrir.',
  'share.save.button': 'Enregistrer le lot…',
  'share.save.progress': 'Chiffrement du lot',
  'share.done.title': 'Le lot est enregistré',
  'share.done.file': 'Fichier',
  'share.done.id': 'Identifiant du lot',
  'share.done.entries': 'Entrées',
  'share.done.size': 'Taille',
  'share.done.next':
    'Quand le partenaire l’importe, il vous remet un accusé de réception : importez-le dans les échanges reçus pour marquer le lot comme livré.',
  'share.done.again': 'Partager autre chose',
  'share.done.inbox': 'Ouvrir les échanges reçus',
};
