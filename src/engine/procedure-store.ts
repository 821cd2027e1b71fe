/**
 * SQL of the procedure tables. Only this file writes decisions, record rows and violation attempts;
 * record rows are only ever inserted (S3: no code path updates or deletes them).
 */
import type { Row, Tx } from '../database/transaction-runner';
import { keptPayload } from './refused-payload';

export interface DecisionRecordRow {
  id: string;
  catalog_id: string;
  organ_id: string;
  undertaking_unit_id: string;
  implementing_unit_id: string | null;
  year: number;
  title: string;
  category: string;
  definition_id: string;
  definition_version: number;
  stage: string;
  revision: number;
  complete: number | boolean;
  snapshot: string;
  version: number;
  last_seq: number;
  last_hash: string;
  created_at: string;
  updated_at: string;
}

export interface StoredRecord {
  decision_id: string;
  seq: number;
  revision: number;
  type: string;
  payload: string;
  facts: string;
  actor: string;
  recorded_at: string;
  from_stage: string | null;
  to_stage: string;
  prev_hash: string;
  hash: string;
}

/** The columns of a record row, in the order `toStoredRecord` reads them. */
export const RECORD_COLUMNS = 'decision_id, seq, revision, type, payload, facts, actor, recorded_at, from_stage, to_stage, prev_hash, hash';

/** A row of `RECORD_COLUMNS` read as values (`Tx.values`), in that order. */
export function toStoredRecord(v: unknown[]): StoredRecord {
  return {
    decision_id: v[0],
    seq: Number(v[1]),
    revision: Number(v[2]),
    type: v[3],
    payload: v[4],
    facts: v[5],
    actor: v[6],
    recorded_at: v[7],
    from_stage: v[8],
    to_stage: v[9],
    prev_hash: v[10],
    hash: v[11],
  } as StoredRecord;
}

export interface ViolationInsert {
  id: string;
  decisionId: string | null;
  organId: string | null;
  event: string;
  code: string;
  stage: string | null;
  legalBasis: string[];
  missing: unknown[];
  payload: unknown;
  actor: unknown;
  attemptedAt: string;
}

const DECISION_COLUMNS =
  'id, catalog_id, organ_id, undertaking_unit_id, implementing_unit_id, year, title, category, definition_id, definition_version, stage, revision, complete, snapshot, version, last_seq, last_hash, created_at, updated_at';

export async function loadDecision(tx: Tx, id: string, forUpdate: boolean): Promise<DecisionRecordRow | undefined> {
  const lock = forUpdate && tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
  const rows = await tx.query<DecisionRecordRow & Row>(`SELECT ${DECISION_COLUMNS} FROM decision WHERE id = ?${lock}`, [id]);
  return rows[0];
}

export async function insertDecision(tx: Tx, d: DecisionRecordRow): Promise<void> {
  await tx.execute(`INSERT INTO decision (${DECISION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
    d.id,
    d.catalog_id,
    d.organ_id,
    d.undertaking_unit_id,
    d.implementing_unit_id,
    d.year,
    d.title,
    d.category,
    d.definition_id,
    d.definition_version,
    d.stage,
    d.revision,
    !!d.complete,
    d.snapshot,
    d.version,
    d.last_seq,
    d.last_hash,
    d.created_at,
    d.updated_at,
  ]);
}

/**
 * Optimistic write: succeeds only if nobody changed the decision since it was read (`before`).
 * When no indexed column changes (most steps stay in their stage), only the unindexed ones are
 * set: SQLite rewrites the entries of every index on a column named in SET, changed or not.
 */
export async function updateDecisionState(
  tx: Tx,
  d: Pick<DecisionRecordRow, 'id' | 'stage' | 'revision' | 'complete' | 'snapshot' | 'last_seq' | 'last_hash' | 'updated_at' | 'implementing_unit_id'>,
  before: Pick<DecisionRecordRow, 'stage' | 'revision' | 'complete' | 'implementing_unit_id' | 'version'>,
): Promise<boolean> {
  const indexedUnchanged =
    d.stage === before.stage &&
    Number(d.revision) === Number(before.revision) &&
    !!d.complete === !!before.complete &&
    d.implementing_unit_id === before.implementing_unit_id;
  const n = indexedUnchanged
    ? await tx.execute(
        'UPDATE decision SET snapshot = ?, version = version + 1, last_seq = ?, last_hash = ?, updated_at = ? WHERE id = ? AND version = ?',
        [d.snapshot, d.last_seq, d.last_hash, d.updated_at, d.id, before.version],
      )
    : await tx.execute(
        'UPDATE decision SET stage = ?, revision = ?, complete = ?, snapshot = ?, version = version + 1, last_seq = ?, last_hash = ?, updated_at = ?, implementing_unit_id = ? WHERE id = ? AND version = ?',
        [d.stage, d.revision, !!d.complete, d.snapshot, d.last_seq, d.last_hash, d.updated_at, d.implementing_unit_id, d.id, before.version],
      );
  return n === 1;
}

export async function insertRecord(tx: Tx, r: StoredRecord): Promise<void> {
  await tx.execute(
    'INSERT INTO procedure_record (decision_id, seq, revision, type, payload, facts, actor, recorded_at, from_stage, to_stage, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [r.decision_id, r.seq, r.revision, r.type, r.payload, r.facts, r.actor, r.recorded_at, r.from_stage, r.to_stage, r.prev_hash, r.hash],
  );
}

/** A refused attempt; of its payload only a bounded excerpt is kept, with the whole one's size and SHA-256 (refused-payload.ts). */
export async function insertViolation(tx: Tx, v: ViolationInsert): Promise<void> {
  const payload = keptPayload(JSON.stringify(v.payload ?? null));
  await tx.execute(
    'INSERT INTO violation_attempt (id, decision_id, organ_id, event, code, stage, legal_basis, missing, payload, payload_bytes, payload_sha256, payload_truncated, actor, attempted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [
      v.id,
      v.decisionId,
      v.organId,
      v.event,
      v.code,
      v.stage,
      JSON.stringify(v.legalBasis),
      JSON.stringify(v.missing),
      payload.text,
      payload.bytes,
      payload.sha256,
      payload.truncated,
      JSON.stringify(v.actor),
      v.attemptedAt,
    ],
  );
}

export async function listRecordsOf(tx: Tx, decisionIds: string[]): Promise<StoredRecord[]> {
  if (!decisionIds.length) return [];
  const marks = decisionIds.map(() => '?').join(', ');
  return tx.query<StoredRecord & Row>(
    `SELECT decision_id, seq, revision, type, payload, facts, actor, recorded_at, from_stage, to_stage, prev_hash, hash FROM procedure_record WHERE decision_id IN (${marks}) ORDER BY decision_id, seq`,
    decisionIds,
  );
}
