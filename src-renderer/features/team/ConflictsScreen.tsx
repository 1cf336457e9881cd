/**
 * Conflicts: fields two laptops changed at once before they synced. Each shows the record, the
 * field, both values with who wrote each and when, and the value shown now (the later one). The
 * user keeps one (sync.resolveConflict: the choice travels to the other laptops) or leaves it
 * for later: a postponed conflict moves to the end of the list and stays open.
 */
import { useState } from 'react';
import { useFormat, useT } from '../../i18n/i18n.js';
import { Button } from '../../components/controls.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import { useAction } from '../../state/use-action.js';
import { useLoaded } from '../../state/use-loaded.js';
import { useNav } from '../../state/navigation.js';
import { call } from '../../vault.js';
import { hasMessage } from '../../i18n/i18n.js';
import type { SyncConflict, SyncMemberStatus } from '../../../shared/ipc/areas/team.js';
import './team.css';

/** The wall-clock part of a sync clock value ('%015d.%06d': milliseconds, counter). */
function clockInstant(hlc: string | null): string | null {
  if (!hlc) return null;
  const ms = Number(hlc.slice(0, 15));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** The field's label as the record's form says it (cases.form.title…), or null when the form has none. */
function fieldKey(kind: string, field: string): string | null {
  const camel = field.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  const key = `${kind}.form.${camel}`;
  return hasMessage(key) ? key : null;
}

export function ConflictsScreen() {
  const t = useT();
  const loaded = useLoaded(
    async () => {
      const [conflicts, status] = await Promise.all([call('sync', 'conflicts', {}), call('sync', 'status', {})]);
      return { conflicts, members: status.members };
    },
    [],
    ['team', 'cases', 'people', 'notes', 'deadlines', 'outcomes'],
  );
  const [later, setLater] = useState<ReadonlySet<string>>(new Set());
  const [settled, setSettled] = useState(false);
  const action = useAction();

  const resolve = (c: SyncConflict, keep: 'local' | 'incoming') =>
    action.run(async () => {
      setSettled(false);
      await call('sync', 'resolveConflict', { id: c.id, keep });
      setSettled(true);
      await loaded.reload();
    });

  const conflicts = loaded.value
    ? [...loaded.value.conflicts].sort((a, b) => Number(later.has(a.id)) - Number(later.has(b.id)))
    : null;
  return (
    <section className="screen screen-conflicts" aria-labelledby="conflicts-title">
      <header className="screen-header">
        <h1 id="conflicts-title" tabIndex={-1}>
          {t('conflicts.title')}
        </h1>
        <p className="count" aria-live="polite">
          {conflicts && conflicts.length > 0 ? t('conflicts.count', { count: conflicts.length }) : ''}
        </p>
      </header>
      <p className="hint">{t('conflicts.intro')}</p>
      {settled && (
        <p className="notice notice-ok" role="status" data-testid="conflict-settled">
          {t('conflicts.kept')}
        </p>
      )}
      <ErrorNotice error={loaded.error} onRetry={() => void loaded.reload()} />
      <ErrorNotice error={action.error} />
      {conflicts === null ? (
        !loaded.error && <Loading />
      ) : conflicts.length === 0 ? (
        <p className="empty">{t('conflicts.none')}</p>
      ) : (
        <ul className="conflict-list">
          {conflicts.map((c) => (
            <ConflictItem
              key={c.id}
              conflict={c}
              members={loaded.value!.members}
              busy={action.busy}
              onKeep={(keep) => void resolve(c, keep)}
              onLater={() => setLater(new Set([...later, c.id]))}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function ConflictItem({
  conflict: c,
  members,
  busy,
  onKeep,
  onLater,
}: {
  conflict: SyncConflict;
  members: SyncMemberStatus[];
  busy: boolean;
  onKeep: (keep: 'local' | 'incoming') => void;
  onLater: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const go = useNav((s) => s.go);
  const titleId = `conflict-${c.id.slice(0, 12)}`;
  const kindKey = `conflicts.kind.${c.kind}`;
  const labelKeyOfField = fieldKey(c.kind, c.field);
  const label = labelKeyOfField && hasMessage(labelKeyOfField) ? t(labelKeyOfField) : null;
  const who = (origin: string | null, local: boolean) => {
    if (local) return t('conflicts.who.here');
    const m = members.find((x) => x.vaultId === origin);
    return m
      ? t('conflicts.who.member', { name: m.cardName || m.name })
      : t('conflicts.who.other', { id: (origin ?? '').slice(0, 8) });
  };
  // "mine": the side written here; when neither was, the one shown now (as the engine decides)
  const mineIndex = c.sides.findIndex((s) => s.local);
  const mine =
    mineIndex >= 0
      ? mineIndex
      : Math.max(
          0,
          c.sides.findIndex((s) => s.value === c.shown),
        );
  const ordered = [
    { side: c.sides[mine]!, label: t('conflicts.mine') },
    { side: c.sides[1 - mine]!, label: t('conflicts.theirs') },
  ];
  return (
    <li className="card conflict" data-testid="conflict" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {hasMessage(kindKey) ? t(kindKey) : t('conflicts.kind.other')} · {t('conflicts.field')}{' '}
        {label ? <bdi>{label}</bdi> : <bdi className="code">{c.field}</bdi>}
      </h2>
      {c.kind === 'cases' && (
        <p>
          <Button variant="link" onClick={() => go({ name: 'case', id: c.recordId, tab: 'overview' })}>
            {t('conflicts.openRecord')}
          </Button>
        </p>
      )}
      <div className="conflict-sides">
        {ordered.map(({ side, label }) => (
          <div className="conflict-side" key={label}>
            <p>
              <strong>{label}</strong>
              {side.value === c.shown && <span className="badge">{t('conflicts.shown')}</span>}
            </p>
            <p className="value" data-testid="conflict-value">
              <bdi>{side.value === null || side.value === '' ? t('conflicts.empty') : String(side.value)}</bdi>
            </p>
            <p className="small muted">
              {t('conflicts.when', { who: who(side.origin, side.local), when: f.instant(clockInstant(side.hlc)) })}
            </p>
          </div>
        ))}
      </div>
      <p className="conflict-actions">
        <Button variant="primary" onClick={() => onKeep('local')} disabled={busy}>
          {t('conflicts.keepMine')}
        </Button>
        <Button onClick={() => onKeep('incoming')} disabled={busy}>
          {t('conflicts.keepTheirs')}
        </Button>
        <Button variant="link" onClick={onLater}>
          {t('conflicts.later')}
        </Button>
      </p>
    </li>
  );
}
