// Builds the desktop app into dist/: the Electron main process, the preload, the engine worker
// and the renderer. Native and npm packages stay external for main and the worker (they are
// loaded from node_modules, natives unpacked from the asar); the preload and the renderer are
// self-contained bundles (a sandboxed preload may require nothing but 'electron').
// `--renderer-only` skips the Electron side (the e2e harness needs only the renderer and worker).
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';

const args = new Set(process.argv.slice(2));
const common = { bundle: true, sourcemap: 'linked', logLevel: 'warning', target: 'es2022' };

const jobs = [
  // The engine worker: plain Node, ESM (import.meta.url finds migrations/ next to package.json).
  build({
    ...common,
    entryPoints: ['src-main/engine/api/worker.ts'],
    outfile: 'dist/app/engine-worker.mjs',
    platform: 'node',
    format: 'esm',
    packages: 'external',
  }),
  // The renderer: React + zustand, no Node. pdf.js parses a PDF in a module worker of its own:
  // bundled beside the app as pdf.worker.js and loaded from the app's origin (the CSP's
  // worker-src 'self'), never from a blob: or data: URL.
  (async () => {
    rmSync('dist/renderer', { recursive: true, force: true });
    mkdirSync('dist/renderer', { recursive: true });
    await build({
      ...common,
      entryPoints: { app: 'src-renderer/main.tsx', 'pdf.worker': 'node_modules/pdfjs-dist/build/pdf.worker.mjs' },
      outdir: 'dist/renderer',
      platform: 'browser',
      format: 'esm',
      jsx: 'automatic',
      minify: !args.has('--dev'),
      define: { 'process.env.NODE_ENV': JSON.stringify(args.has('--dev') ? 'development' : 'production') },
      loader: { '.woff2': 'file' },
    });
    cpSync('src-renderer/index.html', 'dist/renderer/index.html');
  })(),
];

if (!args.has('--renderer-only')) {
  jobs.push(
    build({
      ...common,
      entryPoints: ['src-main/app/electron/main.ts'],
      outfile: 'dist/app/main.js',
      platform: 'node',
      format: 'esm',
      packages: 'external',
    }),
    build({
      ...common,
      entryPoints: ['src-main/preload/preload.ts'],
      outfile: 'dist/app/preload.cjs',
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
    }),
  );
}

await Promise.all(jobs);
