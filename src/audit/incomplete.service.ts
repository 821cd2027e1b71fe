import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ClaimedDate, ProcedureDefinition, ProcedureState, WorkingDayCalendar } from '../../workflows/definition';
import { isCalendarYearUnknown } from '../../workflows/deadlines';
import { LEGAL_BASIS } from '../../workflows/legal-basis';
import { flagLabel } from '../../workflows/labels';
import { codesOf } from '../../workflows/refusal-categories';
import { eventWord, knownLabels, stageWord, stepWord, withStepLabel } from '../common/labels/view-labels';
import type { AuthUser } from '../auth/auth-user';
import { BusinessCalendar } from '../calendar/business-calendar';
import { businessToday, calendarDaysBetween, isValidBusinessDate } from '../calendar/business-date';
import { provisionalYearsIn } from '../calendar/provisional';
import { Page } from '../common/pagination';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DEADLINE_RULES, type DeadlineRules } from '../config/deadline-rules';
import { TransactionRunner } from '../database/transaction-runner';
import { DecisionProgress, standingOf } from '../engine/decision-progress';
import { DefinitionRegistry } from '../engine/definition-registry';
import { CLOCK } from '../engine/engine.module';
import type { Clock } from '../engine/procedure-engine';
import { auditOrgans, auditScope } from './audit-scope';
import type { IncompleteDecision, IncompleteDecisionView, IncompleteQueryDto } from './incomplete.dto';
import { decisionsWithPendingUses } from './provisional.repository';
import { claimedDateSql, IncompleteRepository, type AuditDecisionRow, type ClaimRow, type OverdueStepSqlRow } from './incomplete.repository';

/** A step recorded more than `recordedWithinWorkingDays` working days after the date it claims. */
export const BACKFILLED = 'BACKFILLED';
/** At least one stored refusal of category `skip` (a required step skipped or done out of order). */
export const VIOLATION_ATTEMPTED = 'VIOLATION_ATTEMPTED';
/** The decision's stored state cannot be read (GET /audit/decisions/:id/verify tells whether its record holds). */
export const STATE_UNREADABLE = 'STATE_UNREADABLE';
/**
 * A due day or working days of the decision were counted through a year on the provisional calendar,
 * or a check of it was and the year's official schedule has not yet confirmed it (GET /audit/provisional).
 */
export const PROVISIONAL_CALENDAR = 'PROVISIONAL_CALENDAR';

const OPEN = new Set(['pending', 'in_progress']);

/**
 * `GET /audit/incomplete`: procedures not complete (and, for kind=late, complete ones done late),
 * newest first, each with its missing, overdue and late steps, its back-filled record rows and its
 * flags. The page is chosen in SQL from indexes; the lists are computed for the page only.
 */
@Injectable()
export class IncompleteService {
  private readonly logger = new Logger('AuditIncomplete');
  private readonly repo = new IncompleteRepository();
  private readonly skipCodes = codesOf('skip');
  private readonly claims: ReadonlyMap<string, ClaimedDate>;
  private readonly claimedSql = new Map<string, string>();

  constructor(
    private readonly runner: TransactionRunner,
    private readonly registry: DefinitionRegistry,
    private readonly progress: DecisionProgress,
    private readonly calendar: BusinessCalendar,
    @Inject(DEADLINE_RULES) private readonly rules: DeadlineRules,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const claims = new Map<string, ClaimedDate>();
    for (const def of registry.all()) {
      for (const [type, claim] of Object.entries(def.claimedDates)) {
        const known = claims.get(type);
        if (known && known.field !== claim.field) throw new Error(`event ${type} claims its date in ${known.field} and in ${claim.field}`);
        claims.set(type, claim);
      }
    }
    this.claims = claims;
  }

  async list(user: AuthUser, q: IncompleteQueryDto): Promise<Page<IncompleteDecision>> {
    const organIds = auditOrgans(auditScope(user), q.organId);
    const today = this.clock.today();
    return this.runner.read(async (tx) => {
      const { ids, total } = await this.repo.page(tx, { kind: q.kind, year: q.year, organIds }, q.offset, q.pageSize);
      if (!ids.length) return new Page<IncompleteDecision>([], total);
      const rows = await this.repo.decisions(tx, ids);
      const claims = await this.repo.claims(tx, ids, this.claimedSqlFor(tx.dialect));
      const overdue = await this.repo.overdueSteps(tx, ids);
      const attempted = await this.repo.attempted(tx, ids, this.skipCodes);
      const provisional = await decisionsWithPendingUses(tx, ids);
      const names = await this.repo.unitNames(tx, rows.flatMap((r) => [r.organ_id, r.undertaking_unit_id]));
      const byId = new Map(rows.map((r) => [r.id, r]));
      const memo = this.pageMemo();
      const claimsOf = groupBy(claims, (c) => c.decision_id);
      const overdueOf = groupBy(overdue, (o) => o.decision_id);
      const items = ids.map((id) => {
        const row = byId.get(id) as AuditDecisionRow;
        return labelled(this.entry(row, {
          today,
          claims: claimsOf.get(id) ?? [],
          overdue: (overdueOf.get(id) ?? []).filter((o) => Number(o.revision) === Number(row.revision)),
          attempted: attempted.has(id),
          provisional: provisional.has(id),
          names,
          memo,
        }));
      });
      return new Page(items, total);
    });
  }

  /** The business day of a recording instant and working-day counts, computed once per page. */
  private pageMemo(): PageMemo {
    const days = new Map<string, string>();
    const counts = new Map<string, number | null>();
    const tz = this.config.businessTimeZone;
    return {
      recordedOn: (at) => {
        let day = days.get(at);
        if (day === undefined) days.set(at, (day = businessToday(tz, new Date(at))));
        return day;
      },
      workingDays: (from, to) => {
        const key = `${from}/${to}`;
        let n = counts.get(key);
        if (n === undefined) counts.set(key, (n = countOrNull(this.calendar, from, to)));
        return n;
      },
    };
  }

  private claimedSqlFor(dialect: 'sqlite' | 'postgres'): string {
    let sql = this.claimedSql.get(dialect);
    if (sql === undefined) this.claimedSql.set(dialect, (sql = claimedDateSql(dialect, this.claims)));
    return sql;
  }

  private entry(
    row: AuditDecisionRow,
    ctx: { today: string; claims: ClaimRow[]; overdue: OverdueStepSqlRow[]; attempted: boolean; provisional: boolean; names: Map<string, string>; memo: PageMemo },
  ): IncompleteDecision {
    const head = {
      decisionId: row.id,
      title: row.title,
      organId: row.organ_id,
      organName: ctx.names.get(row.organ_id) ?? null,
      undertakingUnitId: row.undertaking_unit_id,
      undertakingUnitName: ctx.names.get(row.undertaking_unit_id) ?? null,
      year: Number(row.year),
      stage: row.stage,
      complete: row.complete === true || row.complete === 1,
    };
    let def: ProcedureDefinition;
    let procedure: ProcedureState;
    try {
      def = this.registry.get(row.definition_id, Number(row.definition_version));
      procedure = JSON.parse(row.snapshot) as ProcedureState;
    } catch (err) {
      // One unreadable decision must not hide the others: it is listed, flagged, with no lists.
      this.logger.error(`decision ${row.id}: state unreadable: ${(err as Error).message}`);
      return { ...head, missing: [], overdue: [], late: [], backfilled: [], flags: [...(ctx.attempted ? [VIOLATION_ATTEMPTED] : []), STATE_UNREADABLE] };
    }
    const progress = this.progress.of({ def, procedure });

    const missing = progress.filter((p) => OPEN.has(p.status)).map((p) => ({ step: p.step, legalBasis: p.legalBasis.map((id) => LEGAL_BASIS[id] ?? { id }) }));

    // Overdue now: the live deadline governs a step that has one; an open step without one (its
    // inputs gone, e.g. a review returned after its due day) is overdue since the scan's latest row.
    const scanned = latestDue(ctx.overdue);
    const overdue: IncompleteDecision['overdue'] = [];
    for (const p of progress) {
      if (!OPEN.has(p.status)) continue;
      if (p.deadline) {
        if (p.light === 'red' && p.dueOn !== undefined) overdue.push({ step: p.step, dueOn: p.dueOn, workingDaysOverdue: p.workingDaysOverdue ?? null, ...provisionalMark(p.provisional) });
        continue;
      }
      const dueOn = scanned.get(p.step);
      if (dueOn !== undefined) {
        const standing = standingOf(dueOn, ctx.today, this.calendar);
        overdue.push({ step: p.step, dueOn, workingDaysOverdue: standing.workingDaysOverdue ?? null, ...provisionalMark(standing.provisional) });
      }
    }

    // Late: a done step's recomputed deadline, or where the state no longer tells it, the scan's latest row.
    const late: IncompleteDecision['late'] = [];
    for (const done of def.doneSteps(procedure, this.rules, this.calendar)) {
      const dueOn = done.deadline?.dueOn ?? scanned.get(done.step);
      if (dueOn !== undefined && done.doneOn > dueOn) {
        const d = done.deadline;
        const counted = (d?.unit === 'working_days' && d.dueOn !== undefined && provisionalYearsIn(this.calendar, d.startOn, d.dueOn).length > 0) || provisionalYearsIn(this.calendar, dueOn, done.doneOn).length > 0;
        late.push({ step: done.step, dueOn, doneOn: done.doneOn, workingDaysLate: countOrNull(this.calendar, dueOn, done.doneOn), ...provisionalMark(counted) });
      }
    }

    const backfilled: IncompleteDecision['backfilled'] = [];
    const within = this.rules.recordedWithinWorkingDays;
    for (const c of ctx.claims) {
      const claim = this.claims.get(c.type);
      const claimedOn = c.claimed_on;
      if (!claim || typeof claimedOn !== 'string') continue;
      // Working days never outnumber calendar days, and the business day of an instant is at most
      // one day after its UTC day: most rows are cleared here, without a time zone or the calendar.
      const utcDay = c.recorded_at.slice(0, 10);
      if (utcDay <= claimedOn || !isValidBusinessDate(claimedOn) || calendarDaysBetween(claimedOn, utcDay) + 1 <= within) continue;
      const recordedOn = ctx.memo.recordedOn(c.recorded_at);
      if (claimedOn >= recordedOn) continue;
      const workingDays = ctx.memo.workingDays(claimedOn, recordedOn);
      if (workingDays === null || workingDays <= within) continue;
      backfilled.push({ step: claim.step, type: c.type, seq: Number(c.seq), claimedOn, recordedOn, workingDays });
    }

    const flags = [...def.flags(procedure)];
    if (backfilled.length) flags.push(BACKFILLED);
    if (ctx.attempted) flags.push(VIOLATION_ATTEMPTED);
    if (ctx.provisional || progress.some((p) => p.provisional) || overdue.some((o) => o.provisional) || late.some((l) => l.provisional)) flags.push(PROVISIONAL_CALENDAR);

    return {
      ...head,
      missing,
      overdue,
      late,
      backfilled,
      flags,
    };
  }
}

/** The row with the words beside its codes: the stage, each step, each record type, each flag. */
function labelled(e: IncompleteDecision): IncompleteDecisionView {
  const labels = knownLabels();
  return {
    ...e,
    stageLabel: stageWord(labels, e.stage),
    missing: e.missing.map((m) => withStepLabel(labels, m)),
    overdue: e.overdue.map((o) => withStepLabel(labels, o)),
    late: e.late.map((l) => withStepLabel(labels, l)),
    backfilled: e.backfilled.map((b) => ({ ...b, stepLabel: b.step === null ? null : stepWord(labels, b.step), typeLabel: eventWord(labels, b.type) })),
    flagLabels: e.flags.map(flagLabel),
  };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

interface PageMemo {
  recordedOn(recordedAt: string): string;
  workingDays(from: string, to: string): number | null;
}

const provisionalMark = (provisional: boolean | undefined): { provisional?: true } => (provisional ? { provisional: true } : {});

/** The latest due day the scan recorded per step. */
function latestDue(rows: OverdueStepSqlRow[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rows) {
    const known = out.get(r.step);
    if (known === undefined || r.due_on > known) out.set(r.step, r.due_on);
  }
  return out;
}

/** Working days d with from < d <= to, or null where the calendar does not know a year between. */
function countOrNull(calendar: WorkingDayCalendar, from: string, to: string): number | null {
  try {
    return calendar.workingDaysBetween(from, to);
  } catch (err) {
    if (isCalendarYearUnknown(err)) return null;
    throw err;
  }
}
