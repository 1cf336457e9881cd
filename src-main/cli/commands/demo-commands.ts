/** demo [--cases N] [--seed S]: synthetic data for demonstrations and benchmarks. */
import { generateDemo } from '../../engine/demo/demo-generator.js';
import type { Command } from '../command.js';
import { intOpt, printRecord, withDomain } from '../domain-cli.js';

const demo: Command = {
  path: ['demo'],
  summary: 'Fill a new, empty vault with realistic synthetic cases (for demos and benchmarks only).',
  options: {
    cases: { type: 'string', description: 'how many cases (default 50; 100 000 takes a few minutes)', valueName: 'N' },
    seed: { type: 'string', description: 'seed for reproducible content (default fixed)', valueName: 'S' },
    'evidence-cases': {
      type: 'string',
      description: 'how many of the first cases get evidence files (default 10)',
      valueName: 'N',
    },
  },
  async run(ctx) {
    const cases = intOpt(ctx, 'cases') ?? 50;
    const seed = intOpt(ctx, 'seed');
    const evidenceCases = intOpt(ctx, 'evidence-cases');
    const summary = await withDomain(ctx, async (d) => {
      const progress = ctx.out.progress('Generating demo cases');
      try {
        return await generateDemo(d, {
          cases,
          ...(seed !== undefined ? { seed } : {}),
          ...(evidenceCases !== undefined ? { casesWithEvidence: evidenceCases } : {}),
          onProgress: (done, total) => progress.update(done, total, `${done}/${total}`),
        });
      } finally {
        progress.done();
      }
    });
    printRecord(ctx, summary, [
      ['cases', summary.cases],
      ['people', summary.people],
      ['consents', summary.consents],
      ['notes', summary.notes],
      ['deadlines', summary.deadlines],
      ['outcomes', summary.outcomes],
      ['indicators', summary.indicators],
      ['evidence files', summary.evidence],
      ['enquiries', summary.enquiries],
      ['partners', summary.partners],
      ['risks', summary.risks],
      ['seconds', summary.seconds],
    ]);
  },
};

export const demoCommands: Command[] = [demo];
