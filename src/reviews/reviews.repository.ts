import { Injectable } from '@nestjs/common';
import type { Row, Tx } from '../database/transaction-runner';
import type { VisibleScope } from '../org-units/procedure-scope';

/** A record row that opens, advances or ends a legality review round, with its decision. */
export interface ReviewEventSqlRow {
  decision_id: string;
  seq: number;
  revision: number;
  type: string;
  payload: string;
  title: string;
  organ_id: string;
}

/** The record rows a review round is read from (SC713-25–28), and WITHDRAW, which ends an open one. */
export const REVIEW_EVENT_TYPES = ['SUBMIT_LEGALITY_REVIEW', 'ACCEPT_REVIEW', 'RETURN_MATERIALS', 'CONCLUDE_REVIEW', 'WITHDRAW'] as const;

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** SQL of the review desk; every call runs inside the caller's unit of work. */
@Injectable()
export class ReviewsRepository {
  /**
   * The review events of the decisions in scope, in record order. `openOnly` keeps to decisions now
   * in legality review, the only stage with an open round, so that the desk's everyday question
   * ("what is waiting for us") reads through the stage index instead of every decision's history.
   */
  async reviewEvents(tx: Tx, scope: VisibleScope, openOnly: boolean): Promise<ReviewEventSqlRow[]> {
    const conditions = [`r.type IN (${marks(REVIEW_EVENT_TYPES.length)})`];
    const params: unknown[] = [...REVIEW_EVENT_TYPES];
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
      if (!any.length) return [];
      conditions.push(`(${any.join(' OR ')})`);
    }
    if (openOnly) conditions.push("d.stage = 'legality_review'");
    return tx.query<ReviewEventSqlRow & Row>(
      `SELECT r.decision_id, r.seq, r.revision, r.type, r.payload, d.title, d.organ_id
       FROM decision d JOIN procedure_record r ON r.decision_id = d.id
       WHERE ${conditions.join(' AND ')}
       ORDER BY r.decision_id, r.seq`,
      params,
    );
  }
}
