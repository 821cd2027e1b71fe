import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { BusinessCalendar, CalendarYearUnknownError } from '../calendar/business-calendar';
import { Page } from '../common/pagination';
import { TransactionRunner } from '../database/transaction-runner';
import { CLOCK } from '../engine/engine.module';
import type { Clock } from '../engine/procedure-engine';
import { ProcedureScope } from '../org-units/procedure-scope';
import type { ReviewQueryDto, ReviewStatus } from './review.dto';
import { ReviewsRepository, type ReviewEventSqlRow } from './reviews.repository';

export interface ReviewRound {
  decisionId: string;
  title: string;
  organId: string;
  revision: number;
  round: number;
  status: ReviewStatus;
  submittedOn: string;
  requestedDueOn: string;
  workingDaysLeft: number | null;
  draftVersion: string;
  shortenedReason?: string;
  acceptedOn?: string;
  concludedOn?: string;
  conclusion?: string;
  returnedOn?: string;
  returnReason?: string;
  withdrawnOn?: string;
}

const OPEN: ReadonlySet<ReviewStatus> = new Set(['submitted', 'in_review']);

/**
 * The legality review desk (合法性审查): review rounds read from the procedure record. A
 * SUBMIT_LEGALITY_REVIEW opens round n of its revision; ACCEPT_REVIEW takes it into review;
 * RETURN_MATERIALS and CONCLUDE_REVIEW close it; a WITHDRAW closes an open one. Reading the record
 * rather than keeping a table of rounds keeps one source of truth: a round cannot disagree with the
 * chain that verify checks, and no second write joins the hot path of every step.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly scope: ProcedureScope,
    private readonly repo: ReviewsRepository,
    private readonly calendar: BusinessCalendar,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, q: ReviewQueryDto): Promise<Page<ReviewRound>> {
    const rows = await this.runner.read(async (tx) => this.repo.reviewEvents(tx, await this.scope.visible(user, tx), q.status !== undefined && OPEN.has(q.status)));
    const today = this.clock.today();
    const rounds = roundsOf(rows)
      .filter((r) => q.status === undefined || r.status === q.status)
      .map((r) => ({ ...r, workingDaysLeft: OPEN.has(r.status) ? this.workingDaysLeft(today, r.requestedDueOn) : null }))
      // The desk works to deadlines: the earliest due first.
      .sort((a, b) => a.requestedDueOn.localeCompare(b.requestedDueOn) || a.decisionId.localeCompare(b.decisionId) || a.revision - b.revision || a.round - b.round);
    return new Page(rounds.slice(q.offset, q.offset + q.pageSize), rounds.length);
  }

  /** Working days from today to the due date (the due day counted), negative once overdue; null where the calendar has no data. */
  private workingDaysLeft(today: string, dueOn: string): number | null {
    try {
      return dueOn >= today ? this.calendar.workingDaysBetween(today, dueOn) : -this.calendar.workingDaysBetween(dueOn, today);
    } catch (err) {
      if (err instanceof CalendarYearUnknownError) return null;
      throw err;
    }
  }
}

type P = Record<string, unknown>;

/** Folds review events (ordered by decision and seq) into rounds. */
export function roundsOf(rows: readonly ReviewEventSqlRow[]): Array<Omit<ReviewRound, 'workingDaysLeft'>> {
  const rounds: Array<Omit<ReviewRound, 'workingDaysLeft'>> = [];
  let open: Omit<ReviewRound, 'workingDaysLeft'> | undefined;
  let decisionId = '';
  let revision = 0;
  let round = 0;
  for (const row of rows) {
    const rev = Number(row.revision);
    if (row.decision_id !== decisionId || rev !== revision) {
      decisionId = row.decision_id;
      revision = rev;
      round = 0;
      open = undefined;
    }
    const p = JSON.parse(row.payload) as P;
    switch (row.type) {
      case 'SUBMIT_LEGALITY_REVIEW':
        round += 1;
        open = {
          decisionId,
          title: row.title,
          organId: row.organ_id,
          revision,
          round,
          status: 'submitted',
          submittedOn: p.submittedOn as string,
          requestedDueOn: p.requestedDueOn as string,
          draftVersion: (p.materials as { draftVersion: string }).draftVersion,
          ...(p.shortenedReason !== undefined ? { shortenedReason: p.shortenedReason as string } : {}),
        };
        rounds.push(open);
        break;
      case 'ACCEPT_REVIEW':
        if (open) Object.assign(open, { status: 'in_review', acceptedOn: p.acceptedOn as string });
        break;
      case 'RETURN_MATERIALS':
        if (open) Object.assign(open, { status: 'returned', returnedOn: p.returnedOn as string, returnReason: p.reason as string });
        open = undefined;
        break;
      case 'CONCLUDE_REVIEW':
        if (open) Object.assign(open, { status: 'concluded', concludedOn: p.concludedOn as string, conclusion: p.conclusion as string });
        open = undefined;
        break;
      case 'WITHDRAW':
        if (open) Object.assign(open, { status: 'withdrawn', withdrawnOn: p.withdrawnOn as string });
        open = undefined;
        break;
    }
  }
  return rounds;
}
