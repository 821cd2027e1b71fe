/**
 * TEMPORARY PLACEHOLDER — to be replaced by the engine side of P1 and P3.
 *
 * Contract for the replacement (both: one run on a fresh database under tmpDbPath(), WAL with
 * the given `synchronous`, only the measured work timed, returns a rate per second):
 *
 *   engineTransitionsPerSecond(sync, n): n engine transitions (guard checks, record row with
 *     hash, state, version) round-robin over ~200 decisions, one transaction each — compared
 *     with rawTransitionsPerSecond() in ./raw-sqlite-ceiling.
 *   engineSixStepPerSecond(sync, steps): the engine's 6-step sequential procedure, `steps`
 *     steps in total (ceil(steps / 6) instances, round-robin), state loaded from and saved to
 *     SQLite per step — compared with bpmnStepsPerSecond() in ./p3-bpmn.
 */
import type { SyncSetting } from './harness';

export async function engineTransitionsPerSecond(_sync: SyncSetting, _n: number): Promise<number> {
  throw new Error('P1 engine side not wired yet');
}

export async function engineSixStepPerSecond(_sync: SyncSetting, _steps: number): Promise<number> {
  throw new Error('P1 engine side not wired yet');
}
