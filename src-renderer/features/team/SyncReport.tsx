/** What a sync did: files applied, written and refused (each refusal in words), or one file's import or export. */
import { hasMessage, useT } from '../../i18n/i18n.js';
import type { SyncExported, SyncFolderResult, SyncImported, TeamMember } from '../../../shared/ipc/areas/team.js';

export type SyncOutcome =
  | { kind: 'folder'; result: SyncFolderResult }
  | { kind: 'import'; result: SyncImported }
  | { kind: 'export'; result: SyncExported };

export function SyncReport({ outcome, members }: { outcome: SyncOutcome; members: TeamMember[] }) {
  const t = useT();
  const nameOf = (id: string) => members.find((m) => m.id === id)?.name ?? id;
  // a refusal in the user's language when its code has a sentence, else the engine's own words
  const said = (code: string, message: string) => {
    const key = `error.${code}`;
    return hasMessage(key) ? t(key) : message;
  };
  if (outcome.kind === 'import')
    return (
      <p className="notice notice-ok" role="status" data-testid="sync-report">
        {t('team.sync.imported', { applied: outcome.result.applied, held: outcome.result.held })}
      </p>
    );
  if (outcome.kind === 'export')
    return (
      <p className="notice notice-ok" role="status" data-testid="sync-report">
        {t('team.sync.exported', { count: outcome.result.changes })}
      </p>
    );
  const r = outcome.result;
  const problems = r.refused.length > 0 || r.failed.length > 0;
  return (
    <div className={`notice ${problems ? 'notice-error' : 'notice-ok'}`} role="status" data-testid="sync-report">
      <p>{t('team.sync.done', { applied: r.applied.length, written: r.written.length, refused: r.refused.length })}</p>
      {(problems || r.notWritten.some((n) => n.reason === 'not-verified')) && (
        <ul>
          {r.refused.map((f) => (
            <li key={f.name}>{t('team.sync.refused', { name: f.name, message: said(f.code, f.message) })}</li>
          ))}
          {r.failed.map((f) => (
            <li key={f.memberId}>
              {t('team.sync.failed', { name: nameOf(f.memberId), message: said(f.code, f.message) })}
            </li>
          ))}
          {r.notWritten
            .filter((n) => n.reason === 'not-verified')
            .map((n) => (
              <li key={n.memberId}>{t('team.sync.notVerified', { name: nameOf(n.memberId) })}</li>
            ))}
        </ul>
      )}
    </div>
  );
}
