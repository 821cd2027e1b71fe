import { Global, Module } from '@nestjs/common';
import { BusinessCalendar } from '../calendar/business-calendar';
import { ProvisionalCalendarLog } from '../calendar/provisional-log';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DEADLINE_RULES, loadDeadlineRules, type DeadlineRules } from '../config/deadline-rules';
import { TransactionRunner } from '../database/transaction-runner';
import { ChainVerifier } from './chain-verifier';
import { DecisionProgress } from './decision-progress';
import { DefinitionRegistry, serviceRegistry } from './definition-registry';
import { ProcedureEngine, systemClock, type Clock } from './procedure-engine';
import { RefusalLimiter } from './refusal-limiter';

/** Nest token of the engine's Clock (`@Inject(CLOCK) clock: Clock`): tests may fix "today". */
export const CLOCK = Symbol('CLOCK');

/**
 * The procedure engine for every feature module (global): the definition registry, the transition
 * runner and the chain verifier. Feature modules depend on this, never on one another.
 */
@Global()
@Module({
  providers: [
    { provide: DefinitionRegistry, useFactory: (config: AppConfig) => serviceRegistry(config.majorDecisionDefaultVersion), inject: [APP_CONFIG] },
    { provide: CLOCK, useFactory: (config: AppConfig): Clock => systemClock(config.businessTimeZone), inject: [APP_CONFIG] },
    // One per process: the routes that can store a refusal check it on entry, the engine when it stores one.
    { provide: RefusalLimiter, useFactory: (config: AppConfig) => new RefusalLimiter(config.refusalsPerMinute), inject: [APP_CONFIG] },
    {
      provide: ProcedureEngine,
      useFactory: (runner: TransactionRunner, calendar: BusinessCalendar, registry: DefinitionRegistry, clock: Clock, refusals: RefusalLimiter, observer: ProvisionalCalendarLog) =>
        new ProcedureEngine({ runner, calendar, registry, clock, refusals, observer }),
      inject: [TransactionRunner, BusinessCalendar, DefinitionRegistry, CLOCK, RefusalLimiter, ProvisionalCalendarLog],
    },
    // Read once at start: a malformed config/deadlines.json stops the start with the file and key named.
    { provide: DEADLINE_RULES, useFactory: (config: AppConfig): DeadlineRules => loadDeadlineRules(config.configDir), inject: [APP_CONFIG] },
    // Notes what rests on a provisional calendar as steps are accepted; re-checks it after each start.
    {
      provide: ProvisionalCalendarLog,
      useFactory: (runner: TransactionRunner, calendar: BusinessCalendar, registry: DefinitionRegistry, rules: DeadlineRules, clock: Clock) =>
        new ProvisionalCalendarLog({ runner, calendar, registry, rules, clock }),
      inject: [TransactionRunner, BusinessCalendar, DefinitionRegistry, DEADLINE_RULES, CLOCK],
    },
    {
      provide: DecisionProgress,
      useFactory: (calendar: BusinessCalendar, clock: Clock, rules: DeadlineRules) => new DecisionProgress({ calendar, clock, rules }),
      inject: [BusinessCalendar, CLOCK, DEADLINE_RULES],
    },
    { provide: ChainVerifier, useFactory: (runner: TransactionRunner) => new ChainVerifier(runner), inject: [TransactionRunner] },
  ],
  exports: [DefinitionRegistry, CLOCK, DEADLINE_RULES, ProcedureEngine, ChainVerifier, DecisionProgress, RefusalLimiter, ProvisionalCalendarLog],
})
export class EngineModule {}
