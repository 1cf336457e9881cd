// Bundles the CLI into dist/cli/case-vault.mjs (native and npm packages stay external).
// Run by `npm run build` and by `prepare`, so ./bin/case-vault works straight after `npm ci`.
import { build } from 'esbuild';

await build({
  entryPoints: ['src-main/cli/entry.ts'],
  outfile: 'dist/cli/case-vault.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
