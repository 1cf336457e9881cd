/**
 * The vault core's benchmarks: `npm run bench [-- --quick] [-- --only NAME]`. See bench/README.md.
 *
 * stdout: one JSON line per measurement (also written to bench/out/results.jsonl).
 * stderr: progress, then a table of every measurement.
 * Exit status: 0 when every bench ran (missed targets are reported, not fatal); 1 when a bench
 * crashed; 2 on bad arguments.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ageBench } from './age.js';
import { bundleBench } from './bundle.js';
import { backupBench } from './backup.js';
import { appBench } from './app.js';
import { caseListBench } from './case-list.js';
import { conflictCheckBench } from './conflict-check.js';
import { dbWorkloadBench } from './db-workload.js';
import { demoBench } from './demo.js';
import { intakeBench } from './intake.js';
import { reportPdfBench } from './report-pdf.js';
import { importBench } from './import.js';
import {
  type Bench,
  type BenchContext,
  type Measurement,
  Reporter,
  makeTempDir,
  removeAllTempDirs,
  removeAllTempDirsSync,
} from './lib.js';
import { searchBench } from './search.js';
import { unlockBench } from './unlock.js';

const BENCHES: readonly Bench[] = [
  unlockBench,
  dbWorkloadBench,
  intakeBench,
  ageBench,
  bundleBench,
  searchBench,
  caseListBench,
  conflictCheckBench,
  demoBench,
  reportPdfBench,
  appBench,
  backupBench,
  importBench,
];
const OUT_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out', 'results.jsonl');

function usage(): string {
  return [
    'usage: npm run bench -- [--quick] [--only NAME[,NAME…]]',
    '  --quick       smaller sizes, for a smoke run',
    '  --only NAME   run only the named bench (repeatable, or comma-separated)',
    `benches: ${BENCHES.map((b) => `${b.name} (${b.summary})`).join('; ')}`,
  ].join('\n');
}

function parseCli(argv: string[]): { quick: boolean; selected: Bench[] } | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return null;
  const names = (values.only ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
  const unknown = names.filter((n) => !BENCHES.some((b) => b.name === n));
  if (unknown.length > 0) throw new Error(`unknown bench: ${unknown.join(', ')}`);
  const selected = names.length === 0 ? [...BENCHES] : BENCHES.filter((b) => names.includes(b.name));
  return { quick: values.quick, selected };
}

function formatValue(v: number): string {
  if (Number.isInteger(v)) return String(v);
  const abs = Math.abs(v);
  return v.toFixed(abs >= 1000 ? 0 : abs >= 10 ? 1 : 3);
}

function table(measurements: readonly Measurement[]): string {
  const header = ['bench', 'metric', 'value', 'unit', 'target', 'result'];
  const rows = measurements.map((m) => [
    m.bench,
    m.metric,
    formatValue(m.value),
    m.unit,
    m.target ?? '',
    m.pass === null ? '' : m.pass ? 'PASS' : 'MISS',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main(): Promise<number> {
  let cli: ReturnType<typeof parseCli>;
  try {
    cli = parseCli(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${usage()}\n`);
    return 2;
  }
  if (!cli) {
    process.stderr.write(`${usage()}\n`);
    return 0;
  }
  // Benchmarks measure the real thing: the fast test KDF must not leak in from the environment.
  delete process.env.CASE_VAULT_INSECURE_FAST_KDF;

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      removeAllTempDirsSync();
      process.exit(130);
    });
  }

  const reporter = new Reporter(OUT_FILE);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  process.stderr.write(
    `case-vault bench${cli.quick ? ' (quick)' : ''}: node ${process.version}, ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, ${os.platform()} ${os.release()}\n`,
  );

  const crashed: string[] = [];
  for (const bench of cli.selected) {
    process.stderr.write(`\n== ${bench.name}: ${bench.summary}\n`);
    const ctx: BenchContext = {
      bench: bench.name,
      quick: cli.quick,
      report: (metric, value, unit, target) => reporter.record(bench.name, metric, value, unit, target),
      log: (message) => process.stderr.write(`   ${message}\n`),
      tempDir: (label) => makeTempDir(label),
    };
    const t0 = performance.now();
    try {
      await bench.run(ctx);
      process.stderr.write(`   done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    } catch (e) {
      crashed.push(bench.name);
      process.stderr.write(`!! ${bench.name} crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    } finally {
      await removeAllTempDirs();
    }
  }

  const missed = reporter.measurements.filter((m) => m.pass === false);
  process.stderr.write(`\n${table(reporter.measurements)}\n\n`);
  process.stderr.write(
    `${reporter.measurements.length} measurements, ${missed.length} target(s) missed${missed.length ? ` (${missed.map((m) => `${m.bench}/${m.metric}`).join(', ')})` : ''}` +
      `${crashed.length ? `, CRASHED: ${crashed.join(', ')}` : ''}; JSON lines in ${path.relative(process.cwd(), OUT_FILE)}\n`,
  );
  return crashed.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    removeAllTempDirsSync();
    process.stderr.write(`bench runner failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
