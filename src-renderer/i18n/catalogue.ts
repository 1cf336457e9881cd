/**
 * All catalogues, merged. A feature adds its messages with one import and one spread line.
 * Keys are namespaced by feature ('cases.title', 'consents.state.given', …).
 */
import type { Locale } from './define.js';
import { commonMessages } from './common-messages.js';
import { vaultMessages } from '../features/vault/messages.js';
import { casesMessages } from '../features/cases/messages.js';
// feature catalogues (one import per feature)

function merge<T extends Record<Locale, Record<string, string>>[]>(...parts: T) {
  const out = { en: {}, fr: {}, es: {}, ar: {} } as Record<Locale, Record<string, string>>;
  for (const p of parts) for (const l of Object.keys(out) as Locale[]) Object.assign(out[l], p[l]);
  return out;
}

export const CATALOGUE = merge(
  commonMessages,
  vaultMessages,
  casesMessages,
  // feature catalogues (one line per feature)
);

type KeysOf<M> = M extends { en: infer E } ? keyof E : never;
export type MessageKey =
  | KeysOf<typeof commonMessages>
  | KeysOf<typeof vaultMessages>
  | KeysOf<typeof casesMessages>
  // feature catalogues (one union member per feature)
  ;
