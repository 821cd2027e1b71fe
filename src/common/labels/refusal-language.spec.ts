/**
 * Every refusal the procedure can give, on every reachable state of its statechart, with valid and
 * with rule-breaking payloads, speaks to the person at the desk: a Chinese sentence naming stages,
 * steps and events by their words (never a bare code), and, where fields can mend it, those fields
 * under `payload.` with what would pass; a statutory period not given also says its days and the
 * earliest date that passes.
 */
import { getShortestPaths } from 'xstate/graph';
import { addDays } from '../../../workflows/dates';
import type { ProcedureContext } from '../../../workflows/major-decision/v1/context';
import { EVENT_TYPES, type EventType } from '../../../workflows/major-decision/v1/events';
import { majorDecisionV1Definition as def, majorDecisionV1 } from '../../../workflows/major-decision/v1/index';
import type { Refusal, TimeLimit } from '../../../workflows/major-decision/v1/rules';
import { REQUIREMENT_SETS, sampleEvent, sampleEvents } from '../../../workflows/major-decision/v1/samples';
import { sampleEnv } from '../../../workflows/major-decision/v1/walk';
import { unreadable } from '../../../test/support/problem-language';

/** Refusals a field of the payload always mends: each names at least one field. */
const MENDED_BY_FIELDS = [
  'FAIR_COMPETITION_REVIEW_REQUIRED',
  'COMMENT_PERIOD_TOO_SHORT',
  'COMMENT_PERIOD_NOT_ENDED',
  'HEARING_NOTICE_TOO_SHORT',
  'HEARING_RECORD_UNSIGNED',
  'EXPERT_CONFLICT_OF_INTEREST',
  'EXPERT_OPINION_UNSIGNED',
  'REVIEW_MATERIALS_INCOMPLETE',
  'REVIEW_TIME_TOO_SHORT',
  'HEAD_REASON_REQUIRED',
  'ADOPTION_EXPLANATION_REQUIRED',
  'EVALUATOR_NOT_INDEPENDENT',
  'ARCHIVE_INCOMPLETE',
  'DATE_IN_FUTURE',
  'DATE_OUT_OF_ORDER',
];
const TIME_LIMITS = ['COMMENT_PERIOD_TOO_SHORT', 'COMMENT_PERIOD_NOT_ENDED', 'HEARING_NOTICE_TOO_SHORT', 'REVIEW_TIME_TOO_SHORT'];

/** Payload changes that break each guard of `type` (applied one at a time). */
function breakers(type: EventType, ctx: ProcedureContext, payload: Record<string, unknown>): Array<Record<string, unknown>> {
  const dates = Object.keys(payload).filter((k) => k.endsWith('On'));
  const out: Array<Record<string, unknown>> = [...dates.map((k) => ({ [k]: '2099-01-01' })), ...dates.map((k) => ({ [k]: '2000-01-01' }))];
  const more: Partial<Record<EventType, () => Array<Record<string, unknown>>>> = {
    RECORD_DRAFT: () => [{ fairCompetitionReview: undefined }],
    OPEN_PUBLIC_COMMENT: () => [{ endOn: addDays(payload.startOn as string, 10) }],
    CLOSE_PUBLIC_COMMENT: () => (ctx.comment ? [{ closedOn: ctx.comment.startOn }] : []),
    RECORD_HEARING: () => [{ heldOn: addDays(payload.materialsDeliveredOn as string, 3) }, { recordSigned: false }],
    RECORD_EXPERT_ARGUMENTATION: () => [{ experts: [{ name: '赵专家', affiliation: '某公司', directInterest: true }] }, { opinionsSignedAndSealed: false }],
    RECORD_RISK_ASSESSMENT: () => [{ controllable: false }],
    SUBMIT_LEGALITY_REVIEW: () => [{ materials: { draftVersion: 'unknown' } }, { materials: {} }, { requestedDueOn: payload.submittedOn }],
    RECORD_REVISIONS: () => [{ opinionAdoption: [{ opinionSeq: 999, adopted: true, note: '无' }] }],
    RECORD_DISCUSSION: () => [{ memberOpinions: [{ member: '副区长', position: 'disagree' }] }],
    PUBLISH: () => [{ adoptionExplanation: undefined }],
    RECORD_EVALUATION: () => [{ evaluatorIndependent: false }, { evaluator: '王教授' }],
    ARCHIVE: () => [{ materials: [] }],
  };
  return [...out, ...(more[type]?.() ?? [])];
}

const patched = (p: Record<string, unknown>, patch: Record<string, unknown>) => {
  const out = { ...p, ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete out[k];
  return out;
};

describe('every refusal on the statechart speaks to the person at the desk', () => {
  const codes = new Set<string>();

  it.each([
    ...Object.entries(REQUIREMENT_SETS).map(([name, requirements]) => [name, { requirements }] as const),
    ['every step required, affecting the market', { requirements: REQUIREMENT_SETS['every step required'], affectsMarket: true }] as const,
  ])('%s', (_name, input) => {
    const paths = getShortestPaths(majorDecisionV1, {
      input,
      events: (snap) => [
        ...sampleEvents(snap.context),
        ...(['unlawful', 'lawful_with_revisions'] as const).map((conclusion) => {
          const e = sampleEvent('CONCLUDE_REVIEW', snap.context);
          return { ...e, payload: { ...e.payload, conclusion } };
        }),
      ],
      serializeState: (snap) =>
        JSON.stringify([
          snap.value,
          Object.keys(snap.context.done).sort(),
          snap.context.comment !== undefined,
          snap.context.review.opinions.length > 0,
          snap.context.review.round > 0,
          snap.context.staleDraftVersions.length,
        ]) as never,
    });
    expect(paths.length).toBeGreaterThan(40);
    const wrong: string[] = [];
    for (const path of paths) {
      const state = { value: path.state.value, context: path.state.context };
      for (const type of EVENT_TYPES) {
        const base = sampleEvent(type, state.context).payload;
        for (const payload of [base, ...breakers(type, state.context, base).map((p) => patched(base, p))]) {
          const d = def.decide(state, { type, payload, seq: 99 }, sampleEnv);
          if (d.accepted) continue;
          const r = d.refusal as Refusal;
          codes.add(r.code);
          const at = `${JSON.stringify(state.value)} ${type} ${r.code}`;
          for (const problem of unreadable(r)) wrong.push(`${at}: ${problem}`);
          if ((r.errors ?? []).some((e) => !e.field.startsWith('payload.'))) wrong.push(`${at}: a field outside the payload`);
          if (MENDED_BY_FIELDS.includes(r.code) && !r.errors?.length) wrong.push(`${at}: names no field`);
          const limit = r.extra?.timeLimit as TimeLimit | undefined;
          if (TIME_LIMITS.includes(r.code) && !(limit && limit.days > 0 && /^\d{4}-\d\d-\d\d$/.test(limit.earliestOn) && r.detail.includes(limit.earliestOn))) {
            wrong.push(`${at}: no time limit with its earliest date`);
          }
        }
      }
    }
    expect([...new Set(wrong)].slice(0, 20)).toEqual([]);
  });

  it('met every refusal a field mends, and every time limit', () => {
    expect(MENDED_BY_FIELDS.filter((c) => !codes.has(c))).toEqual([]);
  });
});
