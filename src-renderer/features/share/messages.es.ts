/** Spanish. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const es: Translation<typeof en> = {
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
  'share.plan.leaveOutNow': 'Dejarlos fuera y comprobar de nuevo',
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
  'share.plan.totalsBlocked': 'Aún sin tamaño: el paquete no puede escribirse mientras algo de lo anterior lo impida.',
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
};
