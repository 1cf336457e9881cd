// npm run demo: a vault full of realistic synthetic cases, to see Case Vault at work.
//   npm run demo [-- --vault DIR] [-- --cases N]     (default ./demo-vault, 200 cases; refuses an existing vault)
// The passphrase is $CASE_VAULT_PASSPHRASE, else a fixed demo passphrase printed below: a demo
// vault holds made-up data only. It is `case-vault init` followed by `case-vault demo`.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Vault, runDoctor, isVaultError } from '../src-main/engine/index.js';
import { domainContext } from '../src-main/engine/domain/context.js';
import { generateDemo } from '../src-main/engine/demo/demo-generator.js';

const DEMO_PASSPHRASE = 'demo only - never for real data';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { vault: { type: 'string' }, cases: { type: 'string' } }, strict: true });
  const dir = path.resolve(values.vault ?? 'demo-vault');
  const cases = Number(values.cases ?? 200);
  const passphrase = process.env.CASE_VAULT_PASSPHRASE ?? DEMO_PASSPHRASE;
  const { vault, recoveryKey } = await Vault.create(dir, { passphrase });
  try {
    const summary = await generateDemo(domainContext(vault), {
      cases,
      onProgress: (done, total) => process.stderr.write(`\r${done}/${total} cases`),
    });
    process.stderr.write('\n');
    const report = await runDoctor(vault, { deep: true });
    const rel = path.relative(process.cwd(), dir) || '.';
    console.log(`Demo vault at ${dir}`);
    console.log(`passphrase: ${process.env.CASE_VAULT_PASSPHRASE ? '(from CASE_VAULT_PASSPHRASE)' : DEMO_PASSPHRASE}`);
    console.log(`recovery key: ${recoveryKey}`);
    console.log(
      `${summary.cases} cases, ${summary.people} people, ${summary.consents} consents, ${summary.evidence} evidence files; doctor: ${report.ok ? 'ok' : 'FAILED'}`,
    );
    console.log(`\nTry: ./bin/case-vault case list --vault ${rel}`);
    console.log(`     ./bin/case-vault search détenu --vault ${rel}`);
  } finally {
    vault.lock();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(
    isVaultError(e) ? `error: ${e.code}: ${e.message}\n` : `error: INTERNAL: ${(e as Error).message}\n`,
  );
  process.exitCode = 1;
});
