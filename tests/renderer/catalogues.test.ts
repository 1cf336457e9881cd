/**
 * The four catalogues agree: same keys (also enforced by the compiler), same placeholders and
 * plural arguments in every language, every message formats, and Arabic is really Arabic.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src-renderer/i18n/catalogue.js';
import { LOCALES } from '../../src-renderer/i18n/define.js';
import { formatMessage } from '../../src-renderer/i18n/format-message.js';

/** Top-level argument names of a message ({name} and {n, plural, …}). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    if (message[i] === '{') {
      if (depth === 0) {
        const m = /^\{\s*([A-Za-z_][\w]*)\s*(,|\})/.exec(message.slice(i));
        if (m) names.add(m[1]!);
      }
      depth++;
    } else if (message[i] === '}') depth--;
  }
  return [...names].sort();
}

const en = CATALOGUE.en;

describe('message catalogues', () => {
  it('have the same keys in every language', () => {
    for (const l of LOCALES) expect(Object.keys(CATALOGUE[l]).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same placeholders in every language', () => {
    const problems: string[] = [];
    for (const [key, message] of Object.entries(en)) {
      const want = argumentsOf(message);
      for (const l of LOCALES) {
        const got = argumentsOf(CATALOGUE[l][key]!);
        if (JSON.stringify(got) !== JSON.stringify(want))
          problems.push(`${l} ${key}: ${got.join(',')} ≠ ${want.join(',')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('format in every language with sample values', () => {
    for (const [key, message] of Object.entries(en)) {
      const values = Object.fromEntries(argumentsOf(message).map((a) => [a, 3]));
      for (const l of LOCALES) expect(() => formatMessage(l, CATALOGUE[l][key]!, values), `${l} ${key}`).not.toThrow();
    }
  });

  it('are translated: no French, Spanish or Arabic message is a copy of a long English one', () => {
    const copies: string[] = [];
    for (const [key, message] of Object.entries(en)) {
      if (message.length < 12 || !/[a-z]{4}/.test(message)) continue;
      for (const l of ['fr', 'es', 'ar'] as const) if (CATALOGUE[l][key] === message) copies.push(`${l} ${key}`);
    }
    expect(copies).toEqual([]);
  });

  it('write Arabic in Arabic script', () => {
    const latinOnly = Object.entries(CATALOGUE.ar).filter(
      ([key, m]) => /\p{L}{3}/u.test(m) && !/\p{Script=Arabic}/u.test(m) && key !== 'app.name',
    );
    expect(latinOnly).toEqual([]);
  });
});

describe('formatMessage', () => {
  it('interpolates values inside Unicode isolates, formatted for the locale', () => {
    expect(formatMessage('en', 'Open case {reference}', { reference: 'CV-2026-00001' })).toBe(
      'Open case \u2068CV-2026-00001\u2069',
    );
    expect(formatMessage('fr', '{n} dossiers', { n: 12345 })).toBe('\u206812\u202f345\u2069 dossiers');
  });

  it('chooses plural forms by CLDR rules, Arabic included', () => {
    const ar = '{n, plural, zero {لا شيء} one {واحدة} two {اثنتان} few {# قليلة} many {# كثيرة} other {# أخرى}}';
    expect(formatMessage('ar', ar, { n: 0 })).toBe('لا شيء');
    expect(formatMessage('ar', ar, { n: 2 })).toBe('اثنتان');
    expect(formatMessage('ar', ar, { n: 5 })).toMatch(/قليلة$/);
    expect(formatMessage('ar', ar, { n: 11 })).toMatch(/كثيرة$/);
    expect(formatMessage('en', '{n, plural, =0 {none} one {# case} other {# cases}}', { n: 0 })).toBe('none');
    expect(formatMessage('en', '{n, plural, =0 {none} one {# case} other {# cases}}', { n: 1 })).toBe(
      '\u20681\u2069 case',
    );
  });

  it('refuses a message with a missing value instead of printing a hole', () => {
    expect(() => formatMessage('en', 'Hello {name}', {})).toThrow(/missing value/);
  });
});
