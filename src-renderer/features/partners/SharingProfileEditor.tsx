/**
 * A partner's sharing profile: for each kind of record, whether the partner may receive it and
 * which of its fields (SHARING_FIELDS). Allowing a kind ticks its default fields, which name,
 * locate and endanger no one; anything else must be ticked by hand. A ready profile
 * (SHARING_PRESETS) fills the whole selection at once, to adjust before saving. Saved as a whole through
 * `partners.setSharingProfile`, which replaces the previous profile.
 */
import { useState, type FormEvent } from 'react';
import { useAction } from '../../state/use-action.js';
import { useT } from '../../i18n/i18n.js';
import { Button, Checkbox } from '../../components/controls.js';
import { ErrorNotice } from '../../components/feedback.js';
import { call } from '../../vault.js';
import {
  DEFAULT_SHARING_FIELDS,
  SHARING_FIELDS,
  SHARING_KINDS,
  SHARING_PRESETS,
  presetProfile,
  type Partner,
  type SharingProfile,
  type SetSharingProfileInput,
  type SharingKind,
  type SharingField,
} from '../../../shared/domain/partners.js';
import { labelKey } from '../../i18n/enum-labels.js';

type Selection = Partial<Record<SharingKind, ReadonlySet<string>>>;

function selectionOfProfile(profile: SharingProfile): Selection {
  const out: Selection = {};
  for (const kind of SHARING_KINDS) {
    const fields = profile[kind] as readonly string[] | undefined;
    if (fields) out[kind] = new Set(fields);
  }
  return out;
}

const selectionOf = (partner: Partner): Selection => selectionOfProfile(partner.sharingProfile);

/** The `allow` list for a selection, fields in the order SHARING_FIELDS gives them. */
export function allowOf(selection: Selection): SetSharingProfileInput['allow'] {
  const allow: SetSharingProfileInput['allow'] = [];
  for (const kind of SHARING_KINDS) {
    const chosen = selection[kind];
    if (!chosen) continue;
    const fields = (SHARING_FIELDS[kind] as readonly string[]).filter((f) => chosen.has(f));
    allow.push({ kind, fields } as SetSharingProfileInput['allow'][number]);
  }
  return allow;
}

export function SharingProfileEditor({ partner, onSaved }: { partner: Partner; onSaved: (p: Partner) => void }) {
  const t = useT();
  const [selection, setSelection] = useState<Selection>(() => selectionOf(partner));
  const { busy, error, run } = useAction();
  const [saved, setSaved] = useState(false);
  const [showEmpty, setShowEmpty] = useState(false);

  const change = (next: Selection) => {
    setSelection(next);
    setSaved(false);
  };
  const toggleKind = (kind: SharingKind, on: boolean) => {
    const next = { ...selection };
    if (on) next[kind] = new Set(DEFAULT_SHARING_FIELDS[kind]);
    else delete next[kind];
    change(next);
  };
  const toggleField = (kind: SharingKind, field: string, on: boolean) => {
    const fields = new Set(selection[kind]);
    if (on) fields.add(field);
    else fields.delete(field);
    change({ ...selection, [kind]: fields });
  };

  const emptyKinds = SHARING_KINDS.filter((k) => selection[k] && selection[k].size === 0);
  const allowedCount = SHARING_KINDS.filter((k) => selection[k]).length;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (emptyKinds.length > 0) {
      setShowEmpty(true);
      return;
    }
    setShowEmpty(false);
    await run(async () => {
      const updated = await call('partners', 'setSharingProfile', {
        partnerId: partner.id,
        expectedVersion: partner.version,
        allow: allowOf(selection),
      });
      setSelection(selectionOf(updated));
      setSaved(true);
      onSaved(updated);
    });
  };

  return (
    <form onSubmit={submit} aria-busy={busy} className="sharing-profile">
      <p>{t('partner.sharing.intro')}</p>
      <div className="form-actions preset-start" role="group" aria-labelledby="sharing-presets-label">
        <span id="sharing-presets-label">{t('share.preset.legend')}</span>
        {SHARING_PRESETS.map((preset) => (
          <Button key={preset} onClick={() => change(selectionOfProfile(presetProfile(preset)))}>
            {t(labelKey('share.preset.name', preset))}
          </Button>
        ))}
      </div>
      <p aria-live="polite">
        <strong>{t('partner.sharing.summary', { count: allowedCount })}</strong>
      </p>
      <div className="sharing-kinds">
        {SHARING_KINDS.map((kind) => {
          const chosen = selection[kind];
          const kindLabel = t(labelKey('partners.sharingKind', kind));
          return (
            <fieldset key={kind} className="fieldset sharing-kind" data-kind={kind}>
              <legend>{kindLabel}</legend>
              <Checkbox
                label={t('partner.sharing.allow')}
                checked={Boolean(chosen)}
                onChange={(e) => toggleKind(kind, e.target.checked)}
              />
              {chosen && (
                <fieldset className="sharing-fields">
                  <legend>{t('partner.sharing.fields')}</legend>
                  <div className="sharing-field-grid">
                    {(SHARING_FIELDS[kind] as readonly SharingField[]).map((field) => (
                      <Checkbox
                        key={field}
                        label={t(labelKey('partners.field', field))}
                        checked={chosen.has(field)}
                        onChange={(e) => toggleField(kind, field, e.target.checked)}
                      />
                    ))}
                  </div>
                  {showEmpty && chosen.size === 0 && (
                    <p className="field-error" role="alert">
                      {t('partner.sharing.noFields')}
                    </p>
                  )}
                </fieldset>
              )}
            </fieldset>
          );
        })}
      </div>
      <ErrorNotice error={error} />
      <div className="form-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {t('partner.sharing.save')}
        </Button>
        <p role="status" className="saved-note">
          {saved ? t('partner.sharing.saved') : ''}
        </p>
      </div>
    </form>
  );
}
