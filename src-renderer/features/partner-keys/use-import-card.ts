/**
 * Import a partner's contact card: main's open dialog (contact cards), then the engine. The
 * answer says what happened — a new partner, a new key, nothing new, or a KEY CHANGE.
 */
import { useState } from 'react';
import { useAction } from '../../state/use-action.js';
import { call } from '../../vault.js';
import type { CardImportResult } from '../../../shared/domain/partners.js';

export function useImportCard() {
  const { busy, error, run } = useAction();
  const [result, setResult] = useState<CardImportResult | null>(null);
  const importCard = (partnerId: string | undefined, then?: (r: CardImportResult) => void) =>
    run(async () => {
      setResult(null);
      const file = await call('files', 'chooseOpen', { kind: 'contact-card' });
      if (!file) return;
      const r = await call('partners', 'importCard', {
        file: file.handle,
        ...(partnerId !== undefined ? { partnerId } : {}),
      });
      setResult(r);
      then?.(r);
    });
  return { busy, error, result, importCard };
}
