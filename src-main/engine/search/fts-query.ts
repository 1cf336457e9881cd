/**
 * Turning what a person types into an FTS5 MATCH expression, safely.
 *
 * FTS5 has its own query language (AND/OR/NOT, NEAR, column filters, `*`, `^`); text typed
 * into a search box must never be read as that language — `NOT` or a stray `"` would change
 * the meaning or make the query fail. So every word becomes a quoted string (`"word"`, with
 * `"` doubled) and the words are ANDed; a phrase in double quotes stays one phrase; the last
 * word is also matched as a prefix so that results follow typing. Words with no letter or
 * digit are dropped (the tokenizer would drop them anyway). The Signal tokenizer then folds
 * case and accents and splits CJK and Thai, on both sides of the match.
 */
import { VaultError } from '../../../shared/errors.js';

const WORD_RE = /"([^"]*)"|(\S+)/g;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

export function toFtsQuery(input: string): string {
  const terms: Array<{ text: string; phrase: boolean }> = [];
  for (const m of input.normalize('NFC').matchAll(WORD_RE)) {
    const text = (m[1] ?? m[2] ?? '').trim();
    if (HAS_WORD_CHAR.test(text)) terms.push({ text, phrase: m[1] !== undefined });
  }
  if (terms.length === 0) throw new VaultError('INVALID_INPUT', 'query: type at least one word (letters or digits) to search for.');
  return terms
    .map((t, i) => {
      const quoted = `"${t.text.replaceAll('"', '""')}"`;
      const prefix = i === terms.length - 1 && !t.phrase && [...t.text].length >= 2;
      return prefix ? `${quoted}*` : quoted;
    })
    .join(' AND ');
}
