/** First run: choose a passphrase, then write the recovery key down (confirmed) before going in. */
import { useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useT } from '../../i18n/i18n.js';
import { Button, Checkbox, TextField } from '../../components/controls.js';
import { ErrorNotice } from '../../components/feedback.js';
import { KdfProgress } from './KdfProgress.js';
import { call } from '../../vault.js';
import { useSession } from '../../state/session.js';
import { RestoreVault } from '../backup/RestoreVault.js';

const MIN_CHARS = 12;

export function CreateVault() {
  const t = useT();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const { busy, error, run } = useAction();
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);

  const tooShort = [...passphrase.normalize('NFC')].length < MIN_CHARS;
  const mismatch = passphrase !== confirm;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (tooShort || mismatch) return;
    await run(async () => {
      const r = await call('vault', 'create', { passphrase });
      setPassphrase('');
      setConfirm('');
      setRecoveryKey(r.recoveryKey);
    });
  };

  if (recoveryKey) return <RecoveryKeyStep recoveryKey={recoveryKey} onDone={() => useSession.getState().unlocked()} />;
  if (restoring) return <RestoreVault onCancel={() => setRestoring(false)} />;

  return (
    <main className="gate" id="main">
      <form className="gate-card" onSubmit={submit} noValidate aria-busy={busy}>
        <h1>{t('vault.create.title')}</h1>
        <p>{t('vault.create.intro')}</p>
        <TextField
          label={t('vault.create.passphrase')}
          hint={t('vault.create.passphraseHint')}
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          error={touched && tooShort ? t('vault.create.tooShort') : null}
          autoFocus
          disabled={busy}
        />
        <TextField
          label={t('vault.create.confirm')}
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={touched && !tooShort && mismatch ? t('vault.create.mismatch') : null}
          disabled={busy}
        />
        <ErrorNotice error={error} />
        {busy && <KdfProgress channel="vault.create" label={t('vault.create.working')} />}
        <Button variant="primary" type="submit" disabled={busy}>
          {t('vault.create.submit')}
        </Button>
        <Button variant="link" onClick={() => setRestoring(true)} disabled={busy}>
          {t('backup.restore.offer')}
        </Button>
      </form>
    </main>
  );
}

/** The recovery key, in groups for writing down; going on requires confirming it was written. */
export function RecoveryKeyStep({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const t = useT();
  const [written, setWritten] = useState(false);
  const [copiedFor, setCopiedFor] = useState<number | null>(null);
  const groups = recoveryKey.split(/[\s-]+/).filter(Boolean);
  const copy = async () => {
    const r = await call('clipboard', 'copySecret', { text: recoveryKey });
    setCopiedFor(r.clearsInSeconds);
  };
  return (
    <main className="gate" id="main">
      <section className="gate-card" aria-labelledby="recovery-title">
        <h1 id="recovery-title">{t('vault.recovery.title')}</h1>
        <p>{t('vault.recovery.intro')}</p>
        <p className="recovery-key-label" id="recovery-key-label">
          {t('vault.recovery.keyLabel')}
        </p>
        <p className="recovery-key" dir="ltr" aria-labelledby="recovery-key-label" data-testid="recovery-key">
          {groups.map((g, i) => (
            <span key={i} className="recovery-group">
              {g}
            </span>
          ))}
        </p>
        <Button onClick={() => void copy()}>{t('vault.recovery.copy')}</Button>
        {copiedFor !== null && (
          <p role="status" className="hint">
            {t('vault.recovery.copied', { seconds: copiedFor })}
          </p>
        )}
        <Checkbox
          label={t('vault.recovery.confirm')}
          checked={written}
          onChange={(e) => setWritten(e.target.checked)}
        />
        <Button variant="primary" disabled={!written} onClick={onDone}>
          {t('vault.recovery.continue')}
        </Button>
      </section>
    </main>
  );
}
