/**
 * Shared plumbing for the benchmarks: measurements and their targets, temp dirs that are
 * removed even on failure, a seeded PRNG for synthetic DATA (never for keys), timing and
 * memory sampling helpers.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';

export const MIB = 1024 * 1024;
export const GIB = 1024 * MIB;

// ---------------------------------------------------------------------------------------------
// Measurements and targets

/** A target a value is checked against; `text` is what the JSON line and the table show. */
export interface Target {
  readonly text: string;
  check(value: number): boolean;
}

export function atMost(limit: number): Target {
  return { text: `<= ${limit}`, check: (v) => v <= limit };
}

export function atLeast(limit: number): Target {
  return { text: `>= ${limit}`, check: (v) => v >= limit };
}

/** An inclusive range, for values that should be "about" something (e.g. unlock ≈ 500 ms). */
export function within(low: number, high: number): Target {
  return { text: `${low}..${high}`, check: (v) => v >= low && v <= high };
}

/** One line of bench/out/results.jsonl. `target` is null and `pass` is null when informational. */
export interface Measurement {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  target: string | null;
  pass: boolean | null;
}

export interface BenchContext {
  readonly bench: string;
  /** smaller sizes, for a smoke run */
  readonly quick: boolean;
  report(metric: string, value: number, unit: string, target?: Target): Measurement;
  /** progress and diagnostics, on stderr */
  log(message: string): void;
  /** a fresh directory under the OS temp dir, removed after the bench (or on SIGINT) */
  tempDir(label: string): Promise<string>;
}

export interface Bench {
  readonly name: string;
  readonly summary: string;
  run(ctx: BenchContext): Promise<void>;
}

/** Rounds for output: at most 3 decimals, integers stay integers. */
export function roundValue(value: number): number {
  return Number.isInteger(value) ? value : Math.round(value * 1000) / 1000;
}

export class Reporter {
  readonly measurements: Measurement[] = [];

  constructor(private readonly outFile: string) {
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, '');
  }

  record(bench: string, metric: string, value: number, unit: string, target?: Target): Measurement {
    if (!Number.isFinite(value)) throw new Error(`${bench}/${metric}: value is not a finite number (${value})`);
    const m: Measurement = {
      bench,
      metric,
      value: roundValue(value),
      unit,
      target: target?.text ?? null,
      pass: target ? target.check(value) : null,
    };
    this.measurements.push(m);
    const line = JSON.stringify(m);
    process.stdout.write(`${line}\n`);
    // Appended line by line, so a bench that crashes later keeps what was measured before.
    fs.appendFileSync(this.outFile, `${line}\n`);
    return m;
  }
}

// ---------------------------------------------------------------------------------------------
// Temp dirs

const liveTempDirs = new Set<string>();

export async function makeTempDir(label: string): Promise<string> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), `case-vault-bench-${label}-`));
  liveTempDirs.add(dir);
  return dir;
}

export async function removeTempDir(dir: string): Promise<void> {
  await fsp.rm(dir, { recursive: true, force: true });
  liveTempDirs.delete(dir);
}

export async function removeAllTempDirs(): Promise<void> {
  for (const dir of [...liveTempDirs]) await removeTempDir(dir);
}

/** For signal handlers, where nothing async will get to run. */
export function removeAllTempDirsSync(): void {
  for (const dir of liveTempDirs) fs.rmSync(dir, { recursive: true, force: true });
  liveTempDirs.clear();
}

// ---------------------------------------------------------------------------------------------
// Timing, statistics, memory

export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const t0 = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - t0 };
}

export function timedSync<T>(fn: () => T): { result: T; ms: number } {
  const t0 = performance.now();
  const result = fn();
  return { result, ms: performance.now() - t0 };
}

function sorted(values: readonly number[]): number[] {
  if (values.length === 0) throw new Error('statistics of an empty list');
  return [...values].sort((a, b) => a - b);
}

export function median(values: readonly number[]): number {
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function min(values: readonly number[]): number {
  return sorted(values)[0]!;
}

export function max(values: readonly number[]): number {
  return sorted(values).at(-1)!;
}

export function mibPerSecond(bytes: number, ms: number): number {
  return bytes / MIB / (ms / 1000);
}

/**
 * The garbage collector, if it can be had: `global.gc` under `--expose-gc`, otherwise by turning
 * the flag on at run time and fetching `gc` from a fresh context (works on Node 20 under tsx).
 */
export function getGc(): (() => void) | null {
  const existing = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === 'function') return existing as () => void;
  try {
    v8.setFlagsFromString('--expose-gc');
    const fn: unknown = vm.runInNewContext('gc');
    if (typeof fn === 'function') return fn as () => void;
  } catch {
    /* no gc: baselines are just noisier */
  }
  return null;
}

export interface RssSampler {
  /** Stops sampling; returns the highest RSS seen (bytes) and how many samples were taken. */
  stop(): { peak: number; samples: number };
}

/** Samples the process's resident set size every `intervalMs` on the event loop. */
export function sampleRss(intervalMs = 20): RssSampler {
  let peak = process.memoryUsage().rss;
  let samples = 1;
  const take = () => {
    const rss = process.memoryUsage().rss;
    if (rss > peak) peak = rss;
    samples++;
  };
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { peak, samples };
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Seeded PRNG for synthetic data (shared with `case-vault demo`).
export { SeededRng } from '../src-main/engine/util/seeded-rng.js';
