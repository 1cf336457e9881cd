/** Process entry of the CLI bundle (dist/cli/case-vault.mjs). */
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`error: INTERNAL: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
