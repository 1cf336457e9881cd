/**
 * The share wizard (route `share`, from the navigation or a case's "Share with a partner…"):
 *   1. cases (the current one preselected; find and pick more) and which evidence FILES go in;
 *   2. the partner (only one whose key is verified can be chosen: the others are shown
 *      disabled with the reason), the purpose, the expiry, and what to do when someone has not
 *      consented (stop, or leave them out);
 *   3. the consent check (`bundles.plan`): who goes in, who is left out and the gate's reason,
 *      what the partner's sharing profile removes, the total size — nothing is written yet;
 *   4. save: main's save dialog (where the user picks the removable drive), a progress bar
 *      while the bundle is written, and the summary with the bundle id.
 * Every step's error is shown in words at that step. The wizard's state lives in share-store:
 * leaving the wizard (to fix the partner, to look at a case) and coming back keeps it; a consent
 * check made before leaving is dropped (the partner or the records may have changed since), so
 * the wizard comes back at step 2 with everything filled in, one click from checking again.
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n.js';
import { useNav } from '../../state/navigation.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import { CasesStep } from './ShareCasesStep.js';
import { PartnerStep } from './SharePartnerStep.js';
import { CheckStep } from './ShareCheckStep.js';
import { SaveStep } from './ShareSaveStep.js';
import { call } from '../../vault.js';
import { enterShare, planInput, SHARE_STEPS, useShare } from './share-store.js';

export { SHARE_STEPS, type ShareChoices, type ShareStep } from './share-store.js';

export function ShareWizard() {
  const route = useNav((s) => s.route);
  const caseId = route.name === 'share' ? route.caseId : undefined;
  return <Wizard key={caseId ?? ''} initialCaseId={caseId} />;
}

function Wizard({ initialCaseId }: { initialCaseId: string | undefined }) {
  const t = useT();
  // Before the first render, so that a stale step never shows.
  useState(() => enterShare(initialCaseId));
  const { step, choices, plan, setStep, update, planned, finish, start } = useShare();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const index = SHARE_STEPS.indexOf(step);

  // A new step: the focus goes to its heading, so a screen reader says where the user is.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  return (
    <section className="screen screen-share exchange" aria-labelledby="share-title">
      <header className="screen-header">
        <h1 id="share-title" tabIndex={-1}>
          {t('share.title')}
        </h1>
      </header>
      <ol className="wizard-steps" aria-label={t('share.steps')}>
        {SHARE_STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={i < index ? 'step-done' : undefined}>
            <span className="step-number" aria-hidden="true">
              {i + 1}
            </span>{' '}
            {t(`share.step.${s}` as MessageKey)}
          </li>
        ))}
      </ol>
      <section className="card wizard-panel" aria-labelledby="share-step-title">
        <h2 id="share-step-title" tabIndex={-1} ref={headingRef}>
          {t('share.stepOf', { n: index + 1, name: t(`share.step.${step}` as MessageKey) })}
        </h2>
        {step === 'cases' && <CasesStep choices={choices} onChange={update} onNext={() => setStep('partner')} />}
        {step === 'partner' && (
          <PartnerStep choices={choices} onChange={update} onBack={() => setStep('cases')} onPlanned={planned} />
        )}
        {step === 'check' && plan && choices.partner && (
          <CheckStep
            choices={choices}
            plan={plan}
            onReplan={async (patch) => {
              const next = { ...choices, ...patch };
              const fresh = await call('bundles', 'plan', planInput(next));
              useShare.setState({ choices: next, plan: fresh });
            }}
            onBack={() => setStep('partner')}
            onNext={() => setStep('save')}
          />
        )}
        {step === 'save' && plan && choices.partner && (
          <SaveStep
            choices={choices}
            plan={plan}
            onBack={() => setStep('check')}
            onDone={finish}
            onRestart={() => start([])}
          />
        )}
      </section>
    </section>
  );
}
