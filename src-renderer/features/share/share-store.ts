/**
 * The share wizard's state, kept while the user goes elsewhere (the partner's page, a case) and
 * comes back: the step, the choices and the consent check. Emptied by the lock (the choices
 * name cases and a partner) and after a bundle was written (`finish`: the next visit starts
 * over). Any change of what goes in drops the check, which is then stale.
 */
import { create } from 'zustand';
import type { BundlePlan, MissingConsentMode, PlanBundleInput } from '../../../shared/domain/bundles.js';
import type { PartnerDetail } from '../../../shared/domain/partners.js';
import { resetOnLock } from '../../state/lock-reset.js';
import { digitsOf } from '../../i18n/exchange-format.js';

export const SHARE_STEPS = ['cases', 'partner', 'check', 'save'] as const;
export type ShareStep = (typeof SHARE_STEPS)[number];

/** What the user chose so far. */
export interface ShareChoices {
  caseIds: string[];
  evidenceIds: string[];
  partner: PartnerDetail | null;
  purpose: string;
  expiryDays: string;
  mode: MissingConsentMode;
}

interface ShareState {
  step: ShareStep;
  choices: ShareChoices;
  plan: BundlePlan | null;
  /** a bundle was written: the summary is on screen, the next visit starts over */
  finished: boolean;
  setStep(step: ShareStep): void;
  update(patch: Partial<ShareChoices>): void;
  planned(plan: BundlePlan): void;
  finish(): void;
  /** start over, with these cases chosen */
  start(caseIds: string[]): void;
}

const fresh = (caseIds: string[]) => ({
  step: 'cases' as ShareStep,
  choices: {
    caseIds,
    evidenceIds: [],
    partner: null,
    purpose: '',
    expiryDays: '30',
    mode: 'refuse' as MissingConsentMode,
  },
  plan: null,
  finished: false,
});

export const useShare = create<ShareState>((set) => ({
  ...fresh([]),
  setStep: (step) => set({ step }),
  update: (patch) => set((s) => ({ choices: { ...s.choices, ...patch }, plan: null })),
  planned: (plan) => set({ plan, step: 'check' }),
  finish: () => set({ finished: true }),
  start: (caseIds) => set(fresh(caseIds)),
}));

/**
 * Entering the wizard: a finished share starts over; coming from a case that is not among the
 * chosen ones starts a share of that case; otherwise the choices are as the user left them, and
 * a consent check made before leaving is dropped (step 2 again: the partner's profile or the
 * records may have changed meanwhile).
 */
export function enterShare(caseId: string | undefined): void {
  const s = useShare.getState();
  if (s.finished) s.start(caseId ? [caseId] : []);
  else if (caseId && !s.choices.caseIds.includes(caseId)) s.start([caseId]);
  else if (s.step === 'check' || s.step === 'save') useShare.setState({ step: 'partner', plan: null });
}

/** The consent check's question for these choices (the expiry already checked at step 2). */
export function planInput(choices: ShareChoices): PlanBundleInput {
  return {
    partnerId: choices.partner?.id ?? '',
    caseIds: choices.caseIds,
    evidenceIds: choices.evidenceIds,
    purpose: choices.purpose,
    expiresInDays: Number(digitsOf(choices.expiryDays)),
    onMissingConsent: choices.mode,
  };
}

resetOnLock(() => useShare.getState().start([]));
