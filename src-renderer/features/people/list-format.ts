/** "a, b and c" in the current language (Intl.ListFormat), for lists of translated names. */
import { useLocale } from '../../i18n/i18n.js';

export function useListFormat(): (items: readonly string[]) => string {
  const locale = useLocale();
  const lf = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  return (items) => lf.format(items);
}
