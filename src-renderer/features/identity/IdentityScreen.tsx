/**
 * Our identity: the contact card partners know this vault by (name and organisation editable),
 * its key fingerprint, the card as a QR code on screen, and the card saved through main's save
 * dialog as a `.cvcard` file or as a QR code (PNG, SVG). The private key is never offered here.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useT, useFormat } from '../../i18n/i18n.js';
import { useAction } from '../../state/use-action.js';
import { Button, TextField } from '../../components/controls.js';
import { Form, FormNotice } from '../../components/Form.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import { call, asCallError } from '../../vault.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import type { IdentityProfile } from '../../../shared/domain/identity.js';
import type { SaveKind } from '../../../shared/ipc/areas/app.js';
import type { CardExportFormat } from '../../../shared/ipc/areas/identity.js';
import { QrImage } from './QrImage.js';
import { fileSafe } from '../../i18n/exchange-format.js';

const EXPORTS: ReadonlyArray<{
  format: CardExportFormat;
  kind: SaveKind;
  ext: string;
  label: 'identity.export.card' | 'identity.export.png' | 'identity.export.svg';
}> = [
  { format: 'card', kind: 'contact-card', ext: 'cvcard', label: 'identity.export.card' },
  { format: 'png', kind: 'qr-png', ext: 'png', label: 'identity.export.png' },
  { format: 'svg', kind: 'qr-svg', ext: 'svg', label: 'identity.export.svg' },
];

export function IdentityScreen() {
  const t = useT();
  const f = useFormat();
  const [identity, setIdentity] = useState<IdentityProfile | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  // what the name fields hold, saved or not: a card saved as a file carries it
  const [draft, setDraft] = useState<{ name: string; organisation: string } | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [profile, code] = await Promise.all([
        call('identity', 'show', {}),
        call('identity', 'cardQr', { format: 'svg' }),
      ]);
      setIdentity(profile);
      setQr(code.svg);
    } catch (e) {
      setError(asCallError(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const saved = (p: IdentityProfile) => {
    setIdentity(p);
    // the QR code holds the card: draw it again with the new name
    void call('identity', 'cardQr', { format: 'svg' }).then(
      (c) => setQr(c.svg),
      () => undefined,
    );
  };

  return (
    <section className="screen screen-identity" aria-labelledby="identity-title">
      <header className="screen-header">
        <h1 id="identity-title" tabIndex={-1}>
          {t('identity.title')}
        </h1>
      </header>
      <p className="intro">{t('identity.intro')}</p>
      <ErrorNotice error={error} onRetry={() => void load()} />
      {!identity ? (
        !error && <Loading />
      ) : (
        <div className="identity-columns">
          <section className="card" aria-labelledby="identity-card">
            <h2 id="identity-card">{t('identity.card.title')}</h2>
            <CardForm identity={identity} onSaved={saved} onDraft={setDraft} />
            <h3>{t('identity.key.title')}</h3>
            <dl className="dl">
              <dt>{t('identity.fingerprint')}</dt>
              <dd>
                <bdi className="code fingerprint" data-testid="our-fingerprint">
                  {identity.fingerprint}
                </bdi>
                <p className="field-hint">{t('identity.fingerprintHint')}</p>
              </dd>
              <dt>{t('identity.createdAt')}</dt>
              <dd>{f.instant(identity.createdAt)}</dd>
              <dt>{t('identity.vaultId')}</dt>
              <dd>
                <bdi className="code">{identity.vaultId}</bdi>
              </dd>
            </dl>
          </section>
          <section className="card identity-qr" aria-labelledby="identity-qr">
            <h2 id="identity-qr">{t('identity.qr.title')}</h2>
            {qr ? <QrImage svg={qr} alt={t('identity.qr.alt')} testId="card-qr" /> : <Loading />}
            <p className="hint">{t('identity.qr.hint')}</p>
          </section>
          <section className="card" aria-labelledby="identity-export">
            <h2 id="identity-export">{t('identity.export.title')}</h2>
            <p className="hint">{t('identity.export.hint')}</p>
            <CardExports identity={identity} draft={draft} onSaved={saved} />
            <p className="small muted identity-age-key">{t('identity.ageKey')}</p>
          </section>
        </div>
      )}
    </section>
  );
}

function CardForm({
  identity,
  onSaved,
  onDraft,
}: {
  identity: IdentityProfile;
  onSaved: (p: IdentityProfile) => void;
  onDraft: (d: { name: string; organisation: string }) => void;
}) {
  const t = useT();
  const [name, setName] = useState(identity.name);
  const [organisation, setOrganisation] = useState(identity.organisation);
  useEffect(() => onDraft({ name, organisation }), [name, organisation, onDraft]);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    await run(async () => {
      onSaved(await call('identity', 'update', { name, organisation }));
      setSaved(true);
    });
  };
  return (
    <Form onSubmit={submit} busy={busy} error={error}>
      <TextField
        label={t('identity.name')}
        hint={t('identity.nameHint')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={200}
      />
      <TextField
        label={t('identity.organisation')}
        value={organisation}
        onChange={(e) => setOrganisation(e.target.value)}
        maxLength={200}
      />
      <FormNotice />
      {saved && (
        <p className="notice notice-ok" role="status">
          {t('identity.saved')}
        </p>
      )}
      <div className="form-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {t('action.save')}
        </Button>
      </div>
    </Form>
  );
}

function CardExports({
  identity,
  draft,
  onSaved,
}: {
  identity: IdentityProfile;
  draft: { name: string; organisation: string } | null;
  onSaved: (p: IdentityProfile) => void;
}) {
  const t = useT();
  const { busy, error, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const shown = draft ?? identity;
  const base = `contact-card-${fileSafe(shown.organisation || shown.name || 'case-vault')}`;
  const save = (e: (typeof EXPORTS)[number]) =>
    run(async () => {
      setDone(null);
      const target = await call('files', 'chooseSaveTarget', { suggestedName: `${base}.${e.ext}`, kind: e.kind });
      if (!target) return;
      // a name typed but not saved goes on the card too, rather than the card leaving with the old one
      if (draft && (draft.name !== identity.name || draft.organisation !== identity.organisation)) {
        onSaved(await call('identity', 'update', draft));
      }
      await call('identity', 'exportCard', { target: target.handle, format: e.format });
      setDone(target.name);
    });
  return (
    <div className="card-exports" aria-busy={busy}>
      <ul className="button-list">
        {EXPORTS.map((e) => (
          <li key={e.format}>
            <Button onClick={() => void save(e)} disabled={busy}>
              {t(e.label)}
            </Button>
          </li>
        ))}
      </ul>
      <ErrorNotice error={error} />
      {done && (
        <p className="notice notice-ok" role="status" data-testid="card-exported">
          {t('identity.export.done', { name: done })}
        </p>
      )}
    </div>
  );
}
