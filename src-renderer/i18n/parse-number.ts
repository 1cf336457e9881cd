/**
 * A number as a person types it, in their locale: "15 000,00" (French), "15,000.00" (English),
 * "15.000,00" (Spanish), "١٥٬٠٠٠٫٠٠" (Arabic-Indic digits). Returns a plain decimal string
 * ("15000.00") so that money stays exact on its way to the engine, or null when the text is not
 * a non-negative number.
 *
 * The separator that appears last, once, is the decimal point, unless it is the locale's
 * grouping mark followed by exactly three digits ("1.500" in Spanish is fifteen hundred, "1.5"
 * is one and a half everywhere). A separator that appears more than once groups thousands.
 */
import type { Locale } from './define.js';

const ARABIC_INDIC_ZERO = 0x0660;
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0;

function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => {
    const code = d.charCodeAt(0);
    const zero = code >= EXTENDED_ARABIC_INDIC_ZERO ? EXTENDED_ARABIC_INDIC_ZERO : ARABIC_INDIC_ZERO;
    return String(code - zero);
  });
}

function decimalMarkOf(locale: Locale): string {
  const part = new Intl.NumberFormat(locale, { numberingSystem: 'latn' })
    .formatToParts(1.5)
    .find((p) => p.type === 'decimal');
  return part?.value ?? '.';
}

export function parseLocalNumber(text: string, locale: Locale): string | null {
  const s = westernDigits(text.normalize('NFKC'))
    // Arabic decimal and thousands marks
    .replace(/\u066b/g, '.')
    .replace(/\u066c/g, ',')
    // spaces of every width and apostrophes group digits (French, Swiss)
    .replace(/[\s\u00a0\u202f\u2009'’]/g, '');
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return null;

  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimal: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) {
    decimal = lastDot > lastComma ? '.' : ',';
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const once = s.indexOf(mark) === s.lastIndexOf(mark);
    const digitsAfter = s.length - s.lastIndexOf(mark) - 1;
    const groupsThousands = digitsAfter === 3 && decimalMarkOf(locale) !== mark;
    decimal = once && !groupsThousands ? mark : null;
  }
  // without a decimal point, the one mark present (if any) groups thousands
  const group = decimal === '.' ? ',' : decimal === ',' ? '.' : lastComma >= 0 ? ',' : '.';
  if (decimal !== null && s.indexOf(decimal) !== s.lastIndexOf(decimal)) return null;
  const [whole, fraction] = decimal !== null ? s.split(decimal) : [s, undefined];
  // grouping marks only between digits, in groups of three after the first
  const groups = whole!.split(group);
  if (groups.length > 1 && (groups[0] === '' || groups.slice(1).some((g) => g.length !== 3))) return null;
  const digits = groups.join('');
  if (!/^[0-9]+$/.test(digits) || (fraction !== undefined && !/^[0-9]+$/.test(fraction))) return null;
  return fraction !== undefined ? `${digits}.${fraction}` : digits;
}

/** An example amount in the locale's own format, for hints and error messages. */
export function exampleAmount(locale: Locale): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(15000);
}
