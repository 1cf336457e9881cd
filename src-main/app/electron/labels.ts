/**
 * The few words main shows itself (the menu, native dialog titles), in the app's four languages.
 * Everything else the user reads is the renderer's, from its message catalogues.
 */
import type { Language } from '../../../shared/ipc/areas/app.js';

export interface NativeLabels {
  vaultMenu: string;
  lock: string;
  quit: string;
  chooseEvidence: string;
  saveAs: string;
  jsonFiles: string;
  csvFiles: string;
}

export const NATIVE_LABELS: Readonly<Record<Language, NativeLabels>> = {
  en: { vaultMenu: 'Vault', lock: 'Lock', quit: 'Quit', chooseEvidence: 'Choose evidence', saveAs: 'Save as', jsonFiles: 'JSON files', csvFiles: 'CSV files' },
  fr: { vaultMenu: 'Coffre', lock: 'Verrouiller', quit: 'Quitter', chooseEvidence: 'Choisir une pièce', saveAs: 'Enregistrer sous', jsonFiles: 'Fichiers JSON', csvFiles: 'Fichiers CSV' },
  es: { vaultMenu: 'Bóveda', lock: 'Bloquear', quit: 'Salir', chooseEvidence: 'Elegir una prueba', saveAs: 'Guardar como', jsonFiles: 'Archivos JSON', csvFiles: 'Archivos CSV' },
  ar: { vaultMenu: 'الخزنة', lock: 'قفل', quit: 'إنهاء', chooseEvidence: 'اختيار دليل', saveAs: 'حفظ باسم', jsonFiles: 'ملفات JSON', csvFiles: 'ملفات CSV' },
};
