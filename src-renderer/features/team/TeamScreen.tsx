/**
 * Team: the other laptops of the organisation (team members), each with the state of its key
 * (verified by safety number with the partner-key dialog), when a sync file was last received
 * from it and written for it, and how many changes made here it still lacks; adding a member
 * from its contact card, removing one (after a confirmation), and syncing — through the shared
 * folder, or by a file for one member, or by applying a file.
 */
import { useState } from 'react';
import { useFormat, useT } from '../../i18n/i18n.js';
import { Button } from '../../components/controls.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import { useAction } from '../../state/use-action.js';
import { useLoaded } from '../../state/use-loaded.js';
import { call } from '../../vault.js';
import { labelKey } from '../../i18n/enum-labels.js';
import type { PartnerKey } from '../../../shared/domain/partners.js';
import type { SyncMemberStatus, SyncStatus, TeamMember } from '../../../shared/ipc/areas/team.js';
import { VerifyKeyDialog } from '../partner-keys/VerifyKeyDialog.js';
import { SyncReport, type SyncOutcome } from './SyncReport.js';
import './team.css';

export function TeamScreen() {
  const t = useT();
  const loaded = useLoaded(
    async () => {
      const [members, status] = await Promise.all([call('team', 'list', {}), call('sync', 'status', {})]);
      return { members, status };
    },
    [],
    ['team', 'partners', 'cases'],
  );
  const action = useAction();
  const [outcome, setOutcome] = useState<SyncOutcome | null>(null);
  const [added, setAdded] = useState(false);

  const addMember = () =>
    action.run(async () => {
      setAdded(false);
      const file = await call('files', 'chooseOpen', { kind: 'contact-card' });
      if (!file) return;
      await call('team', 'add', { file: file.handle });
      setAdded(true);
      await loaded.reload();
    });
  const syncFolder = () =>
    action.run(async () => {
      setOutcome(null);
      const folder = await call('files', 'chooseSyncFolder', {});
      if (!folder) return;
      setOutcome({ kind: 'folder', result: await call('sync', 'folder', { folder: folder.handle }) });
      await loaded.reload();
    });
  const importFile = () =>
    action.run(async () => {
      setOutcome(null);
      const file = await call('files', 'chooseOpen', { kind: 'sync' });
      if (!file) return;
      setOutcome({ kind: 'import', result: await call('sync', 'import', { file: file.handle }) });
      await loaded.reload();
    });

  const members = loaded.value?.members ?? null;
  return (
    <section className="screen screen-team" aria-labelledby="team-title">
      <header className="screen-header">
        <h1 id="team-title" tabIndex={-1}>
          {t('team.title')}
        </h1>
        <p className="count" aria-live="polite">
          {members ? t('team.count', { count: members.filter((m) => !m.removedAt).length }) : ''}
        </p>
        <Button variant="primary" onClick={() => void addMember()} disabled={action.busy} aria-busy={action.busy}>
          {t('team.add')}
        </Button>
      </header>
      <p className="hint">{t('team.intro')}</p>
      {added && (
        <p className="notice notice-ok" role="status" data-testid="member-added">
          {t('team.added')}
        </p>
      )}
      <ErrorNotice error={loaded.error} onRetry={() => void loaded.reload()} />
      {loaded.value === null ? (
        !loaded.error && <Loading />
      ) : loaded.value.members.length === 0 ? (
        <p className="empty">{t('team.none')}</p>
      ) : (
        <MembersTable
          members={loaded.value.members}
          status={loaded.value.status}
          onChanged={() => void loaded.reload()}
          onExported={(o) => setOutcome(o)}
        />
      )}
      <section className="card team-sync" aria-labelledby="team-sync-title">
        <h2 id="team-sync-title">{t('team.sync.title')}</h2>
        <p className="hint">{t('team.sync.intro')}</p>
        <p>
          <Button variant="primary" onClick={() => void syncFolder()} disabled={action.busy} aria-busy={action.busy}>
            {t('team.sync.folder')}
          </Button>{' '}
          <Button onClick={() => void importFile()} disabled={action.busy} aria-busy={action.busy}>
            {t('team.sync.import')}
          </Button>
        </p>
        <ErrorNotice error={action.error} />
        {outcome && <SyncReport outcome={outcome} members={members ?? []} />}
      </section>
    </section>
  );
}

function MembersTable({
  members,
  status,
  onChanged,
  onExported,
}: {
  members: TeamMember[];
  status: SyncStatus;
  onChanged: () => void;
  onExported: (o: SyncOutcome) => void;
}) {
  const t = useT();
  const f = useFormat();
  const [verifying, setVerifying] = useState<{ member: TeamMember; key: PartnerKey } | null>(null);
  const [removing, setRemoving] = useState<TeamMember | null>(null);
  const [verified, setVerified] = useState(false);
  const action = useAction();
  const byId = new Map<string, SyncMemberStatus>(status.members.map((m) => [m.id, m]));
  // every member carries the organisation's name: the card's own name tells them apart
  const label = (m: TeamMember) => byId.get(m.id)?.cardName || m.name;

  const verify = (member: TeamMember) =>
    action.run(async () => {
      setVerified(false);
      const keys = await call('partners', 'keys', { partnerId: member.id });
      const key = keys.find((k) => k.id === member.keyId);
      if (key) setVerifying({ member, key });
    });
  const exportFor = (member: TeamMember) =>
    action.run(async () => {
      const target = await call('files', 'chooseSaveTarget', {
        suggestedName: `${label(member)}.cvsync`,
        kind: 'sync',
      });
      if (!target) return;
      onExported({ kind: 'export', result: await call('sync', 'export', { to: member.id, target: target.handle }) });
      onChanged();
    });
  const remove = (member: TeamMember) =>
    action.run(async () => {
      await call('team', 'remove', { id: member.id });
      setRemoving(null);
      onChanged();
    });

  return (
    <>
      <table className="data team-table" aria-label={t('team.list.label')}>
        <thead>
          <tr>
            <th scope="col">{t('team.col.name')}</th>
            <th scope="col">{t('team.col.key')}</th>
            <th scope="col">{t('team.col.lastSync')}</th>
            <th scope="col">{t('team.col.pending')}</th>
            <th scope="col">{t('team.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            const s = byId.get(m.id);
            return (
              <tr key={m.id} data-testid="team-member" className={m.removedAt ? 'member-removed' : undefined}>
                <td>
                  <bdi className="member-name">{label(m)}</bdi>
                  {s?.cardName && s.cardName !== m.name && (
                    <>
                      <br />
                      <bdi className="muted">{m.name}</bdi>
                    </>
                  )}
                  {m.fingerprint && (
                    <>
                      <br />
                      <bdi className="code fingerprint small">{m.fingerprint}</bdi>
                    </>
                  )}
                </td>
                <td>
                  {m.removedAt ? (
                    <span className="badge member-removed">{t('team.removed', { when: f.instant(m.removedAt) })}</span>
                  ) : (
                    <span className={`badge key-status-${m.keyStatus ?? 'unverified'}`} data-testid="member-key">
                      {t(labelKey('keys.status', m.keyStatus ?? 'unverified'))}
                    </span>
                  )}
                </td>
                <td>
                  <span className="small">
                    {t('team.received', { when: s?.lastReceivedAt ? f.instant(s.lastReceivedAt) : t('team.never') })}
                    <br />
                    {t('team.sent', { when: s?.lastSentAt ? f.instant(s.lastSentAt) : t('team.never') })}
                  </span>
                </td>
                <td>{m.removedAt ? '' : t('team.pending', { count: s?.pending ?? 0 })}</td>
                <td className="actions">
                  {!m.removedAt && m.keyId && (
                    <Button
                      variant={m.keyStatus === 'verified' ? 'secondary' : 'primary'}
                      onClick={() => void verify(m)}
                      aria-label={t('team.verifyMember', { name: label(m) })}
                    >
                      {t('team.verify')}
                    </Button>
                  )}
                  {!m.removedAt && m.keyStatus === 'verified' && (
                    <Button onClick={() => void exportFor(m)} disabled={action.busy}>
                      {t('team.sync.export', { name: label(m) })}
                    </Button>
                  )}
                  {!m.removedAt && (
                    <Button
                      variant="danger"
                      onClick={() => setRemoving(m)}
                      aria-label={t('team.removeMember', { name: label(m) })}
                    >
                      {t('team.remove')}
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {verified && (
        <p className="notice notice-ok" role="status" data-testid="key-verified">
          {t('verify.done')}
        </p>
      )}
      <ErrorNotice error={action.error} />
      <VerifyKeyDialog
        open={verifying !== null}
        partnerName={verifying ? label(verifying.member) : ''}
        keyToVerify={verifying?.key ?? null}
        onClose={() => setVerifying(null)}
        onVerified={() => {
          setVerifying(null);
          setVerified(true);
          onChanged();
        }}
      />
      <Dialog
        title={removing ? t('team.remove.title', { name: label(removing) }) : ''}
        open={removing !== null}
        onClose={() => setRemoving(null)}
      >
        <p>{t('team.remove.body')}</p>
        <div className="form-actions">
          <Button onClick={() => setRemoving(null)}>{t('team.remove.cancel')}</Button>
          <Button
            variant="danger"
            onClick={() => removing && void remove(removing)}
            disabled={action.busy}
            data-testid="confirm-remove"
          >
            {t('team.remove.confirm')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
