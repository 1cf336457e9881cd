/**
 * Every value of every labelled enum has a label in the four languages, and a label is not the
 * raw value shown back (an untranslated code would read as English in Arabic).
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src-renderer/i18n/catalogue.js';
import { LOCALES } from '../../src-renderer/i18n/define.js';
import { ENUM_LABELS, labelKey, type LabelledEnum } from '../../src-renderer/i18n/enum-labels.js';

describe('enum labels', () => {
  it('exist for every value in every language', () => {
    const missing: string[] = [];
    for (const [prefix, values] of Object.entries(ENUM_LABELS)) {
      for (const value of values as readonly (string | number)[]) {
        const key = labelKey(prefix as LabelledEnum, value as never);
        for (const l of LOCALES) {
          const label = (CATALOGUE[l] as Record<string, string | undefined>)[key];
          if (!label || label.trim() === '') missing.push(`${l} ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('are translated in Arabic rather than echoing the code', () => {
    const echoed: string[] = [];
    for (const [prefix, values] of Object.entries(ENUM_LABELS)) {
      for (const value of values as readonly (string | number)[]) {
        const label = (CATALOGUE.ar as Record<string, string | undefined>)[`${prefix}.${value}`];
        if (label === String(value)) echoed.push(`${prefix}.${value}`);
      }
    }
    expect(echoed).toEqual([]);
  });

  it('name each message key as prefix.value', () => {
    expect(labelKey('cases.status', 'accepted')).toBe('cases.status.accepted');
  });
});
