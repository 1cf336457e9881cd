/** Spanish. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const es: Translation<typeof en> = {
  'settings.languageName': 'Español',
  'settings.title': 'Ajustes',
  'settings.language.title': 'Idioma',
  'settings.language.label': 'Idioma de la aplicación',
  'settings.language.hint': 'Las fechas y los números también siguen el idioma.',
  'settings.language.saved': 'La aplicación está ahora en español.',
  'settings.autoLock.title': 'Bloqueo automático',
  'settings.autoLock.label': 'Bloquear tras estos minutos sin uso',
  'settings.autoLock.hint':
    'De 1 a 60 minutos. La bóveda también se bloquea cuando el equipo entra en suspensión o se bloquea su pantalla, y al instante con Ctrl+L.',
  'settings.autoLock.invalid': 'Introduzca un número entero de minutos entre 1 y 60.',
  'settings.autoLock.save': 'Guardar el tiempo de bloqueo',
  'settings.autoLock.saved':
    '{minutes, plural, one {La bóveda se bloquea ahora tras # minuto sin uso.} other {La bóveda se bloquea ahora tras # minutos sin uso.}}',
  'settings.passphrase.title': 'Cambiar la frase de contraseña',
  'settings.passphrase.intro': 'La clave de recuperación sigue sirviendo: solo cambia la frase de contraseña.',
  'settings.passphrase.current': 'Frase de contraseña actual',
  'settings.passphrase.next': 'Nueva frase de contraseña',
  'settings.passphrase.nextHint': 'Al menos 12 caracteres. Unas cuantas palabras sin relación funcionan bien.',
  'settings.passphrase.confirm': 'Repita la nueva frase de contraseña',
  'settings.passphrase.tooShort': 'Use al menos 12 caracteres.',
  'settings.passphrase.mismatch': 'Las dos nuevas frases de contraseña no coinciden.',
  'settings.passphrase.same': 'La nueva frase de contraseña es igual a la actual.',
  'settings.passphrase.missingCurrent': 'Introduzca la frase de contraseña actual.',
  'settings.passphrase.submit': 'Cambiar la frase de contraseña',
  'settings.passphrase.working': 'Comprobando la frase actual y derivando la nueva clave…',
  'settings.passphrase.done':
    'La frase de contraseña se ha cambiado. Use la nueva la próxima vez que desbloquee la bóveda.',
  'settings.info.title': 'Sobre esta bóveda',
  'settings.info.id': 'Identificador de la bóveda',
  'settings.info.created': 'Creada',
  'settings.info.format': 'Versión del formato de archivo',
  'settings.info.schema': 'Versión del esquema de la base de datos',
  'settings.info.slots': 'Formas de desbloquear',
  'settings.info.slot.passphrase': 'Frase de contraseña, fijada el {date}',
  'settings.info.slot.recovery': 'Clave de recuperación, creada el {date}',
  'settings.info.files': 'Archivos guardados',
  'settings.info.filesValue': '{count, plural, one {# archivo} other {# archivos}}, {size}',
  'settings.info.audit': 'Entradas del registro de auditoría',
  'settings.policy.title': 'Política de socios',
  'settings.policy.intro':
    'Lo que necesita un socio antes de que se comparta con él algo de esta bóveda. Las dos reglas están activas por defecto; cada cambio queda en el registro de auditoría.',
  'settings.policy.dueDiligence': 'Exigir una diligencia debida aprobada',
  'settings.policy.dueDiligenceHint':
    'La diligencia debida del socio debe estar registrada como aprobada —no pendiente, rechazada ni aprobada con condiciones— y su revisión no debe estar atrasada.',
  'settings.policy.agreement': 'Exigir un acuerdo de confidencialidad o de intercambio de datos',
  'settings.policy.agreementHint':
    'Debe estar vigente un acuerdo de confidencialidad o de intercambio de datos firmado con el socio.',
  'settings.policy.offWarning':
    'Con una regla desactivada, los casos pueden ir a socios que nadie ha evaluado. Desactívela solo si su organización lo decidió.',
  'settings.policy.save': 'Guardar la política de socios',
  'settings.policy.saved': 'La política de socios está guardada.',
  'settings.policy.default': 'Nunca modificada: son los valores por defecto.',
  'settings.policy.changed': 'Modificada el {date} por {who}.',
  'settings.policy.changedNoName': 'Modificada el {date}.',
};
