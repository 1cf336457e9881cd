/**
 * Countries, languages and currencies shown by name in the interface language, never as raw
 * codes. One cached Intl.DisplayNames per language and kind; a code the platform cannot name is
 * shown as itself (a received record may hold one the lists do not).
 */
import { COUNTRY_CODES, CURRENCY_CODES, LANGUAGE_CODES } from '../../shared/domain/iso.js';
import type { Locale } from './define.js';

type Kind = 'region' | 'language' | 'currency';

const namers = new Map<string, Intl.DisplayNames>();

function namer(locale: Locale, type: Kind): Intl.DisplayNames {
  const key = `${locale}:${type}`;
  let n = namers.get(key);
  if (!n) {
    n = new Intl.DisplayNames([locale], { type, fallback: 'none', languageDisplay: 'standard' });
    namers.set(key, n);
  }
  return n;
}

function nameOf(locale: Locale, type: Kind, code: string): string | undefined {
  try {
    return namer(locale, type).of(code);
  } catch {
    // a malformed code (received from elsewhere) has no name
    return undefined;
  }
}

export function displayCountry(code: string | null | undefined, locale: Locale): string {
  if (!code) return '';
  return nameOf(locale, 'region', code.toUpperCase()) ?? code;
}

export function displayLanguage(tag: string | null | undefined, locale: Locale): string {
  if (!tag) return '';
  return nameOf(locale, 'language', tag) ?? tag;
}

export function displayCurrency(code: string | null | undefined, locale: Locale): string {
  if (!code) return '';
  return nameOf(locale, 'currency', code.toUpperCase()) ?? code;
}

export interface CodeOption {
  value: string;
  label: string;
}

const optionCache = new Map<string, readonly CodeOption[]>();

/** Every code of a list with its localized name, sorted by that name in the interface language. */
function optionsOf(locale: Locale, key: string, codes: readonly string[], name: (c: string) => string) {
  const cacheKey = `${locale}:${key}`;
  let options = optionCache.get(cacheKey);
  if (!options) {
    const collator = new Intl.Collator(locale, { sensitivity: 'base' });
    options = codes.map((value) => ({ value, label: name(value) })).sort((a, b) => collator.compare(a.label, b.label));
    optionCache.set(cacheKey, options);
  }
  return options;
}

export function countryOptions(locale: Locale): readonly CodeOption[] {
  return optionsOf(locale, 'country', COUNTRY_CODES, (c) => displayCountry(c, locale));
}

export function languageOptions(locale: Locale): readonly CodeOption[] {
  return optionsOf(locale, 'language', LANGUAGE_CODES, (c) => displayLanguage(c, locale));
}

/** Currencies read "Euro (EUR)": the code helps where two currencies share a name (dollars). */
export function currencyOptions(locale: Locale): readonly CodeOption[] {
  return optionsOf(locale, 'currency', CURRENCY_CODES, (c) => `${displayCurrency(c, locale)} (${c})`);
}
