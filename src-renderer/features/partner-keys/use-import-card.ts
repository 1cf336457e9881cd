/**
 * Import a partner's contact card: main's open dialog, then the engine. The card comes from a
 * `.cvcard` file, or from a picture (a photo or screenshot of the partner's card QR code) that
 * the engine reads. The answer says what happened — a new partner, a new key, nothing new, or
 * a KEY CHANGE.
 */
import { useState } from 'react';
import { useAction } from '../../state/use-action.js';
import { call } from '../../vault.js';
import type { CardImportResult } from '../../../shared/domain/partners.js';

/** Where the card comes from. */
export type CardSource = 'card-file' | 'picture';

export function useImportCard() {
  const { busy, error, run } = useAction();
  const [result, setResult] = useState<CardImportResult | null>(null);
  const importCard = (
    partnerId: string | undefined,
    then?: (r: CardImportResult) => void,
    from: CardSource = 'card-file',
  ) =>
    run(async () => {
      setResult(null);
      const file = await call('files', 'chooseOpen', { kind: from === 'picture' ? 'picture' : 'contact-card' });
      if (!file) return;
      const target = partnerId !== undefined ? { partnerId } : {};
      const r =
        from === 'picture'
          ? await call('partners', 'importCardPicture', { picture: file.handle, ...target })
          : await call('partners', 'importCard', { file: file.handle, ...target });
      setResult(r);
      then?.(r);
    });
  return { busy, error, result, importCard };
}
