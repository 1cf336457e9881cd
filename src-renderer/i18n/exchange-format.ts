/** Small helpers shared by the exchange screens. */

/** A file name part from a reference or a name: letters, digits, dot, dash, underscore; at most 40. */
export function fileSafe(text: string): string {
  const cleaned = text
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return cleaned || 'case-vault';
}

/** Today as YYYY-MM-DD (for proposed file names). */
export function todayStamp(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Digits only (Western, Arabic-Indic and Persian digits read as 0–9): what a typed safety number holds. */
export function digitsOf(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\D/g, '');
}

/** "12345" → "1 2 3 4 5": a screen reader reads the digits one by one. */
export function spacedDigits(group: string): string {
  return group.split('').join(' ');
}
