/** Our identity: the vault's card, QR code and key exports. */
import { defineMessages } from '../../i18n/define.js';

export const identityMessages = defineMessages({
  en: {
    'nav.identity': 'Our identity',
    'identity.title': 'Our identity',
    'identity.intro':
      'Partners know this vault by its contact card: a name, an organisation and a public key, signed by this vault. Give the card to a partner, then compare safety numbers with them so that each side knows the key is genuine.',
    'identity.card.title': 'Our contact card',
    'identity.name': 'Name on the card',
    'identity.nameHint': 'Who partners should ask for, for example the lawyer in charge.',
    'identity.organisation': 'Organisation name',
    'identity.saved': 'The card was updated. Give partners the new card.',
    'identity.key.title': 'Our key',
    'identity.fingerprint': 'Key fingerprint',
    'identity.fingerprintHint':
      'A short check of our public key. The safety number, compared with each partner, is what proves the key.',
    'identity.createdAt': 'Key created',
    'identity.vaultId': 'Vault id',
    'identity.qr.title': 'Card as a QR code',
    'identity.qr.alt': 'QR code of our contact card',
    'identity.qr.hint': 'A partner can scan this code to take our card.',
    'identity.export.title': 'Give the card to a partner',
    'identity.export.hint':
      'The card holds no secret: save it on a drive or send it. Then compare safety numbers with the partner.',
    'identity.export.card': 'Save the card as a file…',
    'identity.export.png': 'Save the QR code as PNG…',
    'identity.export.svg': 'Save the QR code as SVG…',
    'identity.export.done': 'Saved as {name}.',
    'identity.ageKey':
      'The private key can be exported for the stock age tool only from the command line (identity export-age-key), on purpose: whoever holds that file can read every bundle sent to this vault, without the passphrase.',
  },
  fr: {
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
  },
  es: {
    'nav.identity': 'Nuestra identidad',
    'identity.title': 'Nuestra identidad',
    'identity.intro':
      'Los socios conocen esta bóveda por su tarjeta de contacto: un nombre, una organización y una clave pública, firmados por esta bóveda. Entregue la tarjeta a un socio y compare luego con él los números de seguridad para que cada parte sepa que la clave es auténtica.',
    'identity.card.title': 'Nuestra tarjeta de contacto',
    'identity.name': 'Nombre en la tarjeta',
    'identity.nameHint': 'Por quién deben preguntar los socios, por ejemplo la abogada responsable.',
    'identity.organisation': 'Nombre de la organización',
    'identity.saved': 'La tarjeta se actualizó. Entregue la nueva tarjeta a los socios.',
    'identity.key.title': 'Nuestra clave',
    'identity.fingerprint': 'Huella de la clave',
    'identity.fingerprintHint':
      'Una comprobación breve de nuestra clave pública. Lo que prueba la clave es el número de seguridad, comparado con cada socio.',
    'identity.createdAt': 'Clave creada',
    'identity.vaultId': 'Identificador de la bóveda',
    'identity.qr.title': 'La tarjeta como código QR',
    'identity.qr.alt': 'Código QR de nuestra tarjeta de contacto',
    'identity.qr.hint': 'Un socio puede escanear este código para tomar nuestra tarjeta.',
    'identity.export.title': 'Entregar la tarjeta a un socio',
    'identity.export.hint':
      'La tarjeta no contiene ningún secreto: guárdela en una unidad o envíela. Después compare los números de seguridad con el socio.',
    'identity.export.card': 'Guardar la tarjeta como archivo…',
    'identity.export.png': 'Guardar el código QR como PNG…',
    'identity.export.svg': 'Guardar el código QR como SVG…',
    'identity.export.done': 'Guardado como {name}.',
    'identity.ageKey':
      'La clave privada solo puede exportarse para la herramienta age estándar desde la línea de comandos (identity export-age-key), a propósito: quien tenga ese archivo puede leer todos los paquetes enviados a esta bóveda, sin la frase de contraseña.',
  },
  ar: {
    'nav.identity': 'هويتنا',
    'identity.title': 'هويتنا',
    'identity.intro':
      'يعرف الشركاء هذه الخزنة من خلال بطاقة الاتصال الخاصة بها: اسم ومنظمة ومفتاح عام، موقَّعة من هذه الخزنة. سلّم البطاقة إلى الشريك، ثم قارن معه أرقام الأمان ليتأكد كل طرف من أن المفتاح أصلي.',
    'identity.card.title': 'بطاقة الاتصال الخاصة بنا',
    'identity.name': 'الاسم على البطاقة',
    'identity.nameHint': 'الشخص الذي ينبغي للشركاء السؤال عنه، مثل المحامية المسؤولة.',
    'identity.organisation': 'اسم المنظمة',
    'identity.saved': 'حُدِّثت البطاقة. سلّم البطاقة الجديدة إلى الشركاء.',
    'identity.key.title': 'مفتاحنا',
    'identity.fingerprint': 'بصمة المفتاح',
    'identity.fingerprintHint':
      'تحقق مختصر من مفتاحنا العام. أما ما يثبت المفتاح فهو رقم الأمان الذي يُقارَن مع كل شريك.',
    'identity.createdAt': 'تاريخ إنشاء المفتاح',
    'identity.vaultId': 'معرّف الخزنة',
    'identity.qr.title': 'البطاقة على شكل رمز QR',
    'identity.qr.alt': 'رمز QR لبطاقة الاتصال الخاصة بنا',
    'identity.qr.hint': 'يمكن للشريك مسح هذا الرمز للحصول على بطاقتنا.',
    'identity.export.title': 'تسليم البطاقة إلى شريك',
    'identity.export.hint':
      'لا تحتوي البطاقة على أي سر: احفظها على وحدة تخزين أو أرسلها. ثم قارن أرقام الأمان مع الشريك.',
    'identity.export.card': 'حفظ البطاقة في ملف…',
    'identity.export.png': 'حفظ رمز QR بصيغة PNG…',
    'identity.export.svg': 'حفظ رمز QR بصيغة SVG…',
    'identity.export.done': 'حُفظ باسم {name}.',
    'identity.ageKey':
      'لا يمكن تصدير المفتاح الخاص لأداة age القياسية إلا من سطر الأوامر (identity export-age-key)، وذلك عن قصد: من يحوز هذا الملف يستطيع قراءة كل حزمة أُرسلت إلى هذه الخزنة دون عبارة المرور.',
  },
});
