/** The share wizard. */
import { defineMessages } from '../../i18n/define.js';

export const shareMessages = defineMessages({
  en: {
    'nav.share': 'Share',
    'share.title': 'Share with a partner',
    'share.fromCase': 'Share with a partner…',
    'share.steps': 'Steps',
    'share.step.cases': 'Cases and files',
    'share.step.partner': 'Partner and purpose',
    'share.step.check': 'Consent check',
    'share.step.save': 'Save',
    'share.stepOf': 'Step {n} of 4: {name}',
    'share.next': 'Next',
    'share.cases.title': 'Cases to share',
    'share.cases.search': 'Find a case',
    'share.cases.searchHint': 'By reference or title.',
    'share.cases.label': 'Cases',
    'share.cases.chosen': '{count, plural, =0 {No case chosen} one {# case chosen} other {# cases chosen}}',
    'share.cases.none': 'Choose at least one case.',
    'share.cases.noMatch': 'No case matches.',
    'share.files.title': 'Evidence files to include',
    'share.files.hint':
      'The description of every evidence item goes in when the partner’s sharing profile allows it; the files themselves only when you tick them here.',
    'share.files.none': 'The chosen cases have no evidence file.',
    'share.files.chosen': '{count, plural, =0 {No file chosen} one {# file chosen} other {# files chosen}} ({size})',
    'share.partner.title': 'Partner',
    'share.partner.legend': 'Who receives the bundle',
    'share.partner.none': 'No partner yet. Add one, import its contact card and verify its key.',
    'share.partner.why.none': 'Cannot be chosen: no key. Import the partner’s contact card first.',
    'share.partner.why.unverified': 'Cannot be chosen: its key is not verified yet.',
    'share.partner.why.changed': 'Cannot be chosen: its key changed and the new key is not verified.',
    'share.partner.ok': 'Key verified.',
    'share.partner.missing': 'Choose a partner whose key is verified.',
    'share.purpose': 'Purpose',
    'share.purposeHint':
      'Shown to the partner and recorded in the bundle, for example “joint submission to the Special Rapporteur”.',
    'share.purposeMissing': 'Say what the bundle is for.',
    'share.expiry': 'Days the partner has to import it',
    'share.expiryHint': 'After this the bundle can no longer be imported. From 1 to 365 days.',
    'share.expiryInvalid': 'Write a whole number of days from 1 to 365.',
    'share.missing.legend': 'When someone has not consented to this sharing',
    'share.missing.refuse': 'Stop: do not make the bundle',
    'share.missing.leave-out': 'Leave them out, with everything that names them',
    'share.check.button': 'Check consent',
    'share.plan.to': 'To {partner}',
    'share.plan.keys':
      '{count, plural, one {Encrypted to # verified key of the partner, and to ours.} other {Encrypted to # verified keys of the partner, and to ours.}}',
    'share.plan.included': 'What goes in',
    'share.plan.includedLabel': 'Records in the bundle, by kind',
    'share.plan.col.kind': 'Kind',
    'share.plan.col.count': 'Number',
    'share.plan.nothing': 'Nothing would go in: the partner’s sharing profile allows none of these records.',
    'share.plan.leftOut': 'Who is left out, and why',
    'share.plan.leftOutLabel': 'People without consent for this sharing',
    'share.plan.leftOutNone': 'Nobody is left out: everyone in these cases has consented to this sharing.',
    'share.plan.col.person': 'Person',
    'share.plan.col.case': 'Case',
    'share.plan.col.reason': 'Why',
    'share.plan.refuseBlocked':
      'You chose to stop when someone has not consented: the bundle cannot be made. Go back and choose to leave them out, or record the missing consents first.',
    'share.plan.leaveOutNote':
      'These people, their roles in the cases and the consents that name them stay out of the bundle.',
    'share.plan.profile': 'What the partner’s sharing profile removes',
    'share.plan.profileNone': 'The profile removes nothing from these records.',
    'share.plan.profile.kindOut': '{kind}: not shared at all',
    'share.plan.profile.fieldsOut': '{kind}: without {fields}',
    'share.plan.filesOut': 'Evidence files are not sent: the partner’s sharing profile does not allow them.',
    'share.preset.title': 'What {partner} may receive',
    'share.preset.now.none': 'Now: nothing — a bundle for them would be empty. Choose a ready profile below.',
    'share.preset.now.preset': 'Now: “{preset}”.',
    'share.preset.now.custom': 'Now: a profile adjusted by hand on the partner’s page.',
    'share.preset.legend': 'Ready profiles',
    'share.preset.name.case-facts': 'Case facts only',
    'share.preset.name.pseudonymised': 'Cases and people, pseudonymised',
    'share.preset.name.full-with-files': 'Everything, with evidence files',
    'share.preset.desc.case-facts':
      'No person and no free text: each case’s reference, status, forum, country, stage and dates, its deadlines and outcomes.',
    'share.preset.desc.pseudonymised':
      'Also the people by pseudonym, gender, year of birth, country and role, their consents, and what each evidence item is — no name, no file.',
    'share.preset.desc.full-with-files':
      'Every field, names and notes included, and the evidence files themselves. A person’s contact details and safety notes never go.',
    'share.preset.files.yes': 'Evidence files are sent.',
    'share.preset.files.no': 'Evidence files are not sent.',
    'share.preset.lets': 'Everything it lets through',
    'share.preset.save': 'Use this profile for {partner}',
    'share.preset.saveHint':
      'It becomes the partner’s sharing profile, for later shares too. Fine-tune it field by field on the partner’s page.',
    'share.preset.saved': 'Saved: {partner} may now receive “{preset}”.',
    'share.plan.chooseProfile': 'Choose what {partner} may receive',
    'share.plan.leaveFilesOut':
      '{count, plural, one {Leave the evidence file out and check again} other {Leave the # evidence files out and check again}}',
    'share.plan.totalsBlocked': 'No size yet: the bundle cannot be written while something above stops it.',
    'share.plan.files': '{count, plural, =0 {No evidence file} one {# evidence file} other {# evidence files}}',
    'share.plan.total': 'Total size: {size}',
    'share.plan.blockers': 'This bundle cannot be made',
    'share.plan.consents':
      '{count, plural, =0 {No consent relied on} one {# consent relied on} other {# consents relied on}}',
    'share.gate.title': 'Partner policy',
    'share.gate.cleared': 'Your organisation’s partner policy allows sharing with {partner}.',
    'share.gate.policyOff':
      'Part or all of the partner policy is turned off in this vault (Settings → Partner policy).',
    'share.gate.blocked': 'Your organisation’s partner policy does not allow sharing with {partner} yet:',
    'share.gate.reason.due-diligence-pending':
      'Their due diligence is still pending. Complete it and record the outcome as approved.',
    'share.gate.reason.due-diligence-conditions':
      'Their due diligence was approved with conditions. The conditions must be cleared first; then record the outcome as approved.',
    'share.gate.reason.due-diligence-rejected':
      'Their due diligence was rejected: nothing may be shared with them unless a new due diligence approves them.',
    'share.gate.reason.due-diligence-review-overdue':
      'The review of their due diligence was due on {day} and is overdue. Review it, then set the next review date.',
    'share.gate.reason.agreement-missing':
      'There is no confidentiality or data-sharing agreement with them. Record a signed one.',
    'share.gate.reason.agreement-not-signed':
      'Their confidentiality or data-sharing agreement is not signed yet. Record the day it was signed.',
    'share.gate.reason.agreement-expired':
      'Their confidentiality or data-sharing agreement expired on {day}. Extend it or record a new one.',
    'share.gate.where.dueDiligence': '(Partners → {partner} → Edit the partner → Due diligence)',
    'share.gate.where.agreement': '(Partners → {partner} → Agreements)',
    'share.gate.policyWhere':
      'These rules are your organisation’s partner policy, set under Settings → Partner policy.',
    'share.gate.profileEmptyTitle': 'Their sharing profile is empty',
    'share.gate.profileEmpty':
      '{partner} may receive nothing yet, so nothing would go into the bundle. Set what they may receive on the partner’s page, under “Sharing profile”.',
    'share.gate.open': 'Open the partner’s page',
    'share.gate.openHint':
      'Your choices here are kept: after fixing it there, come back to Share; or fix it in another window and choose “Check again”.',
    'share.gate.recheck': 'Check again',
    'share.plan.empty.title': 'Nothing would go into this bundle',
    'share.plan.empty.profile':
      'The sharing profile of {partner} is empty, as it is for every new partner: it lets nothing of the chosen cases through. Set what they may receive on the partner’s page (Partners → {partner} → Sharing profile).',
    'share.plan.empty.other':
      'Nothing of the chosen cases can go to {partner}, for the reasons listed under “What stays out”. If they should receive more, widen their sharing profile (Partners → {partner} → Sharing profile), or choose other cases.',
    'share.plan.fixHint':
      'Your choices are kept: fix it on the partner’s page, come back to Share and check again — or fix it in another window, go back to step 2 and choose “Check again”.',
    'share.plan.receivedCase':
      'The case {reference} came from a partner: its record, people and consents stay here. Only the notes, deadlines, outcomes and evidence added in this vault go, and the case’s originator receives them as proposed additions.',
    'share.plan.withheld': 'What stays out, and why',
    'share.plan.withheld.received':
      '{kind}: {count, plural, one {# record received} other {# records received}} from partners — received records are never passed on',
    'share.plan.withheld.received-case':
      '{kind}: {count, plural, one {# record} other {# records}} of this vault in a case a partner sent you — only notes, deadlines, outcomes and evidence go back',
    'share.plan.withheld.not-in-profile':
      '{kind}: {count, plural, one {# record} other {# records}} — the partner’s sharing profile does not let them through',
    'share.save.title': 'Save the bundle',
    'share.save.hint':
      'Choose where to save it — usually a removable drive you hand over. The file is encrypted: only the partner’s verified keys and this vault can open it.',
    'share.save.button': 'Save the bundle…',
    'share.save.progress': 'Encrypting the bundle',
    'share.done.title': 'The bundle is saved',
    'share.done.file': 'File',
    'share.done.id': 'Bundle id',
    'share.done.entries': 'Entries',
    'share.done.size': 'Size',
    'share.done.next':
      'When the partner imports it, they give you a receipt: import it in the exchange inbox to mark the bundle delivered.',
    'share.done.again': 'Share something else',
    'share.done.inbox': 'Open the exchange inbox',
  },
  fr: {
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
    'share.cases.chosen':
      '{count, plural, =0 {Aucun dossier choisi} one {# dossier choisi} other {# dossiers choisis}}',
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
  },
  es: {
    'nav.share': 'Compartir',
    'share.title': 'Compartir con un socio',
    'share.fromCase': 'Compartir con un socio…',
    'share.steps': 'Pasos',
    'share.step.cases': 'Casos y archivos',
    'share.step.partner': 'Socio y finalidad',
    'share.step.check': 'Control del consentimiento',
    'share.step.save': 'Guardar',
    'share.stepOf': 'Paso {n} de 4: {name}',
    'share.next': 'Siguiente',
    'share.cases.title': 'Casos que compartir',
    'share.cases.search': 'Buscar un caso',
    'share.cases.searchHint': 'Por referencia o por título.',
    'share.cases.label': 'Casos',
    'share.cases.chosen': '{count, plural, =0 {Ningún caso elegido} one {# caso elegido} other {# casos elegidos}}',
    'share.cases.none': 'Elija al menos un caso.',
    'share.cases.noMatch': 'Ningún caso coincide.',
    'share.files.title': 'Archivos de prueba que incluir',
    'share.files.hint':
      'La descripción de cada elemento de prueba se incluye si el perfil de intercambio del socio lo permite; los archivos en sí, solo si los marca aquí.',
    'share.files.none': 'Los casos elegidos no tienen archivos de prueba.',
    'share.files.chosen':
      '{count, plural, =0 {Ningún archivo elegido} one {# archivo elegido} other {# archivos elegidos}} ({size})',
    'share.partner.title': 'Socio',
    'share.partner.legend': 'Quién recibe el paquete',
    'share.partner.none': 'Todavía no hay socios. Añada uno, importe su tarjeta de contacto y verifique su clave.',
    'share.partner.why.none': 'No se puede elegir: no tiene clave. Importe primero la tarjeta de contacto del socio.',
    'share.partner.why.unverified': 'No se puede elegir: su clave aún no está verificada.',
    'share.partner.why.changed': 'No se puede elegir: su clave cambió y la nueva no está verificada.',
    'share.partner.ok': 'Clave verificada.',
    'share.partner.missing': 'Elija un socio cuya clave esté verificada.',
    'share.purpose': 'Finalidad',
    'share.purposeHint':
      'Se muestra al socio y queda registrada en el paquete, por ejemplo «comunicación conjunta al Relator Especial».',
    'share.purposeMissing': 'Indique para qué es el paquete.',
    'share.expiry': 'Días que tiene el socio para importarlo',
    'share.expiryHint': 'Pasado ese plazo, el paquete ya no se puede importar. De 1 a 365 días.',
    'share.expiryInvalid': 'Escriba un número entero de días, de 1 a 365.',
    'share.missing.legend': 'Cuando alguien no consintió este intercambio',
    'share.missing.refuse': 'Detenerse: no crear el paquete',
    'share.missing.leave-out': 'Dejarlo fuera, con todo lo que lo nombra',
    'share.check.button': 'Comprobar el consentimiento',
    'share.plan.to': 'Para {partner}',
    'share.plan.keys':
      '{count, plural, one {Cifrado para # clave verificada del socio, y para la nuestra.} other {Cifrado para # claves verificadas del socio, y para la nuestra.}}',
    'share.plan.included': 'Qué se incluye',
    'share.plan.includedLabel': 'Registros del paquete, por tipo',
    'share.plan.col.kind': 'Tipo',
    'share.plan.col.count': 'Número',
    'share.plan.nothing':
      'No se incluiría nada: el perfil de intercambio del socio no permite ninguno de estos registros.',
    'share.plan.leftOut': 'Quién queda fuera, y por qué',
    'share.plan.leftOutLabel': 'Personas sin consentimiento para este intercambio',
    'share.plan.leftOutNone': 'Nadie queda fuera: todas las personas de estos casos consintieron este intercambio.',
    'share.plan.col.person': 'Persona',
    'share.plan.col.case': 'Caso',
    'share.plan.col.reason': 'Por qué',
    'share.plan.refuseBlocked':
      'Eligió detenerse cuando alguien no ha consentido: no se puede crear el paquete. Vuelva atrás y elija dejarlo fuera, o registre antes los consentimientos que faltan.',
    'share.plan.leaveOutNote':
      'Estas personas, sus funciones en los casos y los consentimientos que las nombran quedan fuera del paquete.',
    'share.plan.profile': 'Qué quita el perfil de intercambio del socio',
    'share.plan.profileNone': 'El perfil no quita nada de estos registros.',
    'share.plan.profile.kindOut': '{kind}: no se comparte nada',
    'share.plan.profile.fieldsOut': '{kind}: sin {fields}',
    'share.plan.filesOut': 'No se envían archivos de prueba: el perfil de intercambio del socio no los permite.',
    'share.preset.title': 'Lo que {partner} puede recibir',
    'share.preset.now.none': 'Ahora: nada — un paquete para este socio estaría vacío. Elija un perfil listo abajo.',
    'share.preset.now.preset': 'Ahora: «{preset}».',
    'share.preset.now.custom': 'Ahora: un perfil ajustado a mano en la página del socio.',
    'share.preset.legend': 'Perfiles listos',
    'share.preset.name.case-facts': 'Solo los datos del caso',
    'share.preset.name.pseudonymised': 'Casos y personas, con seudónimo',
    'share.preset.name.full-with-files': 'Todo, con los archivos de prueba',
    'share.preset.desc.case-facts':
      'Ninguna persona ni texto libre: referencia, estado, foro, país, etapa y fechas de cada caso, sus plazos y resultados.',
    'share.preset.desc.pseudonymised':
      'Además, las personas por seudónimo, género, año de nacimiento, país y papel, sus consentimientos y qué es cada prueba — ningún nombre, ningún archivo.',
    'share.preset.desc.full-with-files':
      'Todos los campos, nombres y notas incluidos, y los propios archivos de prueba. Los datos de contacto y las notas de seguridad de una persona nunca salen.',
    'share.preset.files.yes': 'Se envían los archivos de prueba.',
    'share.preset.files.no': 'No se envían los archivos de prueba.',
    'share.preset.lets': 'Todo lo que deja pasar',
    'share.preset.save': 'Usar este perfil para {partner}',
    'share.preset.saveHint':
      'Pasa a ser el perfil de intercambio del socio, también para envíos posteriores. Ajústelo campo por campo en la página del socio.',
    'share.preset.saved': 'Guardado: {partner} ya puede recibir «{preset}».',
    'share.plan.chooseProfile': 'Elegir lo que {partner} puede recibir',
    'share.plan.leaveFilesOut':
      '{count, plural, one {Dejar fuera el archivo de prueba y comprobar de nuevo} other {Dejar fuera los # archivos de prueba y comprobar de nuevo}}',
    'share.plan.totalsBlocked':
      'Aún sin tamaño: el paquete no puede escribirse mientras algo de lo anterior lo impida.',
    'share.plan.files':
      '{count, plural, =0 {Ningún archivo de prueba} one {# archivo de prueba} other {# archivos de prueba}}',
    'share.plan.total': 'Tamaño total: {size}',
    'share.plan.blockers': 'Este paquete no se puede crear',
    'share.plan.consents':
      '{count, plural, =0 {Ningún consentimiento invocado} one {# consentimiento invocado} other {# consentimientos invocados}}',
    'share.gate.title': 'Política de socios',
    'share.gate.cleared': 'La política de socios de su organización permite compartir con {partner}.',
    'share.gate.policyOff':
      'La política de socios está desactivada, total o parcialmente, en esta bóveda (Ajustes → Política de socios).',
    'share.gate.blocked': 'La política de socios de su organización aún no permite compartir con {partner}:',
    'share.gate.reason.due-diligence-pending':
      'Su diligencia debida sigue pendiente. Complétela y registre el resultado como aprobado.',
    'share.gate.reason.due-diligence-conditions':
      'Su diligencia debida se aprobó con condiciones. Primero deben cumplirse las condiciones; después registre el resultado como aprobado.',
    'share.gate.reason.due-diligence-rejected':
      'Su diligencia debida fue rechazada: no se le puede compartir nada salvo que una nueva diligencia lo apruebe.',
    'share.gate.reason.due-diligence-review-overdue':
      'La revisión de su diligencia debida vencía el {day} y está atrasada. Revísela y fije la fecha de la próxima revisión.',
    'share.gate.reason.agreement-missing':
      'No hay ningún acuerdo de confidencialidad ni de intercambio de datos con este socio. Registre uno firmado.',
    'share.gate.reason.agreement-not-signed':
      'Su acuerdo de confidencialidad o de intercambio de datos aún no está firmado. Registre la fecha de la firma.',
    'share.gate.reason.agreement-expired':
      'Su acuerdo de confidencialidad o de intercambio de datos venció el {day}. Prorróguelo o registre uno nuevo.',
    'share.gate.where.dueDiligence': '(Socios → {partner} → Editar el socio → Diligencia debida)',
    'share.gate.where.agreement': '(Socios → {partner} → Acuerdos)',
    'share.gate.policyWhere':
      'Estas reglas son la política de socios de su organización, definida en Ajustes → Política de socios.',
    'share.gate.profileEmptyTitle': 'Su perfil de intercambio está vacío',
    'share.gate.profileEmpty':
      '{partner} todavía no puede recibir nada, así que el paquete quedaría vacío. Defina lo que puede recibir en la página del socio, en «Perfil de intercambio».',
    'share.gate.open': 'Abrir la página del socio',
    'share.gate.openHint':
      'Sus elecciones se conservan: tras corregirlo allí, vuelva a Compartir; o corríjalo en otra ventana y elija «Comprobar de nuevo».',
    'share.gate.recheck': 'Comprobar de nuevo',
    'share.plan.empty.title': 'Este paquete no contendría nada',
    'share.plan.empty.profile':
      'El perfil de intercambio de {partner} está vacío, como el de todo socio nuevo: no deja pasar nada de los casos elegidos. Defina lo que puede recibir en la página del socio (Socios → {partner} → Perfil de intercambio).',
    'share.plan.empty.other':
      'Nada de los casos elegidos puede ir a {partner}, por los motivos indicados en «Lo que se queda aquí». Si debe recibir más, amplíe su perfil de intercambio (Socios → {partner} → Perfil de intercambio) o elija otros casos.',
    'share.plan.fixHint':
      'Sus elecciones se conservan: corríjalo en la página del socio, vuelva a Compartir y compruebe de nuevo — o corríjalo en otra ventana, vuelva al paso 2 y elija «Comprobar de nuevo».',
    'share.plan.receivedCase':
      'El caso {reference} vino de un socio: su ficha, sus personas y sus consentimientos se quedan aquí. Solo salen las notas, plazos, resultados y pruebas añadidos en esta bóveda, y quien creó el caso los recibe como adiciones propuestas.',
    'share.plan.withheld': 'Lo que se queda aquí, y por qué',
    'share.plan.withheld.received':
      '{kind}: {count, plural, one {# registro recibido} other {# registros recibidos}} de socios — los registros recibidos nunca se reenvían',
    'share.plan.withheld.received-case':
      '{kind}: {count, plural, one {# registro} other {# registros}} de esta bóveda en un caso que le envió un socio — solo vuelven notas, plazos, resultados y pruebas',
    'share.plan.withheld.not-in-profile':
      '{kind}: {count, plural, one {# registro} other {# registros}} — el perfil de intercambio del socio no los deja pasar',
    'share.save.title': 'Guardar el paquete',
    'share.save.hint':
      'Elija dónde guardarlo, normalmente una unidad extraíble que entregará. El archivo está cifrado: solo las claves verificadas del socio y esta bóveda pueden abrirlo.',
    'share.save.button': 'Guardar el paquete…',
    'share.save.progress': 'Cifrando el paquete',
    'share.done.title': 'El paquete está guardado',
    'share.done.file': 'Archivo',
    'share.done.id': 'Identificador del paquete',
    'share.done.entries': 'Entradas',
    'share.done.size': 'Tamaño',
    'share.done.next':
      'Cuando el socio lo importe, le dará un acuse de recibo: impórtelo en los intercambios recibidos para marcar el paquete como entregado.',
    'share.done.again': 'Compartir otra cosa',
    'share.done.inbox': 'Abrir los intercambios recibidos',
  },
  ar: {
    'nav.share': 'المشاركة',
    'share.title': 'المشاركة مع شريك',
    'share.fromCase': 'المشاركة مع شريك…',
    'share.steps': 'الخطوات',
    'share.step.cases': 'القضايا والملفات',
    'share.step.partner': 'الشريك والغرض',
    'share.step.check': 'فحص الموافقة',
    'share.step.save': 'الحفظ',
    'share.stepOf': 'الخطوة {n} من 4: {name}',
    'share.next': 'التالي',
    'share.cases.title': 'القضايا المراد مشاركتها',
    'share.cases.search': 'ابحث عن قضية',
    'share.cases.searchHint': 'بالمرجع أو بالعنوان.',
    'share.cases.label': 'القضايا',
    'share.cases.chosen':
      '{count, plural, zero {لم تُختر أي قضية} one {اختيرت قضية واحدة} two {اختيرت قضيتان} few {اختيرت # قضايا} many {اختيرت # قضية} other {اختيرت # قضية}}',
    'share.cases.none': 'اختر قضية واحدة على الأقل.',
    'share.cases.noMatch': 'لا توجد قضية مطابقة.',
    'share.files.title': 'ملفات الأدلة المراد تضمينها',
    'share.files.hint':
      'يُضمَّن وصف كل دليل إذا سمح بذلك ملف المشاركة الخاص بالشريك؛ أما الملفات نفسها فلا تُضمَّن إلا إذا حددتها هنا.',
    'share.files.none': 'لا توجد ملفات أدلة في القضايا المختارة.',
    'share.files.chosen':
      '{count, plural, zero {لم يُختر أي ملف} one {اختير ملف واحد} two {اختير ملفان} few {اختيرت # ملفات} many {اختير # ملفًا} other {اختير # ملف}} ({size})',
    'share.partner.title': 'الشريك',
    'share.partner.legend': 'من يستلم الحزمة',
    'share.partner.none': 'لا يوجد شريك بعد. أضف شريكًا، واستورد بطاقة اتصاله، وتحقق من مفتاحه.',
    'share.partner.why.none': 'لا يمكن اختياره: لا يوجد مفتاح. استورد بطاقة اتصال الشريك أولًا.',
    'share.partner.why.unverified': 'لا يمكن اختياره: لم يُتحقَّق من مفتاحه بعد.',
    'share.partner.why.changed': 'لا يمكن اختياره: تغيّر مفتاحه ولم يُتحقَّق من المفتاح الجديد.',
    'share.partner.ok': 'المفتاح مُتحقَّق منه.',
    'share.partner.missing': 'اختر شريكًا مُتحقَّقًا من مفتاحه.',
    'share.purpose': 'الغرض',
    'share.purposeHint': 'يُعرض على الشريك ويُسجَّل في الحزمة، مثل «بلاغ مشترك إلى المقرر الخاص».',
    'share.purposeMissing': 'اذكر الغرض من الحزمة.',
    'share.expiry': 'عدد الأيام المتاحة للشريك لاستيرادها',
    'share.expiryHint': 'بعد هذه المدة لا يمكن استيراد الحزمة. من يوم واحد إلى 365 يومًا.',
    'share.expiryInvalid': 'اكتب عددًا صحيحًا من الأيام بين 1 و365.',
    'share.missing.legend': 'عندما لا يكون أحدهم قد وافق على هذه المشاركة',
    'share.missing.refuse': 'التوقف: عدم إنشاء الحزمة',
    'share.missing.leave-out': 'استبعاده مع كل ما يذكر اسمه',
    'share.check.button': 'فحص الموافقة',
    'share.plan.to': 'إلى {partner}',
    'share.plan.keys':
      '{count, plural, zero {مشفرة لـ# مفتاح مُتحقَّق منه لدى الشريك، ولمفتاحنا.} one {مشفرة لمفتاح واحد مُتحقَّق منه لدى الشريك، ولمفتاحنا.} two {مشفرة لمفتاحين مُتحقَّق منهما لدى الشريك، ولمفتاحنا.} few {مشفرة لـ# مفاتيح مُتحقَّق منها لدى الشريك، ولمفتاحنا.} many {مشفرة لـ# مفتاحًا مُتحقَّقًا منه لدى الشريك، ولمفتاحنا.} other {مشفرة لـ# مفتاح مُتحقَّق منه لدى الشريك، ولمفتاحنا.}}',
    'share.plan.included': 'ما يُضمَّن',
    'share.plan.includedLabel': 'سجلات الحزمة حسب النوع',
    'share.plan.col.kind': 'النوع',
    'share.plan.col.count': 'العدد',
    'share.plan.nothing': 'لن يُضمَّن شيء: ملف المشاركة الخاص بالشريك لا يسمح بأي من هذه السجلات.',
    'share.plan.leftOut': 'من يُستبعد ولماذا',
    'share.plan.leftOutLabel': 'أشخاص لم يوافقوا على هذه المشاركة',
    'share.plan.leftOutNone': 'لا يُستبعد أحد: وافق كل شخص في هذه القضايا على هذه المشاركة.',
    'share.plan.col.person': 'الشخص',
    'share.plan.col.case': 'القضية',
    'share.plan.col.reason': 'السبب',
    'share.plan.refuseBlocked':
      'اخترتَ التوقف عندما لا يكون أحدهم قد وافق: لا يمكن إنشاء الحزمة. ارجع واختر استبعاده، أو سجّل الموافقات الناقصة أولًا.',
    'share.plan.leaveOutNote': 'يبقى هؤلاء الأشخاص وأدوارهم في القضايا والموافقات التي تذكرهم خارج الحزمة.',
    'share.plan.profile': 'ما يحذفه ملف المشاركة الخاص بالشريك',
    'share.plan.profileNone': 'لا يحذف الملف شيئًا من هذه السجلات.',
    'share.plan.profile.kindOut': '{kind}: لا يُشارَك إطلاقًا',
    'share.plan.profile.fieldsOut': '{kind}: بدون {fields}',
    'share.plan.filesOut': 'لا تُرسَل ملفات الأدلة: ملف المشاركة الخاص بالشريك لا يسمح بها.',
    'share.preset.title': 'ما الذي يمكن أن يتلقاه {partner}',
    'share.preset.now.none': 'حاليًا: لا شيء — ستكون الحزمة المرسلة إليه فارغة. اختر ملفًا جاهزًا أدناه.',
    'share.preset.now.preset': 'حاليًا: «{preset}».',
    'share.preset.now.custom': 'حاليًا: ملف معدَّل يدويًا في صفحة الشريك.',
    'share.preset.legend': 'ملفات مشاركة جاهزة',
    'share.preset.name.case-facts': 'وقائع القضية فقط',
    'share.preset.name.pseudonymised': 'القضايا والأشخاص بأسماء مستعارة',
    'share.preset.name.full-with-files': 'كل شيء، مع ملفات الأدلة',
    'share.preset.desc.case-facts':
      'لا أشخاص ولا نص حر: مرجع كل قضية وحالتها وجهة النظر فيها والبلد والمرحلة والتواريخ، ومواعيدها النهائية ونتائجها.',
    'share.preset.desc.pseudonymised':
      'وأيضًا الأشخاص بالاسم المستعار والجنس وسنة الميلاد والبلد والدور، وموافقاتهم، وماهية كل دليل — بلا أسماء ولا ملفات.',
    'share.preset.desc.full-with-files':
      'كل الحقول، بما فيها الأسماء والملاحظات، وملفات الأدلة نفسها. لا تُرسَل أبدًا بيانات الاتصال بالشخص ولا ملاحظات سلامته.',
    'share.preset.files.yes': 'تُرسَل ملفات الأدلة.',
    'share.preset.files.no': 'لا تُرسَل ملفات الأدلة.',
    'share.preset.lets': 'كل ما يسمح بمروره',
    'share.preset.save': 'استخدام هذا الملف لـ {partner}',
    'share.preset.saveHint':
      'يصبح ملف المشاركة الخاص بالشريك، وللمشاركات اللاحقة أيضًا. اضبطه حقلًا حقلًا في صفحة الشريك.',
    'share.preset.saved': 'تم الحفظ: يمكن لـ {partner} الآن تلقي «{preset}».',
    'share.plan.chooseProfile': 'اختيار ما يمكن أن يتلقاه {partner}',
    'share.plan.leaveFilesOut':
      '{count, plural, one {استبعاد ملف الدليل والتحقق مرة أخرى} other {استبعاد ملفات الأدلة (#) والتحقق مرة أخرى}}',
    'share.plan.totalsBlocked': 'لا حجم بعد: لا يمكن كتابة الحزمة ما دام شيء مما سبق يمنعها.',
    'share.plan.files':
      '{count, plural, zero {لا يوجد ملف أدلة} one {ملف أدلة واحد} two {ملفا أدلة} few {# ملفات أدلة} many {# ملف أدلة} other {# ملف أدلة}}',
    'share.plan.total': 'الحجم الإجمالي: {size}',
    'share.plan.blockers': 'لا يمكن إنشاء هذه الحزمة',
    'share.plan.consents':
      '{count, plural, zero {لا توجد موافقة يُستند إليها} one {موافقة واحدة يُستند إليها} two {موافقتان يُستند إليهما} few {# موافقات يُستند إليها} many {# موافقة يُستند إليها} other {# موافقة يُستند إليها}}',
    'share.gate.title': 'سياسة الشركاء',
    'share.gate.cleared': 'تسمح سياسة الشركاء في منظمتكم بالمشاركة مع {partner}.',
    'share.gate.policyOff': 'سياسة الشركاء معطّلة كليًا أو جزئيًا في هذه الخزنة (الإعدادات ← سياسة الشركاء).',
    'share.gate.blocked': 'لا تسمح سياسة الشركاء في منظمتكم بالمشاركة مع {partner} بعد:',
    'share.gate.reason.due-diligence-pending':
      'العناية الواجبة الخاصة به ما زالت قيد الانتظار. أكملها وسجّل النتيجة بأنها موافَق عليها.',
    'share.gate.reason.due-diligence-conditions':
      'وُوفق على العناية الواجبة الخاصة به بشروط. يجب استيفاء الشروط أولًا، ثم تسجيل النتيجة بأنها موافَق عليها.',
    'share.gate.reason.due-diligence-rejected':
      'رُفضت العناية الواجبة الخاصة به: لا يجوز مشاركة أي شيء معه ما لم توافق عليه عناية واجبة جديدة.',
    'share.gate.reason.due-diligence-review-overdue':
      'كانت مراجعة العناية الواجبة الخاصة به مستحقة في {day} وقد تأخرت. راجعها ثم حدّد موعد المراجعة التالية.',
    'share.gate.reason.agreement-missing': 'لا يوجد اتفاق سرية أو اتفاق لتبادل البيانات معه. سجّل اتفاقًا موقّعًا.',
    'share.gate.reason.agreement-not-signed': 'اتفاق السرية أو تبادل البيانات معه لم يُوقَّع بعد. سجّل تاريخ التوقيع.',
    'share.gate.reason.agreement-expired':
      'انتهى اتفاق السرية أو تبادل البيانات معه في {day}. مدّده أو سجّل اتفاقًا جديدًا.',
    'share.gate.where.dueDiligence': '(الشركاء ← {partner} ← تعديل الشريك ← العناية الواجبة)',
    'share.gate.where.agreement': '(الشركاء ← {partner} ← الاتفاقيات)',
    'share.gate.policyWhere': 'هذه القواعد هي سياسة الشركاء في منظمتكم، وتُضبط من الإعدادات ← سياسة الشركاء.',
    'share.gate.profileEmptyTitle': 'ملف المشاركة الخاص به فارغ',
    'share.gate.profileEmpty':
      'لا يمكن أن يتلقى {partner} أي شيء بعد، فستكون الحزمة فارغة. حدّد ما يمكنه تلقيه في صفحة الشريك، تحت «ملف المشاركة».',
    'share.gate.open': 'افتح صفحة الشريك',
    'share.gate.openHint':
      'تُحفَظ اختياراتك هنا: بعد التصحيح هناك، عُد إلى المشاركة؛ أو صحّحه في نافذة أخرى واختر «تحقّق مرة أخرى».',
    'share.gate.recheck': 'تحقّق مرة أخرى',
    'share.plan.empty.title': 'لن تحتوي هذه الحزمة على أي شيء',
    'share.plan.empty.profile':
      'ملف المشاركة الخاص بـ {partner} فارغ، كما هو الحال مع كل شريك جديد: لا يسمح بمرور أي شيء من القضايا المختارة. حدّد ما يمكنه تلقيه في صفحة الشريك (الشركاء ← {partner} ← ملف المشاركة).',
    'share.plan.empty.other':
      'لا يمكن إرسال أي شيء من القضايا المختارة إلى {partner}، للأسباب المذكورة تحت «ما يبقى هنا». إذا كان ينبغي أن يتلقى المزيد، فوسّع ملف المشاركة الخاص به (الشركاء ← {partner} ← ملف المشاركة)، أو اختر قضايا أخرى.',
    'share.plan.fixHint':
      'تُحفَظ اختياراتك: صحّح في صفحة الشريك، ثم عُد إلى المشاركة وتحقّق مرة أخرى — أو صحّحه في نافذة أخرى، وعُد إلى الخطوة 2 واختر «تحقّق مرة أخرى».',
    'share.plan.receivedCase':
      'القضية {reference} وردت من شريك: سجلها والأشخاص فيها والموافقات تبقى هنا. لا يُرسل إلا الملاحظات والمواعيد والنتائج والأدلة المضافة في هذه الخزنة، ويتلقاها منشئ القضية كإضافات مقترحة.',
    'share.plan.withheld': 'ما يبقى هنا، ولماذا',
    'share.plan.withheld.received':
      '{kind}: {count, plural, zero {لا سجلات واردة} one {سجل واحد وارد} two {سجلان واردان} few {# سجلات واردة} many {# سجلًا واردًا} other {# سجل وارد}} من الشركاء — لا يُعاد إرسال السجلات الواردة أبدًا',
    'share.plan.withheld.received-case':
      '{kind}: {count, plural, zero {لا سجلات} one {سجل واحد} two {سجلان} few {# سجلات} many {# سجلًا} other {# سجل}} من هذه الخزنة في قضية أرسلها شريك — لا يعود إلا الملاحظات والمواعيد والنتائج والأدلة',
    'share.plan.withheld.not-in-profile':
      '{kind}: {count, plural, zero {لا سجلات} one {سجل واحد} two {سجلان} few {# سجلات} many {# سجلًا} other {# سجل}} — ملف المشاركة الخاص بالشريك لا يسمح بمرورها',
    'share.save.title': 'حفظ الحزمة',
    'share.save.hint':
      'اختر مكان الحفظ، وعادةً ما يكون وحدة تخزين قابلة للإزالة تسلّمها. الملف مشفَّر: لا يفتحه إلا مفاتيح الشريك المُتحقَّق منها وهذه الخزنة.',
    'share.save.button': 'حفظ الحزمة…',
    'share.save.progress': 'جارٍ تشفير الحزمة',
    'share.done.title': 'حُفظت الحزمة',
    'share.done.file': 'الملف',
    'share.done.id': 'معرّف الحزمة',
    'share.done.entries': 'المدخلات',
    'share.done.size': 'الحجم',
    'share.done.next': 'عندما يستوردها الشريك يسلّمك إيصالًا: استورده في صندوق التبادل لتُعلَّم الحزمة بأنها سُلِّمت.',
    'share.done.again': 'مشاركة شيء آخر',
    'share.done.inbox': 'فتح صندوق التبادل',
  },
});
