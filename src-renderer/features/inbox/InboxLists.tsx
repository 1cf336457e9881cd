/**
 * The inbox's lists: received bundles (with "Save the receipt…"), the quarantine (accept —
 * only once the sender's key is verified — or discard, after a confirmation), sent bundles with
 * their delivery state, and open conflicts between a received and a local version of a record.
 * Reloaded whenever `generation` changes.
 */
import { useCallback, useEffect, useState } from 'react';
import { useT, useFormat } from '../../i18n/i18n.js';
import { useNav } from '../../state/navigation.js';
import { useAction } from '../../state/use-action.js';
import { useProgress, useSession } from '../../state/session.js';
import { Button } from '../../components/controls.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorNotice, Loading, ProgressBar } from '../../components/feedback.js';
import { call, asCallError } from '../../vault.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import type { BundleLedgerEntry, ImportConflict } from '../../../shared/domain/bundles.js';
import { useSaveReceipt } from './use-save-receipt.js';
import { labelKey } from '../../i18n/enum-labels.js';

interface Lists {
  bundles: BundleLedgerEntry[];
  partnerNames: Record<string, string>;
  /** public keys (base64) verified in this vault */
  verifiedKeys: Set<string>;
  /** public keys (base64) this vault holds for a partner in any state (a replaced key is known: it is never adopted again) */
  knownKeys: Set<string>;
  conflicts: ImportConflict[];
}

async function loadLists(): Promise<Lists> {
  const [bundles, partners, conflicts] = await Promise.all([
    call('bundles', 'list', {}),
    call('partners', 'list', {}),
    call('bundles', 'conflicts', {}),
  ]);
  const verifiedKeys = new Set<string>();
  const knownKeys = new Set<string>();
  // Accepting from quarantine needs the sender's key verified: look the keys up only when
  // something waits there (partners are counted in tens).
  if (bundles.some((b) => b.status === 'quarantined')) {
    const keys = await Promise.all(partners.map((p) => call('partners', 'keys', { partnerId: p.id })));
    for (const k of keys.flat()) {
      if (k.status === 'verified') verifiedKeys.add(k.publicKey);
      knownKeys.add(k.publicKey);
    }
  }
  return {
    bundles,
    partnerNames: Object.fromEntries(partners.map((p) => [p.id, p.name])),
    verifiedKeys,
    knownKeys,
    conflicts,
  };
}

export function InboxLists({ generation, onChanged }: { generation: number; onChanged: () => void }) {
  const [lists, setLists] = useState<Lists | null>(null);
  const [error, setError] = useState<CallError | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setLists(await loadLists());
    } catch (e) {
      setError(asCallError(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load, generation]);

  if (error) return <ErrorNotice error={error} onRetry={() => void load()} />;
  if (!lists) return <Loading />;
  const received = lists.bundles.filter((b) => b.direction === 'received' && b.status !== 'quarantined');
  const quarantined = lists.bundles.filter((b) => b.status === 'quarantined');
  const sent = lists.bundles.filter((b) => b.direction === 'sent');
  return (
    <>
      <Quarantine items={quarantined} lists={lists} onChanged={onChanged} />
      <Received items={received} lists={lists} />
      <Sent items={sent} lists={lists} />
      <Conflicts items={lists.conflicts} onChanged={onChanged} />
    </>
  );
}

function PartnerCell({ b, lists }: { b: BundleLedgerEntry; lists: Lists }) {
  const t = useT();
  const go = useNav((s) => s.go);
  const name = b.partnerId ? lists.partnerNames[b.partnerId] : undefined;
  if (!b.partnerId || name === undefined) return <>{t('inbox.unknownPartner')}</>;
  const id = b.partnerId;
  return (
    <button type="button" className="row-link" onClick={() => go({ name: 'partner', id })}>
      <bdi>{name}</bdi>
    </button>
  );
}

function StatusBadge({ status }: { status: BundleLedgerEntry['status'] }) {
  const t = useT();
  return <span className={`badge bundle-status bundle-status-${status}`}>{t(labelKey('inbox.status', status))}</span>;
}

function Received({ items, lists }: { items: BundleLedgerEntry[]; lists: Lists }) {
  const t = useT();
  const f = useFormat();
  const receipt = useSaveReceipt();
  return (
    <section className="card" aria-labelledby="inbox-received">
      <h2 id="inbox-received">{t('inbox.received.title')}</h2>
      {items.length === 0 ? (
        <p className="empty">{t('inbox.received.none')}</p>
      ) : (
        <table className="data" aria-label={t('inbox.received.label')} data-testid="received-bundles">
          <thead>
            <tr>
              <th scope="col">{t('inbox.col.partner')}</th>
              <th scope="col">{t('inbox.col.purpose')}</th>
              <th scope="col">{t('inbox.col.created')}</th>
              <th scope="col">{t('inbox.col.status')}</th>
              <th scope="col">{t('inbox.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((b) => (
              <tr key={b.id}>
                <td>
                  <PartnerCell b={b} lists={lists} />
                </td>
                <td>
                  <bdi>{b.purpose}</bdi>
                </td>
                <td>{f.instant(b.createdAt)}</td>
                <td>
                  <StatusBadge status={b.status} />
                </td>
                <td>
                  {b.hasReceipt && (
                    <Button
                      variant="link"
                      onClick={() => void receipt.save(b.id)}
                      disabled={receipt.busy}
                      aria-label={t('inbox.receiptFor', { created: f.instant(b.createdAt) })}
                    >
                      {t('inbox.receipt.save')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorNotice error={receipt.error} />
      {receipt.saved && (
        <p className="notice notice-ok" role="status">
          {t('inbox.receipt.saved', { name: receipt.saved })}
        </p>
      )}
    </section>
  );
}

function Quarantine({ items, lists, onChanged }: { items: BundleLedgerEntry[]; lists: Lists; onChanged: () => void }) {
  const t = useT();
  const f = useFormat();
  const progress = useProgress('bundles.acceptQuarantined');
  const { busy, error, run } = useAction();
  const [discarding, setDiscarding] = useState<BundleLedgerEntry | null>(null);
  const [done, setDone] = useState<'accepted' | 'discarded' | null>(null);
  const { go } = useNav();

  // An unknown sender: take the card the bundle carries as an unverified key of a new partner,
  // then go to that partner's page, where the safety number is compared.
  const addSender = (b: BundleLedgerEntry) =>
    run(async () => {
      setDone(null);
      const added = await call('bundles', 'addSender', { bundleId: b.id });
      onChanged();
      go({ name: 'partner', id: added.partner.id });
    });

  const accept = (b: BundleLedgerEntry) =>
    run(async () => {
      setDone(null);
      useSession.getState().clearProgress('bundles.acceptQuarantined');
      await call('bundles', 'acceptQuarantined', { id: b.id });
      setDone('accepted');
      onChanged();
    });
  const discard = (b: BundleLedgerEntry) =>
    run(async () => {
      setDone(null);
      await call('bundles', 'discardQuarantined', { id: b.id });
      setDiscarding(null);
      setDone('discarded');
      onChanged();
    });

  return (
    <section className="card quarantine" aria-labelledby="inbox-quarantine">
      <h2 id="inbox-quarantine">{t('inbox.quarantine.title')}</h2>
      <p className="hint">{t('inbox.quarantine.hint')}</p>
      {items.length === 0 ? (
        <p className="empty">{t('inbox.quarantine.none')}</p>
      ) : (
        <table className="data" aria-label={t('inbox.quarantine.label')} data-testid="quarantined-bundles">
          <thead>
            <tr>
              <th scope="col">{t('inbox.col.partner')}</th>
              <th scope="col">{t('inbox.col.purpose')}</th>
              <th scope="col">{t('inbox.col.created')}</th>
              <th scope="col">{t('inbox.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((b) => {
              const verified = lists.verifiedKeys.has(b.senderKey);
              const known = lists.knownKeys.has(b.senderKey);
              const created = f.instant(b.createdAt);
              const whyId = `quarantine-why-${b.id}`;
              return (
                <tr key={b.id}>
                  <td>
                    <PartnerCell b={b} lists={lists} />
                  </td>
                  <td>
                    <bdi>{b.purpose}</bdi>
                  </td>
                  <td>{created}</td>
                  <td className="row-actions">
                    <Button
                      variant="primary"
                      onClick={() => void accept(b)}
                      disabled={busy || !verified}
                      aria-label={t('inbox.quarantine.acceptItem', { created })}
                      aria-describedby={verified ? undefined : whyId}
                    >
                      {t('inbox.quarantine.accept')}
                    </Button>
                    {!known && (
                      <Button
                        onClick={() => void addSender(b)}
                        disabled={busy}
                        aria-label={t('inbox.quarantine.addSenderItem', { created })}
                      >
                        {t('inbox.quarantine.addSender')}
                      </Button>
                    )}
                    <Button
                      variant="danger"
                      onClick={() => setDiscarding(b)}
                      disabled={busy}
                      aria-label={t('inbox.quarantine.discardItem', { created })}
                    >
                      {t('inbox.quarantine.discard')}
                    </Button>
                    {!verified && (
                      <p className="field-hint" id={whyId}>
                        {t(known ? 'inbox.quarantine.acceptWhy' : 'inbox.quarantine.unknownWhy')}
                      </p>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {busy && !discarding && <ProgressBar event={progress} label={t('inbox.import.progress')} />}
      {!discarding && <ErrorNotice error={error} />}
      {done && (
        <p className="notice notice-ok" role="status">
          {t(done === 'accepted' ? 'inbox.quarantine.accepted' : 'inbox.quarantine.discarded')}
        </p>
      )}
      <Dialog title={t('inbox.quarantine.discardTitle')} open={discarding !== null} onClose={() => setDiscarding(null)}>
        {discarding && (
          <div>
            <p>{t('inbox.quarantine.discardBody')}</p>
            <ErrorNotice error={error} />
            <div className="form-actions">
              <Button variant="danger" onClick={() => void discard(discarding)} disabled={busy}>
                {t('inbox.quarantine.discardConfirm')}
              </Button>
              <Button onClick={() => setDiscarding(null)}>{t('action.cancel')}</Button>
            </div>
          </div>
        )}
      </Dialog>
    </section>
  );
}

function Sent({ items, lists }: { items: BundleLedgerEntry[]; lists: Lists }) {
  const t = useT();
  const f = useFormat();
  return (
    <section className="card" aria-labelledby="inbox-sent">
      <h2 id="inbox-sent">{t('inbox.sent.title')}</h2>
      {items.length === 0 ? (
        <p className="empty">{t('inbox.sent.none')}</p>
      ) : (
        <table className="data" aria-label={t('inbox.sent.label')} data-testid="sent-bundles">
          <thead>
            <tr>
              <th scope="col">{t('inbox.col.partner')}</th>
              <th scope="col">{t('inbox.col.purpose')}</th>
              <th scope="col">{t('inbox.col.created')}</th>
              <th scope="col">{t('inbox.col.size')}</th>
              <th scope="col">{t('inbox.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((b) => (
              <tr key={b.id} data-bundle-id={b.id}>
                <td>
                  <PartnerCell b={b} lists={lists} />
                </td>
                <td>
                  <bdi>{b.purpose}</bdi>
                </td>
                <td>{f.instant(b.createdAt)}</td>
                <td className="num">{f.bytes(b.bytes)}</td>
                <td>
                  <StatusBadge status={b.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Conflicts({ items, onChanged }: { items: ImportConflict[]; onChanged: () => void }) {
  const t = useT();
  const f = useFormat();
  const { busy, error, run } = useAction();
  const [resolved, setResolved] = useState(false);
  const resolve = (c: ImportConflict, resolution: 'kept-local' | 'took-incoming') =>
    run(async () => {
      setResolved(false);
      await call('bundles', 'resolveConflict', { id: c.id, resolution });
      setResolved(true);
      onChanged();
    });
  return (
    <section className="card" aria-labelledby="inbox-conflicts">
      <h2 id="inbox-conflicts">{t('inbox.conflicts.title')}</h2>
      <p className="hint">{t('inbox.conflicts.hint')}</p>
      {items.length === 0 ? (
        <p className="empty">{t('inbox.conflicts.none')}</p>
      ) : (
        <table className="data" aria-label={t('inbox.conflicts.label')} data-testid="conflicts">
          <thead>
            <tr>
              <th scope="col">{t('inbox.conflicts.col.kind')}</th>
              <th scope="col">{t('inbox.conflicts.col.record')}</th>
              <th scope="col">{t('inbox.conflicts.col.versions')}</th>
              <th scope="col">{t('inbox.conflicts.col.detected')}</th>
              <th scope="col">{t('inbox.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => {
              const kind = t(labelKey('partners.sharingKind', c.kind));
              const record = `${kind} ${c.recordId.slice(0, 8)}`;
              return (
                <tr key={c.id}>
                  <td>{kind}</td>
                  <td>
                    <bdi className="code">{c.recordId}</bdi>
                  </td>
                  <td>{t('inbox.conflicts.versions', { local: c.localVersion, incoming: c.incomingVersion })}</td>
                  <td>{f.instant(c.detectedAt)}</td>
                  <td className="row-actions">
                    <Button
                      onClick={() => void resolve(c, 'kept-local')}
                      disabled={busy}
                      aria-label={t('inbox.conflicts.keepLocalItem', { record })}
                    >
                      {t('inbox.conflicts.keepLocal')}
                    </Button>
                    <Button
                      onClick={() => void resolve(c, 'took-incoming')}
                      disabled={busy}
                      aria-label={t('inbox.conflicts.takeIncomingItem', { record })}
                    >
                      {t('inbox.conflicts.takeIncoming')}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ErrorNotice error={error} />
      {resolved && (
        <p className="notice notice-ok" role="status">
          {t('inbox.conflicts.resolved')}
        </p>
      )}
    </section>
  );
}
