/**
 * The packaging configuration (electron-builder.yml) against what docs/security.md ("Security: the desktop app") asks:
 * targets, asar with the natives unpacked, the fuses, and a `files` selection that ships the built
 * app and nothing of the tests, benchmarks or e2e harness. Also: package.json's `main`, and that
 * every package the built main process and worker import is one electron-builder will pack.
 */
import { describe, expect, test } from 'vitest';
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';

interface BuilderConfig {
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  npmRebuild: boolean;
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
  [key: string]: unknown;
}

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main?: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const NATIVES = ['@signalapp/sqlcipher', '@signalapp/libsignal-client', 'sodium-native'];

/**
 * A glob as electron-builder's `files` reads it, for the syntax this file uses (`*`, `**`, a
 * leading `!`). Anything fancier makes the test fail rather than guess.
 */
function globToRegExp(glob: string): RegExp {
  if (/[?[\]{}()+@!]/.test(glob)) throw new Error(`unsupported glob syntax in electron-builder.yml: ${glob}`);
  let re = '';
  for (let i = 0; i < glob.length;) {
    if (glob.startsWith('**/', i)) {
      re += '(?:[^/]+/)*';
      i += 3;
    } else if (glob.startsWith('/**', i) && i + 3 === glob.length) {
      re += '(?:/.*)?';
      i += 3;
    } else if (glob.startsWith('**', i)) {
      re += '.*';
      i += 2;
    } else if (glob[i] === '*') {
      re += '[^/]*';
      i += 1;
    } else {
      re += glob[i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i += 1;
    }
  }
  return new RegExp(`^${re}$`);
}

/** Is a project path packed by the `files` patterns? (in a positive pattern, and in no negative one) */
function packed(path: string): boolean {
  const positive = config.files.filter((p) => !p.startsWith('!')).map(globToRegExp);
  const negative = config.files.filter((p) => p.startsWith('!')).map((p) => globToRegExp(p.slice(1)));
  return positive.some((r) => r.test(path)) && !negative.some((r) => r.test(path));
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = `${dir}/${name}`;
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** app-builder-lib's JSON schema: the keys electron-builder knows. */
const scheme = JSON.parse(readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8')) as {
  properties: Record<string, unknown>;
  definitions: Record<string, { properties?: Record<string, unknown> }>;
};

describe('electron-builder.yml', () => {
  test('uses only keys electron-builder knows', () => {
    expect(Object.keys(config).filter((k) => !(k in scheme.properties))).toEqual([]);
    expect(
      Object.keys(config.electronFuses).filter((k) => !(k in scheme.definitions.FuseOptionsV1!.properties!)),
    ).toEqual([]);
  });

  test('targets: Linux AppImage and deb, Windows NSIS, macOS dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  test('asar, with exactly the native modules unpacked; they are production dependencies with no rebuild', () => {
    expect(config.asar).toBe(true);
    expect([...config.asarUnpack].sort()).toEqual(NATIVES.map((n) => `node_modules/${n}/**`).sort());
    for (const native of NATIVES) {
      expect(pkg.dependencies[native], native).toBeDefined();
      expect(existsSync(join('node_modules', native, 'package.json')), native).toBe(true);
      expect(
        walk(join('node_modules', native)).some((f) => f.endsWith('.node')),
        `${native} has a native addon`,
      ).toBe(true);
    }
    expect(config.npmRebuild).toBe(false);
  });

  test('fuses exactly as docs/security.md, "Security: the desktop app"', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  test('files: the built app, the renderer, the migrations, the report fonts and package.json are packed', () => {
    const migrations = readdirSync('migrations').filter((f) => f.endsWith('.sql'));
    expect(migrations.length).toBeGreaterThan(0);
    const fonts = readdirSync('assets/fonts');
    expect(fonts).toContain('OFL.txt');
    expect(fonts.filter((f) => f.endsWith('.ttf')).length).toBeGreaterThan(0);
    for (const path of [
      'dist/app/main.js',
      'dist/app/preload.cjs',
      'dist/app/engine-worker.mjs',
      'dist/renderer/index.html',
      'dist/renderer/app.js',
      'dist/renderer/fonts/x.woff2',
      'package.json',
      ...migrations.map((m) => `migrations/${m}`),
      ...fonts.map((f) => `assets/fonts/${f}`),
    ]) {
      expect(packed(path), path).toBe(true);
    }
  });

  test('files: nothing under tests/ (the e2e harness included), bench/ or scratch/, no source, no source maps, no CLI', () => {
    const testFiles = walk('tests');
    expect(testFiles.length).toBeGreaterThan(50);
    const candidates = [
      ...testFiles,
      ...walk('bench'),
      ...walk('src-main'),
      ...walk('src-renderer'),
      ...walk('shared'),
      ...walk('build'),
      'tests/e2e/harness/server.ts',
      'dist/tests/e2e/harness/server.js',
      'dist/app/main.js.map',
      'dist/renderer/app.js.map',
      'dist/cli/case-vault.mjs',
      'scratch/notes.md',
      'electron-builder.yml',
      'tsconfig.json',
    ];
    expect(candidates.filter(packed)).toEqual([]);
  });
});

describe('package.json', () => {
  test('main is dist/app/main.js, which build-app.mjs writes and the files patterns pack', () => {
    expect(pkg.main).toBe('dist/app/main.js');
    expect(readFileSync('build/build-app.mjs', 'utf8')).toContain(`outfile: '${pkg.main}'`);
    expect(packed(pkg.main!)).toBe(true);
  });

  test('electron is a dev dependency (electron-builder supplies the runtime), electron-builder too', () => {
    expect(pkg.devDependencies.electron).toBeDefined();
    expect(pkg.dependencies.electron).toBeUndefined();
    expect(pkg.devDependencies['electron-builder']).toBeDefined();
  });

  test('every package the built main process and worker import at run time is a production dependency', async () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const imported = new Set<string>();
    for (const entry of ['src-main/app/electron/main.ts', 'src-main/engine/api/worker.ts']) {
      // the options of build/build-app.mjs for main and the worker, without writing anything
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        platform: 'node',
        format: 'esm',
        packages: 'external',
        write: false,
        metafile: true,
        outdir: 'out',
        logLevel: 'silent',
      });
      for (const output of Object.values(result.metafile.outputs)) {
        for (const imp of output.imports) {
          if (!imp.external || builtins.has(imp.path)) continue;
          const parts = imp.path.split('/');
          imported.add(imp.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
        }
      }
    }
    expect(imported.has('electron')).toBe(true);
    expect(imported.has('zod')).toBe(true);
    const notPacked = [...imported].filter((name) => name !== 'electron' && !(name in pkg.dependencies));
    expect(notPacked).toEqual([]);
  });
});
