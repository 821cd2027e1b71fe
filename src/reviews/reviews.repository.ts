import { Injectable } from '@nestjs/common';
import type { Dialect, Row, Tx } from '../database/transaction-runner';
import type { VisibleScope } from '../org-units/procedure-scope';
import type { ReviewStatus } from './review.dto';

/**
 * A legality review round as the database finds it: the SUBMIT_LEGALITY_REVIEW row that opens it,
 * the ACCEPT_REVIEW that took it into review, and the row that closed it (RETURN_MATERIALS,
 * CONCLUDE_REVIEW, or WITHDRAW of the decision while it was open), with its decision.
 */
export interface RoundSqlRow {
  decision_id: string;
  seq: number | string;
  revision: number | string;
  round: number | string;
  status: ReviewStatus;
  requested_due_on: string;
  accept_seq: number | string | null;
  close_seq: number | string | null;
  title: string;
  organ_id: string;
  undertaking_unit_id: string;
}

/** A record row of a round's decision, with the payload members the desk shows, each cut in the SQL. */
export interface RoundEventSqlRow {
  decision_id: string;
  seq: number | string;
  revision: number | string;
  type: string;
  [member: string]: unknown;
}

/** The record rows the desk reads beside a round: the round's own, its opinions, and the drafts it may have submitted. */
export const ROUND_EVENT_TYPES = ['SUBMIT_LEGALITY_REVIEW', 'ACCEPT_REVIEW', 'RETURN_MATERIALS', 'CONCLUDE_REVIEW', 'WITHDRAW', 'ADD_LEGAL_OPINION', 'RECORD_DRAFT', 'RECORD_REVISIONS'] as const;

/** A free text on the desk (a summary, an opinion, a reason) is shown up to this many characters; the record row has it whole. */
export const DESK_TEXT_CHARS = 2000;
/** Short members (dates, versions, names, codes) are cut here: a stored value longer than this is no date or code anyway. */
const SHORT_CHARS = 200;
/** The submission's legal basis (a list) is shown while its JSON holds at most this many characters. */
export const DESK_LIST_CHARS = 4000;

/** What the desk reads of a payload: the column, the path in the payload, and how long it may be. */
const MEMBERS: ReadonlyArray<{ column: string; path: string[]; max: number; list?: true }> = [
  { column: 'submitted_on', path: ['submittedOn'], max: SHORT_CHARS },
  { column: 'requested_due_on', path: ['requestedDueOn'], max: SHORT_CHARS },
  { column: 'shortened_reason', path: ['shortenedReason'], max: DESK_TEXT_CHARS },
  { column: 'materials_draft_version', path: ['materials', 'draftVersion'], max: SHORT_CHARS * 5 },
  { column: 'materials_legal_basis', path: ['materials', 'legalBasis'], max: DESK_LIST_CHARS, list: true },
  { column: 'materials_procedure_statement', path: ['materials', 'procedureStatement'], max: DESK_TEXT_CHARS },
  { column: 'accepted_on', path: ['acceptedOn'], max: SHORT_CHARS },
  { column: 'returned_on', path: ['returnedOn'], max: SHORT_CHARS },
  { column: 'reason', path: ['reason'], max: DESK_TEXT_CHARS },
  { column: 'concluded_on', path: ['concludedOn'], max: SHORT_CHARS },
  { column: 'conclusion', path: ['conclusion'], max: SHORT_CHARS },
  { column: 'withdrawn_on', path: ['withdrawnOn'], max: SHORT_CHARS },
  { column: 'given_on', path: ['givenOn'], max: SHORT_CHARS },
  { column: 'author', path: ['author'], max: SHORT_CHARS },
  { column: 'author_kind', path: ['authorKind'], max: SHORT_CHARS },
  { column: 'text', path: ['text'], max: DESK_TEXT_CHARS },
  { column: 'drafted_on', path: ['draftedOn'], max: SHORT_CHARS },
  { column: 'revised_on', path: ['revisedOn'], max: SHORT_CHARS },
  { column: 'draft_version', path: ['draftVersion'], max: SHORT_CHARS * 5 },
  { column: 'summary', path: ['summary'], max: DESK_TEXT_CHARS },
];

/** The payload member at `path` as text (a list: its JSON), on either dialect. */
function member(dialect: Dialect, path: string[], alias = 'r'): string {
  return dialect === 'postgres' ? `(${alias}.payload::jsonb #>> '{${path.join(',')}}')` : `json_extract(${alias}.payload, '$.${path.join('.')}')`;
}

/**
 * Each member cut to its length in the SQL, and a `<column>_cut` flag when the stored one was
 * longer: a page of the desk never loads a large payload, whatever was recorded. A list longer than
 * its limit is not cut (its JSON would not parse) but left out, with the flag.
 */
function memberColumns(dialect: Dialect): string {
  return MEMBERS.map(({ column, path, max, list }) => {
    const m = member(dialect, path);
    const value = list ? `CASE WHEN length(${m}) <= ${max} THEN ${m} END` : `substr(${m}, 1, ${max})`;
    return `${value} AS ${column}, CASE WHEN length(${m}) > ${max} THEN 1 ELSE 0 END AS ${column}_cut`;
  }).join(',\n              ');
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Where a round stands, from the row that closed it (none: still open, accepted or not). */
const STATUS_SQL = `CASE (SELECT c.type FROM procedure_record c WHERE c.decision_id = x.decision_id AND c.seq = x.close_seq)
           WHEN 'RETURN_MATERIALS' THEN 'returned'
           WHEN 'CONCLUDE_REVIEW' THEN 'concluded'
           WHEN 'WITHDRAW' THEN 'withdrawn'
           ELSE CASE WHEN x.accept_seq IS NULL THEN 'submitted' ELSE 'in_review' END
         END`;

/** SQL of the review desk; every call runs inside the caller's unit of work. */
@Injectable()
export class ReviewsRepository {
  /**
   * One page of the rounds in scope, the earliest due first, and how many there are in all. The
   * rounds are the SUBMIT_LEGALITY_REVIEW rows (read through their partial index,
   * ix_record_review_rounds); each one's acceptance, end and number within its revision are found
   * by key on the record, so the page and its total come from the database and no payload is read
   * but the due date. `openOnly` keeps to decisions now in legality review, the only stage with an
   * open round, through the stage index.
   */
  async rounds(tx: Tx, scope: VisibleScope, f: { status?: ReviewStatus; openOnly: boolean }, offset: number, limit: number): Promise<{ rows: RoundSqlRow[]; total: number }> {
    const conditions = ["s.type = 'SUBMIT_LEGALITY_REVIEW'"];
    const params: unknown[] = [];
    if (!scope.all) {
      const any: string[] = [];
      if (scope.organIds.length) {
        any.push(`d.organ_id IN (${marks(scope.organIds.length)})`);
        params.push(...scope.organIds);
      }
      if (scope.unitIds.length) {
        any.push(`d.undertaking_unit_id IN (${marks(scope.unitIds.length)})`);
        params.push(...scope.unitIds);
      }
      if (!any.length) return { rows: [], total: 0 };
      conditions.push(`(${any.join(' OR ')})`);
    }
    if (f.openOnly) conditions.push("d.stage = 'legality_review'");
    const rounds = `
      SELECT x.*, ${STATUS_SQL} AS status FROM (
        SELECT s.decision_id, s.seq, s.revision, d.title, d.organ_id, d.undertaking_unit_id,
               ${member(tx.dialect, ['requestedDueOn'], 's')} AS requested_due_on,
               (SELECT MIN(c.seq) FROM procedure_record c
                 WHERE c.decision_id = s.decision_id AND c.seq > s.seq AND c.type IN ('RETURN_MATERIALS', 'CONCLUDE_REVIEW', 'WITHDRAW')) AS close_seq,
               (SELECT MIN(a.seq) FROM procedure_record a
                 WHERE a.decision_id = s.decision_id AND a.seq > s.seq AND a.type = 'ACCEPT_REVIEW') AS accept_seq,
               (SELECT COUNT(*) FROM procedure_record n
                 WHERE n.decision_id = s.decision_id AND n.revision = s.revision AND n.type = 'SUBMIT_LEGALITY_REVIEW' AND n.seq <= s.seq) AS round
          FROM procedure_record s JOIN decision d ON d.id = s.decision_id
         WHERE ${conditions.join(' AND ')}
      ) x`;
    const statusFilter = f.status === undefined ? '' : ' WHERE r.status = ?';
    const statusParams = f.status === undefined ? [] : [f.status];
    const [count] = await tx.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM (${rounds}) r${statusFilter}`, [...params, ...statusParams]);
    const total = Number(count.n);
    if (total === 0 || offset >= total) return { rows: [], total };
    const rows = await tx.query<RoundSqlRow & Row>(
      `SELECT * FROM (${rounds}) r${statusFilter} ORDER BY r.requested_due_on, r.decision_id, r.revision, r.round LIMIT ? OFFSET ?`,
      [...params, ...statusParams, limit, offset],
    );
    // An acceptance after the round's end belongs to a later round.
    return { rows: rows.map((r) => (r.accept_seq !== null && r.close_seq !== null && Number(r.accept_seq) > Number(r.close_seq) ? { ...r, accept_seq: null } : r)), total };
  }

  /** The record rows the page's rounds are shown from (see ROUND_EVENT_TYPES), in record order, each member cut in the SQL. */
  async roundEvents(tx: Tx, decisionIds: string[]): Promise<RoundEventSqlRow[]> {
    if (!decisionIds.length) return [];
    return tx.query<RoundEventSqlRow & Row>(
      `SELECT r.decision_id, r.seq, r.revision, r.type,
              ${memberColumns(tx.dialect)}
         FROM procedure_record r
        WHERE r.decision_id IN (${marks(decisionIds.length)}) AND r.type IN (${marks(ROUND_EVENT_TYPES.length)})
        ORDER BY r.decision_id, r.seq`,
      [...decisionIds, ...ROUND_EVENT_TYPES],
    );
  }
}
