import { Injectable } from '@nestjs/common';
import type { Row, Tx } from '../database/transaction-runner';
import { actorNamesSql, type ActorNameColumns } from '../engine/actor-names';
import type { DecisionRecordRow, StoredRecord } from '../engine/procedure-store';
import type { VisibleScope } from '../org-units/procedure-scope';

export interface DecisionFilter {
  scope: VisibleScope;
  stage?: string;
  organId?: string;
  undertakingUnitId?: string;
  year?: number;
}

export interface ViolationSqlRow extends ActorNameColumns {
  id: string;
  decision_id: string | null;
  organ_id: string | null;
  event: string;
  code: string;
  stage: string | null;
  legal_basis: string;
  missing: string;
  /** The payload's JSON, or its excerpt when `payload_truncated`. */
  payload: string;
  payload_bytes: number | string | null;
  payload_sha256: string | null;
  payload_truncated: number | boolean;
  actor: string;
  attempted_at: string;
}

/** A record row as a list shows it: a payload over LIST_PAYLOAD_CHARS is only its first characters. */
export interface ListedRecordRow extends StoredRecord, ActorNameColumns {
  payload_truncated: number | boolean;
  /** Size in bytes of the whole payload JSON, for a truncated one (null otherwise). */
  payload_bytes: number | string | null;
}

/**
 * A record payload's JSON is listed whole up to this many characters, and otherwise as its first
 * LIST_PAYLOAD_CHARS characters (GET /decisions/:id/history/:seq has it whole). The database cuts
 * it (substr and length count characters on SQLite and PostgreSQL), so a list never loads a large
 * payload: a page of 500 rows holds at most about 500 × 16 KB of payload, whatever was recorded.
 */
export const LIST_PAYLOAD_CHARS = 4096;

/** An ADD_LEGAL_OPINION record row: the opinion's seq and payload. */
export interface LegalOpinionSqlRow {
  seq: number | string;
  payload: string;
}

/** A public publication's payload is read whole up to this many characters; a longer one is read alone and its channels cut. */
export const PUBLIC_PUBLICATION_CHARS = 16_384;

/** A decision whose latest publication was public, with that publication's record row. */
export interface PublishedSqlRow {
  id: string;
  title: string;
  category: string;
  year: number;
  organ_id: string;
  undertaking_unit_id: string;
  implementing_unit_id: string | null;
  revision: number;
  seq: number;
  /** Null when the payload holds more than PUBLIC_PUBLICATION_CHARS characters (read it with publicationPayload). */
  payload: string | null;
  recorded_at: string;
}

const LIST_COLUMNS =
  'id, catalog_id, organ_id, undertaking_unit_id, implementing_unit_id, year, title, category, definition_id, definition_version, stage, revision, complete, snapshot, version, last_seq, last_hash, created_at, updated_at';

const RECORD_COLUMNS = 'decision_id, seq, revision, type, payload, facts, actor, recorded_at, from_stage, to_stage, prev_hash, hash';

/** The columns of a refused attempt as the lists show it (`v`: violation_attempt). */
export const VIOLATION_COLUMNS =
  'v.id, v.decision_id, v.organ_id, v.event, v.code, v.stage, v.legal_basis, v.missing, v.payload, v.payload_bytes, v.payload_sha256, v.payload_truncated, v.actor, v.attempted_at';

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * The latest PUBLISH of each decision decides what the public sees: a later revision published as
 * not_disclosed hides the earlier public one. JSON.stringify writes `"disclosure":"public"` without
 * spaces, and a quote inside a text value is escaped, so the pattern only matches the member itself.
 */
const LATEST_PUBLIC_PUBLICATION = `r.type = 'PUBLISH'
  AND r.seq = (SELECT MAX(p.seq) FROM procedure_record p WHERE p.decision_id = r.decision_id AND p.type = 'PUBLISH')
  AND r.payload LIKE '%"disclosure":"public"%'`;

/** SQL of the decision read side; every call runs inside the caller's unit of work. */
@Injectable()
export class DecisionsRepository {
  /**
   * One page of decisions, newest first. A scope of several parts (an organ's decisions, a unit's
   * undertaken or implemented ones) is a UNION of one branch per part rather than an OR, so that each
   * branch reads one of the list indexes (scope column, stage, created_at, id) and the total and the
   * page come from the indexes; only the page's rows are then read whole.
   */
  async list(tx: Tx, f: DecisionFilter, offset: number, limit: number): Promise<{ rows: DecisionRecordRow[]; total: number }> {
    const branches = this.branches(f);
    if (!branches.length) return { rows: [], total: 0 };
    const ids = branches.map((b) => `SELECT id, created_at FROM decision${b.where}`).join(' UNION ');
    const params = branches.flatMap((b) => b.params);
    const [count] = await tx.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM (${ids}) s`, params);
    const total = Number(count.n);
    if (total === 0 || offset >= total) return { rows: [], total };
    const page = await tx.query<{ id: string }>(`SELECT id FROM (${ids}) s ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`, [...params, limit, offset]);
    const rows = await tx.query<DecisionRecordRow & Row>(
      `SELECT ${LIST_COLUMNS} FROM decision WHERE id IN (${marks(page.length)}) ORDER BY created_at DESC, id DESC`,
      page.map((r) => r.id),
    );
    return { rows, total };
  }

  /**
   * One page of the record, each payload cut to LIST_PAYLOAD_CHARS characters in the SQL, with the
   * actor's names joined for the page's rows only.
   */
  async records(tx: Tx, decisionId: string, offset: number, limit: number): Promise<{ rows: ListedRecordRow[]; total: number }> {
    const [count] = await tx.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM procedure_record WHERE decision_id = ?', [decisionId]);
    const bytes = tx.dialect === 'postgres' ? 'octet_length(payload)' : 'length(CAST(payload AS BLOB))';
    const n = LIST_PAYLOAD_CHARS;
    const names = actorNamesSql(tx.dialect, 'r');
    const rows = await tx.query<ListedRecordRow & Row>(
      `SELECT r.*, ${names.columns} FROM (
         SELECT decision_id, seq, revision, type, facts, actor, recorded_at, from_stage, to_stage, prev_hash, hash,
                CASE WHEN length(payload) > ${n} THEN substr(payload, 1, ${n}) ELSE payload END AS payload,
                CASE WHEN length(payload) > ${n} THEN 1 ELSE 0 END AS payload_truncated,
                CASE WHEN length(payload) > ${n} THEN ${bytes} END AS payload_bytes
           FROM procedure_record WHERE decision_id = ? ORDER BY seq LIMIT ? OFFSET ?) r
       ${names.joins} ORDER BY r.seq`,
      [decisionId, limit, offset],
    );
    return { rows, total: Number(count.n) };
  }

  /** One record row, whole, with the actor's names. */
  async record(tx: Tx, decisionId: string, seq: number): Promise<(StoredRecord & ActorNameColumns) | undefined> {
    const names = actorNamesSql(tx.dialect, 'r');
    const columns = RECORD_COLUMNS.split(', ').map((c) => `r.${c}`).join(', ');
    const rows = await tx.query<StoredRecord & ActorNameColumns & Row>(
      `SELECT ${columns}, ${names.columns} FROM procedure_record r ${names.joins} WHERE r.decision_id = ? AND r.seq = ?`,
      [decisionId, seq],
    );
    return rows[0];
  }

  /** The legal opinions of a decision recorded at these seqs (the current review round's, as its state names them). */
  async legalOpinions(tx: Tx, decisionId: string, seqs: number[]): Promise<LegalOpinionSqlRow[]> {
    return tx.query<LegalOpinionSqlRow & Row>(
      `SELECT seq, payload FROM procedure_record WHERE decision_id = ? AND type = 'ADD_LEGAL_OPINION' AND seq IN (${marks(seqs.length)}) ORDER BY seq`,
      [decisionId, ...seqs],
    );
  }

  /** One page of a decision's refused attempts, newest first, with the actor's names. */
  async violations(tx: Tx, decisionId: string, offset: number, limit: number): Promise<{ rows: ViolationSqlRow[]; total: number }> {
    const [count] = await tx.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM violation_attempt WHERE decision_id = ?', [decisionId]);
    const names = actorNamesSql(tx.dialect, 'v');
    const rows = await tx.query<ViolationSqlRow & Row>(
      `SELECT ${VIOLATION_COLUMNS}, ${names.columns} FROM (
         SELECT * FROM violation_attempt WHERE decision_id = ? ORDER BY attempted_at DESC, id DESC LIMIT ? OFFSET ?) v
       ${names.joins} ORDER BY v.attempted_at DESC, v.id DESC`,
      [decisionId, limit, offset],
    );
    return { rows, total: Number(count.n) };
  }

  async published(tx: Tx, f: { year?: number; organId?: string; decisionId?: string }, offset: number, limit: number): Promise<{ rows: PublishedSqlRow[]; total: number }> {
    const conditions = [LATEST_PUBLIC_PUBLICATION];
    const params: unknown[] = [];
    const add = (condition: string, value: unknown) => {
      if (value === undefined) return;
      conditions.push(condition);
      params.push(value);
    };
    add('d.id = ?', f.decisionId);
    add('d.year = ?', f.year);
    add('d.organ_id = ?', f.organId);
    const from = `FROM procedure_record r JOIN decision d ON d.id = r.decision_id WHERE ${conditions.join(' AND ')}`;
    const [count] = await tx.query<{ n: number | string }>(`SELECT COUNT(*) AS n ${from}`, params);
    const rows = await tx.query<PublishedSqlRow & Row>(
      `SELECT d.id, d.title, d.category, d.year, d.organ_id, d.undertaking_unit_id, d.implementing_unit_id, r.revision, r.seq,
              CASE WHEN length(r.payload) <= ${PUBLIC_PUBLICATION_CHARS} THEN r.payload END AS payload, r.recorded_at ${from}
       ORDER BY r.recorded_at DESC, d.id LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return { rows, total: Number(count.n) };
  }

  /** The payload of one record row, whole (a publication too large to be read with its page). */
  async payloadOf(tx: Tx, decisionId: string, seq: number): Promise<string> {
    const [row] = await tx.query<{ payload: string }>('SELECT payload FROM procedure_record WHERE decision_id = ? AND seq = ?', [decisionId, seq]);
    return row.payload;
  }

  /** One WHERE clause per part of the caller's scope (none when the scope holds nothing). */
  private branches(f: DecisionFilter): Array<{ where: string; params: unknown[] }> {
    const filters: Array<[string, unknown]> = [
      ['stage = ?', f.stage],
      ['organ_id = ?', f.organId],
      ['undertaking_unit_id = ?', f.undertakingUnitId],
      ['year = ?', f.year],
    ];
    const scopes: Array<[string, unknown[]]> = f.scope.all
      ? [['', []]]
      : ([
          ['organ_id', f.scope.organIds],
          ['undertaking_unit_id', f.scope.unitIds],
          ['implementing_unit_id', f.scope.unitIds],
        ] as const)
          .filter(([, values]) => values.length > 0)
          .map(([column, values]) => [`${column} IN (${marks(values.length)})`, [...values]]);
    return scopes.map(([scope, scopeParams]) => {
      const conditions = scope ? [scope] : [];
      const params = [...scopeParams];
      for (const [condition, value] of filters) {
        if (value === undefined) continue;
        conditions.push(condition);
        params.push(value);
      }
      return { where: conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '', params };
    });
  }
}
