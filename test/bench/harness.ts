/**
 * Small benchmark harness shared by every figure in `npm run bench`.
 *
 * Rules (README, "Benchmarks"): every figure is a ratio against a ceiling or peer
 * measured in the same run by the same script; one JSON line per figure on stdout; everything
 * else (progress, errors) goes to stderr.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

export type SyncSetting = 'FULL' | 'NORMAL';

export interface BenchFigure {
  id: string;
  ours: number | null;
  reference: number | null;
  ratio: number | null;
  unit: string;
  target: string;
  [k: string]: unknown;
}

export interface BenchOptions {
  /** `synchronous` settings to measure, from `--sync=FULL|NORMAL|both`. */
  syncs: SyncSetting[];
  /** Progress output; always stderr. */
  log: (msg: string) => void;
}

export type Bench = { id: string; run(opts: BenchOptions): Promise<BenchFigure[]> };

/** Number of measured runs per side; the reported figure is their median. */
export const RUNS = 3;

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of an empty list');
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Wall-clock time of `fn` in milliseconds, together with its result. */
export async function timeIt<T>(fn: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, result };
}

export function perSecond(count: number, ms: number): number {
  return ms > 0 ? (count * 1000) / ms : Number.POSITIVE_INFINITY;
}

let dbCounter = 0;

/**
 * A fresh, not yet existing SQLite file path under os.tmpdir() (`BENCH_TMPDIR` overrides the
 * directory; it must be a real disk for `synchronous=FULL` to mean anything).
 */
export function tmpDbPath(name: string): string {
  const dir = process.env.BENCH_TMPDIR || os.tmpdir();
  const safe = name.replace(/[^A-Za-z0-9_-]/g, '_');
  const p = path.join(dir, `mde-bench-${safe}-${process.pid}-${++dbCounter}.sqlite`);
  removeDb(p);
  return p;
}

/** Delete a SQLite file together with its -wal / -shm / -journal companions. */
export function removeDb(p: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    fs.rmSync(p + suffix, { force: true });
  }
}

/** Round to a readable number of significant digits for the JSON output. */
export function round(x: number | null, digits = 3): number | null {
  if (x === null || !Number.isFinite(x)) return x;
  if (x === 0) return 0;
  const mag = Math.floor(Math.log10(Math.abs(x)));
  const factor = 10 ** Math.max(0, digits - 1 - mag);
  return Math.round(x * factor) / factor;
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Pick a workload size so that one run of `measure` lasts about `targetMs`: a small probe run
 * (which doubles as warm-up) gives the rate, the result is clamped to [min, max].
 */
export async function calibrate(
  measure: (n: number) => Promise<number>,
  probeN: number,
  targetMs: number,
  min: number,
  max: number,
): Promise<number> {
  const rate = await measure(probeN); // per second
  const n = Math.round((rate * targetMs) / 1000);
  return Math.min(max, Math.max(min, Number.isFinite(n) ? n : max));
}

export interface PairResult {
  reference: number[];
  ours: number[];
  oursError?: string;
}

/**
 * Run reference and ours alternately on the same workload size `n`, RUNS times each
 * (interleaved so drift hits both sides alike). Ours first gets one untimed warm-up run of
 * `warmN` (the reference is warmed by calibrate()). Ours failing is not fatal: the first error
 * is kept, ours is not called again, and the reference runs still complete. A reference
 * failure propagates (that is unexpected).
 */
export async function measurePair(
  reference: (n: number) => Promise<number>,
  ours: (n: number) => Promise<number>,
  sizes: { n: number; warmN: number },
  log: (msg: string) => void,
  label: string,
): Promise<PairResult> {
  const out: PairResult = { reference: [], ours: [] };
  const fail = (e: unknown): void => {
    out.oursError = errorMessage(e);
    log(`${label}: ours failed: ${e instanceof Error && e.stack ? e.stack : out.oursError}`);
  };
  try {
    await ours(sizes.warmN);
  } catch (e) {
    fail(e);
  }
  for (let i = 0; i < RUNS; i++) {
    const r = await reference(sizes.n);
    out.reference.push(r);
    log(`${label} run ${i + 1}/${RUNS}: reference ${r.toFixed(0)}/s`);
    if (out.oursError === undefined) {
      try {
        const o = await ours(sizes.n);
        out.ours.push(o);
        log(`${label} run ${i + 1}/${RUNS}: ours ${o.toFixed(0)}/s`);
      } catch (e) {
        fail(e);
      }
    }
  }
  return out;
}

/** Turn a PairResult into the figure line (medians, ratio = ours / reference). */
export function pairFigure(
  base: { id: string; unit: string; target: string; [k: string]: unknown },
  res: PairResult,
): BenchFigure {
  const reference = median(res.reference);
  const ours = res.oursError === undefined ? median(res.ours) : null;
  const { id, unit, target, ...extra } = base;
  // Key order as the README's "Benchmarks" lists it: id, ours, reference, ratio, unit, target, then the rest.
  const fig: BenchFigure = {
    id,
    ours: round(ours),
    reference: round(reference),
    ratio: ours === null ? null : round(ours / reference),
    unit,
    target,
    ...extra,
  };
  fig.samples = { ours: res.ours.map((x) => round(x)), reference: res.reference.map((x) => round(x)) };
  if (res.oursError !== undefined) fig.error = res.oursError;
  return fig;
}
