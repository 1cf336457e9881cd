/** `t()` and locale-aware formatting, bound to the language chosen in settings. */
import { useCallback } from 'react';
import { useSession } from '../state/session.js';
import { CATALOGUE, type MessageKey } from './catalogue.js';
import { formatMessage, type MessageValues } from './format-message.js';
import { RTL_LOCALES, type Locale } from './define.js';
import { displayCountry, displayCurrency, displayLanguage } from './iso-names.js';
import { formatBytes } from './format-size.js';

export { formatBytes };

export type { MessageKey };
export type Translate = (key: MessageKey, values?: MessageValues) => string;

export function translate(locale: Locale, key: MessageKey, values?: MessageValues): string {
  const message = CATALOGUE[locale][key] ?? CATALOGUE.en[key];
  if (message === undefined) return key;
  return formatMessage(locale, message, values);
}

/** Translate when the key is computed (an enum value, an error code); falls back to `fallback`. */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(CATALOGUE.en, key);
}

export function useLocale(): Locale {
  return useSession((s) => s.language);
}

export function useT(): Translate {
  const locale = useLocale();
  return useCallback((key: MessageKey, values?: MessageValues) => translate(locale, key, values), [locale]);
}

export function isRtl(locale: Locale): boolean {
  return RTL_LOCALES.has(locale);
}

/** Dates: a day (YYYY-MM-DD) shown as that calendar day, whatever the local zone. */
export function formatDay(locale: Locale, day: string | null | undefined): string {
  if (!day) return '';
  const d = new Date(`${day.slice(0, 10)}T00:00:00.000Z`);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** An instant, in the user's local time. */
export function formatInstant(locale: Locale, instant: string | null | undefined): string {
  if (!instant) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
}

export function formatNumber(locale: Locale, n: number, opts?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, opts).format(n);
}

/** Hooks binding the formatters to the current language. */
export function useFormat() {
  const locale = useLocale();
  return {
    locale,
    day: (d: string | null | undefined) => formatDay(locale, d),
    instant: (i: string | null | undefined) => formatInstant(locale, i),
    number: (n: number, o?: Intl.NumberFormatOptions) => formatNumber(locale, n, o),
    bytes: (b: number) => formatBytes(locale, b),
    /** a country, language or currency code by its name in the interface language */
    country: (code: string | null | undefined) => displayCountry(code, locale),
    language: (tag: string | null | undefined) => displayLanguage(tag, locale),
    currency: (code: string | null | undefined) => displayCurrency(code, locale),
  };
}
