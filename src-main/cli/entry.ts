/** Process entry of the CLI bundle (dist/cli/case-vault.mjs). */
import { describeFailure } from './io.js';
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // main reports its own failures; this is the last net, with the same one-line, terminal-safe form
    process.stderr.write(describeFailure(e).line + '\n');
    process.exitCode = 1;
  },
);
