/**
 * SQL of the checkpoints (tables of migration 1796000010000): the checkpoints, their leaves stored
 * where they changed, the decisions' chain heads they are made of, and the record rows that
 * verification hashes again.
 */
import type { Row, Tx } from '../database/transaction-runner';
import { PG_HASH_COLUMNS } from '../engine/chain-verifier';
import { RECORD_COLUMNS, toStoredRecord, type StoredRecord } from '../engine/procedure-store';
import type { Checkpoint } from './checkpoint';
import type { Leaf } from './merkle';

interface CheckpointRow extends Row {
  seq: number | string;
  at: string;
  decisions: number | string;
  events: number | string;
  root: string;
  prev_checkpoint_hash: string;
  key_id: string;
  signature: string;
}

const COLUMNS = 'seq, at, decisions, events, root, prev_checkpoint_hash, key_id, signature';

const toCheckpoint = (r: CheckpointRow): Checkpoint => ({
  seq: Number(r.seq),
  at: r.at,
  decisions: Number(r.decisions),
  events: Number(r.events),
  root: r.root,
  prevCheckpointHash: r.prev_checkpoint_hash,
  keyId: r.key_id,
  signature: r.signature,
});

/** Ids in the order of the tree: code units (bytes, for ASCII ids), whatever the database's collation. */
export const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export async function latestCheckpoint(tx: Tx): Promise<Checkpoint | undefined> {
  const [row] = await tx.query<CheckpointRow>(`SELECT ${COLUMNS} FROM checkpoint ORDER BY seq DESC LIMIT 1`);
  return row ? toCheckpoint(row) : undefined;
}

export async function checkpointAt(tx: Tx, seq: number): Promise<Checkpoint | undefined> {
  const [row] = await tx.query<CheckpointRow>(`SELECT ${COLUMNS} FROM checkpoint WHERE seq = ?`, [seq]);
  return row ? toCheckpoint(row) : undefined;
}

export async function checkpointsBetween(tx: Tx, from: number, to: number): Promise<Checkpoint[]> {
  return (await tx.query<CheckpointRow>(`SELECT ${COLUMNS} FROM checkpoint WHERE seq >= ? AND seq <= ? ORDER BY seq`, [from, to])).map(toCheckpoint);
}

/** A page of checkpoints, oldest first, and how many there are. */
export async function checkpointPage(tx: Tx, offset: number, limit: number): Promise<{ items: Checkpoint[]; total: number }> {
  const items = (await tx.query<CheckpointRow>(`SELECT ${COLUMNS} FROM checkpoint ORDER BY seq LIMIT ? OFFSET ?`, [limit, offset])).map(toCheckpoint);
  const [count] = await tx.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM checkpoint');
  return { items, total: Number(count.n) };
}

export async function insertCheckpoint(tx: Tx, c: Checkpoint): Promise<void> {
  await tx.execute(`INSERT INTO checkpoint (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [c.seq, c.at, c.decisions, c.events, c.root, c.prevCheckpointHash, c.keyId, c.signature]);
}

/** A leaf as stored: `hash` null when the decision is no longer covered from this checkpoint on. */
export interface StoredLeaf {
  decisionId: string;
  seq: number;
  hash: string | null;
}

export async function insertLeaves(tx: Tx, checkpointSeq: number, leaves: readonly StoredLeaf[]): Promise<void> {
  const PER_STATEMENT = 250;
  for (let i = 0; i < leaves.length; i += PER_STATEMENT) {
    const part = leaves.slice(i, i + PER_STATEMENT);
    await tx.execute(
      `INSERT INTO checkpoint_leaf (checkpoint_seq, decision_id, seq, hash) VALUES ${part.map(() => '(?, ?, ?, ?)').join(', ')}`,
      part.flatMap((l) => [checkpointSeq, l.decisionId, l.seq, l.hash]),
    );
  }
}

/**
 * Every decision's chain head as the decision row keeps it (`last_seq`, `last_hash`), in the
 * tree's order. SQLite: pages of 20,000 in id order (its ordering is bytewise), each a short read,
 * so that steps go on between them; PostgreSQL: one read, sorted here.
 */
export async function chainHeads(read: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>, dialect: 'sqlite' | 'postgres'): Promise<Leaf[]> {
  const toLeaf = (v: unknown[]): Leaf => ({ decisionId: v[0] as string, seq: Number(v[1]), hash: v[2] as string });
  if (dialect === 'postgres') {
    const heads = (await read((tx) => tx.values('SELECT id, last_seq, last_hash FROM decision'))).map(toLeaf);
    return heads.sort((a, b) => byId(a.decisionId, b.decisionId));
  }
  const out: Leaf[] = [];
  for (;;) {
    const after = out.length ? out[out.length - 1].decisionId : '';
    const page = await read((tx) => tx.values('SELECT id, last_seq, last_hash FROM decision WHERE id > ? ORDER BY id LIMIT 20000', [after]));
    for (const v of page) out.push(toLeaf(v));
    if (page.length < 20_000) return out;
  }
}

/** The leaves of checkpoint `seq` as stored (the latest row of each decision up to it), in the tree's order. */
export async function storedLeavesAt(tx: Tx, seq: number): Promise<Leaf[]> {
  const rows =
    tx.dialect === 'postgres'
      ? await tx.values('SELECT DISTINCT ON (decision_id) decision_id, seq, hash FROM checkpoint_leaf WHERE checkpoint_seq <= ? ORDER BY decision_id, checkpoint_seq DESC', [seq])
      : // SQLite takes the bare columns from the row of MAX().
        await tx.values('SELECT decision_id, seq, hash, MAX(checkpoint_seq) FROM checkpoint_leaf WHERE checkpoint_seq <= ? GROUP BY decision_id ORDER BY decision_id', [seq]);
  const leaves = rows.filter((v) => v[2] !== null).map((v) => ({ decisionId: v[0] as string, seq: Number(v[1]), hash: v[2] as string }));
  return leaves.sort((a, b) => byId(a.decisionId, b.decisionId));
}

/** A stored leaf row with the checkpoint it belongs to. */
export interface LeafRow extends StoredLeaf {
  checkpointSeq: number;
}

const toLeafRow = (v: unknown[]): LeafRow => ({ checkpointSeq: Number(v[0]), decisionId: v[1] as string, seq: Number(v[2]), hash: v[3] as string | null });

/** The next leaf rows up to checkpoint `upTo`, in the order checkpoints were made, after `cursor`. */
export async function leafRowsInOrder(tx: Tx, upTo: number, cursor: { checkpointSeq: number; decisionId: string }, limit: number): Promise<LeafRow[]> {
  return (
    await tx.values(
      'SELECT checkpoint_seq, decision_id, seq, hash FROM checkpoint_leaf WHERE (checkpoint_seq, decision_id) > (?, ?) AND checkpoint_seq <= ? ORDER BY checkpoint_seq, decision_id LIMIT ?',
      [cursor.checkpointSeq, cursor.decisionId, upTo, limit],
    )
  ).map(toLeafRow);
}

/** The next `limit` decisions with a leaf up to checkpoint `upTo`, after `after`, in the key's order. */
export async function coveredDecisions(tx: Tx, upTo: number, after: string, limit: number): Promise<string[]> {
  const rows = await tx.values('SELECT DISTINCT decision_id FROM checkpoint_leaf WHERE decision_id > ? AND checkpoint_seq <= ? ORDER BY decision_id LIMIT ?', [after, upTo, limit]);
  return rows.map((v) => v[0] as string);
}

/** Every leaf row of these decisions up to checkpoint `upTo`. */
export async function leafRowsOf(tx: Tx, decisionIds: readonly string[], upTo: number): Promise<LeafRow[]> {
  if (!decisionIds.length) return [];
  return (
    await tx.values(`SELECT checkpoint_seq, decision_id, seq, hash FROM checkpoint_leaf WHERE decision_id IN (${decisionIds.map(() => '?').join(', ')}) AND checkpoint_seq <= ?`, [
      ...decisionIds,
      upTo,
    ])
  ).map(toLeafRow);
}


/** A record row as read for hashing again; on PostgreSQL with the hash the database computed of its stored columns. */
export interface RecordRowRead {
  row: StoredRecord;
  computed?: string;
}

/**
 * The next record rows of these decisions after the cursor, in (decision, seq) order, up to
 * `limit`. On PostgreSQL only the short columns and the hash the database computes of the stored
 * columns (chain-verifier.ts); `wholeRows` reads the rows whose hash must be computed here.
 */
export async function recordRows(tx: Tx, decisionIds: readonly string[], cursor: { decisionId: string; seq: number }, limit: number): Promise<RecordRowRead[]> {
  if (tx.dialect === 'sqlite') {
    // The ids are in SQLite's (bytewise) order: a range of the primary key from the cursor to the
    // last id; rows of other decisions inside it are passed over by the caller.
    const range = 'FROM procedure_record WHERE (decision_id, seq) > (?, ?) AND decision_id <= ? ORDER BY decision_id, seq LIMIT ?';
    const rows = await tx.values(`SELECT ${RECORD_COLUMNS} ${range}`, [cursor.decisionId, cursor.seq, decisionIds[decisionIds.length - 1], limit]);
    return rows.map((v) => ({ row: toStoredRecord(v) }));
  }
  // PostgreSQL orders text by the database's collation: the ids are named, in that order.
  const where = `decision_id IN (${decisionIds.map(() => '?').join(', ')}) AND (decision_id, seq) > (?, ?) ORDER BY decision_id, seq LIMIT ?`;
  const params = [...decisionIds, cursor.decisionId, cursor.seq, limit];
  return (await tx.values(`SELECT ${PG_HASH_COLUMNS} FROM procedure_record WHERE ${where}`, params)).map(([decisionId, seq, prevHash, hash, toStage, computed]) => ({
    row: { decision_id: decisionId, seq: Number(seq), prev_hash: prevHash, hash, to_stage: toStage } as StoredRecord,
    computed: computed as string,
  }));
}

export async function wholeRows(tx: Tx, keys: ReadonlyArray<{ decisionId: string; seq: number }>): Promise<StoredRecord[]> {
  if (!keys.length) return [];
  return (
    await tx.values(
      `SELECT ${RECORD_COLUMNS} FROM procedure_record WHERE ${keys.map(() => '(decision_id = ? AND seq = ?)').join(' OR ')}`,
      keys.flatMap((k) => [k.decisionId, k.seq]),
    )
  ).map(toStoredRecord);
}

