/**
 * Unlock with the passphrase (KDF progress shown) or with the recovery key. When failed unlocks
 * destroy the keys (policy set --wipe-after-failed-unlocks), the last three attempts are
 * announced; a vault whose keys are gone says so at once.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { UnlockGuard } from '../../../shared/ipc/areas/vault.js';
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
  const [guard, setGuard] = useState<UnlockGuard | null>(null);
  const readGuard = useCallback(() => {
    call('vault', 'unlockGuard', {}).then(setGuard, () => setGuard(null));
  }, []);
  useEffect(readGuard, [readGuard]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!secret) return;
    await run(async () => {
      if (mode === 'passphrase') await call('vault', 'unlock', { passphrase: secret });
      else await call('vault', 'unlockWithRecoveryKey', { recoveryKey: secret });
      setSecret('');
      useSession.getState().unlocked();
    });
    readGuard();
  };
  const remaining = guard?.remaining ?? null;

  const channel = mode === 'passphrase' ? 'vault.unlock' : 'vault.unlockWithRecoveryKey';
  return (
    <main className="gate" id="main">
      <form className="gate-card" onSubmit={submit} noValidate aria-busy={busy}>
        <h1>{t('vault.unlock.title')}</h1>
        {lockedReason && lockedReason !== 'user' && lockedReason !== 'panic' && (
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
        {guard?.keysDestroyed && !error && (
          <div className="notice notice-error" role="alert">
            <p>{t('error.VAULT_KEYS_DESTROYED')}</p>
          </div>
        )}
        {remaining !== null && remaining > 0 && remaining <= 3 && (
          <p className="notice notice-warn" role="status" data-testid="attempts-left">
            {t('vault.unlock.attemptsLeft', { count: remaining })}
          </p>
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
