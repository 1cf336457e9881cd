/** Save our signed receipt for a received bundle: main's save dialog, then the engine writes it. */
import { useState } from 'react';
import { useAction } from '../../state/use-action.js';
import { call } from '../../vault.js';

export function useSaveReceipt() {
  const { busy, error, run } = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  const save = (bundleId: string) =>
    run(async () => {
      setSaved(null);
      const target = await call('files', 'chooseSaveTarget', {
        suggestedName: `${bundleId}.receipt.json`,
        kind: 'receipt',
      });
      if (!target) return;
      await call('bundles', 'saveReceipt', { bundleId, target: target.handle });
      setSaved(target.name);
    });
  return { busy, error, saved, save };
}
