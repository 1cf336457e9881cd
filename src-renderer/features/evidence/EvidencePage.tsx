/**
 * One evidence item: what it is, the file and its SHA-256, where it came from (source, collector,
 * method, when and where it was collected), what a partner's bundle said of it when it arrived
 * from another vault, its working copies or the item it is a copy of, and its chain of custody
 * numbered for this item. Viewing, verification, export of a decrypted copy and a new working
 * copy are in one actions menu; each of them adds to the custody log, which is read again after.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useT, useFormat } from '../../i18n/i18n.js';
import { useNav } from '../../state/navigation.js';
import { call, asCallError } from '../../vault.js';
import { Button } from '../../components/controls.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import type { CustodyEvent, Evidence } from '../../../shared/domain/evidence.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import { ActionsMenu } from './ActionsMenu.js';
import { CustodyLogSection } from './CustodyLog.js';
import { EvidenceViewer } from './EvidenceViewer.js';
import { ExportDialog } from './ExportDialog.js';
import { IntakeDialog } from './IntakeDialog.js';
import { VerifyDialog } from './VerifyDialog.js';
import { isDay, shortVault } from './evidence-format.js';
import { useIntake } from './use-intake.js';
import './evidence.css';
import { labelKey } from '../../i18n/enum-labels.js';
import { EraseDialog } from '../erasure/EraseDialog.js';

export function EvidencePage() {
  const route = useNav((s) => s.route);
  const id = route.name === 'evidence' ? route.id : '';
  return <EvidenceView key={id} id={id} />;
}

type ItemDialog = 'view' | 'verify' | 'export' | 'erase';

/** What the 'received' event of an item that came in a partner's bundle says of where it came from. */
function arrival(events: CustodyEvent[]): { fromVault: string; bundleId: string; at: string } | null {
  const first = events[0];
  const d = first?.details;
  if (!first || first.action !== 'received' || typeof d?.fromVault !== 'string' || typeof d.bundleId !== 'string')
    return null;
  return { fromVault: d.fromVault, bundleId: d.bundleId, at: first.at };
}

function EvidenceView({ id }: { id: string }) {
  const t = useT();
  const f = useFormat();
  const go = useNav((s) => s.go);
  const [item, setItem] = useState<Evidence | null>(null);
  const [related, setRelated] = useState<Evidence[]>([]);
  const [firstEvents, setFirstEvents] = useState<CustodyEvent[]>([]);
  const [error, setError] = useState<CallError | null>(null);
  const [dialog, setDialog] = useState<ItemDialog | null>(null);
  const [revision, setRevision] = useState(0);
  const intake = useIntake();

  const load = useCallback(async () => {
    setError(null);
    try {
      const found = await call('evidence', 'get', { id });
      const [all, log] = await Promise.all([
        call('evidence', 'list', { caseId: found.caseId }),
        call('evidence', 'custodyLog', { id }),
      ]);
      setItem(found);
      setRelated(all.filter((e) => e.id === found.derivedFrom || e.derivedFrom === found.id));
      setFirstEvents(log.events.slice(0, 1));
    } catch (e) {
      setError(asCallError(e));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  /**
   * A dialog closed after it may have added a custody event: read the item and its log again. It
   * only clears itself (the viewer hands over to export by opening it).
   */
  const closer = (kind: ItemDialog) => () => {
    setDialog((d) => (d === kind ? null : d));
    setRevision((r) => r + 1);
    void load();
  };

  const original = item?.derivedFrom ? related.find((e) => e.id === item.derivedFrom) : undefined;
  const copies = related.filter((e) => e.derivedFrom === item?.id);
  const received = arrival(firstEvents);
  const recorded = (value: string | null): ReactNode =>
    value ? (
      <bdi className="pre-line">{value}</bdi>
    ) : (
      <span className="not-recorded">{t('evidence.page.notRecorded')}</span>
    );

  return (
    <section className="screen evidence-page" aria-labelledby="evidence-page-title">
      <p className="back">
        <Button
          variant="link"
          onClick={() => item && go({ name: 'case', id: item.caseId, tab: 'evidence' })}
          disabled={!item}
        >
          {t('evidence.page.back')}
        </Button>
      </p>
      <header className="screen-header">
        <h1 id="evidence-page-title" tabIndex={-1}>
          {item ? <bdi>{item.title}</bdi> : t('evidence.page.heading')}
        </h1>
        {item && <span className="badge">{t(labelKey('evidence.type', item.type))}</span>}
        {item?.derivedFrom && <span className="badge">{t('evidence.copyBadge')}</span>}
        {item && (
          <ActionsMenu
            label={t('evidence.actions.menu')}
            actions={[
              { label: t('evidence.action.view'), onSelect: () => setDialog('view') },
              { label: t('evidence.action.verify'), onSelect: () => setDialog('verify') },
              { label: t('evidence.action.export'), onSelect: () => setDialog('export') },
              {
                label: t('evidence.action.copy'),
                onSelect: () => void intake.choose(item),
                disabled: intake.choosing,
              },
              { label: t('erasure.evidence.action'), onSelect: () => setDialog('erase') },
            ]}
          />
        )}
      </header>
      <ErrorNotice error={error} onRetry={() => void load()} />
      <ErrorNotice error={intake.chooseError} />
      {!item ? (
        !error && <Loading />
      ) : (
        <>
          <div className="evidence-page-columns">
            <section className="card" aria-labelledby="evidence-about">
              <h2 id="evidence-about">{t('evidence.page.about')}</h2>
              <dl className="dl">
                <dt>{t('evidence.field.description')}</dt>
                <dd>{recorded(item.description)}</dd>
                <dt>{t('evidence.field.fileName')}</dt>
                <dd>
                  <bdi>{item.fileName}</bdi>
                </dd>
                <dt>{t('evidence.field.size')}</dt>
                <dd>
                  {f.bytes(item.size)} · <bdi className="code">{item.mediaType}</bdi>
                </dd>
                <dt>{t('evidence.field.sha256')}</dt>
                <dd>
                  <bdi className="code hash">{item.sha256}</bdi>
                </dd>
                <dt>{t('evidence.field.received')}</dt>
                <dd>{f.instant(item.receivedAt)}</dd>
                <dt>{t('evidence.field.lastVerified')}</dt>
                <dd>{item.lastVerifiedAt ? f.instant(item.lastVerifiedAt) : t('evidence.custodyState.unverified')}</dd>
              </dl>
            </section>
            <div className="evidence-page-stack">
              <section className="card" aria-labelledby="evidence-provenance">
                <h2 id="evidence-provenance">{t('evidence.page.provenance')}</h2>
                <dl className="dl">
                  <dt>{t('evidence.form.source')}</dt>
                  <dd>{recorded(item.source)}</dd>
                  <dt>{t('evidence.form.collector')}</dt>
                  <dd>{recorded(item.collector)}</dd>
                  <dt>{t('evidence.form.method')}</dt>
                  <dd>{recorded(item.method)}</dd>
                  <dt>{t('evidence.field.collectedAt')}</dt>
                  <dd>
                    {item.collectedAt
                      ? isDay(item.collectedAt)
                        ? f.day(item.collectedAt)
                        : f.instant(item.collectedAt)
                      : recorded(null)}
                  </dd>
                  <dt>{t('evidence.form.place')}</dt>
                  <dd>{recorded(item.place)}</dd>
                </dl>
                {received && (
                  <>
                    <h3>{t('evidence.page.fromPartner')}</h3>
                    <dl className="dl">
                      <dt>{t('evidence.page.fromVault')}</dt>
                      <dd>
                        <bdi className="code" title={received.fromVault}>
                          {shortVault(received.fromVault)}
                        </bdi>
                      </dd>
                      <dt>{t('evidence.page.bundle')}</dt>
                      <dd>
                        <bdi className="code">{received.bundleId}</bdi>
                      </dd>
                      <dt>{t('evidence.page.arrived')}</dt>
                      <dd>{f.instant(received.at)}</dd>
                    </dl>
                  </>
                )}
              </section>
              <section className="card" aria-labelledby="evidence-related">
                <h2 id="evidence-related">{t('evidence.page.copies')}</h2>
                {item.derivedFrom && (
                  <>
                    <p>
                      {t('evidence.page.copyOf')}{' '}
                      {original ? (
                        <button
                          type="button"
                          className="row-link"
                          onClick={() => go({ name: 'evidence', id: original.id })}
                        >
                          <bdi>{original.title}</bdi>
                        </button>
                      ) : (
                        <bdi className="code">{item.derivedFrom}</bdi>
                      )}
                    </p>
                    <dl className="dl">
                      <dt>{t('evidence.page.reason')}</dt>
                      <dd>{recorded(item.derivationReason)}</dd>
                    </dl>
                  </>
                )}
                {copies.length === 0 ? (
                  <p className="empty">{t('evidence.page.copiesNone')}</p>
                ) : (
                  <ul className="related-list">
                    {copies.map((c) => (
                      <li key={c.id}>
                        <button type="button" className="row-link" onClick={() => go({ name: 'evidence', id: c.id })}>
                          <bdi>{c.title}</bdi>
                        </button>{' '}
                        <span className="muted">
                          {f.instant(c.receivedAt)}
                          {c.derivationReason && (
                            <>
                              {' · '}
                              <bdi>{c.derivationReason}</bdi>
                            </>
                          )}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </div>
          </div>

          <section className="card" aria-labelledby="evidence-custody">
            <h2 id="evidence-custody">{t('evidence.page.custody')}</h2>
            <CustodyLogSection item={item} revision={revision} />
          </section>

          <EvidenceViewer
            item={dialog === 'view' ? item : null}
            onClose={closer('view')}
            onExport={() => setDialog('export')}
          />
          <VerifyDialog
            item={dialog === 'verify' ? item : null}
            onClose={closer('verify')}
            onVerified={() => void load()}
          />
          <ExportDialog item={dialog === 'export' ? item : null} onClose={closer('export')} />
          <EraseDialog
            kind="evidence"
            id={item.id}
            name={item.title}
            open={dialog === 'erase'}
            onClose={() => setDialog(null)}
            onErased={() => go({ name: 'case', id: item.caseId, tab: 'evidence' })}
          />
          <IntakeDialog
            caseId={item.caseId}
            intake={intake.intake}
            onClose={intake.done}
            onAdded={() => {
              intake.done();
              setRevision((r) => r + 1);
              void load();
            }}
          />
        </>
      )}
    </section>
  );
}
