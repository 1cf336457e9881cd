/**
 * In the share wizard (step 2): what the chosen partner may receive, and the way to set it there
 * and then from a ready profile (SHARING_PRESETS), each showing what it lets through. Saving
 * stores it as the partner's sharing profile (`partners.setSharingProfile`, the same call the
 * partner's page makes), so it also holds for later shares; the partner's page fine-tunes it.
 */
import { Fragment, useState } from 'react';
import { useT, useFormat } from '../../i18n/i18n.js';
import { useAction } from '../../state/use-action.js';
import { Button } from '../../components/controls.js';
import { ErrorNotice } from '../../components/feedback.js';
import { call } from '../../vault.js';
import {
  SHARING_KINDS,
  SHARING_PRESET_ALLOW,
  SHARING_PRESETS,
  presetOf,
  presetProfile,
  profileAllows,
  type PartnerDetail,
  type SharingPreset,
  type SharingProfile,
  type SharingField,
} from '../../../shared/domain/partners.js';
import { profileIsEmpty } from './SharePartnerGate.js';
import { labelKey } from '../../i18n/enum-labels.js';

/** For each kind a profile lets through: the kind and its fields, in words. */
export function useProfileLines(): (profile: SharingProfile) => Array<{ kind: string; fields: string }> {
  const t = useT();
  const f = useFormat();
  const list = (items: string[]) => new Intl.ListFormat(f.locale, { type: 'conjunction' }).format(items);
  return (profile) =>
    SHARING_KINDS.filter((k) => Array.isArray(profile[k])).map((kind) => ({
      kind: t(labelKey('partners.sharingKind', kind)),
      fields: list(
        (profile[kind] as readonly SharingField[])
          .filter((x) => x !== 'file')
          .map((x) => t(labelKey('partners.field', x))),
      ),
    }));
}

export function SharePresetPicker({
  partner,
  onSaved,
}: {
  partner: PartnerDetail;
  onSaved: (fresh: PartnerDetail) => void;
}) {
  const t = useT();
  const lines = useProfileLines();
  const current = presetOf(partner.sharingProfile);
  const [chosen, setChosen] = useState<SharingPreset | null>(current);
  const [saved, setSaved] = useState<SharingPreset | null>(null);
  const { busy, error, run } = useAction();
  const presetName = (p: SharingPreset) => t(labelKey('share.preset.name', p));

  const now = profileIsEmpty(partner.sharingProfile)
    ? t('share.preset.now.none')
    : current
      ? t('share.preset.now.preset', { preset: presetName(current) })
      : t('share.preset.now.custom');

  const save = () =>
    run(async () => {
      if (!chosen) return;
      await call('partners', 'setSharingProfile', {
        partnerId: partner.id,
        expectedVersion: partner.version,
        allow: SHARING_PRESET_ALLOW[chosen],
      });
      const fresh = await call('partners', 'get', { id: partner.id });
      setSaved(chosen);
      onSaved(fresh);
    });

  return (
    <section className="share-presets" aria-labelledby="share-presets-title" data-testid="share-presets">
      <h3 id="share-presets-title">{t('share.preset.title', { partner: partner.name })}</h3>
      <p data-testid="share-presets-now">{now}</p>
      <fieldset className="form-group choice-list preset-list">
        <legend>{t('share.preset.legend')}</legend>
        <ul>
          {SHARING_PRESETS.map((p) => {
            const profile = presetProfile(p);
            const descId = `share-preset-${p}-desc`;
            return (
              <li key={p} className="radio preset" data-preset={p}>
                <input
                  type="radio"
                  id={`share-preset-${p}`}
                  name="share-preset"
                  value={p}
                  checked={chosen === p}
                  onChange={() => setChosen(p)}
                  aria-describedby={descId}
                />
                <label htmlFor={`share-preset-${p}`}>{presetName(p)}</label>
                <div className="field-hint" id={descId}>
                  <p>{t(labelKey('share.preset.desc', p))}</p>
                  <p>
                    <strong>
                      {profileAllows(profile, 'evidence', 'file')
                        ? t('share.preset.files.yes')
                        : t('share.preset.files.no')}
                    </strong>
                  </p>
                  <details className="small">
                    <summary>{t('share.preset.lets')}</summary>
                    <dl className="dl preset-fields">
                      {lines(profile).map((l) => (
                        <Fragment key={l.kind}>
                          <dt>{l.kind}</dt>
                          <dd>{l.fields}</dd>
                        </Fragment>
                      ))}
                    </dl>
                  </details>
                </div>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <p className="hint">{t('share.preset.saveHint')}</p>
      <ErrorNotice error={error} />
      <div className="form-actions">
        <Button onClick={() => void save()} disabled={busy || !chosen || chosen === current}>
          {t('share.preset.save', { partner: partner.name })}
        </Button>
        <p role="status" className="saved-note">
          {saved && saved === current
            ? t('share.preset.saved', { partner: partner.name, preset: presetName(saved) })
            : ''}
        </p>
      </div>
    </section>
  );
}
