/**
 * What forms rely on: amounts typed the way each locale writes them, every standard code named in
 * the four interface languages, the engine refusing codes outside the standard lists, and an
 * INVALID_INPUT sentence read back to the field it names.
 */
import { describe, expect, it } from 'vitest';
import { parseLocalNumber } from '../../src-renderer/i18n/parse-number.js';
import {
  countryOptions,
  currencyOptions,
  displayCountry,
  displayCurrency,
  displayLanguage,
  languageOptions,
} from '../../src-renderer/i18n/iso-names.js';
import { formatBytes } from '../../src-renderer/i18n/format-size.js';
import { LOCALES } from '../../src-renderer/i18n/define.js';
import { COUNTRY_CODES, CURRENCY_CODES, LANGUAGE_CODES } from '../../shared/domain/iso.js';
import { CreateCaseInput } from '../../shared/domain/cases.js';
import { AddOutcomeInput, CurrencyCode } from '../../shared/domain/outcomes.js';
import { CountryCode } from '../../shared/domain/common.js';
import { AddConsentInput } from '../../shared/domain/consents.js';
import { describeZodError, invalidFieldOf } from '../../shared/zod-message.js';

describe('parseLocalNumber', () => {
  it.each([
    ['15 000,00', 'fr', '15000.00'],
    ['15\u202f000,00', 'fr', '15000.00'],
    ['15\u00a0000', 'fr', '15000'],
    ['15,000.00', 'fr', '15000.00'],
    ['15,000.00', 'en', '15000.00'],
    ['15,000', 'en', '15000'],
    ['1,5', 'en', '1.5'],
    ['1.5', 'en', '1.5'],
    ['1.500', 'en', '1.500'],
    ['1.500', 'es', '1500'],
    ['15.000,50', 'es', '15000.50'],
    ['1,500', 'fr', '1.500'],
    ['١٥٬٠٠٠٫٠٠', 'ar', '15000.00'],
    ['۱۵۰۰', 'ar', '1500'],
    ['١٥٠٠٫٥', 'ar', '1500.5'],
    ['1 000 000', 'en', '1000000'],
    ['0', 'en', '0'],
  ] as const)('%s in %s is %s', (text, locale, expected) => {
    expect(parseLocalNumber(text, locale)).toBe(expected);
  });

  it.each([
    ['', 'en'],
    ['abc', 'en'],
    ['-5', 'en'],
    ['1e5', 'en'],
    ['1.2.3,4', 'en'],
    ['1,2,3.4.5', 'en'],
    ['12,34,567', 'en'],
    [',5', 'fr'],
    ['15 000,00 €', 'fr'],
  ] as const)('refuses %j in %s', (text, locale) => {
    expect(parseLocalNumber(text, locale)).toBeNull();
  });
});

describe('ISO code lists', () => {
  it('have no duplicates', () => {
    for (const list of [COUNTRY_CODES, LANGUAGE_CODES, CURRENCY_CODES]) {
      expect(new Set(list).size).toBe(list.length);
    }
    expect(COUNTRY_CODES.length).toBe(250);
  });

  it('name every code in every interface language', () => {
    const unnamed: string[] = [];
    for (const locale of LOCALES) {
      for (const c of COUNTRY_CODES) if (displayCountry(c, locale) === c) unnamed.push(`${locale} country ${c}`);
      for (const c of LANGUAGE_CODES) if (displayLanguage(c, locale) === c) unnamed.push(`${locale} language ${c}`);
      for (const c of CURRENCY_CODES) if (displayCurrency(c, locale) === c) unnamed.push(`${locale} currency ${c}`);
    }
    expect(unnamed).toEqual([]);
  });

  it('tell Morocco from Macao, in each language', () => {
    expect(displayCountry('MA', 'en')).toBe('Morocco');
    expect(displayCountry('MO', 'en')).not.toBe('Morocco');
    expect(displayCountry('MA', 'ar')).toBe('المغرب');
    expect(displayCountry('MA', 'fr')).toBe('Maroc');
    expect(displayCountry('MA', 'es')).toBe('Marruecos');
  });

  it('offer the options sorted by their name in the interface language', () => {
    for (const locale of LOCALES) {
      for (const options of [countryOptions(locale), languageOptions(locale), currencyOptions(locale)]) {
        const collator = new Intl.Collator(locale, { sensitivity: 'base' });
        const labels = options.map((o) => o.label);
        expect([...labels].sort(collator.compare)).toEqual(labels);
      }
    }
    expect(countryOptions('en').find((o) => o.value === 'MA')?.label).toBe('Morocco');
    expect(currencyOptions('en').find((o) => o.value === 'EUR')?.label).toBe('Euro (EUR)');
  });

  it('show a code the lists do not know as itself', () => {
    expect(displayCountry('QQ', 'en')).toBe('QQ');
    expect(displayCountry('not a code', 'en')).toBe('not a code');
    expect(displayLanguage('', 'en')).toBe('');
  });
});

describe('engine schemas refuse codes outside the lists', () => {
  it('countries', () => {
    expect(CountryCode.parse('ma')).toBe('MA');
    expect(CountryCode.safeParse('XX').success).toBe(false);
    expect(CountryCode.safeParse('Morocco').success).toBe(false);
  });

  it('currencies', () => {
    expect(CurrencyCode.parse('eur')).toBe('EUR');
    expect(CurrencyCode.safeParse('XYZ').success).toBe(false);
  });

  it('languages, by their primary subtag', () => {
    const consent = (language: string) =>
      AddConsentInput.safeParse({
        personId: '00000000-0000-4000-8000-000000000001',
        caseId: '00000000-0000-4000-8000-000000000002',
        purpose: 'representation',
        told: [],
        method: 'written',
        language,
        givenAt: '2026-01-01',
      });
    expect(consent('ar').success).toBe(true);
    expect(consent('pt-BR').success).toBe(true);
    expect(consent('kmr').success).toBe(true);
    const unknown = consent('xx');
    expect(unknown.success).toBe(false);
    expect(describeZodError(unknown.error!)).toBe('language: is not an ISO 639 language.');
  });
});

describe('invalidFieldOf', () => {
  it('reads back the field of a real schema error', () => {
    const r = CreateCaseInput.safeParse({ title: 'x', country: 'XX' });
    expect(invalidFieldOf(describeZodError(r.error!))).toEqual({ path: 'country', reason: 'invalid' });
  });

  it('tells a missing value and a too-long one', () => {
    const blank = CreateCaseInput.safeParse({ title: '   ' });
    expect(invalidFieldOf(describeZodError(blank.error!))).toEqual({ path: 'title', reason: 'required' });
    const long = CreateCaseInput.safeParse({ title: 'x'.repeat(5000) });
    expect(invalidFieldOf(describeZodError(long.error!))).toMatchObject({ path: 'title', reason: 'too-long' });
    const missing = CreateCaseInput.safeParse({});
    expect(invalidFieldOf(describeZodError(missing.error!))).toEqual({ path: 'title', reason: 'required' });
    const choice = AddOutcomeInput.safeParse({ caseId: '00000000-0000-4000-8000-000000000002' });
    expect(invalidFieldOf(describeZodError(choice.error!))).toEqual({ path: 'kind', reason: 'invalid' });
  });

  it('names no field for a sentence about the input as a whole or from elsewhere', () => {
    expect(invalidFieldOf('input: is not valid.')).toBeNull();
    expect(invalidFieldOf('That passphrase does not unlock this vault.')).toBeNull();
  });

  it('keeps nested paths', () => {
    expect(invalidFieldOf('told.0: must be one of: a, b.')).toEqual({ path: 'told.0', reason: 'invalid' });
  });
});

describe('formatBytes', () => {
  it('spells out bytes with the right plural and abbreviates larger units', () => {
    expect(formatBytes('en', 0)).toBe('0 bytes');
    expect(formatBytes('en', 1)).toBe('1 byte');
    expect(formatBytes('en', 346)).toBe('346 bytes');
    expect(formatBytes('fr', 346)).toMatch(/^346\s+octets$/u);
    expect(formatBytes('en', 1536)).toBe('1.5 kB');
  });
});
