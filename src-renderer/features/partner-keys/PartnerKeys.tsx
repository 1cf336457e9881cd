/**
 * The "Keys" section of a partner's page: each key the partner's vaults presented, with its
 * state (not verified / verified by whom, when and how / replaced), the import of a contact
 * card, and the verification dialog. `KeyChangedWarning` is the loud notice the page shows at
 * its top when the partner's key changed and the new one is not verified yet.
 */
import { useState } from 'react';
import { useT, useFormat } from '../../i18n/i18n.js';
import { Button } from '../../components/controls.js';
import { ErrorNotice } from '../../components/feedback.js';
import type { PartnerDetail, PartnerKey, PartnerKeyState } from '../../../shared/domain/partners.js';
import { VerifyKeyDialog } from './VerifyKeyDialog.js';
import { useImportCard } from './use-import-card.js';
import { labelKey } from '../../i18n/enum-labels.js';

export function KeyStateBadge({ state }: { state: PartnerKeyState }) {
  const t = useT();
  return (
    <span className={`badge key-state key-state-${state}`} data-testid="key-state">
      {t(labelKey('keys.state', state))}
    </span>
  );
}

export function KeyChangedWarning() {
  const t = useT();
  return (
    <div className="notice notice-error key-changed" role="alert" data-testid="key-changed">
      <p className="notice-title">{t('keys.changed.title')}</p>
      <p>{t('keys.changed.body')}</p>
    </div>
  );
}

export function PartnerKeys({ partner, onChanged }: { partner: PartnerDetail; onChanged: () => void }) {
  const t = useT();
  const f = useFormat();
  const { busy, error, result, importCard } = useImportCard();
  const [verifying, setVerifying] = useState<PartnerKey | null>(null);
  const [verified, setVerified] = useState(false);
  // newest first: the current key leads
  const keys = [...partner.keys].reverse();

  return (
    <section className="card partner-keys" aria-labelledby="partner-keys">
      <header className="section-header">
        <h2 id="partner-keys">{t('keys.title')}</h2>
        <KeyStateBadge state={partner.keyState} />
      </header>
      <p className="hint">{t('keys.intro')}</p>
      {keys.length === 0 ? (
        <p className="empty">{t('keys.none')}</p>
      ) : (
        <table className="data keys-table" aria-label={t('keys.label')}>
          <thead>
            <tr>
              <th scope="col">{t('keys.col.key')}</th>
              <th scope="col">{t('keys.col.card')}</th>
              <th scope="col">{t('keys.col.added')}</th>
              <th scope="col">{t('keys.col.state')}</th>
              <th scope="col">{t('keys.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} data-testid="partner-key" className={k.status === 'replaced' ? 'key-replaced' : undefined}>
                <td>
                  <bdi className="code fingerprint">{k.fingerprint}</bdi>
                </td>
                <td>
                  <bdi>{k.name}</bdi>
                  {k.organisation && (
                    <>
                      <br />
                      <bdi className="muted">{k.organisation}</bdi>
                    </>
                  )}
                </td>
                <td>{f.instant(k.addedAt)}</td>
                <td>
                  <span className={`badge key-status-${k.status}`}>{t(labelKey('keys.status', k.status))}</span>
                  {k.status === 'verified' && k.verifiedBy && k.verifiedHow && (
                    <p className="small muted">
                      {t('keys.verifiedDetail', {
                        who: k.verifiedBy,
                        when: f.instant(k.verifiedAt),
                        how: t(labelKey('keys.how', k.verifiedHow)),
                      })}
                    </p>
                  )}
                  {k.status === 'replaced' && k.replacedAt && (
                    <p className="small muted">{t('keys.replacedDetail', { when: f.instant(k.replacedAt) })}</p>
                  )}
                </td>
                <td>
                  {k.status !== 'replaced' && (
                    <Button
                      variant={k.status === 'unverified' ? 'primary' : 'secondary'}
                      onClick={() => setVerifying(k)}
                      aria-label={t('keys.verifyKey', { fingerprint: k.fingerprint })}
                    >
                      {t('keys.verify')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result && (
        <p
          className={`notice ${result.change === 'key-changed' ? 'notice-error' : ''}`}
          role="status"
          data-testid="card-imported"
        >
          {t(labelKey('keys.imported', result.change))}
        </p>
      )}
      {verified && (
        <p className="notice notice-ok" role="status" data-testid="key-verified">
          {t('verify.done')}
        </p>
      )}
      <ErrorNotice error={error} />
      <p>
        <Button
          onClick={() => {
            setVerified(false);
            void importCard(partner.id, onChanged);
          }}
          disabled={busy}
          aria-busy={busy}
        >
          {t('keys.import')}
        </Button>{' '}
        <Button
          onClick={() => {
            setVerified(false);
            void importCard(partner.id, onChanged, 'picture');
          }}
          disabled={busy}
          aria-busy={busy}
        >
          {t('keys.importPicture')}
        </Button>
      </p>
      <VerifyKeyDialog
        open={verifying !== null}
        partnerName={partner.name}
        keyToVerify={verifying}
        onClose={() => setVerifying(null)}
        onVerified={() => {
          setVerifying(null);
          setVerified(true);
          onChanged();
        }}
      />
    </section>
  );
}
