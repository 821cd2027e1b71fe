import { Inject, Injectable } from '@nestjs/common';
import { conclusionLabel, OPINION_AUTHOR_LABELS, reviewStatusLabel } from '../../workflows/major-decision/v1/labels';
import { opinionIdOf } from '../../workflows/major-decision/v1/opinions';
import type { AuthUser } from '../auth/auth-user';
import { BusinessCalendar, CalendarYearUnknownError } from '../calendar/business-calendar';
import { Page } from '../common/pagination';
import { TransactionRunner, type Tx } from '../database/transaction-runner';
import { CLOCK } from '../engine/engine.module';
import type { Clock } from '../engine/procedure-engine';
import { ProcedureScope } from '../org-units/procedure-scope';
import { nameIn, unitNamesOf } from '../org-units/unit-names';
import type { ReviewQueryDto, ReviewStatus } from './review.dto';
import { ReviewsRepository, type RoundEventSqlRow, type RoundSqlRow } from './reviews.repository';

/** What was submitted for review (送审材料, SC713-26), from the SUBMIT_LEGALITY_REVIEW payload. */
export interface ReviewMaterials {
  draftVersion: string;
  /** Null when the list's JSON is longer than the desk shows (the record row has it whole). */
  legalBasis: string[] | null;
  procedureStatement: string | null;
}

/** The draft the round reviews: the RECORD_DRAFT (or RECORD_REVISIONS) row that recorded the submitted version. */
export interface ReviewDraft {
  seq: number;
  draftVersion: string;
  draftedOn: string;
  /** RECORD_DRAFT's summary; null for a version recorded by RECORD_REVISIONS, which has none. */
  summary: string | null;
}

/** A legal opinion given in the round, with the id RECORD_REVISIONS answers it by. */
export interface ReviewOpinion {
  opinionId: string;
  seq: number;
  givenOn: string;
  author: string;
  authorKind: string;
  authorKindLabel: string;
  text: string;
}

export interface ReviewRound {
  decisionId: string;
  title: string;
  organId: string;
  organName: string | null;
  undertakingUnitId: string;
  undertakingUnitName: string | null;
  revision: number;
  round: number;
  status: ReviewStatus;
  /** The words of `status` and, once concluded, of `conclusion`, beside them. */
  statusLabel: string;
  submittedOn: string;
  requestedDueOn: string;
  workingDaysLeft: number | null;
  /**
   * The round's working days were counted through a year on the provisional calendar: its 7-day
   * check (submission to due day) or, while open, the days left or overdue.
   */
  provisional?: true;
  draftVersion: string;
  /** The record seq of the submission (GET /decisions/:id/history/:seq has its payload whole). */
  submissionSeq: number;
  materials: ReviewMaterials;
  draft: ReviewDraft | null;
  opinions: ReviewOpinion[];
  /** Some text of the row was cut to its first DESK_TEXT_CHARS characters (or a list left out): the record rows have them whole. */
  truncated: boolean;
  shortenedReason?: string;
  acceptedOn?: string;
  concludedOn?: string;
  conclusion?: string;
  conclusionLabel?: string;
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
 *
 * The database chooses the page (status, order, total); only the page's rounds are then read, each
 * text member cut in the SQL, so that the desk holds at most a page of bounded rows whatever the
 * record holds. Names (organ, undertaking unit) are read now beside the ids.
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
    const openOnly = q.status !== undefined && OPEN.has(q.status);
    const today = this.clock.today();
    return this.runner.read(async (tx) => {
      const scope = await this.scope.visible(user, tx);
      const { rows, total } = await this.repo.rounds(tx, scope, { status: q.status, openOnly }, q.offset, q.pageSize);
      const rounds = await this.roundsOf(tx, rows);
      return new Page(
        rounds.map((r) => ({ ...r, workingDaysLeft: OPEN.has(r.status) ? this.workingDaysLeft(today, r.requestedDueOn) : null, ...this.provisional(r, today) })),
        total,
      );
    });
  }

  /** `{ provisional: true }` when a count of the round rested on a provisional year. */
  private provisional(r: Omit<ReviewRound, 'workingDaysLeft'>, today: string): { provisional?: true } {
    const [from, to] = today <= r.requestedDueOn ? [today, r.requestedDueOn] : [r.requestedDueOn, today];
    const counted = this.calendar.provisionalYearsIn(r.submittedOn, r.requestedDueOn).length > 0 || (OPEN.has(r.status) && this.calendar.provisionalYearsIn(from, to).length > 0);
    return counted ? { provisional: true } : {};
  }

  /** The page's rounds, whole: their rows, opinions and drafts read once for all of the page's decisions. */
  private async roundsOf(tx: Tx, rows: RoundSqlRow[]): Promise<Array<Omit<ReviewRound, 'workingDaysLeft'>>> {
    const decisionIds = [...new Set(rows.map((r) => r.decision_id))];
    const events = await this.repo.roundEvents(tx, decisionIds);
    const names = await unitNamesOf(tx, rows.flatMap((r) => [r.organ_id, r.undertaking_unit_id]));
    const byDecision = new Map<string, RoundEventSqlRow[]>();
    for (const e of events) byDecision.set(e.decision_id, [...(byDecision.get(e.decision_id) ?? []), e]);
    return rows.map((r) => roundOf(r, byDecision.get(r.decision_id) ?? [], names));
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

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const cut = (e: RoundEventSqlRow, column: string): boolean => Number(e[`${column}_cut`]) === 1;

/** One round, from its SQL row and the record rows of its decision (ordered by seq). */
export function roundOf(r: RoundSqlRow, events: readonly RoundEventSqlRow[], names: ReadonlyMap<string, string>): Omit<ReviewRound, 'workingDaysLeft'> {
  const seq = Number(r.seq);
  const closeSeq = r.close_seq === null ? null : Number(r.close_seq);
  const at = (n: number | null) => (n === null ? undefined : events.find((e) => Number(e.seq) === n));
  const submit = at(seq) as RoundEventSqlRow;
  const accept = at(r.accept_seq === null ? null : Number(r.accept_seq));
  const close = at(closeSeq);
  let truncated = false;
  const text = (e: RoundEventSqlRow | undefined, column: string): string | null => {
    if (!e) return null;
    if (cut(e, column)) truncated = true;
    return str(e[column]);
  };

  const draftVersion = text(submit, 'materials_draft_version') ?? '';
  const legalBasisJson = text(submit, 'materials_legal_basis');
  const materials: ReviewMaterials = {
    draftVersion,
    legalBasis: legalBasisJson === null ? null : (JSON.parse(legalBasisJson) as string[]),
    procedureStatement: text(submit, 'materials_procedure_statement'),
  };
  // The latest row before the submission that recorded the submitted version.
  const drafted = [...events]
    .reverse()
    .find((e) => Number(e.seq) < seq && (e.type === 'RECORD_DRAFT' || e.type === 'RECORD_REVISIONS') && str(e.draft_version) === draftVersion);
  const draft: ReviewDraft | null = drafted
    ? {
        seq: Number(drafted.seq),
        draftVersion,
        draftedOn: (drafted.type === 'RECORD_DRAFT' ? str(drafted.drafted_on) : str(drafted.revised_on)) ?? '',
        summary: drafted.type === 'RECORD_DRAFT' ? text(drafted, 'summary') : null,
      }
    : null;
  const opinions: ReviewOpinion[] = events
    .filter((e) => e.type === 'ADD_LEGAL_OPINION' && Number(e.seq) > seq && (closeSeq === null || Number(e.seq) < closeSeq))
    .map((e) => ({
      opinionId: opinionIdOf(r.decision_id, Number(e.seq)),
      seq: Number(e.seq),
      givenOn: str(e.given_on) ?? '',
      author: text(e, 'author') ?? '',
      authorKind: str(e.author_kind) ?? '',
      authorKindLabel: OPINION_AUTHOR_LABELS[str(e.author_kind) ?? ''] ?? str(e.author_kind) ?? '',
      text: text(e, 'text') ?? '',
    }));

  const shortenedReason = text(submit, 'shortened_reason');
  const round: Omit<ReviewRound, 'workingDaysLeft'> = {
    decisionId: r.decision_id,
    title: r.title,
    organId: r.organ_id,
    organName: nameIn(names, r.organ_id),
    undertakingUnitId: r.undertaking_unit_id,
    undertakingUnitName: nameIn(names, r.undertaking_unit_id),
    revision: Number(r.revision),
    round: Number(r.round),
    status: r.status,
    statusLabel: reviewStatusLabel(r.status),
    submittedOn: str(submit?.submitted_on) ?? '',
    requestedDueOn: r.requested_due_on,
    draftVersion,
    submissionSeq: seq,
    materials,
    draft,
    opinions,
    truncated: false,
    ...(shortenedReason !== null ? { shortenedReason } : {}),
    ...(accept ? { acceptedOn: str(accept.accepted_on) ?? '' } : {}),
  };
  if (close?.type === 'RETURN_MATERIALS') Object.assign(round, { returnedOn: str(close.returned_on) ?? '', returnReason: text(close, 'reason') ?? '' });
  if (close?.type === 'CONCLUDE_REVIEW') {
    const conclusion = str(close.conclusion) ?? '';
    Object.assign(round, { concludedOn: str(close.concluded_on) ?? '', conclusion, conclusionLabel: conclusionLabel(conclusion) });
  }
  if (close?.type === 'WITHDRAW') Object.assign(round, { withdrawnOn: str(close.withdrawn_on) ?? '' });
  round.truncated = truncated;
  return round;
}
