/** Spanish. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const es: Translation<typeof en> = {
  'backup.title': 'Copia de seguridad',
  'backup.intro':
    'Una copia de seguridad copia la bóveda, tan cifrada como aquí, a una unidad guardada en otro lugar. La frase de contraseña o la clave de recuperación de ese día la abre.',
  'backup.never': 'Todavía no se ha hecho ninguna copia de seguridad.',
  'backup.last': 'Última copia: {date} (instantánea {id}).',
  'backup.dueNever': 'Haga una primera copia: un portátil perdido o incautado se llevaría todos los casos.',
  'backup.dueSince':
    '{days, plural, one {La última copia tiene # día: toca hacer una copia.} other {La última copia tiene # días: toca hacer una copia.}}',
  'backup.drive': 'Carpeta de copias: {name}',
  'backup.noDrive': 'Todavía no se ha elegido una carpeta: la primera copia la pedirá.',
  'backup.now': 'Hacer una copia ahora',
  'backup.chooseDrive': 'Elegir la carpeta de copias',
  'backup.otherDrive': 'Elegir otra carpeta',
  'backup.progress.database': 'Copiando la base de datos…',
  'backup.progress.copying': 'Copiando los archivos de prueba…',
  'backup.progress.manifest': 'Firmando la instantánea…',
  'backup.progress.verifying': 'Leyendo cada archivo de la copia…',
  'backup.done': 'La copia {id} está hecha: {size} escritos en {files, plural, one {# archivo} other {# archivos}}.',
  'backup.reminder.label': 'Recordármelo tras este número de días sin copia',
  'backup.reminder.hint': 'De 1 a 365 días.',
  'backup.reminder.invalid': 'Escriba un número entero de días entre 1 y 365.',
  'backup.reminder.save': 'Guardar el recordatorio',
  'backup.reminder.saved':
    '{days, plural, one {El recordatorio aparece tras # día sin copia.} other {El recordatorio aparece tras # días sin copia.}}',
  'backup.snapshots.title': 'Copias en esta carpeta',
  'backup.snapshots.none': 'Esta carpeta no contiene ninguna copia de esta bóveda.',
  'backup.snapshots.size': '{size} en {files, plural, one {# archivo} other {# archivos}}',
  'backup.snapshots.unreadable': 'Esta copia no se puede leer.',
  'backup.snapshots.erasuresAfter':
    '{count, plural, one {Contiene datos borrados después: se hizo # borrado tras esta copia. Elimínela (guarde menos copias) o destruya la unidad.} other {Contiene datos borrados después: se hicieron # borrados tras esta copia. Elimínela (guarde menos copias) o destruya la unidad.}}',
  'backup.verify.one': 'Verificar {id}',
  'backup.verify.all': 'Verificar todas las copias',
  'backup.verify.ok': 'Verificada',
  'backup.verify.done':
    '{count, plural, one {# copia verificada: cada byte está como se escribió.} other {# copias verificadas: cada byte está como se escribió.}}',
  'backup.prune.keep': 'Conservar las más recientes',
  'backup.prune.hint': 'Las copias más antiguas y los archivos que solo ellas usan se quitan de la carpeta.',
  'backup.prune.invalid': 'Escriba un número entero, al menos 1.',
  'backup.prune.submit': 'Eliminar copias antiguas',
  'backup.prune.confirm':
    '{count, plural, one {Se quitará # copia antigua de esta carpeta. No se puede deshacer.} other {Se quitarán # copias antiguas de esta carpeta. No se puede deshacer.}}',
  'backup.prune.yes': '{count, plural, one {Eliminar # copia} other {Eliminar # copias}}',
  'backup.prune.done':
    '{count, plural, one {# copia eliminada.} other {# copias eliminadas.}} Espacio liberado: {size}.',
  'backup.home.title': 'Copia de seguridad',
  'backup.home.last': 'Última copia: {date}.',
  'backup.home.never': 'Todavía no se ha hecho ninguna copia de seguridad.',
  'backup.home.due': 'Toca hacer una copia de seguridad.',
  'backup.home.ok': 'Las copias de seguridad están al día.',
  'backup.home.open': 'Hacer una copia en Configuración',
  'backup.restore.offer': 'Restaurar una copia de seguridad',
  'backup.restore.title': 'Restaurar una copia de seguridad',
  'backup.restore.intro':
    'Elija la carpeta de la unidad que contiene la copia. Necesitará la frase de contraseña o la clave de recuperación que tenía la bóveda cuando se hizo la copia.',
  'backup.restore.chooseFolder': 'Elegir la carpeta de copias',
  'backup.restore.otherFolder': 'Elegir otra carpeta',
  'backup.restore.none': 'Esta carpeta no contiene ninguna copia de Case Vault.',
  'backup.restore.pick': 'Copia que restaurar',
  'backup.restore.passphrase': 'Frase de contraseña de entonces',
  'backup.restore.passphraseHint': 'La frase de contraseña que tenía la bóveda cuando se hizo esta copia.',
  'backup.restore.missing': 'Escriba la frase de contraseña o la clave de recuperación de entonces.',
  'backup.restore.rekey': 'Dar claves nuevas a la bóveda restaurada',
  'backup.restore.rekeyHint':
    'Tras una incautación o una frase filtrada: nueva frase de contraseña, nueva clave de recuperación y nueva clave de identidad. Los socios verán un cambio de clave.',
  'backup.restore.newPassphrase': 'Nueva frase de contraseña',
  'backup.restore.newConfirm': 'Nueva frase de contraseña otra vez',
  'backup.restore.tooShort': 'Use al menos 12 caracteres.',
  'backup.restore.mismatch': 'Las dos frases nuevas no son iguales.',
  'backup.restore.copying': 'Copiando la copia de seguridad en la bóveda…',
  'backup.restore.checking': 'Comprobando la bóveda restaurada…',
  'backup.restore.submit': 'Restaurar esta copia',
  'backup.restore.back': 'Volver a crear una bóveda',
  'backup.restore.done':
    'La copia {id} del {date} está restaurada ({size}; {count, plural, one {# archivo de prueba} other {# archivos de prueba}}) y superó su comprobación. Abriendo la bóveda…',
};
