// Builds once before the tests: the CLI bundle (tests spawn ./bin/case-vault) and the parts of
// the desktop app that run outside Electron (the engine worker and the renderer, which the e2e
// harness serves to Chromium), so that every test runs the current code.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['build/build-cli.mjs'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['build/build-app.mjs', '--renderer-only'], { stdio: 'inherit' });
}
