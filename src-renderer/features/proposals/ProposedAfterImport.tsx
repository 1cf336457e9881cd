/**
 * In the import result: how many additions of the bundle wait for a person's decision, and the
 * way to them (the inbox's "Proposed additions" section, scrolled to and focused).
 */
import { useT } from '../../i18n/i18n.js';
import { Button } from '../../components/controls.js';
import type { ImportResult } from '../../../shared/domain/bundles.js';
import { useProposalsFocus } from './proposals-focus.js';

export function ProposedAfterImport({ result }: { result: ImportResult }) {
  const t = useT();
  const request = useProposalsFocus((s) => s.request);
  const count = result.counts.proposed;
  if (!count) return null;
  return (
    <div className="notice notice-warn proposals-after-import" data-testid="import-proposed">
      <p role="status">{t('proposals.afterImport', { count })}</p>
      <Button variant="primary" onClick={request}>
        {t('proposals.afterImport.go')}
      </Button>
    </div>
  );
}
