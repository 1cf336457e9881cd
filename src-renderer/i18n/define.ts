/**
 * Message catalogues are defined per feature, one file per language: `messages.en.ts` is the
 * source, and `messages.fr.ts`, `messages.es.ts`, `messages.ar.ts` are `Translation`s of it, so
 * the compiler refuses one that lacks a key or has an extra one; `messages.ts` joins the four
 * with `defineMessages`. A translator works in one file. tests/renderer/catalogues.test.ts checks
 * that placeholders match across languages, tests/renderer/no-literal-strings.test.ts that no
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

/** A translation of a source catalogue: exactly its keys, each a string. */
export type Translation<E> = { [K in keyof E]: string };
