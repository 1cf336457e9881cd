/**
 * Choosing a country, a language or a currency by its name in the interface language, never by
 * typing a code. A native <select> sorted by the localized name: screen readers know it, and
 * typing the first letters of a name ("Moro…") moves to it.
 */
import type { SelectHTMLAttributes } from 'react';
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
