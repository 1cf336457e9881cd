// npm run demo: a vault with a little synthetic evidence, to see the core at work.
//   npm run demo [-- --vault DIR]        (default ./demo-vault; refuses an existing vault)
// The passphrase is $CASE_VAULT_PASSPHRASE, else a fixed demo passphrase printed below: a demo
// vault holds made-up data only. The case domain (cases, people, consents) brings
// `case-vault demo --cases N` with realistic records.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Vault, runDoctor, isVaultError } from '../src-main/engine/index.js';

const DEMO_PASSPHRASE = 'demo only - never for real data';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { vault: { type: 'string' } }, strict: true });
  const dir = path.resolve(values.vault ?? 'demo-vault');
  const passphrase = process.env.CASE_VAULT_PASSPHRASE ?? DEMO_PASSPHRASE;
  const { vault, recoveryKey } = await Vault.create(dir, { passphrase });
  try {
    const samples: Array<[string, Buffer]> = [
      ['testimony transcript (text)', Buffer.from('Synthetic testimony. '.repeat(20_000))],
      ['medical report scan (binary)', randomBytes(3 * 1024 * 1024)],
      ['photo (binary)', randomBytes(800 * 1024)],
    ];
    for (const [label, data] of samples) {
      const stored = await vault.blobs.put([data]);
      console.log(`stored ${label}: ${stored.size} bytes, sha256 ${stored.sha256.slice(0, 16)}…`);
    }
    const report = await runDoctor(vault, { deep: true });
    const s = vault.status();
    console.log(`\nDemo vault at ${dir}`);
    console.log(`passphrase: ${process.env.CASE_VAULT_PASSPHRASE ? '(from CASE_VAULT_PASSPHRASE)' : DEMO_PASSPHRASE}`);
    console.log(`recovery key: ${recoveryKey}`);
    console.log(`evidence files: ${s.counts.blobs}, audit entries: ${s.counts.auditEntries}, doctor: ${report.ok ? 'ok' : 'FAILED'}`);
    console.log(`\nTry: ./bin/case-vault status --vault ${path.relative(process.cwd(), dir) || '.'}`);
  } finally {
    vault.lock();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(isVaultError(e) ? `error: ${e.code}: ${e.message}\n` : `error: INTERNAL: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
