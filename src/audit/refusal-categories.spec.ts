/**
 * Every code that can become a stored violation (422) has a category: the codes written in the
 * rules, the date rules, the steps and the catalog service (read from their source, so that a new
 * code without a category fails here), and every code the definition actually refuses with on every
 * reachable state of its statechart, with valid and with rule-breaking payloads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getShortestPaths } from 'xstate/graph';
import { addDays } from '../../workflows/dates';
import type { ProcedureContext } from '../../workflows/major-decision/v1/context';
import { EVENT_TYPES, type EventType } from '../../workflows/major-decision/v1/events';
import { majorDecisionV1Definition as def, majorDecisionV1 } from '../../workflows/major-decision/v1/index';
import { REQUIREMENT_SETS, sampleEvent } from '../../workflows/major-decision/v1/samples';
import { STEP_GAP } from '../../workflows/major-decision/v1/steps';
import { sampleEnv } from '../../workflows/major-decision/v1/walk';
import type { ProcedureDefinition } from '../../workflows/definition';
import { majorDecisionV2Definition as defV2, majorDecisionV2 } from '../../workflows/major-decision/v2/index';
import { samplePayload as samplePayloadV2 } from '../../workflows/major-decision/v2/samples';
import { codesOf, refusalCategory, REFUSAL_CATEGORIES, type RefusalCategory } from '../../workflows/refusal-categories';

const ROOT = join(__dirname, '..', '..');
const SOURCES = {
  workflows: ['workflows/major-decision/v1/rules.ts', 'workflows/major-decision/v1/date-rules.ts', 'workflows/major-decision/v1/steps.ts'],
  workflowsV2: ['workflows/major-decision/v2/rules.ts'],
  catalogs: ['src/catalogs/catalogs.service.ts', 'src/catalogs/catalog-refusals.ts'],
};

/** Codes a refusal is written with: `refuse('X'`, `refusal('X'`, `code: 'X'` (never `new DomainError(4xx, 'X'`). */
function writtenCodes(files: string[]): Set<string> {
  const out = new Set<string>();
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/\b(?:refuse|refusal)\(\s*'([A-Z][A-Z0-9_]*)'|\bcode:\s*'([A-Z][A-Z0-9_]*)'/g)) out.add(m[1] ?? m[2]);
  }
  return out;
}

describe('refusal categories', () => {
  const written = new Set([...writtenCodes(SOURCES.workflows), ...writtenCodes(SOURCES.workflowsV2), ...writtenCodes(SOURCES.catalogs)]);

  it('reads the codes from the sources (the scan itself works)', () => {
    for (const code of ['COMMENT_PERIOD_TOO_SHORT', 'DATE_IN_FUTURE', 'NOTHING_TO_PUBLISH', 'OUT_OF_SCOPE', 'ITEM_ALREADY_STARTED', 'CATALOG_NOT_PUBLISHED']) {
      expect(written).toContain(code);
    }
  });

  it('gives every code written in the rules, steps and catalog service a category', () => {
    const without = [...written].filter((code) => !Object.hasOwn(REFUSAL_CATEGORIES, code));
    expect(without).toEqual([]);
  });

  it('lists no code that nothing produces', () => {
    const stale = Object.keys(REFUSAL_CATEGORIES).filter((code) => !written.has(code));
    expect(stale).toEqual([]);
  });

  it('puts every step-gap code under skip and the statutory periods under time_limit', () => {
    for (const { code } of Object.values(STEP_GAP)) expect({ code, category: refusalCategory(code) }).toEqual({ code, category: 'skip' });
    expect(codesOf('time_limit').sort()).toEqual(['COMMENT_PERIOD_NOT_ENDED', 'COMMENT_PERIOD_TOO_SHORT', 'HEARING_NOTICE_TOO_SHORT', 'REVIEW_TIME_TOO_SHORT']);
  });

  it('answers form for a code it does not know, and splits the table into the four categories', () => {
    expect(refusalCategory('NO_SUCH_CODE')).toBe('form');
    expect(refusalCategory('constructor')).toBe('form');
    const all: RefusalCategory[] = ['skip', 'time_limit', 'content', 'form'];
    expect(all.flatMap((c) => codesOf(c)).sort()).toEqual(Object.keys(REFUSAL_CATEGORIES).sort());
    expect(codesOf('content')).toEqual(expect.arrayContaining(['OUT_OF_SCOPE', 'HEARING_RECORD_UNSIGNED', 'EVALUATOR_NOT_INDEPENDENT']));
    expect(codesOf('form')).toEqual(expect.arrayContaining(['DATE_IN_FUTURE', 'DATE_OUT_OF_ORDER', 'NOTHING_TO_PUBLISH', 'REQUIREMENTS_LOCKED']));
  });
});

/** Payload changes that break each guard of `type` (applied one at a time). */
function breakers(type: EventType, ctx: ProcedureContext, payload: Record<string, unknown>): Array<Record<string, unknown>> {
  const dates = Object.keys(payload).filter((k) => k.endsWith('On'));
  const out: Array<Record<string, unknown>> = [
    ...dates.map((k) => ({ [k]: '2099-01-01' })),
    ...dates.map((k) => ({ [k]: '2000-01-01' })),
  ];
  switch (type) {
    case 'RECORD_DRAFT':
      // Version 1's free-text account, version 2's structured findings (FCR-14).
      out.push({ fairCompetitionReview: undefined, fairCompetitionFindings: undefined });
      break;
    case 'OPEN_PUBLIC_COMMENT':
      out.push({ endOn: addDays(payload.startOn as string, 10) });
      break;
    case 'CLOSE_PUBLIC_COMMENT':
      if (ctx.comment) out.push({ closedOn: ctx.comment.startOn });
      break;
    case 'RECORD_HEARING':
      out.push({ heldOn: addDays(payload.materialsDeliveredOn as string, 3) }, { recordSigned: false });
      break;
    case 'RECORD_EXPERT_ARGUMENTATION':
      out.push({ experts: [{ name: '赵专家', affiliation: '某公司', directInterest: true }] }, { opinionsSignedAndSealed: false });
      break;
    case 'RECORD_RISK_ASSESSMENT':
      out.push({ controllable: false });
      break;
    case 'SUBMIT_LEGALITY_REVIEW':
      out.push({ materials: { draftVersion: 'unknown' } }, { requestedDueOn: payload.submittedOn });
      break;
    case 'RECORD_REVISIONS':
      out.push({ opinionAdoption: [{ opinionSeq: 999, adopted: true, note: '无' }] });
      break;
    case 'RECORD_DISCUSSION':
      out.push({ memberOpinions: [{ member: '副区长', position: 'disagree' }] }, { riskFinding: undefined }, { headSpokeLast: false }, { meetingType: 'street_office' });
      break;
    case 'PUBLISH':
      out.push({ adoptionExplanation: undefined });
      break;
    case 'RECORD_EVALUATION':
      out.push({ evaluatorIndependent: false });
      break;
    case 'ARCHIVE':
      out.push({ materials: [] });
      break;
    default:
      break;
  }
  return out;
}

const without = (p: Record<string, unknown>, patch: Record<string, unknown>) => {
  const out = { ...p, ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete out[k];
  return out;
};

const sampleEventV2: typeof sampleEvent = (type, ctx, seq) => ({ ...sampleEvent(type, ctx, seq), payload: samplePayloadV2(type, ctx) });

/** Each version with its statechart, its sample events, the rules it writes, and the requirement sets that reach all of them. */
const VERSIONS = [
  { version: 1, machine: majorDecisionV1, def: def as ProcedureDefinition<ProcedureContext>, sampleEvent, sources: SOURCES.workflows, extraInputs: [], extraEvents: () => [] },
  {
    version: 2,
    machine: majorDecisionV2 as unknown as typeof majorDecisionV1,
    def: defV2 as ProcedureDefinition<ProcedureContext>,
    sampleEvent: sampleEventV2,
    sources: [...SOURCES.workflows, ...SOURCES.workflowsV2],
    // SC713-31: a party report waived with no rule named.
    extraInputs: [['party report waived, no rule named', { requirements: { ...REQUIREMENT_SETS['every step required'], partyCommitteeReport: { required: false } } }] as const],
    // FCR-18: a draft the market regulator found restrictive.
    extraEvents: (ctx: ProcedureContext) => {
      const e = sampleEventV2('RECORD_DRAFT', ctx);
      const findings = { initialFinding: 'non_compliant', regulatorReviewedOn: e.payload.draftedOn, regulatorRef: '审查意见', regulatorFinding: 'non_compliant' };
      // SC713-8: a matter the people's congress decides.
      const d = sampleEventV2('RECORD_DISCUSSION', ctx);
      return [...(ctx.affectsMarket ? [{ ...e, payload: { ...e.payload, fairCompetitionFindings: findings } }] : []), { ...d, payload: { ...d.payload, peopleCongressMatter: 'decide' } }];
    },
  },
];

describe.each(VERSIONS)('refusal categories on the statechart (version $version)', ({ machine, def, sampleEvent, sources, extraInputs, extraEvents }) => {
  const produced = new Set<string>();
  const sampleEvents = (ctx: ProcedureContext) => EVENT_TYPES.map((t) => sampleEvent(t, ctx));

  it.each([
    ...Object.entries(REQUIREMENT_SETS).map(([name, requirements]) => [name, { requirements }] as const),
    ['every step required, affecting the market', { requirements: REQUIREMENT_SETS['every step required'], affectsMarket: true }] as const,
    ...extraInputs,
  ])('every code refused on every reachable state has a category (%s)', (_name, input) => {
    const paths = getShortestPaths(machine, {
      input,
      events: (snap) => [
        ...sampleEvents(snap.context),
        ...extraEvents(snap.context),
        ...(['unlawful', 'lawful_with_revisions'] as const).map((conclusion) => {
          const e = sampleEvent('CONCLUDE_REVIEW', snap.context);
          return { ...e, payload: { ...e.payload, conclusion } };
        }),
        (() => {
          const e = sampleEvent('RECORD_RISK_ASSESSMENT', snap.context);
          return { ...e, payload: { ...e.payload, controllable: false } };
        })(),
      ],
      serializeState: (snap) =>
        JSON.stringify([
          snap.value,
          Object.keys(snap.context.done).sort(),
          snap.context.comment !== undefined,
          snap.context.review.opinions.length > 0,
          snap.context.review.round > 0,
          snap.context.risk?.controllable,
          snap.context.staleDraftVersions.length,
          snap.context.problemReportedOn !== undefined,
          snap.context.fairCompetitionFinding,
          (snap.context.unarchived?.length ?? 0) > 0,
          snap.context.peopleCongressMatter ?? null,
        ]) as never,
    });
    expect(paths.length).toBeGreaterThan(40);
    for (const path of paths) {
      const state = { value: path.state.value, context: path.state.context };
      for (const type of EVENT_TYPES) {
        const base = sampleEvent(type, state.context).payload;
        for (const payload of [base, ...breakers(type, state.context, base).map((p) => without(base, p))]) {
          const d = def.decide(state, { type, payload, seq: 99 }, sampleEnv);
          if (d.accepted) continue;
          produced.add(d.refusal.code);
          for (const m of d.refusal.missing) produced.add(m.code);
        }
      }
    }
    const uncategorized = [...produced].filter((code) => !Object.hasOwn(REFUSAL_CATEGORIES, code));
    expect(uncategorized).toEqual([]);
  });

  it('refuses, somewhere on the graph, with every code the procedure rules write', () => {
    const procedureCodes = writtenCodes(sources);
    expect([...procedureCodes].filter((code) => !produced.has(code))).toEqual([]);
  });
});
