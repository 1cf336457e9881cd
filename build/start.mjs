// npm start: build, then open the desktop app in Electron.
// The Electron shell (src-main/app, src-main/preload, src-renderer) is built by the desktop-app
// work; until its entry exists, and wherever the Electron binary could not be downloaded, this
// says so plainly instead of pretending, and points to the CLI, which runs the same engine.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

execFileSync(process.execPath, ['build/build-cli.mjs'], { stdio: 'inherit' });

const appEntry = 'dist/app/main.js';
let electronBinary = null;
try {
  // The electron package exports the path of its downloaded binary.
  electronBinary = createRequire(import.meta.url)('electron');
} catch {
  electronBinary = null;
}

if (!existsSync(appEntry)) {
  process.stderr.write(
    'error: APP_NOT_BUILT: the desktop window is not part of this build yet. The vault engine is ready from the terminal:\n' +
      '  ./bin/case-vault init --vault ./my-vault      (then: status, doctor, passphrase change; see ./bin/case-vault --help)\n',
  );
  process.exit(1);
}
if (typeof electronBinary !== 'string' || !existsSync(electronBinary)) {
  process.stderr.write('error: ELECTRON_MISSING: the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD was set, or the download failed). Run "npm ci" without it on a machine with network access.\n');
  process.exit(1);
}
const child = spawn(electronBinary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
