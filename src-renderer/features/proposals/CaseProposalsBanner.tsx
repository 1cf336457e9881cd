/**
 * On a case: "N additions from partners wait for your decision", with the way to the import
 * inbox, where they are read and decided. Shown only when some wait (or the count failed).
 */
import { useT } from '../../i18n/i18n.js';
import { useNav } from '../../state/navigation.js';
import { Button } from '../../components/controls.js';
import { ErrorNotice } from '../../components/feedback.js';
import { call } from '../../vault.js';
import { useProposalsFocus } from './proposals-focus.js';
import './proposals.css';
import { useLoaded } from '../../state/use-loaded.js';

export function CaseProposalsBanner({ caseId }: { caseId: string }) {
  const t = useT();
  const go = useNav((s) => s.go);
  const {
    value: count,
    error,
    reload: load,
  } = useLoaded(
    async () => (await call('proposals', 'list', { status: 'pending', caseId })).length,
    [caseId],
    ['proposals', 'bundles'],
  );

  if (error) return <ErrorNotice error={error} onRetry={() => void load()} />;
  if (!count) return null;
  return (
    <div className="notice notice-warn proposals-banner" data-testid="case-proposals">
      <p>{t('proposals.banner', { count })}</p>
      <Button
        variant="primary"
        onClick={() => {
          useProposalsFocus.getState().request();
          go({ name: 'inbox' });
        }}
      >
        {t('proposals.banner.go')}
      </Button>
    </div>
  );
}
