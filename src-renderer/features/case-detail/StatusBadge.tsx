/** A case's status as a badge: always the status in words (colour only repeats it). */
import { useT } from '../../i18n/i18n.js';
import type { CaseStatus } from '../../../shared/domain/cases.js';
import { labelKey } from '../../i18n/enum-labels.js';

export function StatusBadge({ status, labelled = false }: { status: CaseStatus; labelled?: boolean }) {
  const t = useT();
  const name = t(labelKey('cases.status', status));
  return (
    <span className={`badge badge-${status}`} data-testid="case-status">
      {labelled ? t('caseDetail.statusBadge', { status: name }) : name}
    </span>
  );
}
