/** Unlock with the passphrase (KDF progress shown) or with the recovery key. */
import { useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useT } from '../../i18n/i18n.js';
import { Button, TextField } from '../../components/controls.js';
import { ErrorNotice } from '../../components/feedback.js';
import { KdfProgress } from './KdfProgress.js';
import { call } from '../../vault.js';
import { useSession } from '../../state/session.js';
import { labelKey } from '../../i18n/enum-labels.js';

export function Unlock() {
  const t = useT();
  const lockedReason = useSession((s) => s.lockedReason);
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [secret, setSecret] = useState('');
  const { busy, error, setError, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!secret) return;
    await run(async () => {
      if (mode === 'passphrase') await call('vault', 'unlock', { passphrase: secret });
      else await call('vault', 'unlockWithRecoveryKey', { recoveryKey: secret });
      setSecret('');
      useSession.getState().unlocked();
    });
  };

  const channel = mode === 'passphrase' ? 'vault.unlock' : 'vault.unlockWithRecoveryKey';
  return (
    <main className="gate" id="main">
      <form className="gate-card" onSubmit={submit} noValidate aria-busy={busy}>
        <h1>{t('vault.unlock.title')}</h1>
        {lockedReason && lockedReason !== 'user' && (
          <p className="notice" role="status">
            {t(labelKey('locked', lockedReason))}
          </p>
        )}
        {mode === 'passphrase' ? (
          <TextField
            key="passphrase"
            label={t('vault.unlock.passphrase')}
            type="password"
            autoComplete="current-password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            autoFocus
            disabled={busy}
          />
        ) : (
          <TextField
            key="recovery"
            label={t('vault.unlock.recoveryKey')}
            hint={t('vault.unlock.recoveryHint')}
            autoComplete="off"
            spellCheck={false}
            dir="ltr"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            autoFocus
            disabled={busy}
          />
        )}
        <ErrorNotice error={error} />
        {busy && <KdfProgress channel={channel} label={t('vault.unlock.working')} />}
        <Button variant="primary" type="submit" disabled={busy || !secret}>
          {t('vault.unlock.submit')}
        </Button>
        <Button
          variant="link"
          onClick={() => {
            setMode(mode === 'passphrase' ? 'recovery' : 'passphrase');
            setSecret('');
            setError(null);
          }}
          disabled={busy}
        >
          {mode === 'passphrase' ? t('vault.unlock.useRecovery') : t('vault.unlock.usePassphrase')}
        </Button>
      </form>
    </main>
  );
}
