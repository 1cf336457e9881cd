/** Spanish. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const es: Translation<typeof en> = {
  'erasure.person.action': 'Borrar a esta persona',
  'erasure.person.title': 'Borrar a esta persona para siempre',
  'erasure.person.intro':
    'Se borra todo lo registrado sobre {name}: nombres, alias, contacto, notas de seguridad, fecha de nacimiento, vulnerabilidades, notas, cada papel en un caso y cada consentimiento. Donde una consulta daba su nombre, pasa a ser «[erased]». Queda un registro sin nombre: que se borró a una persona, cuándo, y qué consentimientos existían y en qué estado.',
  'erasure.evidence.action': 'Borrar',
  'erasure.evidence.title': 'Borrar esta prueba para siempre',
  'erasure.evidence.intro':
    'Se borran la prueba «{name}» y cada copia de trabajo hecha a partir de ella: sus descripciones y sus archivos, cuyas claves se destruyen. El registro de custodia se cierra con el motivo que indique y la huella del archivo (SHA-256).',
  'erasure.case.action': 'Purgar este caso',
  'erasure.case.title': 'Purgar este caso para siempre',
  'erasure.case.intro':
    'El caso {name} se purga con todo su contenido: notas, plazos, resultados, pruebas y archivos, consentimientos, papeles y la consulta de la que surgió. Las personas que solo están en este caso se borran con él; las que también están en otro caso conservan su ficha.',
  'erasure.irreversible':
    'No se puede deshacer. Las copias de seguridad hechas antes conservan los datos hasta que las elimine.',
  'erasure.reason': 'Motivo',
  'erasure.reason.hint': 'Por qué se borra. Solo se guarda una huella. No nombre a nadie.',
  'erasure.reason.hintEvidence': 'Por qué se borra. Se guarda en el registro de custodia. No nombre a nadie.',
  'erasure.confirm': 'Entiendo que no se puede deshacer',
  'erasure.withoutRecall': 'Borrar de todos modos: pediré a estos socios por otra vía que eliminen su copia',
  'erasure.submit.person': 'Borrar a la persona',
  'erasure.submit.evidence': 'Borrar la prueba',
  'erasure.submit.case': 'Purgar el caso',
  'erasure.done.person': 'Se borró a la persona.',
  'erasure.done.evidence':
    '{count, plural, =0 {Se borró la prueba.} one {Se borraron la prueba y su copia.} other {Se borraron la prueba y sus # copias.}}',
  'erasure.done.case': 'Se purgó el caso.',
  'erasure.partners.title': 'Socios que recibieron estos datos',
  'erasure.partners.hint': 'Conservan su copia hasta que la eliminen. Pídaselo.',
  'erasure.partners.recallSent': 'se envió un aviso de retirada',
  'erasure.partners.noRecall': 'no se envió ningún aviso de retirada',
  'erasure.finish': 'Listo',
  'error.ERASURE_RECALL_PENDING':
    'Hay socios que recibieron los datos de esta persona y a los que no se envió ningún aviso de retirada. Retire el consentimiento y envíe primero los avisos (no pueden redactarse una vez borrados los consentimientos), o borre de todos modos y avíseles por otra vía.',
  'audit.action.evidence.erased': 'Prueba borrada',
  'audit.action.person.erased': 'Persona borrada',
  'audit.action.case.purged': 'Caso purgado',
  'audit.action.policy.retention-changed': 'Plazo de conservación modificado',
  'retention.title': 'Conservación',
  'retention.intro':
    'Cuántos años después de cerrarse un caso se somete a revisión. Nada se elimina solo: revise cada caso y púrguelo, o consérvelo.',
  'retention.years': 'Años tras el cierre',
  'retention.yearsHint': 'De 1 a 100. Déjelo vacío si no hay plazo de conservación.',
  'retention.save': 'Guardar el plazo de conservación',
  'retention.saved': 'Plazo de conservación guardado.',
  'retention.notSet': 'No hay ningún plazo de conservación.',
  'retention.review.title': '{years, plural, one {Cerrados hace más de un año} other {Cerrados hace más de # años}}',
  'retention.review.none': 'Ningún caso cerrado ha superado el plazo de conservación.',
  'retention.review.label': 'Casos cerrados que superan el plazo de conservación',
  'retention.review.col.case': 'Caso',
  'retention.review.col.closed': 'Cerrado',
  'retention.review.closedOn': '{date} (hace {years, plural, one {# año} other {# años}})',
};
