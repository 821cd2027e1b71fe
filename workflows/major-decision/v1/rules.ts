/**
 * The guards: pure functions of (procedure state, event) that either let an event pass or name the
 * rule it breaks, with the article that states the rule. The machine's guards and the engine's
 * refusals both come from here, so they cannot disagree.
 */
import { daysBetween } from '../../dates';
import { isSettled, stepStatus, type ProcedureContext, type ProcedureEvent, type Stage } from './context';
import { dateRule } from './date-rules';
import type { EventType } from './events';
import { PRE_REVIEW_STEPS, STEP_GAP, STEPS, type StepId } from './steps';

export interface Gap {
  step: StepId;
  code: string;
  legalBasis: string[];
}

export interface Refusal {
  code: string;
  detail: string;
  legalBasis: string[];
  missing: Gap[];
}

const upTo = (step: StepId): StepId[] => STEPS.slice(0, STEPS.indexOf(step) + 1);

/**
 * For each event: the steps it presupposes (listed in `missing` when not done) and, of those, the
 * gate steps whose absence names the refusal when the event comes too early.
 */
export const PRESUPPOSES: Record<EventType, { steps: StepId[]; gates: StepId[] }> = {
  CATALOG_PUBLISHED: { steps: [], gates: [] },
  AMEND_REQUIREMENTS: { steps: [], gates: [] },
  WITHDRAW: { steps: [], gates: [] },
  START_DRAFTING: { steps: ['catalog'], gates: ['catalog'] },
  RECORD_DRAFT: { steps: upTo('start'), gates: ['catalog', 'start'] },
  OPEN_PUBLIC_COMMENT: { steps: upTo('start'), gates: ['catalog', 'start'] },
  CLOSE_PUBLIC_COMMENT: { steps: upTo('start'), gates: ['catalog', 'start'] },
  RECORD_PUBLIC_PARTICIPATION: { steps: upTo('start'), gates: ['catalog', 'start'] },
  RECORD_HEARING: { steps: upTo('start'), gates: ['catalog', 'start'] },
  RECORD_EXPERT_ARGUMENTATION: { steps: upTo('start'), gates: ['catalog', 'start'] },
  RECORD_RISK_ASSESSMENT: { steps: upTo('start'), gates: ['catalog', 'start'] },
  SUBMIT_LEGALITY_REVIEW: { steps: upTo('riskAssessment'), gates: ['catalog', 'start'] },
  RETURN_MATERIALS: { steps: upTo('riskAssessment'), gates: [] },
  ACCEPT_REVIEW: { steps: upTo('riskAssessment'), gates: [] },
  ADD_LEGAL_OPINION: { steps: upTo('riskAssessment'), gates: [] },
  CONCLUDE_REVIEW: { steps: upTo('riskAssessment'), gates: [] },
  RECORD_REVISIONS: { steps: upTo('legalityReview'), gates: ['legalityReview'] },
  RECORD_DISCUSSION: { steps: upTo('revisions'), gates: ['legalityReview', 'revisions'] },
  REPORT_TO_PARTY_COMMITTEE: { steps: upTo('collectiveDiscussion'), gates: ['collectiveDiscussion'] },
  PUBLISH: { steps: upTo('partyCommitteeReport'), gates: ['collectiveDiscussion', 'partyCommitteeReport'] },
  RECORD_IMPLEMENTATION_REPORT: { steps: upTo('publication'), gates: ['publication'] },
  SUSPEND: { steps: upTo('publication'), gates: ['publication'] },
  RESUME: { steps: upTo('publication'), gates: ['publication'] },
  RECORD_EVALUATION: { steps: upTo('publication'), gates: ['publication'] },
  START_ADJUSTMENT: { steps: upTo('publication'), gates: ['publication'] },
  TERMINATE: { steps: upTo('publication'), gates: ['publication'] },
  ARCHIVE: { steps: upTo('publication'), gates: ['collectiveDiscussion'] },
};

/** The article an event rests on: cited when it is sent in a stage that does not take it. */
export const EVENT_BASIS: Record<EventType, string[]> = {
  CATALOG_PUBLISHED: ['SC713-3', 'HLJ-3'],
  AMEND_REQUIREMENTS: ['SC713-26'],
  WITHDRAW: ['SC713-10', 'SC713-37'],
  START_DRAFTING: ['SC713-10', 'SC713-11'],
  RECORD_DRAFT: ['SC713-12'],
  OPEN_PUBLIC_COMMENT: ['SC713-15'],
  CLOSE_PUBLIC_COMMENT: ['SC713-15'],
  RECORD_PUBLIC_PARTICIPATION: ['SC713-14'],
  RECORD_HEARING: ['SC713-16'],
  RECORD_EXPERT_ARGUMENTATION: ['SC713-19'],
  RECORD_RISK_ASSESSMENT: ['SC713-22'],
  SUBMIT_LEGALITY_REVIEW: ['SC713-25', 'SC713-26'],
  RETURN_MATERIALS: ['SC713-26'],
  ACCEPT_REVIEW: ['SC713-26'],
  ADD_LEGAL_OPINION: ['SC713-28'],
  CONCLUDE_REVIEW: ['SC713-27', 'SC713-28'],
  RECORD_REVISIONS: ['SC713-28'],
  RECORD_DISCUSSION: ['SC713-30'],
  REPORT_TO_PARTY_COMMITTEE: ['SC713-31'],
  PUBLISH: ['SC713-32'],
  RECORD_IMPLEMENTATION_REPORT: ['SC713-34'],
  SUSPEND: ['SC713-37'],
  RESUME: ['SC713-37'],
  RECORD_EVALUATION: ['SC713-36'],
  START_ADJUSTMENT: ['SC713-37'],
  TERMINATE: ['SC713-37'],
  ARCHIVE: ['SC713-33'],
};

function gap(ctx: ProcedureContext, step: StepId): Gap {
  if (step === 'riskAssessment' && ctx.risk && !ctx.risk.controllable) {
    return { step, code: 'RISK_UNCONTROLLABLE', legalBasis: ['SC713-24'] };
  }
  return { step, ...STEP_GAP[step] };
}

/** Every required step that `type` presupposes and that is not done, in step order. */
export function missingFor(ctx: ProcedureContext, type: EventType): Gap[] {
  return PRESUPPOSES[type].steps.filter((s) => !isSettled(stepStatus(ctx, s))).map((s) => gap(ctx, s));
}

const refuse = (code: string, detail: string, legalBasis: string[]): Omit<Refusal, 'missing'> => ({ code, detail, legalBasis });

/** The refusal of an event its stage does not take: too early (a gate step missing) or simply wrong. */
export function wrongStage(ctx: ProcedureContext, stage: Stage, type: EventType): Refusal {
  const missing = missingFor(ctx, type);
  const firstGate = missing.find((g) => PRESUPPOSES[type].gates.includes(g.step));
  if (firstGate) {
    return { code: firstGate.code, detail: gateDetail(firstGate.step, type), legalBasis: firstGate.legalBasis, missing };
  }
  return {
    code: 'EVENT_NOT_ALLOWED_IN_STAGE',
    detail: `决策处于「${stage}」阶段，不接受 ${type}`,
    legalBasis: EVENT_BASIS[type],
    missing,
  };
}

function gateDetail(step: StepId, type: EventType): string {
  switch (step) {
    case 'catalog':
      return '决策事项尚未列入经同级党委同意并公布的年度决策事项目录，不得启动决策程序';
    case 'start':
      return '决策机关尚未启动决策程序、明确决策承办单位';
    case 'legalityReview':
      return '决策草案未经合法性审查或者经审查不合法的，不得提交决策机关讨论';
    case 'revisions':
      return '决策承办单位尚未根据合法性审查意见对决策草案作出调整并说明意见采纳情况';
    case 'collectiveDiscussion':
      return '决策草案尚未经决策机关集体讨论作出决定';
    case 'partyCommitteeReport':
      return '重大行政决策出台前应当按照规定向同级党委请示报告';
    case 'publication':
      return '重大行政决策尚未公布';
    default:
      return `${type} 的前置步骤「${step}」尚未完成`;
  }
}

type P = Record<string, unknown>;
type Guard = (ctx: ProcedureContext, p: P, e: ProcedureEvent) => Omit<Refusal, 'missing'> | null;
type StateGuard = (ctx: ProcedureContext) => Omit<Refusal, 'missing'> | null;

const STATE_ONLY = new WeakSet<Guard>();
/** A guard that reads the procedure state only: it refuses its event whatever the payload. */
function onState(guard: StateGuard): Guard {
  STATE_ONLY.add(guard);
  return guard;
}

function majority(opinions: Array<{ position: string }>): string | undefined {
  const counts = new Map<string, number>();
  for (const o of opinions) counts.set(o.position, (counts.get(o.position) ?? 0) + 1);
  for (const [position, n] of counts) if (n * 2 > opinions.length) return position;
  return undefined;
}

/** Does the head's decision go against the majority of the members (SC713-30)? */
export function headOverridesMajority(p: P): boolean {
  const m = majority(p.memberOpinions as Array<{ position: string }>);
  return (p.headDecision === 'approve' && m === 'disagree') || (p.headDecision !== 'approve' && m === 'agree');
}

const legalAdviserOpinion = (ctx: ProcedureContext) =>
  ctx.review.opinions.some((o) => o.authorKind === 'legal_adviser' || o.authorKind === 'public_lawyer');

/** The guards of each event, in the order of the procedure's table of events. */
const GUARDS: Partial<Record<EventType, Guard[]>> = {
  AMEND_REQUIREMENTS: [
    onState((ctx) =>
      ctx.review.round > 0
        ? refuse('REQUIREMENTS_LOCKED', '决策草案已送请合法性审查，程序要求不得再行变更', ['SC713-26'])
        : null,
    ),
  ],
  RECORD_DRAFT: [
    (ctx, p) =>
      ctx.affectsMarket && p.fairCompetitionReview === undefined
        ? refuse('FAIR_COMPETITION_REVIEW_REQUIRED', '决策事项涉及经营者经济活动，决策草案应当附公平竞争审查情况', ['FCR-13', 'SC713-29'])
        : null,
  ],
  OPEN_PUBLIC_COMMENT: [
    onState((ctx) => (ctx.comment ? refuse('EVENT_NOT_ALLOWED_IN_STAGE', '已有尚未结束的公开征求意见期', ['SC713-15']) : null)),
    (_ctx, p) =>
      daysBetween(p.startOn as string, p.endOn as string) < 30 && p.shortenedReason === undefined
        ? refuse('COMMENT_PERIOD_TOO_SHORT', '公开征求意见的期限一般不少于30日，缩短期限的应当说明理由', ['SC713-15'])
        : null,
  ],
  CLOSE_PUBLIC_COMMENT: [
    onState((ctx) => (!ctx.comment ? refuse('EVENT_NOT_ALLOWED_IN_STAGE', '没有正在进行的公开征求意见', ['SC713-15']) : null)),
    (ctx, p) =>
      ctx.comment && (p.closedOn as string) < ctx.comment.endOn
        ? refuse('COMMENT_PERIOD_NOT_ENDED', `公开征求意见期至 ${ctx.comment.endOn} 方届满，不得提前结束`, ['SC713-15'])
        : null,
  ],
  RECORD_HEARING: [
    (_ctx, p) =>
      daysBetween(p.materialsDeliveredOn as string, p.heldOn as string) < 7
        ? refuse('HEARING_NOTICE_TOO_SHORT', '听证材料应当至少在听证会举行7日前送达听证参加人', ['SC713-16'])
        : null,
    (_ctx, p) => (p.recordSigned !== true ? refuse('HEARING_RECORD_UNSIGNED', '听证会记录应当经听证参加人确认并签字', ['SC713-17']) : null),
  ],
  RECORD_EXPERT_ARGUMENTATION: [
    (_ctx, p) =>
      (p.experts as Array<{ directInterest: boolean }>).some((x) => x.directInterest)
        ? refuse('EXPERT_CONFLICT_OF_INTEREST', '不得选择与决策事项有直接利害关系的专家、专业机构参与论证', ['SC713-20'])
        : null,
    (_ctx, p) =>
      p.opinionsSignedAndSealed !== true ? refuse('EXPERT_OPINION_UNSIGNED', '专家书面论证意见应当署名、盖章', ['SC713-19']) : null,
  ],
  SUBMIT_LEGALITY_REVIEW: [
    onState((ctx) => {
      const gaps = PRE_REVIEW_STEPS.filter((s) => !isSettled(stepStatus(ctx, s))).map((s) => gap(ctx, s));
      return gaps.length ? refuse(gaps[0].code, `送请合法性审查前应当完成的程序尚未履行：${gaps.map((g) => g.step).join('、')}`, gaps[0].legalBasis) : null;
    }),
    (ctx, p) => {
      const m = p.materials as { draftVersion?: string; legalBasis?: string[]; procedureStatement?: string };
      const lacking = [
        m.draftVersion === undefined || !ctx.drafts.some((d) => d.draftVersion === m.draftVersion) ? 'draftVersion' : undefined,
        m.legalBasis === undefined ? 'legalBasis' : undefined,
        m.procedureStatement === undefined ? 'procedureStatement' : undefined,
      ].filter(Boolean);
      return lacking.length
        ? refuse('REVIEW_MATERIALS_INCOMPLETE', `送审材料不完整：${lacking.join('、')}（决策草案须为已记录的版本）`, ['SC713-26'])
        : null;
    },
    // Every recorded draft went through a failed review: no draftVersion can pass the next guard.
    onState((ctx) =>
      ctx.drafts.length > 0 && ctx.drafts.every((d) => ctx.staleDraftVersions.includes(d.draftVersion))
        ? refuse('DRAFT_NOT_REVISED', '决策草案经审查不合法或者被退回后，应当提交修改后的新版本', ['SC713-28', 'SC713-25'])
        : null,
    ),
    (ctx, p) =>
      ctx.staleDraftVersions.includes((p.materials as { draftVersion: string }).draftVersion)
        ? refuse('DRAFT_NOT_REVISED', '决策草案经审查不合法或者被退回后，应当提交修改后的新版本', ['SC713-28', 'SC713-25'])
        : null,
    (_ctx, p, e) =>
      e.facts.reviewMinDueOn !== undefined && (p.requestedDueOn as string) < e.facts.reviewMinDueOn && p.shortenedReason === undefined
        ? refuse(
            'REVIEW_TIME_TOO_SHORT',
            `合法性审查时间一般不少于7个工作日：审查期限最早为 ${e.facts.reviewMinDueOn}，现仅给予 ${e.facts.reviewWorkingDaysGiven ?? '?'} 个工作日`,
            ['SC713-26'],
          )
        : null,
  ],
  CONCLUDE_REVIEW: [
    onState((ctx) =>
      !legalAdviserOpinion(ctx)
        ? refuse('LEGAL_OPINION_REQUIRED', '合法性审查应当先由法律顾问、公职律师提出法律意见', ['SC713-28'])
        : null,
    ),
  ],
  RECORD_REVISIONS: [
    (ctx, p) => {
      const answered = new Set((p.opinionAdoption as Array<{ opinionSeq: number }>).map((a) => a.opinionSeq));
      const known = new Set(ctx.review.opinions.map((o) => o.seq));
      const unanswered = [...known].filter((s) => !answered.has(s));
      const unknown = [...answered].filter((s) => !known.has(s));
      if (!unanswered.length && !unknown.length) return null;
      const parts = [unanswered.length ? `未说明采纳情况的法律意见：${unanswered.join('、')}` : '', unknown.length ? `本轮审查中没有的意见序号：${unknown.join('、')}` : ''];
      return refuse('OPINION_ADOPTION_INCOMPLETE', parts.filter(Boolean).join('；'), ['SC713-28']);
    },
  ],
  RECORD_DISCUSSION: [
    onState((ctx) =>
      ctx.risk && !ctx.risk.controllable
        ? refuse('RISK_UNCONTROLLABLE', '风险评估认为风险不可控的，应当调整决策草案确保风险可控后方可作出决策', ['SC713-24'])
        : null,
    ),
    (_ctx, p) =>
      headOverridesMajority(p) && p.headReason === undefined
        ? refuse('HEAD_REASON_REQUIRED', '行政首长拟作出的决定与会议组成人员多数人的意见不一致的，应当在会上说明理由', ['SC713-30'])
        : null,
  ],
  PUBLISH: [
    onState((ctx) =>
      stepStatus(ctx, 'partyCommitteeReport') === 'pending'
        ? refuse('PARTY_REPORT_REQUIRED', '重大行政决策出台前应当按照规定向同级党委请示报告', ['SC713-31'])
        : null,
    ),
    (ctx, p) =>
      p.disclosure === 'public' &&
      (ctx.done.publicParticipation !== undefined || ctx.done.expertArgumentation !== undefined) &&
      p.adoptionExplanation === undefined
        ? refuse('ADOPTION_EXPLANATION_REQUIRED', '公布决策时应当说明公众意见、专家论证意见的采纳情况', ['SC713-32'])
        : null,
  ],
  RECORD_EVALUATION: [
    (ctx, p) =>
      p.evaluatorIndependent !== true || ctx.preDecisionParticipants.includes(p.evaluator as string)
        ? refuse('EVALUATOR_NOT_INDEPENDENT', '决策作出前承担主要论证评估工作的单位不得承担决策后评估', ['SC713-36'])
        : null,
  ],
  ARCHIVE: [
    (ctx, p) => {
      const gaps = archiveGaps(ctx, p);
      return gaps.length ? refuse('ARCHIVE_INCOMPLETE', `归档材料不完整，缺少：${gaps.map((g) => g.step).join('、')}`, ['SC713-33']) : null;
    },
  ],
};

/** Archive gaps are reported in `missing` like skipped steps. */
function archiveGaps(ctx: ProcedureContext, p: P): Gap[] {
  const given = new Set((p.materials as Array<{ step: StepId }>).map((m) => m.step));
  return STEPS.filter((s) => s !== 'archive' && ctx.done[s] !== undefined && !given.has(s)).map((s) => ({
    step: s,
    code: 'ARCHIVE_INCOMPLETE',
    legalBasis: ['SC713-33'],
  }));
}

/**
 * The refusal that every payload of `type` would get in this state, or null when some payload may
 * pass: a gate step the event presupposes is missing, or a guard that reads the state only refuses.
 * The stage is not looked at: ask only about events the stage takes.
 */
export function refusedWhateverPayload(ctx: ProcedureContext, type: EventType): Refusal | null {
  const missing = missingFor(ctx, type);
  const gate = missing.find((g) => PRESUPPOSES[type].gates.includes(g.step));
  if (gate) return { code: gate.code, detail: gateDetail(gate.step, type), legalBasis: gate.legalBasis, missing };
  for (const guard of GUARDS[type] ?? []) {
    const r = STATE_ONLY.has(guard) ? (guard as StateGuard)(ctx) : null;
    if (r) return { ...r, missing };
  }
  return null;
}

/** The refusal of an event its stage takes, or null when every guard and date rule passes. */
export function check(ctx: ProcedureContext, e: ProcedureEvent): Refusal | null {
  for (const guard of GUARDS[e.type] ?? []) {
    const r = guard(ctx, e.payload, e);
    if (r) return { ...r, missing: r.code === 'ARCHIVE_INCOMPLETE' ? archiveGaps(ctx, e.payload) : missingFor(ctx, e.type) };
  }
  const d = dateRule(ctx, e);
  return d ? { ...d, missing: missingFor(ctx, e.type) } : null;
}
