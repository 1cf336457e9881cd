/** Spanish. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const es: Translation<typeof en> = {
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
};
