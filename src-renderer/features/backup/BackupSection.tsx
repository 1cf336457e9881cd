/**
 * Settings → Backup (docs/backup.md): the last backup, "Back up now" to a folder chosen in main's
 * folder dialog (remembered for the session), the reminder interval, the snapshots on that
 * folder (with a warning for those taken before an erasure), verify and prune. The engine owns
 * every rule; this screen only presents.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useFormat, useT } from '../../i18n/i18n.js';
import { Button, TextField } from '../../components/controls.js';
import { ErrorNotice, Loading, ProgressBar } from '../../components/feedback.js';
import { useAction } from '../../state/use-action.js';
import { useLoaded } from '../../state/use-loaded.js';
import { useProgress, useSession } from '../../state/session.js';
import { call } from '../../vault.js';
import type {
  BackupCreated,
  BackupPruned,
  BackupSnapshot,
  BackupStatus,
  BackupVerification,
} from '../../../shared/ipc/areas/backup.js';
import { useBackupDrive } from './drive-store.js';

/**
 * The last 8 characters of a snapshot id, enough to tell snapshots apart on screen. Snapshot ids
 * are UUIDv7: their first characters are the time, the same for snapshots made within a minute;
 * their end is random.
 */
export function shortSnapshotId(id: string): string {
  return id.slice(-8);
}

/** A whole number of days within the engine's range (1 … 365), or null. */
export function parseReminderDays(s: string): number | null {
  if (!/^\s*\d{1,3}\s*$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= 365 ? n : null;
}

export function BackupSection({ focus }: { focus?: boolean }) {
  const t = useT();
  const f = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  const {
    value: status,
    error: statusError,
    reload,
    setValue,
  } = useLoaded(() => call('backup', 'status', {}), [], ['backup']);
  const drive = useBackupDrive((s) => s.drive);
  const setDrive = useBackupDrive((s) => s.setDrive);
  const [created, setCreated] = useState<BackupCreated | null>(null);
  const [snapshots, setSnapshots] = useState<BackupSnapshot[] | null>(null);
  const backup = useAction();
  const listing = useAction();

  useEffect(() => {
    if (focus && heading.current) {
      heading.current.scrollIntoView({ block: 'start' });
      heading.current.focus();
    }
  }, [focus]);

  // the folder chosen earlier in this session: show what it holds on arrival (only then: later
  // lists follow each action), without asking again
  const rememberedDrive = drive?.handle;
  useEffect(() => {
    if (!rememberedDrive) return;
    let live = true;
    void listing.run(async () => {
      const found = await call('backup', 'list', { drive: rememberedDrive });
      if (live) setSnapshots(found);
    });
    return () => {
      live = false;
    };
  }, []);

  const chooseDrive = async (): Promise<{ handle: string; name: string } | null> => {
    const chosen = await call('files', 'chooseBackupFolder', {});
    if (chosen) setDrive(chosen);
    return chosen;
  };

  const list = async (handle: string) => {
    setSnapshots(await call('backup', 'list', { drive: handle }));
  };

  const backUp = () =>
    backup.run(async () => {
      setCreated(null);
      const target = drive ?? (await chooseDrive());
      if (!target) return;
      useSession.getState().clearProgress('backup.create');
      setCreated(await call('backup', 'create', { drive: target.handle }));
      await reload();
      await list(target.handle);
    });

  const changeDrive = () =>
    listing.run(async () => {
      const chosen = await chooseDrive();
      if (chosen) await list(chosen.handle);
    });

  return (
    <section className="card settings-section" aria-labelledby="settings-backup-title" data-testid="settings-backup">
      <h2 id="settings-backup-title" ref={heading} tabIndex={-1} data-arrival-focus={focus ? '' : undefined}>
        {t('backup.title')}
      </h2>
      <p className="hint">{t('backup.intro')}</p>
      <ErrorNotice error={statusError} onRetry={() => void reload()} />
      {!status && !statusError && <Loading />}
      {status && (
        <p data-testid="backup-last">
          {status.lastBackupAt && status.lastSnapshotId
            ? t('backup.last', {
                date: f.instant(status.lastBackupAt),
                id: shortSnapshotId(status.lastSnapshotId),
              })
            : t('backup.never')}
        </p>
      )}
      {status?.due && (
        <p className="notice notice-warn" data-testid="backup-due">
          {status.daysSinceLast === null ? t('backup.dueNever') : t('backup.dueSince', { days: status.daysSinceLast })}
        </p>
      )}
      <p>{drive ? t('backup.drive', { name: drive.name }) : t('backup.noDrive')}</p>
      <div className="form-actions">
        <Button variant="primary" onClick={() => void backUp()} disabled={backup.busy || listing.busy}>
          {t('backup.now')}
        </Button>
        <Button onClick={() => void changeDrive()} disabled={backup.busy || listing.busy}>
          {drive ? t('backup.otherDrive') : t('backup.chooseDrive')}
        </Button>
      </div>
      {backup.busy && <BackupProgress channel="backup.create" />}
      <ErrorNotice error={backup.error} />
      <ErrorNotice error={listing.error} />
      <p role="status" className="settings-status" data-testid="backup-result">
        {created
          ? t('backup.done', {
              id: shortSnapshotId(created.snapshotId),
              size: f.bytes(created.bytesWritten),
              files: created.filesWritten,
            })
          : ''}
      </p>
      {status && <ReminderForm days={status.reminderDays} onSaved={setValue} />}
      {drive && snapshots && (
        <SnapshotList drive={drive.handle} snapshots={snapshots} onChanged={() => void list(drive.handle)} />
      )}
    </section>
  );
}

function BackupProgress({ channel }: { channel: 'backup.create' | 'backup.verify' }) {
  const t = useT();
  const event = useProgress(channel);
  const phase = event?.phase;
  const label =
    phase === 'database'
      ? t('backup.progress.database')
      : phase === 'manifest'
        ? t('backup.progress.manifest')
        : phase === 'verifying'
          ? t('backup.progress.verifying')
          : t('backup.progress.copying');
  return <ProgressBar event={event} label={label} />;
}

function ReminderForm({ days, onSaved }: { days: number; onSaved: (s: BackupStatus) => void }) {
  const t = useT();
  const [text, setText] = useState(String(days));
  const [touched, setTouched] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const { busy, error, run } = useAction();
  const parsed = parseReminderDays(text);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    setSaved(null);
    if (parsed === null) return;
    await run(async () => {
      const next = await call('backup', 'setReminder', { days: parsed });
      onSaved(next);
      setSaved(next.reminderDays);
    });
  };

  return (
    <>
      <form onSubmit={submit} noValidate aria-busy={busy} className="settings-inline-form">
        <TextField
          label={t('backup.reminder.label')}
          hint={t('backup.reminder.hint')}
          error={touched && parsed === null ? t('backup.reminder.invalid') : null}
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          step={1}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setSaved(null);
          }}
          className="settings-minutes"
        />
        <Button type="submit" disabled={busy}>
          {t('backup.reminder.save')}
        </Button>
      </form>
      <p role="status" className="settings-status">
        {saved !== null ? t('backup.reminder.saved', { days: saved }) : ''}
      </p>
      <ErrorNotice error={error} />
    </>
  );
}

function SnapshotList({
  drive,
  snapshots,
  onChanged,
}: {
  drive: string;
  snapshots: BackupSnapshot[];
  onChanged: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const verify = useAction();
  const prune = useAction();
  const [verified, setVerified] = useState<BackupVerification[] | null>(null);
  const [keepText, setKeepText] = useState('3');
  const [confirming, setConfirming] = useState(false);
  const [pruned, setPruned] = useState<BackupPruned | null>(null);
  const keep = /^\s*\d{1,6}\s*$/.test(keepText) && Number(keepText) >= 1 ? Number(keepText) : null;
  const removing = keep === null ? 0 : Math.max(0, snapshots.length - keep);

  const runVerify = (snapshotId?: string) =>
    verify.run(async () => {
      setVerified(null);
      useSession.getState().clearProgress('backup.verify');
      setVerified(await call('backup', 'verify', { drive, ...(snapshotId ? { snapshotId } : {}) }));
    });

  const runPrune = () =>
    prune.run(async () => {
      if (keep === null) return;
      setConfirming(false);
      setPruned(await call('backup', 'prune', { drive, keep }));
      onChanged();
    });

  const verifiedIds = new Set(verified?.map((v) => v.snapshotId));

  return (
    <section aria-labelledby="backup-snapshots-title" data-testid="backup-snapshots">
      <h3 id="backup-snapshots-title">{t('backup.snapshots.title')}</h3>
      {snapshots.length === 0 ? (
        <p className="empty">{t('backup.snapshots.none')}</p>
      ) : (
        <ul className="plain-list backup-snapshots">
          {snapshots.map((s) => (
            <li key={s.snapshotId} data-testid="backup-snapshot">
              <p>
                <bdi className="code">{shortSnapshotId(s.snapshotId)}</bdi>{' '}
                {s.createdAt ? <time dateTime={s.createdAt}>{f.instant(s.createdAt)}</time> : null} —{' '}
                {t('backup.snapshots.size', { files: s.files, size: f.bytes(s.bytes) })}
                {verifiedIds.has(s.snapshotId) ? (
                  <>
                    {' '}
                    <span className="badge" data-testid="backup-verified">
                      {t('backup.verify.ok')}
                    </span>
                  </>
                ) : null}
              </p>
              {!s.readable && (
                <p className="notice notice-error">
                  {t('backup.snapshots.unreadable')}{' '}
                  {s.problem ? t(`error.${s.problem}` as Parameters<typeof t>[0]) : ''}
                </p>
              )}
              {s.erasuresAfter !== null && s.erasuresAfter > 0 && (
                <p className="notice notice-warn" data-testid="backup-erasures-after">
                  {t('backup.snapshots.erasuresAfter', { count: s.erasuresAfter })}
                </p>
              )}
              <Button onClick={() => void runVerify(s.snapshotId)} disabled={verify.busy || prune.busy}>
                {t('backup.verify.one', { id: shortSnapshotId(s.snapshotId) })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {snapshots.length > 0 && (
        <div className="form-actions">
          <Button onClick={() => void runVerify()} disabled={verify.busy || prune.busy}>
            {t('backup.verify.all')}
          </Button>
        </div>
      )}
      {verify.busy && <BackupProgress channel="backup.verify" />}
      <ErrorNotice error={verify.error} />
      <p role="status" className="settings-status" data-testid="backup-verify-result">
        {verified ? t('backup.verify.done', { count: verified.length }) : ''}
      </p>

      {snapshots.length > 1 && (
        <form
          className="settings-inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (keep !== null && removing > 0) setConfirming(true);
          }}
        >
          <TextField
            label={t('backup.prune.keep')}
            hint={t('backup.prune.hint')}
            error={keep === null ? t('backup.prune.invalid') : null}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={keepText}
            onChange={(e) => {
              setKeepText(e.target.value);
              setConfirming(false);
            }}
            className="settings-minutes"
          />
          <Button type="submit" disabled={prune.busy || keep === null || removing === 0}>
            {t('backup.prune.submit')}
          </Button>
        </form>
      )}
      {confirming && (
        <div className="notice notice-warn" role="alert" data-testid="backup-prune-confirm">
          <p>{t('backup.prune.confirm', { count: removing })}</p>
          <div className="form-actions">
            <Button variant="danger" onClick={() => void runPrune()} disabled={prune.busy}>
              {t('backup.prune.yes', { count: removing })}
            </Button>
            <Button onClick={() => setConfirming(false)}>{t('action.cancel')}</Button>
          </div>
        </div>
      )}
      <ErrorNotice error={prune.error} />
      <p role="status" className="settings-status">
        {pruned ? t('backup.prune.done', { count: pruned.removed.length, size: f.bytes(pruned.bytesFreed) }) : ''}
      </p>
    </section>
  );
}
