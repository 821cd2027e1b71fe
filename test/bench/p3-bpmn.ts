/**
 * P3 reference: bpmn-engine 25 on a 6-user-task sequential process, state kept in SQLite.
 *
 * Per step (the timed part): load the instance row, `new Engine({ name }).recover(state)`,
 * `resume()`, signal the one waiting user task, `getState()`, and save the new state in one
 * transaction with an optimistic `UPDATE … WHERE id=? AND version=?`. Instances are created
 * (executed up to the first user task and saved) before timing starts, and steps go
 * round-robin over the instances, so every step is a cold recover from SQLite as a stateless
 * service would do it. After the run every instance must have completed all 6 steps.
 */
import { Engine } from 'bpmn-engine';
import { openBenchDb } from './raw-sqlite-ceiling';
import { perSecond, removeDb, timeIt, tmpDbPath, type SyncSetting } from './harness';

export const STEPS_PER_INSTANCE = 6;

const TASKS = ['draft', 'publicParticipation', 'expertReview', 'riskAssessment', 'legalityReview', 'collectiveDiscussion'];

export const SIX_TASK_BPMN = buildSixTaskBpmn();

function buildSixTaskBpmn(): string {
  const parts: string[] = ['<startEvent id="start" />'];
  let prev = 'start';
  TASKS.forEach((task, i) => {
    parts.push(`<userTask id="${task}" name="${task}" />`);
    parts.push(`<sequenceFlow id="flow${i}" sourceRef="${prev}" targetRef="${task}" />`);
    prev = task;
  });
  parts.push('<endEvent id="end" />');
  parts.push(`<sequenceFlow id="flow${TASKS.length}" sourceRef="${prev}" targetRef="end" />`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="decisionDefs" targetNamespace="http://bench/p3">',
    '<process id="decisionProcess" isExecutable="true">',
    ...parts,
    '</process>',
    '</definitions>',
  ].join('\n');
}

interface InstanceRow {
  state: string;
  version: number;
}

/**
 * One run: fresh database, ceil(steps / 6) instances × 6 steps; returns steps per second
 * (only the steps are timed, not instance creation).
 */
export async function bpmnStepsPerSecond(sync: SyncSetting, steps: number): Promise<number> {
  const instances = Math.max(1, Math.ceil(steps / STEPS_PER_INSTANCE));
  const file = tmpDbPath(`bpmn-${sync}`);
  const db = openBenchDb(file, sync);
  try {
    db.exec('CREATE TABLE bpmn_instance (id TEXT PRIMARY KEY, state TEXT NOT NULL, version INTEGER NOT NULL)');
    const insert = db.prepare('INSERT INTO bpmn_instance (id, state, version) VALUES (?, ?, 0)');
    const load = db.prepare<[string], InstanceRow>('SELECT state, version FROM bpmn_instance WHERE id = ?');
    const update = db.prepare('UPDATE bpmn_instance SET state = ?, version = version + 1 WHERE id = ? AND version = ?');
    const save = db.transaction((id: string, state: string, version: number) => {
      if (update.run(state, id, version).changes !== 1) throw new Error(`version conflict on ${id}`);
    });

    // Untimed: start every instance and park it at the first user task.
    const ids: string[] = [];
    for (let i = 0; i < instances; i++) {
      const id = `bpmn-${i}`;
      const engine = new Engine({ name: id, source: SIX_TASK_BPMN });
      const execution = await engine.execute();
      expectWaitingAt(execution.getPostponed().map((a) => a.id), TASKS[0], id);
      const state = await engine.getState();
      await engine.stop();
      insert.run(id, JSON.stringify(state));
      ids.push(id);
    }

    const step = async (id: string, expectedTask: string): Promise<void> => {
      const row = load.get(id);
      if (!row) throw new Error(`instance ${id} missing`);
      const engine = new Engine({ name: id }).recover(JSON.parse(row.state));
      const execution = await engine.resume();
      const waiting = execution.getPostponed().map((a) => a.id);
      expectWaitingAt(waiting, expectedTask, id);
      execution.signal({ id: waiting[0] });
      const state = await engine.getState();
      save.immediate(id, JSON.stringify(state), row.version);
    };

    const { ms } = await timeIt(async () => {
      for (let s = 0; s < STEPS_PER_INSTANCE; s++) {
        for (const id of ids) await step(id, TASKS[s]);
      }
    });

    // Every instance must have run to the end event exactly once per step.
    const rows = db.prepare('SELECT id, state, version FROM bpmn_instance').all() as (InstanceRow & { id: string })[];
    for (const r of rows) {
      const st = JSON.parse(r.state) as { state?: string };
      if (r.version !== STEPS_PER_INSTANCE || st.state !== 'idle') {
        throw new Error(`instance ${r.id} did not complete: version ${r.version}, state ${st.state}`);
      }
    }
    return perSecond(instances * STEPS_PER_INSTANCE, ms);
  } finally {
    db.close();
    removeDb(file);
  }
}

function expectWaitingAt(waiting: string[], task: string, id: string): void {
  if (waiting.length !== 1 || waiting[0] !== task) {
    throw new Error(`instance ${id}: expected to wait at ${task}, waiting at [${waiting.join(', ')}]`);
  }
}
