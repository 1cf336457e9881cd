/**
 * What `bundles.verify` found in a bundle, before anything is imported: the sender (as their
 * signed card says, and the partner it belongs to here), how far their key is trusted (a badge),
 * the purpose, when it was made and until when it can be imported, what it holds, and the
 * consents it relies on.
 */
import { useT, useFormat } from '../../i18n/i18n.js';
import { useNav } from '../../state/navigation.js';
import { Button } from '../../components/controls.js';
import type { BundleVerification } from '../../../shared/domain/bundles.js';
import { SHARING_KINDS } from '../../../shared/domain/partners.js';
import { labelKey } from '../../i18n/enum-labels.js';

export function KeyStatusBadge({ status }: { status: BundleVerification['sender']['keyStatus'] }) {
  const t = useT();
  return (
    <span className={`badge sender-key sender-key-${status}`} data-testid="sender-key">
      {t(labelKey('inbox.keyStatus', status))}
    </span>
  );
}

export function BundlePreview({ fileName, v }: { fileName: string; v: BundleVerification }) {
  const t = useT();
  const f = useFormat();
  const go = useNav((s) => s.go);
  const kinds = SHARING_KINDS.filter((k) => v.contents[k] > 0);
  return (
    <div className="bundle-preview" data-testid="bundle-preview">
      <dl className="dl">
        <dt>{t('inbox.preview.file')}</dt>
        <dd>
          <bdi>{fileName}</bdi>
        </dd>
        <dt>{t('inbox.preview.sender')}</dt>
        <dd>
          <bdi data-testid="sender-name">{v.sender.card.name}</bdi>
        </dd>
        <dt>{t('inbox.preview.organisation')}</dt>
        <dd>
          <bdi>{v.sender.card.organisation || t('state.none')}</bdi>
        </dd>
        <dt>{t('inbox.preview.partner')}</dt>
        <dd>
          {v.sender.partner ? (
            <Button
              variant="link"
              className="inline-link"
              onClick={() => go({ name: 'partner', id: v.sender.partner!.id })}
            >
              <bdi>{v.sender.partner.name}</bdi>
            </Button>
          ) : (
            t('inbox.preview.noPartner')
          )}
        </dd>
        <dt>{t('inbox.preview.key')}</dt>
        <dd>
          <KeyStatusBadge status={v.sender.keyStatus} />
        </dd>
        <dt>{t('inbox.preview.purpose')}</dt>
        <dd>
          <bdi className="pre-line" data-testid="bundle-purpose">
            {v.purpose}
          </bdi>
        </dd>
        <dt>{t('inbox.preview.created')}</dt>
        <dd>{f.instant(v.createdAt)}</dd>
        <dt>{t('inbox.preview.expires')}</dt>
        <dd>
          {f.instant(v.expiresAt)}{' '}
          {v.expired && <span className="badge badge-expired">{t('inbox.preview.expired')}</span>}
        </dd>
        <dt>{t('inbox.preview.contents')}</dt>
        <dd>
          {kinds.length === 0 ? (
            t('state.none')
          ) : (
            <ul className="plain-list">
              {kinds.map((k) => (
                <li key={k}>
                  {t(labelKey('partners.sharingKind', k))} <span className="num">{f.number(v.contents[k])}</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('inbox.preview.files')}</dt>
        <dd>{f.number(v.files)}</dd>
        <dt>{t('inbox.preview.size')}</dt>
        <dd>{f.bytes(v.bytes)}</dd>
        <dt>{t('inbox.preview.consents')}</dt>
        <dd>{t('share.plan.consents', { count: v.consentIds.length })}</dd>
        <dt>{t('inbox.preview.bundleId')}</dt>
        <dd>
          <bdi className="code">{v.bundleId}</bdi>
        </dd>
      </dl>
      {v.alreadyImported ? (
        <p className="notice">{t('inbox.preview.already')}</p>
      ) : (
        v.sender.keyStatus !== 'verified' && (
          <p
            className={`notice ${v.sender.keyStatus === 'replaced' ? 'notice-error' : 'notice-warn'}`}
            data-testid="quarantine-note"
          >
            {t(v.sender.keyStatus === 'replaced' ? 'inbox.preview.replacedNote' : 'inbox.preview.quarantineNote')}
          </p>
        )
      )}
    </div>
  );
}
