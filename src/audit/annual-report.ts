/**
 * The year's figures of major administrative decisions, counted the way the annual 法治政府建设
 * report counts them (GET /audit/report): catalog coverage per level, decisions per stage, legality
 * reviews and legal opinions, public participation and the other steps, refused attempts, overdue
 * steps. One object; the Markdown text and the workbook are renderings of it.
 */
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TransactionRunner, type Tx } from '../database/transaction-runner';
import { CLOCK } from '../engine/engine.module';
import type { Clock } from '../engine/procedure-engine';
import { ORG_UNIT_KINDS, type OrgUnitKind } from '../org-units/org-unit-kinds';
import { OrgUnitsService } from '../org-units/org-units.service';
import { STAGES, type Conclusion, type Stage } from '../../workflows/major-decision/v1/context';
import type { EventType } from '../../workflows/major-decision/v1/events';
import { STEPS, type StepId } from '../../workflows/major-decision/v1/steps';
import { REFUSAL_CATEGORIES, refusalCategory, type RefusalCategory } from '../../workflows/refusal-categories';
import { AnnualReportRepository, type Counted, type DecisionPage, type OrganFilter, type RecordCounts } from './annual-report.repository';
import { auditOrgans, auditScope } from './audit-scope';
import { CATEGORY_LABELS, codeLabel, CONCLUSION_LABELS, KIND_LABELS, STAGE_LABELS, STEP_LABELS } from './report-labels';

export const REPORT_FORMATS = ['json', 'md', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const CONCLUSIONS: Conclusion[] = ['lawful', 'lawful_with_revisions', 'unlawful', 'exploratory_risk_disclosed'];
const CATEGORIES: RefusalCategory[] = ['skip', 'time_limit', 'content', 'form'];

export interface Coverage {
  level: OrgUnitKind;
  label: string;
  /** Active units of this kind in scope. */
  organs: number;
  /** Of those, the ones with a published catalog of the year. */
  published: number;
  /** published ÷ organs in percent, one decimal; null when there is no organ. */
  ratePercent: number | null;
}

export interface OrganCatalog {
  organId: string;
  organName: string;
  kind: string;
  active: boolean;
  /** The catalog of the year: `published`, `draft`, or `none` when the organ has none. */
  status: 'published' | 'draft' | 'none';
  /** Publications of the catalog (the first and each adjustment). */
  publications: number;
  firstPublishedOn: string | null;
  /** Items (decisions) of the catalog. */
  items: number;
}

export interface AnnualReport {
  year: number;
  /** The organ reported on, or null for every organ the caller sees. */
  scope: { organId: string | null; organName: string | null };
  generatedAt: string;
  catalogs: {
    coverage: Coverage[];
    total: Omit<Coverage, 'level' | 'label'>;
    /** Catalogs of the year published (at least once). */
    published: number;
    organs: OrganCatalog[];
  };
  decisions: {
    total: number;
    byStage: Array<{ stage: Stage; label: string; count: number }>;
    /** Procedures ended and archived (or with nothing to archive), whatever their outcome. */
    complete: number;
    /** Published and archived: every required step of the procedure done. */
    completedWithAllSteps: number;
  };
  legalityReview: {
    /** Decisions sent to legality review (at least once). */
    decisionsSubmitted: number;
    submissions: number;
    returned: number;
    concluded: number;
    byConclusion: Array<{ conclusion: Conclusion; label: string; count: number }>;
    opinionsGiven: number;
    /** Opinions whose adoption a revision stated (RECORD_REVISIONS). */
    opinionsAnswered: number;
    opinionsAdopted: number;
    /** opinionsAdopted ÷ opinionsGiven in percent, one decimal; null when none was given. */
    adoptionRatePercent: number | null;
  };
  publicParticipation: {
    commentPeriodsOpened: number;
    commentPeriodsClosed: number;
    otherParticipation: number;
    hearings: number;
    expertArgumentations: number;
    riskAssessments: number;
  };
  decisionMaking: {
    collectiveDiscussions: number;
    partyCommitteeReports: number;
    publications: number;
    archives: number;
  };
  refusals: {
    total: number;
    byCategory: Array<{ category: RefusalCategory; label: string; count: number }>;
    /** Every code refused, most frequent first. */
    byCode: Array<{ code: string; category: RefusalCategory; meaning: string; count: number }>;
    /** The codes of category `skip`: a required step skipped or taken out of order. */
    skips: Array<{ code: string; meaning: string; count: number }>;
  };
  deadlines: {
    /** overdue_step rows: a step found past its due date by the overdue scan. */
    overdueSteps: number;
    /** Of those, the steps done afterwards (late). */
    doneLate: number;
    /** Of those, the steps not done (still open, or the procedure ended without them). */
    notDone: number;
    /** Decisions with at least one overdue step. */
    decisions: number;
    byStep: Array<{ step: StepId; label: string; overdue: number; doneLate: number; notDone: number }>;
  };
}

/** n ÷ d in percent with one decimal, or null when d is 0. */
export function percent(n: number, d: number): number | null {
  return d === 0 ? null : Math.round((n * 1000) / d) / 10;
}

/** Minutes east of UTC of a time zone at an instant. */
function offsetMinutes(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The instant (ISO-8601 UTC) a business-time year starts. */
export function yearStartsAt(year: number, timeZone: string): string {
  const midnightUtc = new Date(0);
  midnightUtc.setUTCFullYear(year, 0, 1);
  return new Date(midnightUtc.getTime() - offsetMinutes(timeZone, midnightUtc) * 60_000).toISOString();
}

const countOf = (rows: Counted[], key: string): number => rows.find((r) => r.key === key)?.n ?? 0;

/** What one page of decisions adds to the report, as counts per key. */
interface PageCounts {
  stages: Counted[];
  complete: Counted[];
  events: Counted[];
  distinct: Counted[];
  conclusions: Counted[];
  adoptions: Counted[];
  refusals: Counted[];
  overdue: Counted[];
  doneLate: Counted[];
  overdueDecisions: Counted[];
}

const emptyCounts = (): PageCounts => ({
  stages: [],
  complete: [],
  events: [],
  distinct: [],
  conclusions: [],
  adoptions: [],
  refusals: [],
  overdue: [],
  doneLate: [],
  overdueDecisions: [],
});

function addCounts(a: PageCounts, b: PageCounts): PageCounts {
  const out = emptyCounts();
  for (const k of Object.keys(out) as Array<keyof PageCounts>) out[k] = add(a[k], b[k]);
  return out;
}

/** Counts per key added up. */
function add(a: Counted[], b: Counted[]): Counted[] {
  const sum = new Map(a.map((r) => [r.key, r.n]));
  for (const r of b) sum.set(r.key, (sum.get(r.key) ?? 0) + r.n);
  return [...sum].map(([key, n]) => ({ key, n }));
}

/**
 * Decisions counted per unit of work, as the overdue scan pages: about 2,000 record rows, some
 * 10 ms on SQLite, so that a step waits for one page at most (a year of 100,000 decisions and
 * 1,000,000 record rows: about 6 s in all, on the 2-core machine). Nest token `REPORT_PAGE_SIZE`
 * overrides it (tests).
 */
export const DEFAULT_REPORT_PAGE_SIZE = 200;
export const REPORT_PAGE_SIZE = Symbol('REPORT_PAGE_SIZE');

@Injectable()
export class AnnualReportService {
  private readonly repo = new AnnualReportRepository();

  constructor(
    private readonly runner: TransactionRunner,
    private readonly units: OrgUnitsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(REPORT_PAGE_SIZE) private readonly pageSize: number = DEFAULT_REPORT_PAGE_SIZE,
  ) {}

  /** The report of `year` for the caller's scope (auditor: every organ or `organId`; office: its own organ). */
  async report(user: AuthUser, year: number, organId?: string): Promise<AnnualReport> {
    const scope = auditScope(user);
    let organName: string | null = null;
    // Names as the database has them now (a unit renamed on another instance shows its new name).
    if (organId !== undefined) {
      const organ = await this.units.current(organId);
      if (!organ) {
        throw new DomainError(400, 'ORG_UNIT_NOT_FOUND', `没有 id 为 ${organId} 的单位`, { errors: [{ field: 'organId', message: 'organId 不是已登记的单位' }] });
      }
      organName = organ.name;
    }
    const organs = auditOrgans(scope, organId);
    if (organId === undefined && organs?.length === 1) {
      organId = organs[0];
      organName = (await this.units.current(organs[0]))?.name ?? null;
    }
    const from = yearStartsAt(year, this.config.businessTimeZone);
    const to = yearStartsAt(year + 1, this.config.businessTimeZone);
    const generatedAt = this.clock.now().toISOString();
    const figures = await this.figures(year, organs, from, to);
    return { year, scope: { organId: organId ?? null, organName }, generatedAt, ...figures };
  }

  /** Reads every page of the year's decisions (each in its own unit of work) and adds their counts up. */
  private async counts(year: number, organs: OrganFilter): Promise<PageCounts> {
    let sum = emptyCounts();
    let after = '';
    for (;;) {
      const page = await this.runner.read(async (tx) => {
        const upTo = await this.repo.pageEnd(tx, year, organs, after, this.pageSize);
        return upTo === null ? null : { upTo, counts: await this.pageCounts(tx, { year, organs, after, upTo }) };
      });
      if (!page) return sum;
      sum = addCounts(sum, page.counts);
      after = page.upTo;
    }
  }

  private async pageCounts(tx: Tx, p: DecisionPage): Promise<PageCounts> {
    const stages = await this.repo.stages(tx, p);
    const records = await this.repo.records(tx, p);
    const overdue = await this.repo.overdue(tx, p);
    const total = (pick: (r: RecordCounts) => number) => records.reduce((s, r) => s + pick(r), 0);
    return {
      stages: stages.map((s) => ({ key: s.stage, n: s.n })),
      complete: stages.map((s) => ({ key: s.stage, n: s.complete })),
      // CONCLUDE_REVIEW comes one row per conclusion: added up per type.
      events: add([], records.map((r) => ({ key: r.type, n: r.n }))),
      distinct: records.filter((r) => r.type === 'SUBMIT_LEGALITY_REVIEW').map((r) => ({ key: r.type, n: r.decisions })),
      conclusions: records.filter((r) => r.type === 'CONCLUDE_REVIEW').map((r) => ({ key: String(r.conclusion), n: r.n })),
      adoptions: [
        { key: 'answered', n: total((r) => r.answered) },
        { key: 'adopted', n: total((r) => r.adopted) },
      ],
      refusals: await this.repo.refusals(tx, p),
      overdue: overdue.steps.map((s) => ({ key: s.step, n: s.overdue })),
      doneLate: overdue.steps.map((s) => ({ key: s.step, n: s.doneLate })),
      overdueDecisions: [{ key: 'decisions', n: overdue.decisions }],
    };
  }

  private async figures(year: number, organs: OrganFilter, from: string, to: string): Promise<Omit<AnnualReport, 'year' | 'scope' | 'generatedAt'>> {
    const organRows = await this.runner.read((tx) => this.repo.organCatalogs(tx, year, organs));
    const c = await this.counts(year, organs);
    const withoutDecision = await this.runner.read((tx) => this.repo.refusalsWithoutDecision(tx, organs, from, to));
    const { events, distinct, conclusions } = c;
    const adoptions = { answered: countOf(c.adoptions, 'answered'), adopted: countOf(c.adoptions, 'adopted') };
    const refusals = add(c.refusals, withoutDecision);
    const stages = c.stages.map((s) => ({ stage: s.key, n: s.n, complete: countOf(c.complete, s.key) }));
    const overdue = { steps: c.overdue.map((s) => ({ step: s.key, overdue: s.n, doneLate: countOf(c.doneLate, s.key) })), decisions: countOf(c.overdueDecisions, 'decisions') };
    const ev = (type: EventType) => countOf(events, type);

    const catalogOrgans: OrganCatalog[] = organRows
      .map((r) => ({
        organId: r.id,
        organName: r.name,
        kind: r.kind,
        active: r.active === true || Number(r.active) === 1,
        status: (r.status === 'published' ? 'published' : r.status === null ? 'none' : 'draft') as OrganCatalog['status'],
        publications: Number(r.revision ?? 0),
        firstPublishedOn: r.first_published_on ?? null,
        items: Number(r.items),
      }))
      // Kind, then name in code point order: the same on every database, whatever its collation.
      .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || compare(a.organName, b.organName) || compare(a.organId, b.organId));
    const coverage: Coverage[] = ORG_UNIT_KINDS.map((level) => {
      const of = catalogOrgans.filter((o) => o.kind === level && o.active);
      const published = of.filter((o) => o.status === 'published').length;
      return { level, label: KIND_LABELS[level], organs: of.length, published, ratePercent: percent(published, of.length) };
    });
    const totalOrgans = coverage.reduce((s, c) => s + c.organs, 0);
    const totalPublished = coverage.reduce((s, c) => s + c.published, 0);

    const byStage = STAGES.map((stage) => ({ stage, label: STAGE_LABELS[stage], count: stages.find((s) => s.stage === stage)?.n ?? 0 }));
    const opinionsGiven = ev('ADD_LEGAL_OPINION');

    const byCode = refusals
      .map((r) => ({ code: r.key, category: refusalCategory(r.key), meaning: codeLabel(r.key), count: r.n }))
      .sort((a, b) => b.count - a.count || codeOrder(a.code) - codeOrder(b.code) || a.code.localeCompare(b.code));

    const byStep = STEPS.flatMap((step) => {
      const row = overdue.steps.find((s) => s.step === step);
      return row ? [{ step, label: STEP_LABELS[step], overdue: row.overdue, doneLate: row.doneLate, notDone: row.overdue - row.doneLate }] : [];
    });
    const overdueSteps = byStep.reduce((s, r) => s + r.overdue, 0);
    const doneLate = byStep.reduce((s, r) => s + r.doneLate, 0);

    return {
      catalogs: {
        coverage,
        total: { organs: totalOrgans, published: totalPublished, ratePercent: percent(totalPublished, totalOrgans) },
        published: catalogOrgans.filter((o) => o.status === 'published').length,
        organs: catalogOrgans,
      },
      decisions: {
        total: stages.reduce((s, r) => s + r.n, 0),
        byStage,
        complete: stages.reduce((s, r) => s + r.complete, 0),
        completedWithAllSteps: stages.find((s) => s.stage === 'published')?.complete ?? 0,
      },
      legalityReview: {
        decisionsSubmitted: countOf(distinct, 'SUBMIT_LEGALITY_REVIEW'),
        submissions: ev('SUBMIT_LEGALITY_REVIEW'),
        returned: ev('RETURN_MATERIALS'),
        concluded: ev('CONCLUDE_REVIEW'),
        byConclusion: CONCLUSIONS.map((conclusion) => ({ conclusion, label: CONCLUSION_LABELS[conclusion], count: countOf(conclusions, conclusion) })),
        opinionsGiven,
        opinionsAnswered: adoptions.answered,
        opinionsAdopted: adoptions.adopted,
        adoptionRatePercent: percent(adoptions.adopted, opinionsGiven),
      },
      publicParticipation: {
        commentPeriodsOpened: ev('OPEN_PUBLIC_COMMENT'),
        commentPeriodsClosed: ev('CLOSE_PUBLIC_COMMENT'),
        otherParticipation: ev('RECORD_PUBLIC_PARTICIPATION'),
        hearings: ev('RECORD_HEARING'),
        expertArgumentations: ev('RECORD_EXPERT_ARGUMENTATION'),
        riskAssessments: ev('RECORD_RISK_ASSESSMENT'),
      },
      decisionMaking: {
        collectiveDiscussions: ev('RECORD_DISCUSSION'),
        partyCommitteeReports: ev('REPORT_TO_PARTY_COMMITTEE'),
        publications: ev('PUBLISH'),
        archives: ev('ARCHIVE'),
      },
      refusals: {
        total: byCode.reduce((s, r) => s + r.count, 0),
        byCategory: CATEGORIES.map((category) => ({
          category,
          label: CATEGORY_LABELS[category],
          count: byCode.filter((r) => r.category === category).reduce((s, r) => s + r.count, 0),
        })),
        byCode,
        skips: byCode.filter((r) => r.category === 'skip').map(({ code, meaning, count }) => ({ code, meaning, count })),
      },
      deadlines: { overdueSteps, doneLate, notDone: overdueSteps - doneLate, decisions: overdue.decisions, byStep },
    };
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const kindOrder = (kind: string): number => {
  const i = (ORG_UNIT_KINDS as readonly string[]).indexOf(kind);
  return i < 0 ? ORG_UNIT_KINDS.length : i;
};

const CODE_ORDER = Object.keys(REFUSAL_CATEGORIES);
const codeOrder = (code: string): number => {
  const i = CODE_ORDER.indexOf(code);
  return i < 0 ? CODE_ORDER.length : i;
};
