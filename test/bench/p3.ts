/**
 * P3: the engine's 6-step procedure vs. bpmn-engine 25 on the same 6 user tasks, both with
 * state in SQLite and recovered per step; target ours / reference >= 10.
 */
import { calibrate, measurePair, pairFigure, type Bench, type BenchFigure } from './harness';
import { engineSixStepPerSecond } from './p1-engine';
import { bpmnStepsPerSecond, STEPS_PER_INSTANCE } from './p3-bpmn';

/** Aim for about this long per bpmn-engine run: probe + 3 runs stay under ~10 s. */
const TARGET_MS = 2000;
/** Calibration run of bpmn-engine (also its warm-up; JIT needs a few hundred steps). */
const PROBE_STEPS = 300;

export const p3Bench: Bench = {
  id: 'P3',
  async run(opts) {
    const figures: BenchFigure[] = [];
    for (const sync of opts.syncs) {
      const raw = await calibrate((k) => bpmnStepsPerSecond(sync, k), PROBE_STEPS, TARGET_MS, 120, 6000);
      const steps = Math.ceil(raw / STEPS_PER_INSTANCE) * STEPS_PER_INSTANCE;
      opts.log(`P3 sync=${sync}: ${steps} steps (${steps / STEPS_PER_INSTANCE} instances) per run`);
      const res = await measurePair(
        (k) => bpmnStepsPerSecond(sync, k),
        (k) => engineSixStepPerSecond(sync, k),
        { n: steps, warmN: PROBE_STEPS },
        opts.log,
        `P3 sync=${sync}`,
      );
      figures.push(pairFigure({ id: 'P3', unit: 'steps/s', target: '>= 10', sync, steps }, res));
    }
    return figures;
  },
};
