/**
 * P1 reference: the raw better-sqlite3 ceiling for one decision transition.
 *
 * WAL mode with the given `synchronous`; each transition is one transaction that loads the
 * decision row, appends a record row (~300-byte JSON payload, 64-hex SHA-256 chained hash) and
 * bumps the decision with an optimistic `UPDATE … WHERE id=? AND version=?`. Transitions go
 * round-robin over DECISIONS decisions. Only the transition loop is timed (schema and seeding
 * are not). No ORM, no state machine, no validation: this is what the disk and SQLite allow.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { perSecond, removeDb, timeIt, tmpDbPath, type SyncSetting } from './harness';

export const DECISIONS = 200;

const STAGES = ['draft', 'public_participation', 'expert_review', 'risk_assessment', 'legality_review', 'collective_discussion'];

interface DecisionRow {
  id: string;
  snapshot: string;
  stage: string;
  version: number;
  last_seq: number;
  last_hash: string;
}

export function openBenchDb(file: string, sync: SyncSetting): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync}`);
  return db;
}

/** One run: fresh database file, `n` transitions; returns transitions per second. */
export async function rawTransitionsPerSecond(sync: SyncSetting, n: number): Promise<number> {
  const file = tmpDbPath(`raw-${sync}`);
  const db = openBenchDb(file, sync);
  try {
    db.exec(`
      CREATE TABLE decision (
        id TEXT PRIMARY KEY,
        snapshot TEXT NOT NULL,
        stage TEXT NOT NULL,
        version INTEGER NOT NULL,
        last_seq INTEGER NOT NULL,
        last_hash TEXT NOT NULL
      );
      CREATE TABLE record (
        decision_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        payload TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (decision_id, seq)
      );
    `);

    const genesis = '0'.repeat(64);
    const insertDecision = db.prepare(
      'INSERT INTO decision (id, snapshot, stage, version, last_seq, last_hash) VALUES (?, ?, ?, 0, 0, ?)',
    );
    const ids: string[] = [];
    db.transaction(() => {
      for (let i = 0; i < DECISIONS; i++) {
        const id = `D-2025-${String(i).padStart(5, '0')}`;
        ids.push(id);
        insertDecision.run(id, snapshotJson(STAGES[0], 0), STAGES[0], genesis);
      }
    })();

    const load = db.prepare<[string], DecisionRow>('SELECT * FROM decision WHERE id = ?');
    const insertRecord = db.prepare('INSERT INTO record (decision_id, seq, payload, hash) VALUES (?, ?, ?, ?)');
    const update = db.prepare(
      'UPDATE decision SET snapshot = ?, stage = ?, version = version + 1, last_seq = ?, last_hash = ? WHERE id = ? AND version = ?',
    );

    const transition = db.transaction((id: string, i: number) => {
      const row = load.get(id);
      if (!row) throw new Error(`decision ${id} missing`);
      const seq = row.last_seq + 1;
      const stage = STAGES[seq % STAGES.length];
      const payload = recordPayload(row.id, seq, row.stage, stage, i);
      const hash = createHash('sha256').update(row.last_hash).update(payload).digest('hex');
      insertRecord.run(row.id, seq, payload, hash);
      const res = update.run(snapshotJson(stage, seq), stage, seq, hash, row.id, row.version);
      if (res.changes !== 1) throw new Error(`version conflict on ${id}`);
    });

    const { ms } = await timeIt(() => {
      for (let i = 0; i < n; i++) transition.immediate(ids[i % DECISIONS], i);
    });

    const count = (db.prepare('SELECT count(*) AS c FROM record').get() as { c: number }).c;
    if (count !== n) throw new Error(`expected ${n} record rows, found ${count}`);
    return perSecond(n, ms);
  } finally {
    db.close();
    removeDb(file);
  }
}

function snapshotJson(stage: string, seq: number): string {
  return JSON.stringify({ value: stage, context: { seq, flags: { publicParticipation: seq > 1, expertReview: seq > 2 } } });
}

/** A ~300-byte record payload, shaped like a real one (actor, event, from/to, time, data). */
function recordPayload(decisionId: string, seq: number, from: string, to: string, i: number): string {
  return JSON.stringify({
    decisionId,
    seq,
    event: 'ADVANCE',
    from,
    to,
    actor: { userId: `u-${i % 37}`, role: 'legal_officer', unitId: 'unit-0042' },
    at: new Date(1_750_000_000_000 + i * 1000).toISOString(),
    requestId: `req-${String(i).padStart(12, '0')}`,
    data: { note: 'benchmark transition', attachments: [`doc-${seq}.pdf`] },
  });
}
