// The architecture's boundaries are enforced by ESLint (eslint.config.js); this proves the
// rules fire, so that a config edit cannot quietly switch them off.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint boundaries', () => {
  it('the engine never imports electron', async () => {
    expect(
      await ruleIds('src-main/engine/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toContain('no-restricted-imports');
    expect(await ruleIds('src-main/engine/probe.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toEqual([]);
  });

  it('shared/ imports neither node built-ins nor electron', async () => {
    for (const mod of ['node:fs', 'fs', 'path', 'electron', 'node:crypto']) {
      expect(await ruleIds('shared/probe.ts', `import x from '${mod}';\nexport const a = x;\n`)).toContain(
        'no-restricted-imports',
      );
    }
    expect(await ruleIds('shared/probe.ts', "import { z } from 'zod';\nexport const a = z;\n")).toEqual([]);
  });

  it('the renderer never imports src-main', async () => {
    expect(
      await ruleIds(
        'src-renderer/probe.ts',
        "import { Vault } from '../src-main/engine/index.js';\nexport const a = Vault;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        'src-renderer/probe.ts',
        "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('Math.random, chacha20 through createCipheriv and disabled renderer hardening are refused', async () => {
    expect(await ruleIds('src-main/engine/probe.ts', 'export const k = Math.random();\n')).toContain(
      'no-restricted-properties',
    );
    expect(
      await ruleIds(
        'src-main/engine/probe.ts',
        "import { createCipheriv } from 'node:crypto';\nexport const c = createCipheriv('chacha20-poly1305', Buffer.alloc(32), Buffer.alloc(12));\n",
      ),
    ).toContain('no-restricted-syntax');
    expect(
      await ruleIds(
        'src-main/app/probe.ts',
        'export const prefs = { nodeIntegration: true, contextIsolation: false, sandbox: false };\n',
      ),
    ).toEqual(['no-restricted-syntax', 'no-restricted-syntax', 'no-restricted-syntax']);
  });
});
