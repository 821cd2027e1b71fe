/**
 * P1: engine transitions in process on SQLite vs. the raw better-sqlite3 ceiling, per
 * `synchronous` setting; target ours / reference >= 0.5.
 */
import { calibrate, measurePair, pairFigure, type Bench, type BenchFigure } from './harness';
import { engineTransitionsPerSecond } from './p1-engine';
import { rawTransitionsPerSecond } from './raw-sqlite-ceiling';

/** Aim for about this long per reference run (ours should be no more than ~2× that). */
const TARGET_MS = 1000;
/** Size of the calibration run (reference) and of the untimed warm-up run (ours). */
const PROBE_N = 1000;

export const p1Bench: Bench = {
  id: 'P1',
  async run(opts) {
    const figures: BenchFigure[] = [];
    for (const sync of opts.syncs) {
      const n = await calibrate((k) => rawTransitionsPerSecond(sync, k), PROBE_N, TARGET_MS, 1000, 30000);
      opts.log(`P1 sync=${sync}: ${n} transitions per run`);
      const res = await measurePair(
        (k) => rawTransitionsPerSecond(sync, k),
        (k) => engineTransitionsPerSecond(sync, k),
        { n, warmN: PROBE_N },
        opts.log,
        `P1 sync=${sync}`,
      );
      figures.push(pairFigure({ id: 'P1', unit: 'transitions/s', target: '>= 0.5', sync, n }, res));
    }
    return figures;
  },
};
