/**
 * The log of what rested on a provisional calendar (README, "Working days and deadlines"), and its
 * re-check once the official schedule is loaded.
 *
 * - Noting. After each accepted step (inside the step's transaction, as the engine's StepObserver):
 *   the step's check when its record's facts carry `calendarProvisionalYears` (the review's 7 working
 *   days, SC713-26), and every open step's due day that a count of working days put through a
 *   provisional year. After each start, a pass over the incomplete decisions notes the due days that
 *   became provisional without a step (a new release, or the next year turning provisional).
 * - Re-checking. After each start, every noted use of a year that now has an official schedule, not
 *   yet checked on this calendar data, is counted again: `confirmed` (the same result), `changed`
 *   (other figures, the check still holds), or `broken` (the check no longer holds, or the due day
 *   moved). The auditor reads them at GET /audit/provisional.
 *
 * Noting again adds nothing (a use is keyed by its decision, kind and subject); a re-check of the
 * same data changes nothing. Several instances may run both at once.
 */
import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { ProcedureDefinition, ProcedureState } from '../../workflows/definition';
import type { DeadlineRules } from '../../workflows/deadlines';
import type { TransactionRunner, Tx } from '../database/transaction-runner';
import type { DefinitionRegistry } from '../engine/definition-registry';
import type { AcceptedStep, Clock, StepObserver } from '../engine/procedure-engine';
import { CalendarYearUnknownError, type BusinessCalendar } from './business-calendar';
import { CALENDAR_CHECKS, type CheckInputs } from './provisional-checks';
import {
  insertProvisionalUses,
  loggedYears,
  openDecisionsAfter,
  passMade,
  recordPass,
  recordRecheck,
  usesToRecheck,
  type OpenDecisionRow,
  type ProvisionalUse,
  type ProvisionalUseSqlRow,
  type ProvisionalUseStatus,
} from './provisional-log.repository';
import { PROVISIONAL_RULES_ID } from './provisional-rules';

export interface ProvisionalLogDeps {
  runner: TransactionRunner;
  calendar: BusinessCalendar;
  registry: DefinitionRegistry;
  rules: DeadlineRules;
  clock: Clock;
  /** Rows or decisions per page; default 200. */
  pageSize?: number;
}

export interface ReconcileResult {
  /** Uses counted again on official data, by what came of it. */
  rechecked: Record<Exclude<ProvisionalUseStatus, 'pending'>, number>;
  /** Due days newly noted by the pass over the incomplete decisions. */
  noted: number;
}

export class ProvisionalCalendarLog implements StepObserver {
  private readonly logger = new Logger('ProvisionalCalendar');
  private readonly pageSize: number;
  private running?: Promise<ReconcileResult>;

  constructor(private readonly deps: ProvisionalLogDeps) {
    this.pageSize = deps.pageSize ?? 200;
  }

  /** Notes the step's provisional check and the provisional due days of the state it led to. */
  async accepted(tx: Tx, step: AcceptedStep): Promise<void> {
    if (this.deps.calendar.provisionalYears().length === 0) return;
    const uses = [...this.checkOf(step), ...this.deadlinesOf(step.decisionId, step.def, step.state, step.recordedAt)];
    if (uses.length) await insertProvisionalUses(tx, uses);
  }

  /** After start: the re-check, then the pass over the incomplete decisions. A call while one runs joins it. */
  reconcile(): Promise<ReconcileResult> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** The pass the start began (absent before the application starts): its result once done. */
  startup?: Promise<ReconcileResult>;

  onApplicationBootstrap(): void {
    this.startup = this.reconcile();
    void this.startup.then(
      (r) => {
        const checked = Object.values(r.rechecked).reduce((a, b) => a + b, 0);
        if (checked || r.noted) {
          this.logger.log(
            `provisional calendar: ${checked} re-checked on official data (confirmed ${r.rechecked.confirmed}, changed ${r.rechecked.changed}, broken ${r.rechecked.broken}); ${r.noted} due days newly noted`,
          );
        }
      },
      (err: unknown) => this.logger.error(`provisional calendar re-check failed: ${(err as Error).message}`, (err as Error).stack),
    );
  }

  /** A pass under way finishes before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async pass(): Promise<ReconcileResult> {
    const rechecked = await this.recheck();
    const noted = this.deps.calendar.provisionalYears().length ? await this.noteOpenDeadlines() : 0;
    return { rechecked, noted };
  }

  private checkOf(step: AcceptedStep): ProvisionalUse[] {
    const years = step.facts.calendarProvisionalYears;
    const check = CALENDAR_CHECKS[step.type];
    if (!Array.isArray(years) || years.length === 0 || !check) return [];
    const inputs = check.inputs(step.payload);
    const result = Object.fromEntries(check.facts.map((key) => [key, step.facts[key]]));
    const year = Number(years[0]);
    return [
      {
        id: randomUUID(),
        decisionId: step.decisionId,
        kind: 'check',
        subject: `seq:${step.seq}`,
        revision: step.revision,
        step: check.step,
        event: step.type,
        seq: step.seq,
        rule: check.rule,
        legalBasis: check.legalBasis,
        year,
        inputs,
        result,
        calendarDataVersion: this.versionOf(year),
        notedAt: step.recordedAt,
      },
    ];
  }

  /** The open steps' due days a count of working days put through a provisional year. */
  private deadlinesOf(decisionId: string, def: ProcedureDefinition, state: ProcedureState, notedAt: string): ProvisionalUse[] {
    const { calendar, rules } = this.deps;
    const out: ProvisionalUse[] = [];
    try {
      const revision = def.revision(state);
      let basis: Map<string, string[]> | undefined;
      for (const d of def.deadlines(state, rules, calendar)) {
        if (d.unit !== 'working_days' || d.dueOn === undefined) continue;
        const years = calendar.provisionalYearsIn(d.startOn, d.dueOn);
        if (!years.length) continue;
        basis ??= new Map(def.progress(state).map((p) => [p.step, p.legalBasis]));
        out.push({
          id: randomUUID(),
          decisionId,
          kind: 'deadline',
          subject: `${revision}:${d.step}:${d.rule}:${d.startOn}:${d.days}`,
          revision,
          step: d.step,
          event: null,
          seq: null,
          rule: d.rule,
          legalBasis: basis.get(d.step) ?? [],
          year: years[0],
          inputs: { startOn: d.startOn, days: d.days, unit: d.unit },
          result: { dueOn: d.dueOn },
          calendarDataVersion: this.versionOf(years[0]),
          notedAt,
        });
      }
    } catch (err) {
      // A state the definition cannot read has no deadlines to note; the step itself goes on.
      this.logger.error(`decision ${decisionId}: deadlines not noted: ${(err as Error).message}`);
      return [];
    }
    return out;
  }

  private versionOf(year: number): string {
    return `${this.deps.calendar.dataVersion}+provisional:${year}@${PROVISIONAL_RULES_ID}`;
  }

  /** Every use of a year now official, not yet checked on this calendar data, counted again. */
  private async recheck(): Promise<ReconcileResult['rechecked']> {
    const { runner, calendar, clock } = this.deps;
    const counts = { confirmed: 0, changed: 0, broken: 0 };
    const years = (await runner.read((tx) => loggedYears(tx))).filter((y) => calendar.isKnownYear(y));
    if (!years.length) return counts;
    const at = clock.now().toISOString();
    for (let after = ''; ; ) {
      const page = await runner.read((tx) => usesToRecheck(tx, years, calendar.dataVersion, after, this.pageSize));
      if (!page.length) break;
      after = page[page.length - 1].id;
      const outcomes = page.flatMap((row) => {
        const outcome = this.recount(row);
        return outcome ? [{ id: row.id, ...outcome }] : [];
      });
      if (outcomes.length) {
        await runner.write(async (tx) => {
          for (const o of outcomes) await recordRecheck(tx, o.id, { status: o.status, official: o.official, dataVersion: calendar.dataVersion, at });
        });
      }
      for (const o of outcomes) counts[o.status as keyof typeof counts] += 1;
      if (page.length < this.pageSize) break;
    }
    return counts;
  }

  /** The use counted on the calendar as it is now, or nothing while it still rests on a provisional (or unknown) year. */
  private recount(row: ProvisionalUseSqlRow): { status: ProvisionalUseStatus; official: Record<string, unknown> } | undefined {
    const calendar = this.deps.calendar.tracked();
    const inputs = JSON.parse(row.inputs) as CheckInputs;
    const provisional = JSON.parse(row.provisional_result) as Record<string, unknown>;
    try {
      if (row.kind === 'check') {
        const check = row.event === null ? undefined : CALENDAR_CHECKS[row.event];
        if (!check) return undefined;
        const official = check.figures(inputs, calendar);
        if (calendar.provisionalYearsUsed().length) return undefined;
        const same = Object.keys(official).every((k) => official[k] === provisional[k]);
        return { status: same ? 'confirmed' : check.holds(inputs, official) ? 'changed' : 'broken', official };
      }
      const official = { dueOn: calendar.addWorkingDays(inputs.startOn as string, Number(inputs.days)) };
      if (calendar.provisionalYearsUsed().length) return undefined;
      return { status: official.dueOn === provisional.dueOn ? 'confirmed' : 'broken', official };
    } catch (err) {
      if (err instanceof CalendarYearUnknownError) return undefined;
      throw err;
    }
  }

  /**
   * The pass over the incomplete decisions: their provisional due days, noted once per calendar
   * data. A due day becomes provisional by a step (noted with it) or by other calendar data (a new
   * official year moves the provisional one on); so a start on data already passed over reads no
   * decision (with 100,000 decisions the pass costs seconds and memory at every start otherwise).
   */
  private async noteOpenDeadlines(): Promise<number> {
    const { runner, registry, clock, calendar } = this.deps;
    const version = `${calendar.dataVersion}+provisional:${calendar.provisionalYears().join(',')}@${PROVISIONAL_RULES_ID}`;
    if (await runner.read((tx) => passMade(tx, version))) return 0;
    const notedAt = clock.now().toISOString();
    let noted = 0;
    for (let after = ''; ; ) {
      const page = await runner.read((tx) => openDecisionsAfter(tx, after, this.pageSize));
      if (!page.length) break;
      after = page[page.length - 1].id;
      const uses = page.flatMap((row) => this.openDeadlinesOf(row, registry, notedAt));
      if (uses.length) noted += await runner.write((tx) => insertProvisionalUses(tx, uses));
      if (page.length < this.pageSize) break;
    }
    await runner.write((tx) => recordPass(tx, version, noted, clock.now().toISOString()));
    return noted;
  }

  private openDeadlinesOf(row: OpenDecisionRow, registry: DefinitionRegistry, notedAt: string): ProvisionalUse[] {
    let def: ProcedureDefinition;
    let state: ProcedureState;
    try {
      def = registry.get(row.definition_id, Number(row.definition_version));
      state = JSON.parse(row.snapshot) as ProcedureState;
    } catch (err) {
      this.logger.error(`decision ${row.id} skipped: ${(err as Error).message}`);
      return [];
    }
    return this.deadlinesOf(row.id, def, state, notedAt);
  }
}
