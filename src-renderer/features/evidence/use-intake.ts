/**
 * Choosing a file to take in: main's native dialog picks it (the renderer only gets its handle,
 * name and size), then the intake form asks what is known of it. Shared by the case's evidence
 * tab (a new item, or a working copy of a row) and the evidence page (a working copy of the item).
 */
import { useState } from 'react';
import { call, asCallError } from '../../vault.js';
import type { Evidence } from '../../../shared/domain/evidence.js';
import type { ChosenFile } from '../../../shared/ipc/areas/app.js';
import type { CallError } from '../../../shared/ipc/kit.js';

export interface Intake {
  file: ChosenFile;
  /** set when the file is a working copy of this item */
  original: Evidence | null;
}

export function useIntake() {
  const [choosing, setChoosing] = useState(false);
  const [chooseError, setChooseError] = useState<CallError | null>(null);
  const [intake, setIntake] = useState<Intake | null>(null);

  const choose = async (original: Evidence | null) => {
    setChoosing(true);
    setChooseError(null);
    try {
      const file = await call('files', 'chooseEvidence', {});
      if (file) setIntake({ file, original });
    } catch (e) {
      setChooseError(asCallError(e));
    } finally {
      setChoosing(false);
    }
  };

  return { choosing, chooseError, intake, choose, done: () => setIntake(null) };
}
