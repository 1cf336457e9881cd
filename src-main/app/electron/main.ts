/**
 * The Electron main process's entry (built to dist/app/main.js, ESM). Everything it does is in the
 * modules next to it; the vault logic is in ../core (shared with the e2e harness) and the engine
 * worker.
 */
import { fileURLToPath } from 'node:url';
import { startApp } from './lifecycle.js';

const besideMain = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

startApp({
  // The worker script is bundled next to main.js (dist/app/engine-worker.mjs) and loads from the
  // asar like main does; the native modules it imports (@signalapp/sqlcipher,
  // @signalapp/libsignal-client, sodium-native) are asarUnpacked (electron-builder.yml), because a
  // native addon must be a real file on disk to be loaded.
  workerPath: besideMain('./engine-worker.mjs'),
  preloadPath: besideMain('./preload.cjs'),
  rendererRoot: besideMain('../renderer'),
});
