/**
 * Verify a partner's key: the safety number of (our key, their key) in 12 groups of five and
 * as a scannable code, and the way it was compared:
 * - read aloud (phone, video): the partner reads their number, the user types it; the engine
 *   compares it with its own (spaces ignored) — a mismatch is refused in words and nothing is
 *   written;
 * - in person, or the partner scanned this code with their device: both screens are compared
 *   side by side and the user confirms the match explicitly.
 * - from a picture: a photo or screenshot of the partner's code; the engine reads it and
 *   compares it with its own, as a scan.
 * Who compared is recorded with the verification.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18n.js';
import { useAction } from '../../state/use-action.js';
import { Dialog } from '../../components/Dialog.js';
import { Button, TextField } from '../../components/controls.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import { call, asCallError } from '../../vault.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import type { SafetyNumber } from '../../../shared/domain/identity.js';
import {
  KEY_VERIFICATION_METHODS,
  type KeyVerificationMethod,
  type PartnerKey,
} from '../../../shared/domain/partners.js';
import { QrImage } from '../identity/QrImage.js';
import { SafetyNumberView } from './SafetyNumberView.js';
import { digitsOf } from '../../i18n/exchange-format.js';
import { labelKey } from '../../i18n/enum-labels.js';

export function VerifyKeyDialog({
  open,
  partnerName,
  keyToVerify,
  onClose,
  onVerified,
}: {
  open: boolean;
  partnerName: string;
  keyToVerify: PartnerKey | null;
  onClose: () => void;
  onVerified: (k: PartnerKey) => void;
}) {
  const t = useT();
  return (
    <Dialog title={t('verify.title', { partner: partnerName })} open={open} onClose={onClose}>
      {open && keyToVerify && <VerifyForm keyToVerify={keyToVerify} onVerified={onVerified} />}
    </Dialog>
  );
}

function VerifyForm({ keyToVerify, onVerified }: { keyToVerify: PartnerKey; onVerified: (k: PartnerKey) => void }) {
  const t = useT();
  const [number, setNumber] = useState<SafetyNumber | null>(null);
  const [loadError, setLoadError] = useState<CallError | null>(null);
  const [how, setHow] = useState<KeyVerificationMethod>('read-aloud');
  const [typed, setTyped] = useState('');
  const [by, setBy] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  const [byError, setByError] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  // a refusal (a mismatch, a picture without the code) shows above the actions, which stay in
  // view at the bottom of the dialog: bring it into view too
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) errorRef.current?.scrollIntoView({ block: 'center' });
  }, [error]);

  useEffect(() => {
    let live = true;
    call('partners', 'safetyNumber', { keyId: keyToVerify.id })
      .then((n) => live && setNumber(n))
      .catch((e: unknown) => live && setLoadError(asCallError(e)));
    return () => {
      live = false;
    };
  }, [keyToVerify.id]);

  const typedDigits = digitsOf(typed);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!number) return;
    const who = by.trim();
    setByError(who ? null : t('verify.byMissing'));
    const readAloud = how === 'read-aloud';
    const typedOk = !readAloud || typedDigits.length === 60;
    setTypedError(typedOk ? null : t('verify.typedShort'));
    if (!who || !typedOk) return;
    await run(async () => {
      // Read aloud: what the user typed, for the engine to compare with its own. In person or
      // scanned: the user confirmed that both screens show the same number, so the number on
      // this screen is the one they vouch for.
      const key = await call('partners', 'verifyKey', {
        keyId: keyToVerify.id,
        safetyNumber: readAloud ? typedDigits : number.digits,
        how,
        verifiedBy: who,
      });
      onVerified(key);
    });
  };

  // A picture of the partner's screen: the engine reads their code and compares it with ours;
  // a match is recorded as scanned, a mismatch is refused and nothing is written.
  const readPicture = async () => {
    const who = by.trim();
    setByError(who ? null : t('verify.byMissing'));
    if (!who) return;
    await run(async () => {
      const file = await call('files', 'chooseOpen', { kind: 'picture' });
      if (!file) return;
      const key = await call('partners', 'verifyKeyPicture', {
        keyId: keyToVerify.id,
        picture: file.handle,
        verifiedBy: who,
      });
      onVerified(key);
    });
  };

  if (loadError) return <ErrorNotice error={loadError} />;
  if (!number) return <Loading />;
  return (
    <form className="verify-key" onSubmit={submit} aria-busy={busy} noValidate>
      <p>{t('verify.intro')}</p>
      <p className="verify-fingerprint">
        <span className="muted">{t('keys.col.key')}</span> <bdi className="code">{keyToVerify.fingerprint}</bdi>
      </p>
      <div className="verify-columns">
        <section aria-labelledby="verify-number">
          <h3 id="verify-number">{t('verify.number')}</h3>
          <SafetyNumberView groups={number.groups} />
        </section>
        <section aria-labelledby="verify-qr">
          <h3 id="verify-qr">{t('verify.qr.title')}</h3>
          <QrImage svg={number.qrSvg} alt={t('verify.qr.alt')} testId="safety-qr" />
        </section>
      </div>
      <fieldset className="form-group radio-group">
        <legend>{t('verify.how')}</legend>
        {KEY_VERIFICATION_METHODS.map((m) => (
          <div className="radio" key={m}>
            <input
              type="radio"
              id={`verify-how-${m}`}
              name="verify-how"
              value={m}
              checked={how === m}
              onChange={() => setHow(m)}
            />
            <label htmlFor={`verify-how-${m}`}>{t(labelKey('verify.how', m))}</label>
          </div>
        ))}
      </fieldset>
      {how === 'read-aloud' ? (
        <TextField
          label={t('verify.typed')}
          hint={`${t('verify.typedHint')} ${t('verify.typedCount', { count: typedDigits.length })}`}
          error={typedError}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          dir="ltr"
          className="safety-input"
        />
      ) : (
        <p className="hint">{t('verify.confirmHint')}</p>
      )}
      <TextField
        label={t('verify.by')}
        hint={t('verify.byHint')}
        error={byError}
        value={by}
        onChange={(e) => setBy(e.target.value)}
        autoComplete="name"
      />
      <p className="hint" id="verify-picture-hint">
        {t('verify.pictureHint')}
      </p>
      <div ref={errorRef}>
        <ErrorNotice error={error} />
      </div>
      <div className="form-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {how === 'read-aloud' ? t('verify.check') : t('verify.confirm')}
        </Button>
        <Button type="button" onClick={() => void readPicture()} disabled={busy} aria-describedby="verify-picture-hint">
          {t('verify.picture')}
        </Button>
      </div>
    </form>
  );
}
