/**
 * After a withdrawal: the partners that received the person's data in a bundle get a signed
 * recall notice (docs/consents.md, "Withdrawal reaches partners"). The engine's recall plan
 * names them; "Write the recall notices…" opens main's save dialog once per partner (the
 * renderer never names a path), and each notice is written to the file chosen. A cancelled
 * dialog leaves that partner to do; a partner without a verified key cannot get one yet.
 */
import { useState } from 'react';
import { useT } from '../../i18n/i18n.js';
import { useAction } from '../../state/use-action.js';
import { Dialog } from '../../components/Dialog.js';
import { Button, SelectField } from '../../components/controls.js';
import { ErrorNotice } from '../../components/feedback.js';
import { call } from '../../vault.js';
import type { RecallAction, RecallPlan } from '../../../shared/domain/recall.js';

export interface RecallTarget {
  consentId: string;
  personName: string;
  plan: RecallPlan;
}

/** The plan for a consent; null when no sent bundle carried the person. */
export async function recallTargetFor(consentId: string, personName: string): Promise<RecallTarget | null> {
  const plan = await call('bundles', 'recallPlan', { consentId });
  return plan.partners.length > 0 ? { consentId, personName, plan } : null;
}

function suggestedName(partner: string): string {
  const slug = partner
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `recall-${slug || 'partner'}.cvrecall`;
}

export function RecallPromptDialog({ target, onClose }: { target: RecallTarget | null; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog title={t('consents.recall.title')} open={target !== null} onClose={onClose}>
      {target && <RecallForm target={target} onClose={onClose} />}
    </Dialog>
  );
}

function RecallForm({ target, onClose }: { target: RecallTarget; onClose: () => void }) {
  const t = useT();
  const [action, setAction] = useState<RecallAction>('restrict');
  /** partner id → the name of the file its notice went to */
  const [written, setWritten] = useState<Record<string, string>>({});
  const { busy, error, run } = useAction();
  const partners = target.plan.partners;
  const writable = partners.filter((p) => p.verifiedKeys > 0);
  const allDone = writable.length > 0 && writable.every((p) => written[p.partnerId] !== undefined);

  const writeAll = () =>
    run(async () => {
      for (const p of writable) {
        if (written[p.partnerId] !== undefined) continue;
        const chosen = await call('files', 'chooseSaveTarget', {
          suggestedName: suggestedName(p.name),
          kind: 'recall',
        });
        if (!chosen) continue; // cancelled: this partner stays to do
        await call('bundles', 'writeRecall', {
          consentId: target.consentId,
          partnerId: p.partnerId,
          action,
          target: chosen.handle,
        });
        setWritten((w) => ({ ...w, [p.partnerId]: chosen.name }));
      }
    });

  return (
    <div className="recall-prompt" aria-busy={busy} data-testid="recall-prompt">
      <p className="notice notice-warn">{t('consents.recall.prompt', { count: partners.length })}</p>
      <p>{t('consents.recall.intro', { name: target.personName })}</p>
      <ul className="recall-partners">
        {partners.map((p) => (
          <li key={p.partnerId} data-partner={p.partnerId}>
            <bdi>{p.name}</bdi> — {t('consents.recall.bundles', { count: p.bundles.length })} —{' '}
            {written[p.partnerId] !== undefined ? (
              <span className="ok-text">{t('consents.recall.state.written', { file: written[p.partnerId]! })}</span>
            ) : p.verifiedKeys === 0 ? (
              <span className="warn-text">{t('consents.recall.state.unverified')}</span>
            ) : (
              t('consents.recall.state.todo')
            )}
          </li>
        ))}
      </ul>
      <SelectField
        label={t('consents.recall.action')}
        hint={t('consents.recall.actionHint')}
        value={action}
        onChange={(e) => setAction(e.target.value as RecallAction)}
        disabled={busy || Object.keys(written).length > 0}
        options={[
          { value: 'restrict', label: t('consents.recall.action.restrict') },
          { value: 'erase', label: t('consents.recall.action.erase') },
        ]}
      />
      <ErrorNotice error={error} />
      {allDone && (
        <p className="notice notice-ok" role="status">
          {t('consents.recall.done')}
        </p>
      )}
      <div className="form-actions">
        {!allDone && (
          <Button variant="primary" onClick={() => void writeAll()} disabled={busy || writable.length === 0}>
            {t('consents.recall.write')}
          </Button>
        )}
        <Button onClick={onClose}>{allDone ? t('consents.recall.close') : t('consents.recall.later')}</Button>
      </div>
    </div>
  );
}
