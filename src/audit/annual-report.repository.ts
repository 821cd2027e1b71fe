/**
 * SQL of the annual report: every figure is an aggregate the database computes (GROUP BY, COUNT,
 * SUM), so that a year of a million record rows is counted without loading them. Where a figure
 * needs a payload member (a review's conclusion, the adoption of legal opinions), only the rows of
 * that one event type are read, and the member is taken out by the database's JSON functions.
 *
 * "The year's decisions" are the decisions of that year's catalogs (`decision.year`); the record
 * rows, refusals and overdue steps counted are theirs, whenever they were recorded. They are
 * counted a page of decisions at a time (a range of ids, `pageEnd`): each page is a short read, so
 * that on SQLite, where reads and writes take turns, no step waits for the whole year to be
 * counted; every figure of a decision comes from the same read.
 */
import type { Dialect, Row, Tx } from '../database/transaction-runner';
import type { EventType } from '../../workflows/major-decision/v1/events';
import type { StepId } from '../../workflows/major-decision/v1/steps';

/** The organs a report counts: null for every organ. */
export type OrganFilter = readonly string[] | null;

export interface OrganCatalogSqlRow {
  id: string;
  name: string;
  kind: string;
  active: boolean | number;
  status: string | null;
  revision: number | string | null;
  first_published_on: string | null;
  items: number | string;
}

export interface Counted<K extends string = string> {
  key: K;
  n: number;
}

/**
 * The events that complete each step that can have a deadline (major-decision v1, reducers.ts):
 * an overdue step is "done late" when one of them was recorded for its decision and revision
 * after the overdue scan found the step past due.
 */
export const STEP_DONE_BY: Partial<Record<StepId, EventType[]>> = {
  catalog: ['CATALOG_PUBLISHED'],
  start: ['START_DRAFTING'],
  publicParticipation: ['CLOSE_PUBLIC_COMMENT', 'RECORD_PUBLIC_PARTICIPATION'],
  legalityReview: ['CONCLUDE_REVIEW'],
  collectiveDiscussion: ['RECORD_DISCUSSION'],
  partyCommitteeReport: ['REPORT_TO_PARTY_COMMITTEE'],
  publication: ['PUBLISH'],
  archive: ['ARCHIVE'],
};

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const num = (v: unknown): number => Number(v ?? 0);

/** `column IN (…)` for the organs, or nothing for every organ; a filter naming no organ matches nothing. */
function organClause(column: string, organs: OrganFilter): { sql: string; params: string[] } {
  if (organs === null) return { sql: '', params: [] };
  if (organs.length === 0) return { sql: ' AND 1 = 0', params: [] };
  return { sql: ` AND ${column} IN (${marks(organs.length)})`, params: [...organs] };
}

/** A text member of a JSON text column, per dialect. */
function jsonText(dialect: Dialect, column: string, member: string): string {
  return dialect === 'postgres' ? `(${column}::jsonb ->> '${member}')` : `json_extract(${column}, '$.${member}')`;
}

/** A page of the year's decisions in scope: ids after `after`, up to and including `upTo`. */
export interface DecisionPage {
  year: number;
  organs: OrganFilter;
  after: string;
  upTo: string;
}

/** `d.year = ? AND d.id > ? AND d.id <= ?` and the organs, for decision `d`. */
function inPage(p: DecisionPage): { sql: string; params: unknown[] } {
  const o = organClause('d.organ_id', p.organs);
  return { sql: `d.year = ? AND d.id > ? AND d.id <= ?${o.sql}`, params: [p.year, p.after, p.upTo, ...o.params] };
}

/** Record rows of one event type (and for CONCLUDE_REVIEW one conclusion) of a page. */
export interface RecordCounts {
  type: string;
  conclusion: string | null;
  n: number;
  /** Decisions with such a row. */
  decisions: number;
  /** RECORD_REVISIONS: opinions whose adoption the rows state, and the adopted. */
  answered: number;
  adopted: number;
}

function counted(rows: Array<{ k: unknown; n: unknown }>): Counted[] {
  return rows.map((r) => ({ key: String(r.k), n: num(r.n) }));
}

export class AnnualReportRepository {
  /**
   * Every organ in scope that is active or has a catalog of the year, with that catalog: status,
   * publications, the first publication's date and its items.
   */
  organCatalogs(tx: Tx, year: number, organs: OrganFilter): Promise<OrganCatalogSqlRow[]> {
    const o = organClause('u.id', organs);
    const firstPublishedOn =
      tx.dialect === 'postgres' ? `(c.publications::jsonb -> 0 ->> 'publishedOn')` : `json_extract(c.publications, '$[0].publishedOn')`;
    return tx.query<OrganCatalogSqlRow & Row>(
      `SELECT u.id, u.name, u.kind, u.active, c.status, c.revision, ${firstPublishedOn} AS first_published_on,
              (SELECT COUNT(*) FROM decision i WHERE i.catalog_id = c.id) AS items
       FROM org_unit u LEFT JOIN catalog c ON c.organ_id = u.id AND c.year = ?
       WHERE (u.active = ? OR c.id IS NOT NULL)${o.sql}`,
      [year, true, ...o.params],
    );
  }

  /** The last id of the page of at most `size` decisions of the year in scope after `after`; null when none is left. */
  async pageEnd(tx: Tx, year: number, organs: OrganFilter, after: string, size: number): Promise<string | null> {
    const o = organClause('d.organ_id', organs);
    const [row] = await tx.query<{ up_to: string | null }>(
      `SELECT MAX(page.id) AS up_to FROM (SELECT d.id FROM decision d WHERE d.year = ? AND d.id > ?${o.sql} ORDER BY d.id LIMIT ?) page`,
      [year, after, ...o.params, size],
    );
    return row?.up_to ?? null;
  }

  /** Decisions per stage, and of each how many are complete (archived, or nothing left to archive). */
  async stages(tx: Tx, p: DecisionPage): Promise<Array<{ stage: string; n: number; complete: number }>> {
    const w = inPage(p);
    const rows = await tx.query<{ stage: string; n: unknown; complete: unknown }>(
      `SELECT d.stage, COUNT(*) AS n, SUM(CASE WHEN d.complete THEN 1 ELSE 0 END) AS complete
       FROM decision d WHERE ${w.sql} GROUP BY d.stage`,
      w.params,
    );
    return rows.map((r) => ({ stage: r.stage, n: num(r.n), complete: num(r.complete) }));
  }

  /**
   * The page's record rows in one pass, per event type: the rows, the decisions having such a row,
   * and for CONCLUDE_REVIEW per conclusion; for RECORD_REVISIONS the legal opinions whose adoption
   * it states and of those the adopted. Only the rows of these two types have their payload parsed.
   */
  async records(tx: Tx, p: DecisionPage): Promise<RecordCounts[]> {
    const w = inPage(p);
    const pg = tx.dialect === 'postgres';
    const conclusion = `CASE WHEN r.type = 'CONCLUDE_REVIEW' THEN ${jsonText(tx.dialect, 'r.payload', 'conclusion')} END`;
    const answered = pg ? `jsonb_array_length(r.payload::jsonb -> 'opinionAdoption')` : `json_array_length(r.payload, '$.opinionAdoption')`;
    const adopted = pg
      ? `(SELECT COUNT(*) FROM jsonb_array_elements(r.payload::jsonb -> 'opinionAdoption') AS a(value) WHERE (a.value ->> 'adopted') = 'true')`
      : `(SELECT COUNT(*) FROM json_each(r.payload, '$.opinionAdoption') a WHERE json_extract(a.value, '$.adopted') = 1)`;
    const rows = await tx.query<{ type: string; conclusion: string | null; n: unknown; decisions: unknown; answered: unknown; adopted: unknown }>(
      // CROSS JOIN: SQLite keeps the decisions of the page as the outer loop (not every row of a type).
      `SELECT r.type, ${conclusion} AS conclusion, COUNT(*) AS n, COUNT(DISTINCT r.decision_id) AS decisions,
              SUM(CASE WHEN r.type = 'RECORD_REVISIONS' THEN ${answered} ELSE 0 END) AS answered,
              SUM(CASE WHEN r.type = 'RECORD_REVISIONS' THEN ${adopted} ELSE 0 END) AS adopted
       FROM decision d CROSS JOIN procedure_record r
       WHERE r.decision_id = d.id AND ${w.sql}
       GROUP BY r.type, ${conclusion}`,
      w.params,
    );
    return rows.map((r) => ({
      type: r.type,
      conclusion: r.conclusion ?? null,
      n: num(r.n),
      decisions: num(r.decisions),
      answered: num(r.answered),
      adopted: num(r.adopted),
    }));
  }

  /** Refused attempts on the page's decisions, per code. */
  async refusals(tx: Tx, p: DecisionPage): Promise<Counted[]> {
    const w = inPage(p);
    return counted(
      await tx.query<{ k: unknown; n: unknown }>(
        `SELECT v.code AS k, COUNT(*) AS n FROM decision d JOIN violation_attempt v ON v.decision_id = d.id WHERE ${w.sql} GROUP BY v.code`,
        w.params,
      ),
    );
  }

  /**
   * Refused attempts on no decision (a catalog's publication, an item refused before it became a
   * decision), per code, made within [from, to): ISO-8601 UTC instants, the year in business time.
   */
  async refusalsWithoutDecision(tx: Tx, organs: OrganFilter, from: string, to: string): Promise<Counted[]> {
    const o = organClause('v.organ_id', organs);
    return counted(
      await tx.query<{ k: unknown; n: unknown }>(
        `SELECT v.code AS k, COUNT(*) AS n FROM violation_attempt v
         WHERE v.decision_id IS NULL AND v.attempted_at >= ? AND v.attempted_at < ?${o.sql} GROUP BY v.code`,
        [from, to, ...o.params],
      ),
    );
  }

  /**
   * Overdue steps (overdue_step rows) of the year's decisions per step, and of those the steps done
   * late: an event completing the step (STEP_DONE_BY) recorded for the same decision and revision
   * after the scan found it overdue (or in the same millisecond: the scan saw the step open).
   */
  async overdue(tx: Tx, p: DecisionPage): Promise<{ steps: Array<{ step: string; overdue: number; doneLate: number }>; decisions: number }> {
    const w = inPage(p);
    const completes: string[] = [];
    const completeParams: string[] = [];
    for (const [step, types] of Object.entries(STEP_DONE_BY)) {
      completes.push(`(o.step = ? AND r.type IN (${marks(types.length)}))`);
      completeParams.push(step, ...types);
    }
    const rows = await tx.query<{ step: string; overdue: unknown; done_late: unknown }>(
      `SELECT o.step, COUNT(*) AS overdue,
              SUM(CASE WHEN EXISTS (
                SELECT 1 FROM procedure_record r
                WHERE r.decision_id = o.decision_id AND r.revision = o.revision AND r.recorded_at >= o.detected_at
                  AND (${completes.join(' OR ')})
              ) THEN 1 ELSE 0 END) AS done_late
       FROM overdue_step o JOIN decision d ON d.id = o.decision_id
       WHERE ${w.sql} GROUP BY o.step`,
      [...completeParams, ...w.params],
    );
    const [decisions] = await tx.query<{ n: unknown }>(
      `SELECT COUNT(DISTINCT o.decision_id) AS n FROM overdue_step o JOIN decision d ON d.id = o.decision_id WHERE ${w.sql}`,
      w.params,
    );
    return { steps: rows.map((r) => ({ step: r.step, overdue: num(r.overdue), doneLate: num(r.done_late) })), decisions: num(decisions?.n) };
  }
}
