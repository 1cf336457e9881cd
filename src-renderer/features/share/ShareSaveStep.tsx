/**
 * Share wizard, step 4: main's save dialog picks where the bundle goes (the user chooses the
 * removable drive there; the renderer only holds a handle), the engine writes it with a
 * progress bar, and the summary shows the bundle id — the one the partner's receipt will name.
 */
import { useState } from 'react';
import { useT, useFormat } from '../../i18n/i18n.js';
import { useNav } from '../../state/navigation.js';
import { useAction } from '../../state/use-action.js';
import { useProgress, useSession } from '../../state/session.js';
import { Button } from '../../components/controls.js';
import { ErrorNotice, ProgressBar } from '../../components/feedback.js';
import { call } from '../../vault.js';
import { BUNDLE_EXTENSION, type BundlePlan } from '../../../shared/domain/bundles.js';
import { digitsOf, fileSafe, todayStamp } from '../../i18n/exchange-format.js';
import type { ShareChoices } from './ShareWizard.js';

interface Done {
  name: string;
  bundleId: string;
  bytes: number;
  entries: number;
}

export function SaveStep({
  choices,
  plan,
  onBack,
  onDone,
  onRestart,
}: {
  choices: ShareChoices;
  plan: BundlePlan;
  onBack: () => void;
  /** the bundle is written: the wizard's choices are not kept beyond this summary */
  onDone: () => void;
  onRestart: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const go = useNav((s) => s.go);
  const progress = useProgress('bundles.export');
  const { busy, error, run } = useAction();
  const [done, setDone] = useState<Done | null>(null);

  const save = () =>
    run(async () => {
      const partner = choices.partner!;
      const first = plan.cases[0]?.reference ?? 'cases';
      const target = await call('files', 'chooseSaveTarget', {
        suggestedName: `${fileSafe(first)}-${fileSafe(partner.name)}-${todayStamp()}${BUNDLE_EXTENSION}`,
        kind: 'bundle',
      });
      if (!target) return;
      useSession.getState().clearProgress('bundles.export');
      const r = await call('bundles', 'export', {
        partnerId: partner.id,
        caseIds: choices.caseIds,
        evidenceIds: choices.evidenceIds,
        purpose: choices.purpose,
        expiresInDays: Number(digitsOf(choices.expiryDays)),
        onMissingConsent: choices.mode,
        target: target.handle,
      });
      setDone({ name: target.name, bundleId: r.bundleId, bytes: r.bytes, entries: r.entries });
      onDone();
    });

  if (done) {
    return (
      <div className="share-done" data-testid="share-done">
        <div role="status" className="notice notice-ok">
          <p className="notice-title">{t('share.done.title')}</p>
          <dl className="dl">
            <dt>{t('share.done.file')}</dt>
            <dd>
              <bdi>{done.name}</bdi>
            </dd>
            <dt>{t('share.done.id')}</dt>
            <dd>
              <bdi className="code" data-testid="bundle-id">
                {done.bundleId}
              </bdi>
            </dd>
            <dt>{t('share.done.entries')}</dt>
            <dd>{f.number(done.entries)}</dd>
            <dt>{t('share.done.size')}</dt>
            <dd>{f.bytes(done.bytes)}</dd>
          </dl>
        </div>
        <p>{t('share.done.next')}</p>
        <div className="form-actions">
          <Button variant="primary" onClick={() => go({ name: 'inbox' })}>
            {t('share.done.inbox')}
          </Button>
          <Button onClick={onRestart}>{t('share.done.again')}</Button>
        </div>
      </div>
    );
  }

  return (
    <div className="share-save" aria-busy={busy}>
      <p>{t('share.plan.to', { partner: plan.partner.name })}</p>
      <p className="hint">{t('share.save.hint')}</p>
      {busy && <ProgressBar event={progress} label={t('share.save.progress')} />}
      <ErrorNotice error={error} />
      <div className="form-actions">
        <Button onClick={onBack} disabled={busy}>
          {t('action.back')}
        </Button>
        <Button variant="primary" onClick={() => void save()} disabled={busy}>
          {t('share.save.button')}
        </Button>
      </div>
    </div>
  );
}
