/**
 * The 60-digit safety number as 12 groups of five, large and monospaced, for reading aloud.
 * Each group is its own list item; a screen reader hears "Group 3: 4 1 0 9 2" (the digits one
 * by one, not "forty-one thousand…"), while the eye sees 41092.
 */
import { useT } from '../../i18n/i18n.js';
import { spacedDigits } from '../../i18n/exchange-format.js';

export function SafetyNumberView({ groups }: { groups: readonly string[] }) {
  const t = useT();
  return (
    <ol className="safety-number" aria-label={t('verify.numberLabel')} data-testid="safety-number">
      {groups.map((g, i) => (
        <li key={i} className="safety-group">
          <span aria-hidden="true">{g}</span>
          <span className="visually-hidden">{t('verify.group', { n: i + 1, digits: spacedDigits(g) })}</span>
        </li>
      ))}
    </ol>
  );
}
