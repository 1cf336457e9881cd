/** Spanish. */
import type { Translation } from './define.js';
import type { en } from './common-messages.en.js';

export const es: Translation<typeof en> = {
  'app.name': 'Case Vault',
  'app.skipToContent': 'Saltar al contenido',
  'nav.label': 'Principal',
  'nav.cases': 'Casos',
  'nav.enquiries': 'Consultas',
  'nav.search': 'Búsqueda',
  'nav.partners': 'Socios',
  'nav.risks': 'Riesgos',
  'nav.audit': 'Registro de auditoría',
  'nav.settings': 'Ajustes',
  'lock.button': 'Bloquear',
  'lock.hint': 'Bloquear la bóveda ahora (Ctrl+L)',
  'panic.button': 'Pánico',
  'panic.hint':
    'Bloquear en el acto y vaciar la ventana, sin confirmación (Ctrl+Mayús+L, desde cualquier lugar de la aplicación)',
  'locked.idle': 'La bóveda se bloqueó tras un periodo de inactividad.',
  'locked.suspend': 'La bóveda se bloqueó porque el equipo entró en suspensión.',
  'locked.screen-lock': 'La bóveda se bloqueó porque se bloqueó la pantalla.',
  'locked.user': 'La bóveda está bloqueada.',
  'locked.shutdown': 'La bóveda se bloqueó porque el motor se detuvo.',
  'locked.panic': 'La bóveda está bloqueada.',
  'action.save': 'Guardar',
  'action.cancel': 'Cancelar',
  'action.close': 'Cerrar',
  'action.add': 'Añadir',
  'action.edit': 'Editar',
  'action.back': 'Volver',
  'action.retry': 'Reintentar',
  'action.loadMore': 'Cargar más',
  'state.loading': 'Cargando…',
  'state.empty': 'Todavía no hay nada.',
  'state.none': '—',
  'progress.label': 'Progreso',
  'progress.percent': '{percent} % completado',
  'form.requiredMark': 'obligatorio',
  'form.error.required': 'Rellene este campo.',
  'form.error.tooLong': 'Demasiado largo: {max} caracteres como máximo.',
  'form.error.invalid': 'No es válido. Revise lo introducido aquí.',
  'form.error.number': 'Introduzca un importe como {example}.',
  'form.errorsBelow': 'Algunos campos requieren atención: vea los mensajes debajo de ellos.',
  'form.notSet': 'Sin indicar',
  'form.dayChosen': 'Fecha elegida: {day}',
  'error.title': 'No funcionó',
  'error.details': 'Detalles técnicos',
  'error.generic': 'Algo salió mal. No se cambió nada.',
  'error.VAULT_LOCKED': 'La bóveda está bloqueada. Desbloquéela para continuar.',
  'error.BAD_PASSPHRASE': 'Esa frase de contraseña o clave de recuperación no desbloquea esta bóveda.',
  'error.VAULT_KEYS_DESTROYED':
    'Las claves de esta bóveda fueron destruidas: ninguna frase de contraseña ni clave de recuperación puede abrirla ya. Restaure la bóveda desde una copia de seguridad.',
  'error.WEAK_PASSPHRASE': 'La frase de contraseña es demasiado corta: use al menos 12 caracteres.',
  'error.PASSPHRASE_NOT_UTF8':
    'La frase de contraseña contiene caracteres que no son texto. Use letras, cifras y signos corrientes.',
  'error.RECOVERY_KEY_MALFORMED': 'Eso no parece una clave de recuperación. Revise cada grupo de caracteres.',
  'error.VAULT_BUSY':
    'La bóveda está abierta en otro programa (quizá la herramienta de línea de comandos). Ciérrela primero.',
  'error.INVALID_INPUT': 'Parte de lo introducido no es válido.',
  'error.NOT_FOUND': 'Ese registro ya no existe.',
  'error.CONFLICT': 'Otra persona cambió este registro mientras tanto. Recárguelo y vuelva a hacer el cambio.',
  'error.CONSENT_DENIED': 'El consentimiento registrado no lo permite.',
  'error.INVALID_TRANSITION': 'Ese cambio de estado no está permitido desde el estado actual.',
  'error.DUPLICATE': 'Esto ya existe.',
  'error.FILE_HANDLE_INVALID': 'La elección de archivo caducó. Vuelva a elegir el archivo.',
  'error.EVIDENCE_UNREADABLE': 'Ese archivo no se puede leer ni mostrar.',
  'error.FORBIDDEN': 'Esta ventana no puede usar la bóveda.',
  'error.INTERNAL': 'Algo salió mal dentro de la aplicación. No se cambió nada.',
  'error.PERSON_NOT_IN_CASE': 'Esa persona no forma parte de este caso. Vincúlela primero al caso.',
  'error.CONSENT_ALREADY_WITHDRAWN': 'Este consentimiento ya fue retirado.',
  'error.CONSENT_REFUSED_CANNOT_WITHDRAW': 'Un consentimiento rechazado no se puede retirar: no se dio nada.',
  'error.CONFLICT_CHECK_UNRESOLVED':
    'La comprobación de conflictos encontró coincidencias. Revíselas y confírmelas antes de aceptar.',
  'error.EXPORT_TARGET_EXISTS': 'Ya existe un archivo con ese nombre. Elija otro nombre: nunca se sobrescribe nada.',
  'error.EVIDENCE_HASH_MISMATCH':
    'El archivo guardado ya no coincide con su huella. No confíe en él; ejecute la comprobación de la bóveda.',
  'error.IO_ERROR': 'No se pudo leer o escribir el archivo. Revise la unidad e inténtelo de nuevo.',
  'error.DISK_FULL': 'El disco está lleno. No quedó nada a medio escribir: libere espacio e inténtelo de nuevo.',
  'error.FILE_UNREADABLE': 'No se puede leer ese archivo. Compruebe que sigue existiendo y que puede leerlo.',
  'error.IDENTITY_MISSING':
    'Esta bóveda todavía no tiene clave de identidad. Bloquéela y desbloquéela una vez para crearla.',
  'error.CARD_TOO_LARGE': 'Ese archivo es demasiado grande para ser una tarjeta de contacto.',
  'error.CARD_INVALID': 'Ese archivo no es una tarjeta de contacto de Case Vault válida.',
  'error.QR_IMAGE_TOO_LARGE':
    'Esa imagen es demasiado grande para leerla (como máximo 20 MB y 40 megapíxeles). Haga una captura de pantalla o una foto más pequeña del código.',
  'error.QR_IMAGE_UNREADABLE': 'Ese archivo no es una imagen PNG o JPEG, o está dañado.',
  'error.QR_NOT_FOUND':
    'No se encontró ningún código QR en esa imagen. Tome una foto más nítida y cercana, con todo el código a la vista.',
  'error.QR_NOT_A_CARD': 'El código QR de esa imagen no es una tarjeta de contacto de Case Vault.',
  'error.QR_NOT_A_SAFETY_NUMBER': 'El código QR de esa imagen no es un número de seguridad de Case Vault.',
  'error.CARD_UNSUPPORTED_VERSION':
    'Esa tarjeta de contacto la creó una versión más reciente de Case Vault. Actualice la aplicación.',
  'error.CARD_KEY_INVALID': 'La clave de esa tarjeta de contacto no es válida.',
  'error.CARD_SIGNATURE_INVALID':
    'La firma de esa tarjeta de contacto no coincide con su contenido: se modificó después de crearse. No la use.',
  'error.CARD_IS_OWN': 'Es la propia tarjeta de contacto de esta bóveda.',
  'error.CARD_KEY_CONFLICT':
    'Esa clave ya pertenece a otra bóveda de su lista de socios. No use esta tarjeta sin comprobarlo antes con el socio.',
  'error.SAFETY_NUMBER_MISMATCH':
    'Los números no coinciden. No confíe en esta clave: puede que la tarjeta no venga del socio. Compruebe que ambos abrieron el socio correcto y pida de nuevo su tarjeta de contacto por otro canal.',
  'error.KEY_REPLACED': 'Esa clave fue sustituida por una más reciente: verifique la clave actual.',
  'error.BUNDLE_PARTNER_NOT_VERIFIED':
    'Este socio no tiene ninguna clave verificada. Importe primero su tarjeta de contacto y compare los números de seguridad.',
  'error.BUNDLE_CONSENT_MISSING':
    'Alguien de estos casos no consintió este intercambio, y usted eligió detenerse en ese caso. No se escribió nada.',
  'error.BUNDLE_NOT_FOR_US': 'Este paquete no se creó para esta bóveda: no se puede abrir aquí.',
  'error.BUNDLE_PASSPHRASE_REQUIRED':
    'Este paquete está sellado con una frase de contraseña: indique la que le comunicó su remitente.',
  'error.BUNDLE_PASSPHRASE_WRONG': 'Esa frase de contraseña no abre este paquete. No se importó nada.',
  'error.BUNDLE_NOT_PASSPHRASE':
    'Este archivo no es un paquete sellado solo con una frase de contraseña: ábralo sin frase de contraseña.',
  'error.BUNDLE_TAR_INVALID': 'El interior de este paquete está mal formado. No se importó nada.',
  'error.BUNDLE_UNSIGNED':
    'Este paquete no está firmado, así que no se puede saber quién lo envió. No se importó nada.',
  'error.BUNDLE_FORMAT_TOO_NEW':
    'Este archivo fue creado por una versión más reciente de Case Vault. Actualice Case Vault en este equipo y vuelva a abrirlo. No se cambió nada.',
  'error.BUNDLE_MANIFEST_INVALID': 'La lista del contenido de este paquete no es válida. No se importó nada.',
  'error.BUNDLE_SIGNATURE_INVALID':
    'La firma de este paquete no coincide: se modificó o lo firmó otra clave. No se importó nada.',
  'error.BUNDLE_NOT_LISTED': 'La lista firmada de destinatarios del paquete no nombra esta bóveda. No se importó nada.',
  'error.BUNDLE_EXPIRED': 'Este paquete caducó: pida uno nuevo al remitente. No se importó nada.',
  'error.BUNDLE_FROM_SELF': 'Este paquete lo creó esta bóveda: no hay nada que importar.',
  'error.BUNDLE_ENTRY_NAME': 'El paquete contiene una entrada con un nombre prohibido. No se importó nada.',
  'error.BUNDLE_ENTRY_UNEXPECTED': 'El paquete contiene algo que su lista firmada no nombra. No se importó nada.',
  'error.BUNDLE_ENTRY_MISSING': 'Falta en el paquete algo que su lista firmada nombra. No se importó nada.',
  'error.BUNDLE_ENTRY_ORDER': 'Las entradas del paquete no están en su orden firmado. No se importó nada.',
  'error.BUNDLE_ENTRY_HASH': 'Una entrada del paquete no coincide con su huella: se modificó. No se importó nada.',
  'error.BUNDLE_ENTRY_TOO_LARGE': 'Una entrada del paquete supera el tamaño permitido. No se importó nada.',
  'error.BUNDLE_RECORD_INVALID': 'Un registro del paquete no es válido. No se importó nada.',
  'error.BUNDLE_SENDER_NOT_VERIFIED':
    'La clave del remitente aún no está verificada. Verifíquela en la página del socio y luego acepte el paquete.',
  'error.RECEIPT_INVALID': 'Ese archivo no es un acuse de recibo válido.',
  'error.RECEIPT_UNKNOWN_BUNDLE': 'Ese acuse de recibo es de un paquete que esta bóveda no envió.',
  'error.RECEIPT_MISMATCH':
    'Ese acuse de recibo no coincide con el paquete enviado: puede ser de una copia modificada.',
  'error.RECEIPT_SIGNATURE_INVALID': 'Ese acuse de recibo no está firmado por el socio al que se envió el paquete.',
  'error.AGE_HEADER_INVALID': 'Este archivo no es un paquete intacto: su cabecera está dañada. No se importó nada.',
  'error.AGE_HEADER_TOO_LARGE':
    'Este archivo no es un paquete intacto: su cabecera es demasiado grande. No se importó nada.',
  'error.AGE_UNSUPPORTED_VERSION': 'Este archivo usa un formato de cifrado que esta versión no lee.',
  'error.AGE_STANZA_INVALID':
    'Este archivo no es un paquete intacto: una entrada de destinatario está dañada. No se importó nada.',
  'error.AGE_NO_IDENTITY_MATCHED': 'Este paquete no se cifró para esta bóveda: no se puede abrir aquí.',
  'error.AGE_HEADER_MAC_INVALID': 'La cabecera del paquete se modificó o está dañada. No se importó nada.',
  'error.AGE_PAYLOAD_CORRUPT': 'Una parte del paquete se modificó o está dañada. No se importó nada.',
  'error.AGE_TRUNCATED': 'El paquete está incompleto: puede que la copia se interrumpiera. No se importó nada.',
  'error.AGE_TRAILING_DATA': 'Se añadió algo al final del paquete. No se importó nada.',
  'error.BUNDLE_EMPTY':
    'Este paquete no contendría nada: el perfil de intercambio del socio, el consentimiento o el origen de los registros no dejan pasar nada de los casos elegidos. Defina lo que el socio puede recibir en su página (Perfil de intercambio). No se escribió nada.',
  'error.PARTNER_NOT_CLEARED':
    'La política de socios de su organización aún no permite compartir con este socio: su diligencia debida debe estar aprobada y debe haber un acuerdo de confidencialidad o de intercambio de datos vigente. Corríjalo en la página del socio. No se escribió nada.',
  'error.BUNDLE_ORIGIN_MISMATCH':
    'Este paquete trae registros que su remitente no creó: un socio solo puede enviar lo que creó él mismo. No se importó nada.',
  'error.BUNDLE_NOT_ORIGINATOR':
    'Este paquete intenta cambiar registros que no pertenecen a su remitente: los nuestros o los de otra organización. No se importó nada.',
  'error.BUNDLE_FOREIGN_LINK':
    'Este paquete vincula algo a una persona, un caso o una prueba que su remitente no creó. No se importó nada.',
  'error.BUNDLE_EVIDENCE_CHANGED':
    'Este paquete declara para una prueba otro archivo distinto del que su remitente declaró antes: un archivo de prueba nunca cambia. No se importó nada.',
  'error.BUNDLE_RECORD_COLLISION':
    'Un registro de este paquete choca con otro registro distinto que ya está en esta bóveda. No se importó nada.',
  'error.BUNDLE_NOT_YET_VALID':
    'Este paquete dice haber sido creado en el futuro: compruebe la fecha y la hora de ambos ordenadores. No se importó nada.',
  'error.RECALL_NOTHING_TO_RECALL':
    'Ningún paquete enviado desde esta bóveda contenía los datos de esta persona: no hay nada que retirar.',
  'error.RECALL_INVALID': 'No es un aviso de retirada válido: no se puede aplicar.',
  'error.RECALL_UNKNOWN': 'Ese acuse de recibo corresponde a un aviso de retirada que esta bóveda no envió.',
  'error.BACKUP_NOT_FOUND':
    'Ahí no hay ninguna copia de seguridad de Case Vault. Compruebe que la unidad está conectada y que eligió la carpeta correcta.',
  'error.BACKUP_MANIFEST_INVALID':
    'El índice de esta copia está dañado o fue alterado; no se usó. Pruebe con otra copia.',
  'error.BACKUP_FORMAT_TOO_NEW':
    'Esta copia la hizo una versión más reciente de Case Vault. Actualice la aplicación para leerla.',
  'error.BACKUP_SIGNATURE_INVALID': 'La firma de esta copia no es válida: se alteró después de escribirse. No se usó.',
  'error.BACKUP_MAC_INVALID': 'Esta copia dice ser de esta bóveda pero no la escribió ella. No se usó.',
  'error.BACKUP_OTHER_VAULT': 'Esta copia pertenece a otra bóveda. No se usó.',
  'error.BACKUP_FILE_MISSING': 'Falta en la unidad un archivo de esta copia: no se puede restaurar por completo.',
  'error.BACKUP_FILE_TRUNCATED':
    'Un archivo de esta copia está incompleto en la unidad: no se puede restaurar por completo.',
  'error.BACKUP_FILE_MISMATCH': 'Un archivo de esta copia fue alterado o sustituido en la unidad: no es fiable.',
  'error.BACKUP_DRIVE_FULL':
    'La unidad está llena. Esta copia no cuenta; elimine copias antiguas o use una unidad más grande.',
  'error.BACKUP_RESTORE_TARGET_EXISTS':
    'Ya existe una bóveda aquí: una restauración nunca sustituye una bóveda. No se cambió nada.',
  'error.BACKUP_RESTORE_CHECK_FAILED': 'La bóveda restaurada no supera su comprobación. Pruebe con una copia anterior.',
  'error.IMPORT_NOT_CSV':
    'Es un libro de cálculo, no un archivo CSV. Ábralo en la hoja de cálculo y guárdelo como «CSV UTF-8 (delimitado por comas)».',
  'error.IMPORT_ENCODING_UNKNOWN':
    'No se reconoce la codificación del texto del archivo. Guárdelo de nuevo como «CSV UTF-8».',
  'error.IMPORT_HEADER_INVALID':
    'La primera fila debe nombrar cada columna una sola vez: hay un encabezado vacío o repetido.',
  'error.IMPORT_MAPPING_INCOMPLETE':
    'Un campo que necesita cada registro nuevo no tiene columna, o la correspondencia nombra una columna que el archivo no tiene.',
  'error.IMPORT_MAPPING_UNKNOWN':
    'No existe ninguna correspondencia guardada con ese nombre para este tipo de registro.',
  'error.IMPORT_ALREADY_IMPORTED': 'Este mismo archivo ya se importó. Marque «Importarlo de nuevo» si es lo que desea.',
  'error.IMPORT_TOO_MANY_ROWS':
    'El archivo tiene demasiadas líneas. Divídalo en archivos más pequeños e impórtelos uno tras otro.',
  'error.IMPORT_ROW_MALFORMED':
    'Las comillas de esta fila están mal formadas (una comilla dentro de una celda, o sin cerrar).',
  'error.IMPORT_ROW_RAGGED': 'Esta fila tiene más o menos celdas que columnas el encabezado.',
  'error.IMPORT_ROW_TOO_LARGE': 'Esta fila es demasiado grande para importarla.',
  'error.IMPORT_CELL_TOO_LARGE': 'Una celda de esta fila es demasiado grande para importarla.',
  'error.IMPORT_ENCODING_INVALID': 'Esta fila contiene caracteres no válidos en la codificación del archivo.',
  'error.IMPORT_FORMULA': 'Una celda contiene una fórmula, no un valor. Sustitúyala por su valor.',
  'error.IMPORT_UNKNOWN_ID':
    'El identificador de esta fila no es de ningún registro de esta bóveda: una importación nunca crea un registro con un identificador dado.',
  'error.IMPORT_UNKNOWN_CASE': 'Ningún caso de esta bóveda tiene la referencia que indica esta fila.',
  'error.IMPORT_LIKELY_DUPLICATE':
    'Parece alguien o algo que ya está en la bóveda: no se añade dos veces. Añádalo en la aplicación, donde se muestra la coincidencia, o indique su identificador para actualizarlo.',
  'error.IMPORT_NOT_UPDATABLE':
    'Una importación no puede hacer este cambio (estado, fecha de apertura o referencia de un caso; solicitud o plazo con identificador).',
  'error.SYNC_MEMBER_UNKNOWN':
    'Esta bóveda no es miembro del equipo: añada su tarjeta de contacto en la pantalla Equipo y verifíquela primero. No se cambió nada.',
  'error.SYNC_MEMBER_NOT_VERIFIED':
    'La clave de este miembro del equipo no está verificada: compare primero el número de seguridad con él. No se cambió nada.',
  'error.SYNC_MEMBER_REMOVED':
    'Este miembro fue retirado del equipo: ya no se intercambia nada con él. No se cambió nada.',
  'error.SYNC_MEMBER_IS_PARTNER':
    'Esta tarjeta pertenece a una organización socia, no a un ordenador de su equipo. No se añadió.',
  'error.SYNC_BUNDLE_INVALID': 'Este no es un archivo de sincronización del equipo válido. No se cambió nada.',
  'error.SYNC_ORIGIN_MISMATCH':
    'Este archivo de sincronización lleva cambios que su remitente no hizo. Fue rechazado; no se cambió nada.',
  'error.SYNC_CHANGE_REFUSED':
    'Este archivo de sincronización lleva un cambio que la sincronización del equipo no acepta (o su fecha es errónea). Fue rechazado entero; no se cambió nada.',
};
