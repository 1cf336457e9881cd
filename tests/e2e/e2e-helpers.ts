/**
 * What the end-to-end tests share besides the browser (browser.ts) and the harness
 * (harness/server.ts): calling the engine through the shell as the renderer would, and reading
 * the interface's messages as a screen shows them.
 */
import type { Harness } from './harness/server.js';
import { CATALOGUE } from '../../src-renderer/i18n/catalogue.js';
import type { Locale } from '../../src-renderer/i18n/define.js';
import { formatMessage } from '../../src-renderer/i18n/format-message.js';

/** A contract call through the shell (sender trusted), its value or a thrown error naming the code. */
export async function ok<T = unknown>(harness: Harness, channel: string, input: unknown = {}): Promise<T> {
  const r = await harness.shell.handle(true, channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** Text without the bidi isolates (U+2068, U+2069) that formatted values are wrapped in. */
export function plain(s: string | null | undefined): string {
  return (s ?? '').replace(/[\u2068\u2069]/g, '');
}

/** A message of the interface in one language, formatted and without isolates. */
export function msg(lang: Locale, key: string, values?: Record<string, string | number>): string {
  const m = (CATALOGUE[lang] as Record<string, string>)[key];
  if (m === undefined) throw new Error(`no message ${key}`);
  return plain(formatMessage(lang, m, values));
}

/** The same with the isolates kept: accessible names computed from a label with a value keep them. */
export function accName(lang: Locale, key: string, values: Record<string, string | number>): string {
  return formatMessage(lang, (CATALOGUE[lang] as Record<string, string>)[key]!, values);
}
