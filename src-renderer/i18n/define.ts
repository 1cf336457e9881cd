/**
 * Message catalogues are defined per feature, in four languages at once: English is the source,
 * and the compiler refuses a French, Spanish or Arabic catalogue that lacks a key or has an extra
 * one. tests/renderer/i18n.test.ts checks placeholders match across languages, and that no
 * user-visible string is written outside a catalogue.
 */
export const LOCALES = ['en', 'fr', 'es', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

export const RTL_LOCALES: ReadonlySet<Locale> = new Set(['ar']);

export function defineMessages<const E extends Record<string, string>>(m: {
  en: E;
  fr: { [K in keyof E]: string };
  es: { [K in keyof E]: string };
  ar: { [K in keyof E]: string };
}): { [L in Locale]: { [K in keyof E]: string } } {
  return m;
}
