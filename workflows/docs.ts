/**
 * What a person reads about a procedure definition beyond its words (`labels`): each event's
 * payload with a description of every field and an example, the articles, and the deadlines. The OpenAPI
 * document (`/docs`) and the procedure manual (`npm run docs`, `docs/`) are generated from it,
 * so that neither lists an event by hand.
 */
import type { DeadlineUnit } from './deadlines';
import type { FieldDocs } from './json-schema';
import type { Shape } from './schema';

/** A refusal an event can get in a stage that takes it: its code and the articles it cites. */
export interface EventRule {
  code: string;
  legalBasis: string[];
}

/** How a step's due day is set (the rule is a key of `DeadlineRules` or the date field that sets it). */
export interface StepDeadlineDoc {
  step: string;
  rule: string;
  unit: DeadlineUnit;
  /** From what the due day counts, in Chinese. */
  from: string;
}

export interface ProcedureDocs {
  /** The procedure's name, e.g. 重大行政决策程序. */
  readonly title: string;
  /** The text it implements, e.g. 《重大行政决策程序暂行条例》（国务院令第713号）. */
  readonly law: string;
  /** What each event records, one or two sentences. */
  readonly eventNotes: Readonly<Record<string, string>>;
  readonly payloads: Readonly<Record<string, Shape>>;
  readonly fieldDocs: Readonly<Record<string, FieldDocs>>;
  /** One valid payload per event. */
  readonly examples: Readonly<Record<string, Record<string, unknown>>>;
  /** The articles each step rests on (ids of `legal-basis.ts`). */
  readonly stepBasis: Readonly<Record<string, readonly string[]>>;
  /** The articles each event rests on. */
  readonly eventBasis: Readonly<Record<string, readonly string[]>>;
  /** The steps each event presupposes, and of those the gates that name its refusal when it comes too early. */
  readonly presupposes: Readonly<Record<string, { steps: readonly string[]; gates: readonly string[] }>>;
  /** The code and articles of each step missing. */
  readonly stepGaps: Readonly<Record<string, { code: string; legalBasis: readonly string[] }>>;
  /** The stages that take each event. */
  readonly eventStages: Readonly<Record<string, readonly string[]>>;
  /** The refusals each event can get in a stage that takes it (date rules aside), found by running the rules. */
  eventRules(): Readonly<Record<string, readonly EventRule[]>>;
  /** Every date field records something done and may not lie after today, except these, which plan ahead. */
  readonly planningDateFields: readonly string[];
  /** How each step with a deadline is due. */
  readonly deadlines: readonly StepDeadlineDoc[];
}
