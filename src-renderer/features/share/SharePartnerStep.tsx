/**
 * Share wizard, step 2: the partner (only one with a verified key can be chosen; the others are
 * listed, disabled, with the reason), and at once the partner gate for the chosen one — whether
 * the organisation's partner policy clears them (`partners.clearance`) and whether their
 * sharing profile lets anything through — with the way to fix it, and a ready profile to choose
 * there and then (SharePresetPicker); then the purpose shown to the
 * partner, how many days the bundle can be imported, and what to do when someone has not
 * consented. "Check consent" runs `bundles.plan`, which changes nothing.
 */
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n.js';
import { useAction } from '../../state/use-action.js';
import { Button, TextArea, TextField } from '../../components/controls.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import { call, asCallError } from '../../vault.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import type { BundlePlan } from '../../../shared/domain/bundles.js';
import { MISSING_CONSENT_MODES } from '../../../shared/domain/bundles.js';
import type { PartnerDetail } from '../../../shared/domain/partners.js';
import type { PartnerClearance } from '../../../shared/domain/policy.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import { digitsOf } from '../../i18n/exchange-format.js';
import { PartnerGate } from './SharePartnerGate.js';
import { SharePresetPicker } from './SharePresetPicker.js';
import type { ShareChoices } from './ShareWizard.js';
import { planInput } from './share-store.js';
import { labelKey } from '../../i18n/enum-labels.js';

/** Whether a partner can receive a bundle: at least one current key is verified. */
export function canReceive(p: PartnerDetail): boolean {
  return p.keys.some((k) => k.status === 'verified');
}

function whyNot(p: PartnerDetail): MessageKey {
  if (p.keyState === 'changed') return 'share.partner.why.changed';
  if (p.keyState === 'none') return 'share.partner.why.none';
  return 'share.partner.why.unverified';
}

export function PartnerStep({
  choices,
  onChange,
  onBack,
  onPlanned,
}: {
  choices: ShareChoices;
  onChange: (p: Partial<ShareChoices>) => void;
  onBack: () => void;
  onPlanned: (p: BundlePlan) => void;
}) {
  const t = useT();
  const [partners, setPartners] = useState<PartnerDetail[] | null>(null);
  const [loadError, setLoadError] = useState<CallError | null>(null);
  const [problems, setProblems] = useState<{ partner?: string; purpose?: string; expiry?: string }>({});
  const { busy, error, run } = useAction();
  const [clearance, setClearance] = useState<PartnerClearance | null>(null);
  const [gateError, setGateError] = useState<CallError | null>(null);
  const [rechecking, setRechecking] = useState(false);
  const chosenId = choices.partner?.id;

  useEffect(() => {
    let live = true;
    (async () => {
      const list = await call('partners', 'list', {});
      const details = await Promise.all(list.map((p) => call('partners', 'get', { id: p.id })));
      if (!live) return;
      setPartners(details);
      // The partner kept from an earlier visit, as the vault has them now (their profile may have changed).
      const kept = details.find((p) => p.id === chosenId);
      if (kept) onChange({ partner: kept });
    })().catch((e: unknown) => live && setLoadError(asCallError(e)));
    return () => {
      live = false;
    };
    // once, on entering the step
  }, []);

  // The partner gate of the chosen partner, asked as soon as one is chosen.
  useEffect(() => {
    let live = true;
    setClearance(null);
    setGateError(null);
    if (chosenId === undefined) return;
    call('partners', 'clearance', { partnerId: chosenId })
      .then((c) => live && setClearance(c))
      .catch((e: unknown) => live && setGateError(asCallError(e)));
    return () => {
      live = false;
    };
  }, [chosenId]);

  // After fixing the partner elsewhere: read the partner (its profile) and the gate again.
  const recheck = async () => {
    if (chosenId === undefined) return;
    setRechecking(true);
    setGateError(null);
    try {
      const [fresh, c] = await Promise.all([
        call('partners', 'get', { id: chosenId }),
        call('partners', 'clearance', { partnerId: chosenId }),
      ]);
      setPartners((list) => list && list.map((p) => (p.id === fresh.id ? fresh : p)));
      onChange({ partner: fresh });
      setClearance(c);
    } catch (e) {
      setGateError(asCallError(e));
    } finally {
      setRechecking(false);
    }
  };

  const check = async () => {
    const days = digitsOf(choices.expiryDays);
    const expiresInDays = days === '' ? NaN : Number(days);
    const next = {
      partner: choices.partner && canReceive(choices.partner) ? undefined : t('share.partner.missing'),
      purpose: choices.purpose.trim() ? undefined : t('share.purposeMissing'),
      expiry:
        Number.isInteger(expiresInDays) && expiresInDays >= 1 && expiresInDays <= 365
          ? undefined
          : t('share.expiryInvalid'),
    };
    setProblems(next);
    if (next.partner || next.purpose || next.expiry || !choices.partner) return;
    const partnerId = choices.partner.id;
    await run(async () => {
      const plan = await call('bundles', 'plan', { ...planInput(choices), partnerId, expiresInDays });
      onPlanned(plan);
    });
  };

  if (loadError) return <ErrorNotice error={loadError} />;
  if (!partners) return <Loading />;
  return (
    <div className="share-partner" aria-busy={busy}>
      <fieldset
        className="form-group choice-list"
        aria-describedby={problems.partner ? 'share-partner-missing' : undefined}
      >
        <legend>{t('share.partner.legend')}</legend>
        {partners.length === 0 ? (
          <p className="empty">{t('share.partner.none')}</p>
        ) : (
          <ul>
            {partners.map((p) => {
              const ok = canReceive(p);
              const hintId = `share-partner-${p.id}-why`;
              return (
                <li key={p.id} className={`radio ${ok ? '' : 'radio-disabled'}`}>
                  <input
                    type="radio"
                    id={`share-partner-${p.id}`}
                    name="share-partner"
                    value={p.id}
                    disabled={!ok}
                    checked={choices.partner?.id === p.id}
                    onChange={() => onChange({ partner: p })}
                    aria-describedby={hintId}
                  />
                  <label htmlFor={`share-partner-${p.id}`}>
                    <bdi>{p.name}</bdi>
                  </label>
                  <p className={`field-hint ${ok ? 'partner-ok' : ''}`} id={hintId}>
                    {ok ? t('share.partner.ok') : t(whyNot(p))}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
      {problems.partner && (
        <p className="field-error" id="share-partner-missing" role="alert">
          {problems.partner}
        </p>
      )}
      {choices.partner && canReceive(choices.partner) && (
        <>
          <PartnerGate
            partner={choices.partner}
            clearance={clearance}
            onRecheck={() => void recheck()}
            busy={rechecking}
          />
          <ErrorNotice error={gateError} />
          <SharePresetPicker
            key={choices.partner.id}
            partner={choices.partner}
            onSaved={(fresh) => {
              setPartners((list) => list && list.map((p) => (p.id === fresh.id ? fresh : p)));
              onChange({ partner: fresh });
            }}
          />
        </>
      )}
      <TextArea
        label={t('share.purpose')}
        hint={t('share.purposeHint')}
        error={problems.purpose}
        value={choices.purpose}
        onChange={(e) => onChange({ purpose: e.target.value })}
        rows={2}
        maxLength={500}
        required
      />
      <TextField
        label={t('share.expiry')}
        hint={t('share.expiryHint')}
        error={problems.expiry}
        value={choices.expiryDays}
        onChange={(e) => onChange({ expiryDays: e.target.value })}
        inputMode="numeric"
        dir="ltr"
      />
      <fieldset className="form-group radio-group">
        <legend>{t('share.missing.legend')}</legend>
        {MISSING_CONSENT_MODES.map((m) => (
          <div className="radio" key={m}>
            <input
              type="radio"
              id={`share-mode-${m}`}
              name="share-mode"
              value={m}
              checked={choices.mode === m}
              onChange={() => onChange({ mode: m })}
            />
            <label htmlFor={`share-mode-${m}`}>{t(labelKey('share.missing', m))}</label>
          </div>
        ))}
      </fieldset>
      <ErrorNotice error={error} />
      <div className="form-actions">
        <Button onClick={onBack}>{t('action.back')}</Button>
        <Button variant="primary" onClick={() => void check()} disabled={busy}>
          {t('share.check.button')}
        </Button>
      </div>
    </div>
  );
}
