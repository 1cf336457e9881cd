/** Pieces shared by the consents tab, its dialogs and the gate check. */
import { useFormat, useT } from '../../i18n/i18n.js';
import { SelectField } from '../../components/controls.js';
import {
  IMPLIED_CLASS,
  NO_RECIPIENT_PURPOSES,
  SHARING_CLASSES,
  type ConsentPurpose,
  type ConsentRecipient,
  type ConsentStatus,
  type RecipientInput,
} from '../../../shared/domain/consents.js';
import type { Partner } from '../../../shared/domain/partners.js';
import { labelKey } from '../../i18n/enum-labels.js';

/** Today as YYYY-MM-DD in the user's own time zone (what a date field shows). */
export function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A day or an instant, as stored, shown in the current language. */
export function useWhen(): (v: string | null | undefined) => string {
  const f = useFormat();
  return (v) => (!v ? '' : v.length === 10 ? f.day(v) : f.instant(v));
}

export function ConsentStateBadge({ status }: { status: ConsentStatus }) {
  const t = useT();
  return (
    <span className={`badge badge-${status}`} data-testid="consent-state">
      {t(labelKey('consents.state', status))}
    </span>
  );
}

/** Where a recorded consent's information may go, in words. */
export function RecipientLabel({
  recipient,
  partners,
}: {
  recipient: ConsentRecipient | null;
  partners: ReadonlyMap<string, string>;
}) {
  const t = useT();
  if (!recipient) return <>{t('consents.recipient.none')}</>;
  if ('class' in recipient) return <>{t(labelKey('consents.class', recipient.class))}</>;
  const name = partners.get(recipient.partnerId);
  return name ? <bdi>{name}</bdi> : <>{t('consents.recipient.unknownPartner')}</>;
}

/** The value of the recipient select: `partner:<id>` or `class:<class>`. */
export function recipientFromValue(value: string): RecipientInput | undefined {
  if (value.startsWith('partner:')) return { partnerId: value.slice('partner:'.length) };
  if (value.startsWith('class:')) return { class: value.slice('class:'.length) as RecipientInput['class'] };
  return undefined;
}

export const DEFAULT_SHARING_VALUE = `class:${SHARING_CLASSES[0]}`;

/**
 * The recipient part of a consent form, by purpose: a choice for sharing (a partner or a class),
 * the fixed class for donor reporting, media and publication, nothing for the organisation's own
 * purposes (shared/domain/consents.ts resolveRecipient).
 */
export function RecipientField({
  purpose,
  partners,
  value,
  onChange,
}: {
  purpose: ConsentPurpose;
  partners: readonly Partner[];
  value: string;
  onChange: (v: string) => void;
}) {
  const t = useT();
  if (NO_RECIPIENT_PURPOSES.includes(purpose)) return <p className="hint">{t('consents.form.recipientNone')}</p>;
  const implied = IMPLIED_CLASS[purpose];
  if (implied)
    return (
      <p className="hint">{t('consents.form.recipientFixed', { recipient: t(labelKey('consents.class', implied)) })}</p>
    );
  return (
    <SelectField
      label={t('consents.form.recipient')}
      hint={t('consents.form.recipientHint')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      options={[
        ...SHARING_CLASSES.map((c) => ({ value: `class:${c}`, label: t(labelKey('consents.class', c)) })),
        ...partners.map((p) => ({
          value: `partner:${p.id}`,
          label: t('consents.form.partnerOption', { name: p.name }),
        })),
      ]}
    />
  );
}
