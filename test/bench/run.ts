/**
 * `npm run bench [-- --only=P1,P2,P3,P4,P6,P7] [-- --sync=FULL|NORMAL|both]`
 *
 * Runs the registered benchmarks and prints one JSON line per figure on stdout; all progress
 * and error detail goes to stderr. A benchmark whose "ours" side fails still prints its
 * reference (with "ours": null and "error"); the exit code is non-zero only when something
 * unexpected fails (a bad argument, a reference side throwing).
 */
import type { Bench, BenchFigure, BenchOptions, SyncSetting } from './harness';
import { errorMessage } from './harness';
import { p1Bench } from './p1';
import { p2Bench } from './p2-http';
import { p3Bench } from './p3';
import { p4Bench } from './p4-scale';
import { p6Bench } from './p6-import';
import { p7Bench } from './p7-checkpoints';

/** Every registered benchmark, in run order. */
export const BENCHES: Bench[] = [p1Bench, p2Bench, p3Bench, p4Bench, p6Bench, p7Bench];

interface Args {
  only: string[] | null;
  syncs: SyncSetting[];
}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { only: null, syncs: ['FULL'] };
  for (const a of argv) {
    const m = /^--([a-z-]+)=(.*)$/.exec(a);
    if (m && m[1] === 'only') {
      args.only = m[2].split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
    } else if (m && m[1] === 'sync') {
      const v = m[2].trim().toUpperCase();
      if (v === 'FULL' || v === 'NORMAL') args.syncs = [v];
      else if (v === 'BOTH') args.syncs = ['FULL', 'NORMAL'];
      else throw new Error(`--sync must be FULL, NORMAL or both, got "${m[2]}"`);
    } else {
      throw new Error(`unknown argument "${a}" (use --only=P1,P3 and/or --sync=FULL|NORMAL|both)`);
    }
  }
  return args;
}

const log = (msg: string): void => {
  process.stderr.write(`[bench] ${msg}\n`);
};

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const known = new Set(BENCHES.map((b) => b.id));
  const unknown = (args.only ?? []).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new Error(`unknown benchmark(s) ${unknown.join(', ')}; registered: ${[...known].join(', ')}`);
  }
  const selected = args.only ? BENCHES.filter((b) => args.only!.includes(b.id)) : BENCHES;
  const opts: BenchOptions = { syncs: args.syncs, log };
  log(`node ${process.version}, benchmarks ${selected.map((b) => b.id).join(', ')}, sync ${args.syncs.join('+')}`);

  let failed = 0;
  const t0 = Date.now();
  for (const bench of selected) {
    const started = Date.now();
    let figures: BenchFigure[];
    try {
      figures = await bench.run(opts);
    } catch (e) {
      failed++;
      log(`${bench.id} crashed: ${e instanceof Error && e.stack ? e.stack : errorMessage(e)}`);
      figures = [{ id: bench.id, ours: null, reference: null, ratio: null, unit: '', target: '', error: errorMessage(e), crashed: true }];
    }
    for (const f of figures) process.stdout.write(`${JSON.stringify(f)}\n`);
    log(`${bench.id} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  log(`all done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    log(e instanceof Error && e.stack ? e.stack : errorMessage(e));
    process.exitCode = 2;
  },
);
