/** Sizes of files and bundles, in the interface's language. */
import type { Locale } from './define.js';

/**
 * A size, in the unit that keeps it short: "0 bytes", "1 byte", "346 bytes", "1.5 kB". Bytes are
 * spelled out (the short form of byte is "byte", whatever the count), larger units abbreviated.
 */
export function formatBytes(locale: Locale, bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[u],
    unitDisplay: u === 0 ? 'long' : 'short',
    maximumFractionDigits: u === 0 ? 0 : 1,
  }).format(v);
}
