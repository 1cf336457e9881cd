/**
 * The start screen's "Restore from a backup" (docs/backup.md, "Restoring"): while no vault
 * exists, choose the drive folder (main's dialog; the renderer holds a handle), pick one of the
 * snapshots on it, give the passphrase or recovery key of that time (optionally new keys, after
 * a seizure), and the engine restores into the app's vault folder and runs its deep check. Then
 * the vault is unlocked as usual; after a re-key the new recovery key is shown once first.
 */
import { useState, type FormEvent } from 'react';
import { useFormat, useT } from '../../i18n/i18n.js';
import { Button, Checkbox, TextField } from '../../components/controls.js';
import { ErrorNotice, ProgressBar } from '../../components/feedback.js';
import { useAction } from '../../state/use-action.js';
import { useProgress, useSession } from '../../state/session.js';
import { call } from '../../vault.js';
import { KdfProgress } from '../vault/KdfProgress.js';
import { RecoveryKeyStep } from '../vault/CreateVault.js';
import type { BackupRestored, BackupSnapshot } from '../../../shared/ipc/areas/backup.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import { shortSnapshotId } from './BackupSection.js';

const MIN_CHARS = 12;

type Credential = { passphrase: string } | { recoveryKey: string };

async function unlockWith(credential: Credential): Promise<void> {
  if ('passphrase' in credential) await call('vault', 'unlock', { passphrase: credential.passphrase });
  else await call('vault', 'unlockWithRecoveryKey', { recoveryKey: credential.recoveryKey });
  useSession.getState().unlocked();
}

export function RestoreVault({ onCancel }: { onCancel: () => void }) {
  const t = useT();
  const f = useFormat();
  const [drive, setDrive] = useState<{ handle: string; name: string } | null>(null);
  const [snapshots, setSnapshots] = useState<BackupSnapshot[] | null>(null);
  const [snapshotId, setSnapshotId] = useState<string | null>(null);
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [secret, setSecret] = useState('');
  const [rekey, setRekey] = useState(false);
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const [restored, setRestored] = useState<BackupRestored | null>(null);
  const [unlockAs, setUnlockAs] = useState<Credential | null>(null);
  const choosing = useAction();
  const restoring = useAction();
  const unlocking = useAction();
  const restoreProgress = useProgress('backup.restore');

  const choose = () =>
    choosing.run(async () => {
      const chosen = await call('files', 'chooseRestoreFolder', {});
      if (!chosen) return;
      const found = await call('backup', 'listOnDrive', { drive: chosen.handle });
      setDrive(chosen);
      setSnapshots(found);
      // the newest readable snapshot is the usual choice
      setSnapshotId([...found].reverse().find((s) => s.readable)?.snapshotId ?? null);
    });

  const nextError = rekey && [...next.normalize('NFC')].length < MIN_CHARS ? t('backup.restore.tooShort') : null;
  const confirmError = rekey && !nextError && next !== confirm ? t('backup.restore.mismatch') : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!drive || !snapshotId || !secret || nextError || confirmError) return;
    useSession.getState().clearProgress('backup.restore');
    await restoring.run(async () => {
      const credential: Credential = mode === 'passphrase' ? { passphrase: secret } : { recoveryKey: secret };
      const r = await call('backup', 'restore', {
        drive: drive.handle,
        snapshotId,
        ...credential,
        ...(rekey ? { newPassphrase: next } : {}),
      });
      setSecret('');
      setConfirm('');
      setRestored(r);
      const then: Credential = rekey ? { passphrase: next } : credential;
      setNext('');
      setUnlockAs(then);
      // without new keys there is nothing to show: open the restored vault at once
      if (!r.recoveryKey) await unlocking.run(() => unlockWith(then));
    });
  };

  if (restored?.recoveryKey && unlockAs)
    return (
      <RecoveryKeyStep
        recoveryKey={restored.recoveryKey}
        onDone={() => {
          setRestored({ ...restored, recoveryKey: null });
          void unlocking.run(() => unlockWith(unlockAs));
        }}
      />
    );

  if (restored && unlockAs)
    return (
      <main className="gate" id="main">
        <section className="gate-card" aria-labelledby="restore-title" aria-busy={unlocking.busy}>
          <h1 id="restore-title">{t('backup.restore.title')}</h1>
          <p role="status" data-testid="restore-done">
            {t('backup.restore.done', {
              id: shortSnapshotId(restored.snapshotId),
              date: f.instant(restored.createdAt),
              count: restored.blobs,
              size: f.bytes(restored.bytes),
            })}
          </p>
          {unlocking.busy && (
            <KdfProgress
              channel={'passphrase' in unlockAs ? 'vault.unlock' : 'vault.unlockWithRecoveryKey'}
              label={t('vault.unlock.working')}
            />
          )}
          <ErrorNotice error={unlocking.error} />
          {unlocking.error && (
            <Button variant="primary" onClick={() => void unlocking.run(() => unlockWith(unlockAs))}>
              {t('vault.unlock.submit')}
            </Button>
          )}
        </section>
      </main>
    );

  const busy = choosing.busy || restoring.busy;
  return (
    <main className="gate" id="main">
      <form className="gate-card" onSubmit={submit} noValidate aria-busy={busy} data-testid="restore-form">
        <h1 id="restore-title">{t('backup.restore.title')}</h1>
        <p>{t('backup.restore.intro')}</p>
        <div className="form-actions">
          <Button variant={drive ? 'secondary' : 'primary'} onClick={() => void choose()} disabled={busy}>
            {drive ? t('backup.restore.otherFolder') : t('backup.restore.chooseFolder')}
          </Button>
        </div>
        {drive && <p>{t('backup.drive', { name: drive.name })}</p>}
        <ErrorNotice error={choosing.error} />
        {snapshots && snapshots.length === 0 && <p className="empty">{t('backup.restore.none')}</p>}
        {snapshots && snapshots.length > 0 && (
          <fieldset className="restore-snapshots">
            <legend>{t('backup.restore.pick')}</legend>
            {snapshots.map((s) => (
              <label key={s.snapshotId} className="checkbox" data-testid="restore-snapshot">
                <input
                  type="radio"
                  name="snapshot"
                  value={s.snapshotId}
                  checked={snapshotId === s.snapshotId}
                  disabled={!s.readable || busy}
                  onChange={() => setSnapshotId(s.snapshotId)}
                />{' '}
                <span>
                  <bdi className="code">{shortSnapshotId(s.snapshotId)}</bdi>{' '}
                  {s.createdAt ? <time dateTime={s.createdAt}>{f.instant(s.createdAt)}</time> : null} —{' '}
                  {t('backup.snapshots.size', { files: s.files, size: f.bytes(s.bytes) })}
                  {!s.readable && s.problem ? <> — {t(`error.${s.problem}` as MessageKey)}</> : null}
                </span>
              </label>
            ))}
          </fieldset>
        )}
        {snapshots && snapshots.length > 0 && (
          <>
            {mode === 'passphrase' ? (
              <TextField
                key="passphrase"
                label={t('backup.restore.passphrase')}
                hint={t('backup.restore.passphraseHint')}
                type="password"
                autoComplete="off"
                value={secret}
                onChange={(e) => setSecret(e.target.value)}
                error={touched && !secret ? t('backup.restore.missing') : null}
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
                error={touched && !secret ? t('backup.restore.missing') : null}
                disabled={busy}
              />
            )}
            <Button
              variant="link"
              onClick={() => {
                setMode(mode === 'passphrase' ? 'recovery' : 'passphrase');
                setSecret('');
              }}
              disabled={busy}
            >
              {mode === 'passphrase' ? t('vault.unlock.useRecovery') : t('vault.unlock.usePassphrase')}
            </Button>
            <Checkbox
              label={t('backup.restore.rekey')}
              checked={rekey}
              onChange={(e) => setRekey(e.target.checked)}
              aria-describedby="restore-rekey-hint"
              disabled={busy}
            />
            <p className="field-hint" id="restore-rekey-hint">
              {t('backup.restore.rekeyHint')}
            </p>
            {rekey && (
              <>
                <TextField
                  label={t('backup.restore.newPassphrase')}
                  hint={t('vault.create.passphraseHint')}
                  type="password"
                  autoComplete="new-password"
                  value={next}
                  onChange={(e) => setNext(e.target.value)}
                  error={touched ? nextError : null}
                  disabled={busy}
                />
                <TextField
                  label={t('backup.restore.newConfirm')}
                  type="password"
                  autoComplete="new-password"
                  value={confirm}
                  onChange={(e) => setConfirm(e.target.value)}
                  error={touched ? confirmError : null}
                  disabled={busy}
                />
              </>
            )}
            {restoring.busy && (
              <ProgressBar
                event={restoreProgress}
                label={
                  restoreProgress?.phase === 'checking' ? t('backup.restore.checking') : t('backup.restore.copying')
                }
              />
            )}
            <ErrorNotice error={restoring.error} />
            <Button variant="primary" type="submit" disabled={busy || !snapshotId}>
              {t('backup.restore.submit')}
            </Button>
          </>
        )}
        <Button variant="link" onClick={onCancel} disabled={busy}>
          {t('backup.restore.back')}
        </Button>
      </form>
    </main>
  );
}
