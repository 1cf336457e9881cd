/**
 * Choosing a country, a language or a currency by its name in the interface language, never by
 * typing a code; and a value of one of the shared enums by its label. A native <select> (for
 * codes sorted by the localized name): screen readers know it, and typing the first letters of
 * a name ("Moro…") moves to it.
 */
import type { JSX, SelectHTMLAttributes } from 'react';
import { SelectField } from './controls.js';
import { useLocale, useT } from '../i18n/i18n.js';
import {
  countryOptions,
  currencyOptions,
  displayCountry,
  displayCurrency,
  displayLanguage,
  languageOptions,
  type CodeOption,
} from '../i18n/iso-names.js';
import type { Locale } from '../i18n/define.js';
import { labelKey, type EnumValue, type LabelledEnum } from '../i18n/enum-labels.js';

type PickerProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value'> & {
  label: string;
  hint?: string;
  error?: string | null;
  /** the code chosen, '' for none */
  value: string;
};

function CodePicker({
  options,
  shown,
  value,
  ...select
}: PickerProps & { options: readonly CodeOption[]; shown: (code: string, locale: Locale) => string }) {
  const t = useT();
  const locale = useLocale();
  // A stored code outside the lists (received from a partner) stays choosable as it is.
  const known = value === '' || options.some((o) => o.value === value);
  const all = [
    { value: '', label: select.required ? '' : t('form.notSet') },
    ...(known ? [] : [{ value, label: shown(value, locale) }]),
    ...options,
  ];
  return <SelectField {...select} value={value} options={all} />;
}

export function CountrySelect(props: PickerProps) {
  return <CodePicker {...props} options={countryOptions(useLocale())} shown={displayCountry} />;
}

export function LanguageSelect(props: PickerProps) {
  return <CodePicker {...props} options={languageOptions(useLocale())} shown={displayLanguage} />;
}

export function CurrencySelect(props: PickerProps) {
  return <CodePicker {...props} options={currencyOptions(useLocale())} shown={displayCurrency} />;
}

type EnumSelectBase<P extends LabelledEnum, V extends EnumValue<P>> = Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'id' | 'value' | 'onChange'
> & {
  label: string;
  hint?: string;
  error?: string | null;
  /** the labels: `cases.forum` shows FORUMS as their `cases.forum.<value>` messages */
  labels: P;
  /** the values offered, in this order (an enum, or the part of it this form allows) */
  values: readonly V[];
};

/**
 * One of an enum's values, shown by its label in the interface language. With `none`, a first
 * choice of that label stands for "not set" and gives ''.
 */
export function EnumSelect<P extends LabelledEnum, V extends EnumValue<P>>(
  props: EnumSelectBase<P, V> & { none: string; value: V | ''; onValue: (value: V | '') => void },
): JSX.Element;
export function EnumSelect<P extends LabelledEnum, V extends EnumValue<P>>(
  props: EnumSelectBase<P, V> & { none?: undefined; value: V; onValue: (value: V) => void },
): JSX.Element;
export function EnumSelect<P extends LabelledEnum, V extends EnumValue<P>>({
  labels,
  values,
  none,
  value,
  onValue,
  ...select
}: EnumSelectBase<P, V> & { none?: string; value: V | ''; onValue: (value: V | '') => void }) {
  const t = useT();
  const options = [
    ...(none === undefined ? [] : [{ value: '', label: none }]),
    ...values.map((v) => ({ value: v as string, label: t(labelKey(labels, v)) })),
  ];
  return <SelectField {...select} value={value} options={options} onChange={(e) => onValue(e.target.value as V)} />;
}
