// npm start: build the desktop app (dist/app, dist/renderer), then open it in Electron.
// Wherever the Electron binary could not be downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD, air-gapped
// build machines), this says so plainly instead of pretending, and points to the CLI, which runs
// the same engine.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

try {
  execFileSync(process.execPath, ['build/build-app.mjs'], { stdio: 'inherit' });
} catch {
  process.stderr.write('error: APP_BUILD_FAILED: the desktop app did not build (see the messages above).\n');
  process.exit(1);
}

const appEntry = JSON.parse(readFileSync('package.json', 'utf8')).main;
if (typeof appEntry !== 'string' || !existsSync(appEntry)) {
  process.stderr.write(`error: APP_NOT_BUILT: ${String(appEntry)} is missing after the build.\n`);
  process.exit(1);
}

let electronBinary = null;
try {
  // The electron package exports the path of its binary, downloading it first when it is missing
  // (on a machine with network access that is all `npm start` needs; offline it fails, and we say so).
  electronBinary = createRequire(import.meta.url)('electron');
} catch {
  electronBinary = null;
}
if (typeof electronBinary !== 'string' || !existsSync(electronBinary)) {
  process.stderr.write(
    'error: ELECTRON_MISSING: the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD was set, or the download failed). Run "npm ci" without it on a machine with network access.\n' +
      'The vault engine is ready from the terminal meanwhile: ./bin/case-vault --help\n',
  );
  process.exit(1);
}

// Electron must run as Electron, whatever the calling shell has set.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electronBinary, ['.'], { stdio: 'inherit', env });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
