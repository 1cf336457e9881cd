/**
 * Settings: the app's language (each named in itself), the auto-lock time, the organisation's
 * partner policy (`policy.show` / `policy.set`: what a partner needs before anything is shared),
 * a passphrase change (current + new + confirmation, with progress while the key is derived), and
 * what the vault is (`vault.info`). Language and lock time are app settings kept by main; the
 * partner policy and the passphrase are the engine's.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { isRtl, translate, useFormat, useT } from '../../i18n/i18n.js';
import { LOCALES, type Locale } from '../../i18n/define.js';
import { Button, Checkbox, Field, TextField } from '../../components/controls.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import { KdfProgress } from '../vault/KdfProgress.js';
import { call, asCallError } from '../../vault.js';
import { useSession } from '../../state/session.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import { RetentionSection } from '../erasure/RetentionSection.js';
import type { OrgPolicy } from '../../../shared/domain/policy.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import { useLoaded } from '../../state/use-loaded.js';
import { useNav } from '../../state/navigation.js';
import { BackupSection } from '../backup/BackupSection.js';

export const MIN_PASSPHRASE_CHARS = 12;
export const AUTO_LOCK_MIN = 1;
export const AUTO_LOCK_MAX = 60;

/** Characters as the engine counts them: code points of the NFC form. */
export function passphraseLength(p: string): number {
  return [...p.normalize('NFC')].length;
}

/** A whole number of minutes within the allowed range, or null. */
export function parseMinutes(s: string): number | null {
  if (!/^\s*\d{1,3}\s*$/.test(s)) return null;
  const n = Number(s);
  return n >= AUTO_LOCK_MIN && n <= AUTO_LOCK_MAX ? n : null;
}

export function Settings() {
  const t = useT();
  const [infoVersion, setInfoVersion] = useState(0);
  const route = useNav((s) => s.route);
  return (
    <section className="screen screen-settings" aria-labelledby="settings-title">
      <header className="screen-header">
        <h1 id="settings-title" tabIndex={-1}>
          {t('settings.title')}
        </h1>
      </header>
      <LanguageSection />
      <AutoLockSection />
      <PartnerPolicySection />
      <RetentionSection />
      <BackupSection focus={route.name === 'settings' && route.section === 'backup'} />
      <PassphraseSection onChanged={() => setInfoVersion((v) => v + 1)} />
      <VaultInfoSection version={infoVersion} />
    </section>
  );
}

function LanguageSection() {
  const t = useT();
  const language = useSession((s) => s.language);
  const setLanguage = useSession((s) => s.setLanguage);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<CallError | null>(null);

  const change = async (next: Locale) => {
    setBusy(true);
    setSaved(false);
    setError(null);
    try {
      await setLanguage(next);
      setSaved(true);
    } catch (e) {
      setError(asCallError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card settings-section" aria-labelledby="settings-language-title" aria-busy={busy}>
      <h2 id="settings-language-title">{t('settings.language.title')}</h2>
      <Field label={t('settings.language.label')} hint={t('settings.language.hint')}>
        {({ id, describedBy }) => (
          <select
            id={id}
            aria-describedby={describedBy}
            value={language}
            onChange={(e) => void change(e.target.value as Locale)}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l} dir={isRtl(l) ? 'rtl' : 'ltr'}>
                {translate(l, 'settings.languageName')}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p role="status" className="settings-status">
        {saved ? t('settings.language.saved') : ''}
      </p>
      <ErrorNotice error={error} />
    </section>
  );
}

function AutoLockSection() {
  const t = useT();
  const current = useSession((s) => s.autoLockMinutes);
  const setAutoLock = useSession((s) => s.setAutoLock);
  const [text, setText] = useState(String(current));
  const [touched, setTouched] = useState(false);
  const { busy, error, run } = useAction();
  const [saved, setSaved] = useState<number | null>(null);
  const minutes = parseMinutes(text);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    setSaved(null);
    if (minutes === null) return;
    await run(async () => {
      await setAutoLock(minutes);
      setSaved(useSession.getState().autoLockMinutes);
    });
  };

  return (
    <section className="card settings-section" aria-labelledby="settings-autolock-title">
      <h2 id="settings-autolock-title">{t('settings.autoLock.title')}</h2>
      <form onSubmit={submit} noValidate aria-busy={busy} className="settings-inline-form">
        <TextField
          label={t('settings.autoLock.label')}
          hint={t('settings.autoLock.hint')}
          error={touched && minutes === null ? t('settings.autoLock.invalid') : null}
          type="number"
          inputMode="numeric"
          min={AUTO_LOCK_MIN}
          max={AUTO_LOCK_MAX}
          step={1}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setSaved(null);
          }}
          className="settings-minutes"
        />
        <Button variant="primary" type="submit" disabled={busy}>
          {t('settings.autoLock.save')}
        </Button>
      </form>
      <p role="status" className="settings-status">
        {saved !== null ? t('settings.autoLock.saved', { minutes: saved }) : ''}
      </p>
      <ErrorNotice error={error} />
    </section>
  );
}

function PartnerPolicySection() {
  const t = useT();
  const f = useFormat();
  const [policy, setPolicy] = useState<OrgPolicy | null>(null);
  const [dueDiligence, setDueDiligence] = useState(true);
  const [agreement, setAgreement] = useState(true);
  const [loadError, setLoadError] = useState<CallError | null>(null);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();

  const show = (p: OrgPolicy) => {
    setPolicy(p);
    setDueDiligence(p.requireDueDiligence);
    setAgreement(p.requireAgreement);
  };

  useEffect(() => {
    let live = true;
    call('policy', 'show', {})
      .then((p) => live && show(p))
      .catch((e: unknown) => live && setLoadError(asCallError(e)));
    return () => {
      live = false;
    };
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    await run(async () => {
      show(await call('policy', 'set', { requireDueDiligence: dueDiligence, requireAgreement: agreement }));
      setSaved(true);
    });
  };

  return (
    <section className="card settings-section" aria-labelledby="settings-policy-title" data-testid="settings-policy">
      <h2 id="settings-policy-title">{t('settings.policy.title')}</h2>
      <p className="hint">{t('settings.policy.intro')}</p>
      <ErrorNotice error={loadError} />
      {!policy && !loadError && <Loading />}
      {policy && (
        <form onSubmit={submit} noValidate aria-busy={busy}>
          <Checkbox
            label={t('settings.policy.dueDiligence')}
            checked={dueDiligence}
            onChange={(e) => {
              setDueDiligence(e.target.checked);
              setSaved(false);
            }}
            aria-describedby="settings-policy-dd-hint"
          />
          <p className="field-hint settings-policy-hint" id="settings-policy-dd-hint">
            {t('settings.policy.dueDiligenceHint')}
          </p>
          <Checkbox
            label={t('settings.policy.agreement')}
            checked={agreement}
            onChange={(e) => {
              setAgreement(e.target.checked);
              setSaved(false);
            }}
            aria-describedby="settings-policy-agreement-hint"
          />
          <p className="field-hint settings-policy-hint" id="settings-policy-agreement-hint">
            {t('settings.policy.agreementHint')}
          </p>
          {(!dueDiligence || !agreement) && (
            <p className="notice notice-warn" data-testid="settings-policy-off">
              {t('settings.policy.offWarning')}
            </p>
          )}
          <ErrorNotice error={error} />
          <div className="form-actions">
            <Button variant="primary" type="submit" disabled={busy}>
              {t('settings.policy.save')}
            </Button>
          </div>
          <p className="hint">
            {policy.updatedAt === null
              ? t('settings.policy.default')
              : policy.updatedBy
                ? t('settings.policy.changed', { date: f.instant(policy.updatedAt), who: policy.updatedBy })
                : t('settings.policy.changedNoName', { date: f.instant(policy.updatedAt) })}
          </p>
        </form>
      )}
      <p role="status" className="settings-status">
        {saved ? t('settings.policy.saved') : ''}
      </p>
    </section>
  );
}

function PassphraseSection({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const { busy, error, run } = useAction();
  const [done, setDone] = useState(false);

  const currentError = current === '' ? t('settings.passphrase.missingCurrent') : null;
  const nextError =
    passphraseLength(next) < MIN_PASSPHRASE_CHARS
      ? t('settings.passphrase.tooShort')
      : next === current
        ? t('settings.passphrase.same')
        : null;
  const confirmError = !nextError && confirm !== next ? t('settings.passphrase.mismatch') : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    setDone(false);
    if (currentError || nextError || confirmError) return;
    useSession.getState().clearProgress('vault.changePassphrase');
    await run(async () => {
      await call('vault', 'changePassphrase', { current, next });
      setCurrent('');
      setNext('');
      setConfirm('');
      setTouched(false);
      setDone(true);
      onChanged();
    });
  };

  return (
    <section className="card settings-section" aria-labelledby="settings-passphrase-title">
      <h2 id="settings-passphrase-title">{t('settings.passphrase.title')}</h2>
      <p className="hint">{t('settings.passphrase.intro')}</p>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <TextField
          label={t('settings.passphrase.current')}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={touched ? currentError : null}
          disabled={busy}
        />
        <TextField
          label={t('settings.passphrase.next')}
          hint={t('settings.passphrase.nextHint')}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={touched ? nextError : null}
          disabled={busy}
        />
        <TextField
          label={t('settings.passphrase.confirm')}
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={touched ? confirmError : null}
          disabled={busy}
        />
        {busy && <KdfProgress channel="vault.changePassphrase" label={t('settings.passphrase.working')} />}
        <ErrorNotice error={error} />
        <div className="form-actions">
          <Button variant="primary" type="submit" disabled={busy}>
            {t('settings.passphrase.submit')}
          </Button>
        </div>
      </form>
      <p role="status" className="settings-status">
        {done ? t('settings.passphrase.done') : ''}
      </p>
    </section>
  );
}

function VaultInfoSection({ version }: { version: number }) {
  const t = useT();
  const f = useFormat();
  // `version` moves when the key slots change (a new passphrase): read the vault's facts again
  const { value: info, error, reload } = useLoaded(() => call('vault', 'info', {}), [version]);

  return (
    <section className="card settings-section" aria-labelledby="settings-info-title">
      <h2 id="settings-info-title">{t('settings.info.title')}</h2>
      <ErrorNotice error={error} onRetry={() => void reload()} />
      {!info && !error && <Loading />}
      {info && (
        <dl className="dl vault-info">
          <dt>{t('settings.info.id')}</dt>
          <dd>
            <bdi className="code">{info.vaultId}</bdi>
          </dd>
          <dt>{t('settings.info.created')}</dt>
          <dd>
            <time dateTime={info.createdAt}>{f.instant(info.createdAt)}</time>
          </dd>
          <dt>{t('settings.info.format')}</dt>
          <dd>{f.number(info.formatVersion)}</dd>
          <dt>{t('settings.info.schema')}</dt>
          <dd>{f.number(info.schemaVersion)}</dd>
          <dt>{t('settings.info.slots')}</dt>
          <dd>
            <ul className="plain-list">
              {info.slots.map((s) => (
                <li key={s.id}>{t(`settings.info.slot.${s.kind}` as MessageKey, { date: f.instant(s.createdAt) })}</li>
              ))}
            </ul>
          </dd>
          <dt>{t('settings.info.files')}</dt>
          <dd>{t('settings.info.filesValue', { count: info.counts.blobs, size: f.bytes(info.counts.blobBytes) })}</dd>
          <dt>{t('settings.info.audit')}</dt>
          <dd>{f.number(info.counts.auditEntries)}</dd>
        </dl>
      )}
    </section>
  );
}
