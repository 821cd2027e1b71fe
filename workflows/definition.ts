/**
 * What the engine needs of a procedure definition. One definition per procedure and version;
 * decisions keep the version they started with and always run on it.
 */
import type { DeadlineRules, DoneStep, StepDeadline } from './deadlines';
import type { ProcedureDocs } from './docs';
import type { FieldError, UnitReference } from './schema';

/** The official working-day calendar; for a year it has no data for it throws an error with `code: 'CALENDAR_YEAR_UNKNOWN'`. */
export interface WorkingDayCalendar {
  readonly dataVersion: string;
  addWorkingDays(date: string, n: number): string;
  workingDaysBetween(from: string, to: string): number;
}

export interface FactEnv {
  today: string;
  calendar: WorkingDayCalendar;
}

/** The persisted procedure state: the statechart's value and its context. */
export interface ProcedureState<C = unknown> {
  value: unknown;
  context: C;
}

export interface IncomingEvent {
  type: string;
  payload: Record<string, unknown>;
  /** The seq the record row will get if the event is accepted. */
  seq: number;
}

/** A payload's reference to the decision's own record that does not hold: a 400 naming the fields. */
export interface ReferenceProblem {
  code: string;
  /** Chinese, for the person who sent it. */
  detail: string;
  errors: FieldError[];
}

export interface MissingStep {
  step: string;
  code: string;
  legalBasis: string[];
}

export interface ProcedureRefusal {
  code: string;
  /** Chinese, naming stages, steps and events by their words (`labels`), and what would pass. */
  detail: string;
  legalBasis: string[];
  missing: MissingStep[];
  /** The payload fields that would mend the refusal (`payload.endOn`…), each with what would pass. */
  errors?: FieldError[];
  /** Figures a client can act on, e.g. a time limit's days and the earliest date that passes. */
  extra?: Record<string, unknown>;
}

/** The Chinese words of a definition's codes (see `workflows/labels.ts` for the shared ones). */
export interface DefinitionLabels {
  readonly stages: Readonly<Record<string, string>>;
  readonly steps: Readonly<Record<string, string>>;
  /** Every event type, and record types that are no event (ITEM_PROPOSED). */
  readonly events: Readonly<Record<string, string>>;
  /** Where a step of `progress` stands (`ProgressEntry.status`). */
  readonly statuses: Readonly<Record<string, string>>;
}

export type Decision<C = unknown> =
  | { accepted: true; next: ProcedureState<C>; fromStage: string; toStage: string; facts: Record<string, unknown> }
  | { accepted: false; refusal: ProcedureRefusal; stage: string; facts: Record<string, unknown> };

/**
 * Who may send an event: a role, acting for one of the decision's units — the organ (决策机关, its
 * general office), the undertaking unit (承办单位), the implementing unit (执行单位), or any unit
 * under the government that reviews the organ's decisions (司法局 and legal advisers).
 */
export interface EventActor {
  role: 'office' | 'department' | 'legal_reviewer' | 'system';
  unit: 'organ' | 'undertaking' | 'implementing' | 'reviewing_government';
}

/**
 * What an event's record row claims: the payload field holding the business date on which what it
 * records happened (the meeting's `meetingOn`, the conclusion's `concludedOn`…), and the step it
 * belongs to (null for an event of no step, e.g. an implementation report).
 */
export interface ClaimedDate {
  field: string;
  step: string | null;
}

export interface ProgressEntry {
  step: string;
  status: 'not_required' | 'pending' | 'in_progress' | 'done' | 'waived_with_reason';
  legalBasis: string[];
}

export interface ProcedureDefinition<C = unknown, I = unknown> {
  readonly id: string;
  readonly version: number;
  readonly stages: readonly string[];
  readonly events: readonly string[];
  /** Events the engine sends itself, never accepted from a client. */
  readonly systemEvents: readonly string[];
  readonly steps: readonly string[];
  /** The words a person reads for the stages, steps and events. */
  readonly labels: DefinitionLabels;
  isEventType(type: string): boolean;
  /** Who sends each event type. */
  readonly eventActors: Readonly<Record<string, EventActor>>;
  payloadErrors(type: string, payload: unknown): FieldError[];
  /**
   * The organisation units a payload that passed `payloadErrors` names. Each must exist, be active
   * and lie under the government of the decision's organ: the engine asks its caller to check them.
   */
  payloadUnits(type: string, payload: unknown): UnitReference[];
  /**
   * Fields of a payload that passed `payloadErrors` naming something of the decision's own record
   * that is not there (RECORD_REVISIONS answering an opinion that is not one of the review round's):
   * the engine answers 400 with this code and these fields, after the units and before 409. Null
   * when every reference holds.
   */
  referenceProblem?(state: ProcedureState<C>, event: IncomingEvent, decisionId: string): ReferenceProblem | null;
  initial(input: I): ProcedureState<C>;
  stageOf(state: ProcedureState<C>): string;
  /** Event types the state's stage takes (guards aside). */
  acceptedEvents(state: ProcedureState<C>): string[];
  /**
   * Of those, the ones some payload may still pass: without the events every payload of which is
   * refused here (a presupposed gate step missing, or a rule on the procedure's state alone).
   */
  openEvents(state: ProcedureState<C>): string[];
  /** Accept (with the next state) or refuse (with code, legal basis and every missing step). */
  decide(state: ProcedureState<C>, event: IncomingEvent, env: () => FactEnv): Decision<C>;
  progress(state: ProcedureState<C>): ProgressEntry[];
  /** When each open step is due (whose start is known), with what the date was computed from. */
  deadlines(state: ProcedureState<C>, rules: DeadlineRules, calendar: WorkingDayCalendar): StepDeadline[];
  /**
   * Each step done in the current revision, with the day it claims it was done and the deadline it
   * had where the state still tells it (the audit's late steps).
   */
  doneSteps(state: ProcedureState<C>, rules: DeadlineRules, calendar: WorkingDayCalendar): DoneStep[];
  /** Per event type, the date its record row claims (the audit compares it with when the row was recorded). */
  readonly claimedDates: Readonly<Record<string, ClaimedDate>>;
  isComplete(state: ProcedureState<C>): boolean;
  /** Non-blocking findings auditors must see. */
  flags(state: ProcedureState<C>): string[];
  revision(state: ProcedureState<C>): number;
  /** The unit the decision named to implement it, once decided. */
  implementingUnitId(state: ProcedureState<C>): string | undefined;
  /** The revision still in force while a later one is being prepared. */
  inForce(state: ProcedureState<C>): { revision: number; status: string } | undefined;
  /** The statechart as Mermaid stateDiagram-v2 text. */
  toMermaid(): string;
  /** What a person reads about it: the OpenAPI document and the manual in `docs/` come from this. */
  readonly docs: ProcedureDocs;
}
