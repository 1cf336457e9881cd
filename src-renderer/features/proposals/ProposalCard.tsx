/**
 * One proposed addition, as a person reads it before deciding: what it is (and whether it
 * changes a record already accepted), for which case (a link that opens the case on the tab of
 * that kind), from which partner, when it came, and its content — the note's text, the
 * deadline's kind and due day, the outcome's kind, description and amount, the evidence's
 * title, type, file name, size and whether its file came. Then Accept and Reject….
 * Everything the partner wrote is shown as text, isolated (<bdi>), never as markup.
 */
import type { ReactNode } from 'react';
import { hasMessage, useFormat, useT } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import { useNav, type CaseTab } from '../../state/navigation.js';
import { Button } from '../../components/controls.js';
import type { AdditionKind, ProposedAddition } from '../../../shared/domain/bundles.js';
import { formatMoney } from '../outcomes/OutcomesTab.js';
import { shortVault } from '../evidence/evidence-format.js';
import { labelKey } from '../../i18n/enum-labels.js';

/** The case tab where an accepted addition of each kind shows. */
const TAB_OF: Record<AdditionKind, CaseTab> = {
  notes: 'notes',
  deadlines: 'deadlines',
  outcomes: 'outcomes',
  evidence: 'evidence',
};

/** The message namespace naming the subtype of each kind (deadline kind, outcome kind, evidence type). */
const SUBTYPE_OF: Record<AdditionKind, string | null> = {
  notes: null,
  deadlines: 'deadlines.kind',
  outcomes: 'outcomes.kind',
  evidence: 'evidence.type',
};

/**
 * "Note", or "Change to an accepted note" for a pending later version of a record already in the
 * case. (`isUpdate` says whether the record is in the case now: once a proposal is decided it no
 * longer tells whether that proposal was a change, so decided ones are named by their kind.)
 */
export function kindLabel(p: Pick<ProposedAddition, 'kind' | 'isUpdate' | 'status'>): MessageKey {
  return `proposals.${p.isUpdate && p.status === 'pending' ? 'update' : 'kind'}.${p.kind}` as MessageKey;
}

/** A line that tells one proposal from another of the same kind (the reject dialog): its title, file name or the start of its text. */
export function summaryOf(p: ProposedAddition): string | null {
  const v = p.preview;
  if (!v) return null;
  const text = p.kind === 'evidence' ? (v.title ?? v.fileName) : p.kind === 'notes' ? v.text : (v.title ?? v.text);
  if (!text) return null;
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

export function ProposalCard({
  p,
  busy,
  onAccept,
  onReject,
}: {
  p: ProposedAddition;
  busy: boolean;
  onAccept: () => void;
  onReject: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const go = useNav((s) => s.go);
  const headingId = `proposal-${p.id}`;
  const factsId = `proposal-facts-${p.id}`;
  const reference = p.caseReference;
  const pending = p.status === 'pending';
  const partnerId = p.partner?.id;

  const facts: Array<[MessageKey, ReactNode]> = [
    [
      'proposals.field.case',
      <button
        type="button"
        className="row-link proposal-case"
        onClick={() => go({ name: 'case', id: p.caseId, tab: TAB_OF[p.kind] })}
      >
        <bdi className="code">{reference}</bdi> <bdi>{p.caseTitle}</bdi>
      </button>,
    ],
    [
      'proposals.field.from',
      p.partner && partnerId ? (
        <button
          type="button"
          className="row-link proposal-partner"
          onClick={() => go({ name: 'partner', id: partnerId })}
        >
          <bdi>{p.partner.name}</bdi>
        </button>
      ) : (
        <span title={p.fromVault}>{t('proposals.unknownPartner', { vault: shortVault(p.fromVault) })}</span>
      ),
    ],
    ['proposals.field.received', f.instant(p.receivedAt)],
  ];
  if (p.decidedAt)
    facts.push([
      'proposals.field.decided',
      p.decidedBy
        ? t('proposals.decidedBy', { when: f.instant(p.decidedAt), who: p.decidedBy })
        : f.instant(p.decidedAt),
    ]);

  return (
    <article
      className={`proposal proposal-${p.status}`}
      aria-labelledby={headingId}
      data-proposal-id={p.id}
      data-kind={p.kind}
    >
      <h3 id={headingId} className="proposal-heading">
        <span>{t(kindLabel(p))}</span>
        {!pending && (
          <span className={`badge proposal-status proposal-status-${p.status}`}>
            {t(labelKey('proposals.status', p.status))}
          </span>
        )}
      </h3>
      <dl className="proposal-facts" id={factsId}>
        {facts.map(([label, value]) => (
          <div key={label} className="proposal-row">
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="proposal-content">
        <Content p={p} />
      </div>
      {pending && (
        <div className="proposal-actions">
          <Button
            variant="primary"
            onClick={onAccept}
            disabled={busy}
            aria-label={t(labelKey('proposals.acceptItem', p.kind), { reference })}
            aria-describedby={factsId}
          >
            {t('proposals.accept')}
          </Button>
          <Button
            onClick={onReject}
            disabled={busy}
            aria-label={t(labelKey('proposals.rejectItem', p.kind), { reference })}
            aria-describedby={factsId}
          >
            {t('proposals.reject')}
          </Button>
        </div>
      )}
    </article>
  );
}

/** What the proposal carries, by kind; "not shared" where the partner's bundle left a field out. */
function Content({ p }: { p: ProposedAddition }) {
  const t = useT();
  const f = useFormat();
  const v = p.preview;
  if (!v)
    return (
      <p className="hint proposal-gone">
        {t(p.status === 'superseded' ? 'proposals.contentReplaced' : 'proposals.contentGone')}
      </p>
    );

  const notShared = <span className="hint">{t('proposals.notShared')}</span>;
  const text = (s: string | null, long = false): ReactNode =>
    s ? <bdi className={long ? 'proposal-text' : undefined}>{s}</bdi> : notShared;
  const subtype = (): ReactNode => {
    const ns = SUBTYPE_OF[p.kind];
    if (!v.subtype || !ns) return notShared;
    const key = `${ns}.${v.subtype}`;
    return hasMessage(key) ? t(key) : <bdi>{v.subtype}</bdi>;
  };
  const rows: Array<[MessageKey, ReactNode]> = [];
  switch (p.kind) {
    case 'notes':
      if (v.title) rows.push(['proposals.field.author', <bdi>{v.title}</bdi>]);
      rows.push(['proposals.field.text', text(v.text, true)]);
      break;
    case 'deadlines':
      rows.push(
        ['proposals.field.title', text(v.title)],
        ['proposals.field.kind', subtype()],
        ['proposals.field.due', v.day ? f.day(v.day) : notShared],
      );
      if (v.text) rows.push(['proposals.field.details', text(v.text, true)]);
      break;
    case 'outcomes':
      if (v.title) rows.push(['proposals.field.title', text(v.title)]);
      rows.push(['proposals.field.kind', subtype()], ['proposals.field.description', text(v.text, true)]);
      if (v.amountAwardedMinor !== null && v.currency)
        rows.push([
          'proposals.field.amount',
          <bdi className="proposal-amount">{formatMoney(f.locale, v.amountAwardedMinor, v.currency)}</bdi>,
        ]);
      if (v.day) rows.push(['proposals.field.achieved', f.day(v.day)]);
      break;
    case 'evidence':
      rows.push(
        ['proposals.field.title', text(v.title)],
        ['proposals.field.type', subtype()],
        ['proposals.field.fileName', v.fileName ? <bdi className="code">{v.fileName}</bdi> : notShared],
        ['proposals.field.size', v.size !== null ? f.bytes(v.size) : notShared],
        [
          'proposals.field.file',
          <span className={v.hasFile ? 'proposal-file-yes' : 'proposal-file-no'}>
            {t(v.hasFile ? 'proposals.file.included' : 'proposals.file.missing')}
          </span>,
        ],
      );
      if (v.day) rows.push(['proposals.field.collected', f.day(v.day)]);
      if (v.text) rows.push(['proposals.field.description', text(v.text, true)]);
      break;
  }
  return (
    <dl className="proposal-preview">
      {rows.map(([label, value]) => (
        <div key={label} className="proposal-row">
          <dt>{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
