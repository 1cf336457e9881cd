/** Spanish. */
import type { Translation } from '../../i18n/define.js';
import type { en } from './messages.en.js';

export const es: Translation<typeof en> = {
  'home.nav': 'Inicio',
  'home.title': 'Lo que requiere atención',
  'home.today': 'Hoy es {date}.',
  'home.deadlines': 'Plazos',
  'home.deadlines.summary':
    '{overdue, plural, =0 {Ninguno vencido} one {# vencido} other {# vencidos}}, {upcoming, plural, =0 {ninguno pendiente} one {# pendiente} other {# pendientes}} en los próximos {days} días',
  'home.deadlines.none': 'Nada vencido ni pendiente en los próximos {days} días.',
  'home.consents': 'Consentimientos por renovar',
  'home.consents.summary':
    '{count, plural, one {# consentimiento vence} other {# consentimientos vencen}} en {days} días o ha vencido sin renovarse',
  'home.consents.none': 'Ningún consentimiento registrado aquí vence en los próximos {days} días.',
  'home.consents.expired': 'venció el {date}',
  'home.consents.expires': 'vence el {date}',
  'home.reviews': 'Revisiones pendientes',
  'home.reviews.none': 'No hay revisiones de riesgos ni de diligencia debida en los próximos {days} días.',
  'home.reviews.risk': 'Revisión de riesgo',
  'home.reviews.dueDiligence': 'Revisión de diligencia debida',
  'home.reviews.overdue': 'atrasada desde el {date}',
  'home.reviews.due': 'prevista el {date}',
  'home.shown': 'Se muestran los primeros {shown} de {total}.',
  'home.inbox': 'Intercambio y consultas',
  'home.inbox.none': 'Nada espera en la bandeja de intercambio y no hay consultas abiertas.',
  'home.inbox.enquiries':
    '{count, plural, one {# consulta espera una decisión} other {# consultas esperan una decisión}}',
  'home.inbox.quarantined': '{count, plural, one {# paquete en cuarentena} other {# paquetes en cuarentena}}',
  'home.inbox.conflicts':
    '{count, plural, one {# conflicto de importación por resolver} other {# conflictos de importación por resolver}}',
  'home.inbox.proposals':
    '{count, plural, one {# adición propuesta por decidir} other {# adiciones propuestas por decidir}}',
  'home.inbox.recalls':
    '{count, plural, one {# aviso de retirada recibido en los últimos 30 días} other {# avisos de retirada recibidos en los últimos 30 días}}',
  'home.open': 'Abrir',
  'nav.group.casework': 'Casos',
  'nav.group.exchange': 'Intercambio',
  'nav.group.organisation': 'Organización',
  'nav.badge.overdue': '{count, plural, one {# plazo vencido} other {# plazos vencidos}}',
  'nav.badge.enquiries': '{count, plural, one {# consulta abierta} other {# consultas abiertas}}',
  'nav.badge.inbox': '{count} requieren acción',
};
