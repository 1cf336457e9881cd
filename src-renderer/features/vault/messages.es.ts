/** Spanish. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const es: Translation<typeof en> = {
  'vault.create.title': 'Cree su bóveda',
  'vault.create.intro':
    'Todo lo que guarde aquí se cifra con una clave derivada de su frase de contraseña. Elija una frase larga que pueda recordar; nadie podrá recuperarla por usted.',
  'vault.create.passphrase': 'Frase de contraseña',
  'vault.create.passphraseHint': 'Al menos 12 caracteres. Unas cuantas palabras sin relación funcionan bien.',
  'vault.create.confirm': 'Repita la frase de contraseña',
  'vault.create.mismatch': 'Las dos frases de contraseña no coinciden.',
  'vault.create.tooShort': 'Use al menos 12 caracteres.',
  'vault.create.submit': 'Crear bóveda',
  'vault.create.working': 'Creando la bóveda y midiendo este equipo…',
  'vault.recovery.title': 'Anote su clave de recuperación',
  'vault.recovery.intro':
    'Si olvida su frase de contraseña, esta clave es la única forma de entrar en la bóveda. Escríbala en papel y guárdela en un lugar seguro, lejos de este equipo. No se volverá a mostrar.',
  'vault.recovery.keyLabel': 'Clave de recuperación',
  'vault.recovery.copy': 'Copiar',
  'vault.recovery.copied': 'Copiada. El portapapeles se vaciará en {seconds} segundos.',
  'vault.recovery.confirm': 'He anotado la clave de recuperación y la he guardado en un lugar seguro',
  'vault.recovery.continue': 'Abrir la bóveda',
  'vault.unlock.title': 'Desbloquear la bóveda',
  'vault.unlock.passphrase': 'Frase de contraseña',
  'vault.unlock.submit': 'Desbloquear',
  'vault.unlock.working': 'Derivando la clave de su frase de contraseña…',
  'vault.unlock.useRecovery': 'Usar la clave de recuperación',
  'vault.unlock.usePassphrase': 'Usar la frase de contraseña',
  'vault.unlock.recoveryKey': 'Clave de recuperación',
  'vault.unlock.recoveryHint': 'Los espacios y guiones no importan.',
  'vault.unlock.attemptsLeft':
    '{count, plural, one {Un intento fallido más destruye las claves de esta bóveda.} other {# intentos fallidos más destruyen las claves de esta bóveda.}} Entonces solo una copia de seguridad podría restaurarla.',
  'vault.starting': 'Iniciando…',
};
