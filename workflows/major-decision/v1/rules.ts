/**
 * The guards: pure functions of (procedure state, event) that either let an event pass or name the
 * rule it breaks, with the article that states the rule. The machine's guards and the engine's
 * refusals both come from here, so they cannot disagree.
 */
import { addDays, daysBetween } from '../../dates';
import { named } from '../../labels';
import type { FieldError } from '../../schema';
import { isSettled, stepStatus, type ProcedureContext, type ProcedureEvent, type Stage } from './context';
import { dateRule } from './date-rules';
import type { EventType } from './events';
import { answeredOpinionSeqs } from './opinions';
import { EVENT_LABELS, HEAD_DECISION_LABELS, MEMBER_POSITION_LABELS, STAGE_LABELS, STEP_LABELS } from './labels';
import { PRE_REVIEW_STEPS, STEP_GAP, STEPS, type StepId } from './steps';

export interface Gap {
  step: StepId;
  code: string;
  legalBasis: string[];
}

/**
 * A refusal: its code, a Chinese `detail` that names stages, steps and events by their words (never
 * the bare codes) and says what would pass, the articles, every missing step — and, where fields of
 * the payload can mend it, those fields with what they must hold (`errors`) and the figures behind
 * them (`extra`, e.g. a time limit's days and the earliest date that passes).
 */
export interface Refusal {
  code: string;
  detail: string;
  legalBasis: string[];
  missing: Gap[];
  errors?: FieldError[];
  extra?: Record<string, unknown>;
}

/** A statutory period not given, as a refusal shows it: what the law asks and the earliest date that passes. */
export interface TimeLimit {
  /** The payload field to change (`payload.endOn`…). */
  field: string;
  days: number;
  unit: 'calendar_days' | 'working_days';
  /** The date the count starts from (not counted). */
  from: string;
  /** Days given by the payload. */
  given: number;
  /** The earliest value of `field` that passes. */
  earliestOn: string;
  /** Where the law lets a shorter period stand with a reason: the payload field for that reason. */
  reasonField?: string;
}

/** An event named in a sentence: its word, and its code for the client that sends it. */
export const eventNamed = (type: EventType): string => named(EVENT_LABELS[type], type);
const stepNamed = (step: StepId): string => named(STEP_LABELS[step]);

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

const refuse = (code: string, detail: string, legalBasis: string[], errors?: FieldError[], extra?: Record<string, unknown>): Omit<Refusal, 'missing'> => ({
  code,
  detail,
  legalBasis,
  ...(errors?.length ? { errors } : {}),
  ...(extra ? { extra } : {}),
});

/** The missing steps, by their words, as the end of a sentence; an assessment that found the risk uncontrollable says so. */
export function missingSentence(missing: readonly Gap[]): string {
  if (!missing.length) return '';
  const steps = missing.map((g) => (g.code === 'RISK_UNCONTROLLABLE' ? `${stepNamed(g.step)}（评估认为风险不可控）` : stepNamed(g.step)));
  return `。尚未完成的必经环节：${steps.join('、')}`;
}

/** A refusal with its missing steps named at the end of its sentence (except where the sentence lists them itself). */
const withMissing = (r: Omit<Refusal, 'missing'>, missing: Gap[]): Refusal => ({
  ...r,
  detail: r.code === 'ARCHIVE_INCOMPLETE' ? r.detail : `${r.detail}${missingSentence(missing)}`,
  missing,
});

/**
 * The refusal of an event its stage does not take: too early (a gate step missing) or simply wrong.
 * `accepted`: the events the decision's state takes, which the answer lists as what may be done now.
 */
export function wrongStage(ctx: ProcedureContext, stage: Stage, type: EventType, accepted: readonly EventType[] = []): Refusal {
  const missing = missingFor(ctx, type);
  const firstGate = missing.find((g) => PRESUPPOSES[type].gates.includes(g.step));
  if (firstGate) {
    return withMissing({ code: firstGate.code, detail: gateDetail(firstGate.step, type), legalBasis: firstGate.legalBasis }, missing);
  }
  const head = `决策事项处于${named(STAGE_LABELS[stage])}阶段，不能办理${eventNamed(type)}`;
  // The reviewer's work follows acceptance (README, "Decisions taken where the spec is silent").
  if ((type === 'ADD_LEGAL_OPINION' || type === 'CONCLUDE_REVIEW') && stage === 'legality_review' && ctx.review.status === 'submitted') {
    return withMissing(
      refuse('EVENT_NOT_ALLOWED_IN_STAGE', `${head}：送审材料尚未受理，请先办理${eventNamed('ACCEPT_REVIEW')}，再提出法律意见、作出合法性审查结论`, EVENT_BASIS[type], undefined, {
        requiredFirst: [{ type: 'ACCEPT_REVIEW', label: EVENT_LABELS.ACCEPT_REVIEW }],
      }),
      missing,
    );
  }
  const open = accepted.filter((t) => t !== 'CATALOG_PUBLISHED');
  const now = open.length ? `。当前阶段可办理：${open.map(eventNamed).join('、')}` : '。当前阶段没有可办理的程序事项';
  return withMissing(refuse('EVENT_NOT_ALLOWED_IN_STAGE', `${head}${now}`, EVENT_BASIS[type]), missing);
}

function gateDetail(step: StepId, type: EventType): string {
  switch (step) {
    case 'catalog':
      return '决策事项尚未列入经同级党委同意并公布的年度决策事项目录，不得启动决策程序';
    case 'start':
      return `决策机关尚未启动决策程序、明确决策承办单位：请先由决策机关办公室办理${eventNamed('START_DRAFTING')}`;
    case 'legalityReview':
      return '决策草案未经合法性审查或者经审查不合法的，不得提交决策机关讨论';
    case 'revisions':
      return `决策承办单位尚未根据合法性审查意见对决策草案作出调整并说明意见采纳情况：请先办理${eventNamed('RECORD_REVISIONS')}`;
    case 'collectiveDiscussion':
      return '决策草案尚未经决策机关集体讨论作出决定';
    case 'partyCommitteeReport':
      return `重大行政决策出台前应当按照规定向同级党委请示报告：请先办理${eventNamed('REPORT_TO_PARTY_COMMITTEE')}`;
    case 'publication':
      return '重大行政决策尚未公布';
    default:
      return `办理${eventNamed(type)}前，须先完成${stepNamed(step)}`;
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

/** The materials of a submission (SC713-26), by what the reviewer calls them. */
const MATERIALS: Record<'draftVersion' | 'legalBasis' | 'procedureStatement', string> = {
  draftVersion: '决策草案（已登记的草案版本）',
  legalBasis: '有关法律、法规、规章等依据',
  procedureStatement: '履行决策法定程序的说明',
};

const listed = (values: readonly string[]): string => values.map((v) => `「${v}」`).join('、');

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
        ? refuse(
            'FAIR_COMPETITION_REVIEW_REQUIRED',
            '决策事项列入目录时标明涉及市场主体经济活动，决策草案应当包含公平竞争审查的有关情况：请在 fairCompetitionReview 中填写公平竞争审查情况',
            ['FCR-13', 'SC713-29'],
            [{ field: 'payload.fairCompetitionReview', message: '必填：决策草案涉及市场主体经济活动，须写明公平竞争审查的有关情况' }],
          )
        : null,
  ],
  OPEN_PUBLIC_COMMENT: [
    onState((ctx) =>
      ctx.comment
        ? refuse('EVENT_NOT_ALLOWED_IN_STAGE', `已有一期公开征求意见尚未结束（至 ${ctx.comment.endOn}）：请先办理${eventNamed('CLOSE_PUBLIC_COMMENT')}`, ['SC713-15'])
        : null,
    ),
    (_ctx, p) => {
      const startOn = p.startOn as string;
      const endOn = p.endOn as string;
      const given = daysBetween(startOn, endOn);
      if (given >= 30 || p.shortenedReason !== undefined) return null;
      const earliestOn = addDays(startOn, 30);
      const timeLimit: TimeLimit = { field: 'payload.endOn', days: 30, unit: 'calendar_days', from: startOn, given, earliestOn, reasonField: 'payload.shortenedReason' };
      return refuse(
        'COMMENT_PERIOD_TOO_SHORT',
        `公开征求意见的期限一般不少于30日（开始之日不计入）：自 ${startOn} 开始的，endOn 最早为 ${earliestOn}，现为 ${endOn}，只有 ${given} 日。` +
          '因情况紧急等原因需要缩短期限的，请在 shortenedReason 中说明理由，公开征求意见时一并予以说明',
        ['SC713-15'],
        [
          { field: 'payload.endOn', message: `不得早于 ${earliestOn}（startOn 之后第30日）` },
          { field: 'payload.shortenedReason', message: '因情况紧急等原因缩短期限的，须填写理由' },
        ],
        { timeLimit },
      );
    },
  ],
  CLOSE_PUBLIC_COMMENT: [
    onState((ctx) =>
      !ctx.comment
        ? refuse(
            'EVENT_NOT_ALLOWED_IN_STAGE',
            `没有正在进行的公开征求意见：请先办理${eventNamed('OPEN_PUBLIC_COMMENT')}；以其他方式听取意见的，请办理${eventNamed('RECORD_PUBLIC_PARTICIPATION')}`,
            ['SC713-15'],
          )
        : null,
    ),
    (ctx, p) => {
      if (!ctx.comment || (p.closedOn as string) >= ctx.comment.endOn) return null;
      const { startOn, endOn } = ctx.comment;
      const timeLimit: TimeLimit = { field: 'payload.closedOn', days: daysBetween(startOn, endOn), unit: 'calendar_days', from: startOn, given: daysBetween(startOn, p.closedOn as string), earliestOn: endOn };
      return refuse(
        'COMMENT_PERIOD_NOT_ENDED',
        `公开征求意见期至 ${endOn} 方届满，不得提前结束：closedOn 最早为 ${endOn}`,
        ['SC713-15'],
        [{ field: 'payload.closedOn', message: `不得早于 ${endOn}（公开征求意见期届满之日）` }],
        { timeLimit },
      );
    },
  ],
  RECORD_HEARING: [
    (_ctx, p) => {
      const deliveredOn = p.materialsDeliveredOn as string;
      const heldOn = p.heldOn as string;
      const given = daysBetween(deliveredOn, heldOn);
      if (given >= 7) return null;
      const latestDelivery = addDays(heldOn, -7);
      const timeLimit: TimeLimit = { field: 'payload.heldOn', days: 7, unit: 'calendar_days', from: deliveredOn, given, earliestOn: addDays(deliveredOn, 7) };
      return refuse(
        'HEARING_NOTICE_TOO_SHORT',
        `听证会材料应当于召开听证会7日前送达听证参加人：${heldOn} 召开的听证会，材料最迟应于 ${latestDelivery} 送达；现于 ${deliveredOn} 送达，只提前了 ${given} 日。` +
          `这一期限不能缩短：材料送达不足7日的，听证会应当改期，最早于 ${timeLimit.earliestOn} 召开`,
        ['SC713-16'],
        [
          { field: 'payload.materialsDeliveredOn', message: `不得晚于 ${latestDelivery}（听证会召开之日前第7日）` },
          { field: 'payload.heldOn', message: `不得早于 ${timeLimit.earliestOn}（材料送达之日后第7日）` },
        ],
        { timeLimit },
      );
    },
    (_ctx, p) =>
      p.recordSigned !== true
        ? refuse('HEARING_RECORD_UNSIGNED', '听证会记录应当经听证参加人确认并签字：签字后再登记听证会', ['SC713-17'], [
            { field: 'payload.recordSigned', message: '须为 true：听证会记录经听证参加人确认并签字后才能登记' },
          ])
        : null,
  ],
  RECORD_EXPERT_ARGUMENTATION: [
    (_ctx, p) => {
      const experts = p.experts as Array<{ name: string; affiliation: string; directInterest: boolean }>;
      const conflicted = experts.flatMap((x, index) => (x.directInterest ? [{ index, name: x.name, affiliation: x.affiliation }] : []));
      if (!conflicted.length) return null;
      const who = conflicted.map((x) => `「${x.name}」（${x.affiliation}）`).join('、');
      return refuse(
        'EXPERT_CONFLICT_OF_INTEREST',
        `不得选择与决策事项有直接利害关系的专家、专业机构参与论证：${who}与决策事项有直接利害关系，请另行选择专家、专业机构论证`,
        ['SC713-20'],
        conflicted.map((x) => ({ field: `payload.experts[${x.index}].directInterest`, message: `「${x.name}」（${x.affiliation}）与决策事项有直接利害关系，不得参与论证` })),
        { conflictedExperts: conflicted },
      );
    },
    (_ctx, p) =>
      p.opinionsSignedAndSealed !== true
        ? refuse('EXPERT_OPINION_UNSIGNED', '专家、专业机构提供书面论证意见的，应当署名、盖章：署名、盖章后再登记专家论证', ['SC713-19'], [
            { field: 'payload.opinionsSignedAndSealed', message: '须为 true：书面论证意见经署名、盖章后才能登记' },
          ])
        : null,
  ],
  SUBMIT_LEGALITY_REVIEW: [
    onState((ctx) => {
      const gaps = PRE_REVIEW_STEPS.filter((s) => !isSettled(stepStatus(ctx, s))).map((s) => gap(ctx, s));
      return gaps.length ? refuse(gaps[0].code, '送请合法性审查前，决策草案形成阶段应当履行的程序尚未全部完成', gaps[0].legalBasis) : null;
    }),
    (ctx, p) => {
      const m = p.materials as { draftVersion?: string; legalBasis?: string[]; procedureStatement?: string };
      const recorded = ctx.drafts.map((d) => d.draftVersion);
      const errors: FieldError[] = [];
      if (m.draftVersion === undefined) {
        errors.push({ field: 'payload.materials.draftVersion', message: `必填：送审的决策草案版本，须为已登记的版本${recorded.length ? `（${listed(recorded)}）` : `（尚未登记决策草案，请先办理${eventNamed('RECORD_DRAFT')}）`}` });
      } else if (!recorded.includes(m.draftVersion)) {
        errors.push({ field: 'payload.materials.draftVersion', message: `「${m.draftVersion}」不是已登记的决策草案版本${recorded.length ? `；已登记：${listed(recorded)}` : `：请先办理${eventNamed('RECORD_DRAFT')}`}` });
      }
      if (m.legalBasis === undefined) errors.push({ field: 'payload.materials.legalBasis', message: `必填：${MATERIALS.legalBasis}` });
      if (m.procedureStatement === undefined) errors.push({ field: 'payload.materials.procedureStatement', message: `必填：${MATERIALS.procedureStatement}` });
      if (!errors.length) return null;
      const lacking = errors.map((e) => MATERIALS[e.field.slice('payload.materials.'.length) as keyof typeof MATERIALS]);
      return refuse(
        'REVIEW_MATERIALS_INCOMPLETE',
        `送请合法性审查，应当提供决策草案及相关材料，包括有关法律、法规、规章等依据和履行决策法定程序的说明。送审材料不完整：${lacking.join('、')}`,
        ['SC713-26'],
        errors,
      );
    },
    // Every recorded draft went through a failed review: no draftVersion can pass the next guard.
    onState((ctx) =>
      ctx.drafts.length > 0 && ctx.drafts.every((d) => ctx.staleDraftVersions.includes(d.draftVersion))
        ? refuse('DRAFT_NOT_REVISED', `决策草案经审查不合法或者被退回后，应当修改后再送审：请先办理${eventNamed('RECORD_DRAFT')}，登记修改后的新版本`, ['SC713-28', 'SC713-25'])
        : null,
    ),
    (ctx, p) => {
      const version = (p.materials as { draftVersion: string }).draftVersion;
      if (!ctx.staleDraftVersions.includes(version)) return null;
      const fresh = ctx.drafts.map((d) => d.draftVersion).filter((v) => !ctx.staleDraftVersions.includes(v));
      return refuse('DRAFT_NOT_REVISED', `决策草案经审查不合法或者被退回后，应当提交修改后的新版本：「${version}」已经审查不合法或者被退回`, ['SC713-28', 'SC713-25'], [
        { field: 'payload.materials.draftVersion', message: `须为修改后的新版本（${listed(fresh)}），不能是「${version}」` },
      ]);
    },
    (_ctx, p, e) => {
      const min = e.facts.reviewMinDueOn;
      if (min === undefined || (p.requestedDueOn as string) >= min || p.shortenedReason !== undefined) return null;
      const given = e.facts.reviewWorkingDaysGiven ?? 0;
      const timeLimit: TimeLimit = { field: 'payload.requestedDueOn', days: 7, unit: 'working_days', from: p.submittedOn as string, given, earliestOn: min, reasonField: 'payload.shortenedReason' };
      return refuse(
        'REVIEW_TIME_TOO_SHORT',
        `送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日：${p.submittedOn as string} 送审的，requestedDueOn 最早为 ${min}，现为 ${p.requestedDueOn as string}，只给了 ${given} 个工作日。` +
          '确需缩短审查时间的，请在 shortenedReason 中说明理由',
        ['SC713-26'],
        [
          { field: 'payload.requestedDueOn', message: `不得早于 ${min}（submittedOn 之后第7个工作日）` },
          { field: 'payload.shortenedReason', message: '确需缩短审查时间的，须填写理由' },
        ],
        { timeLimit: { ...timeLimit, calendarDataVersion: e.facts.calendarDataVersion } },
      );
    },
  ],
  CONCLUDE_REVIEW: [
    onState((ctx) =>
      !legalAdviserOpinion(ctx)
        ? refuse('LEGAL_OPINION_REQUIRED', `合法性审查过程中，应当组织法律顾问、公职律师提出法律意见：请先由法律顾问或者公职律师办理${eventNamed('ADD_LEGAL_OPINION')}，再作出审查结论`, ['SC713-28'])
        : null,
    ),
  ],
  RECORD_REVISIONS: [
    (ctx, p) => {
      const answered = new Set(answeredOpinionSeqs(p));
      const known = new Set(ctx.review.opinions.map((o) => o.seq));
      const unanswered = [...known].filter((s) => !answered.has(s));
      const unknown = [...answered].filter((s) => !known.has(s));
      if (!unanswered.length && !unknown.length) return null;
      const parts = [unanswered.length ? `未说明采纳情况的法律意见（序号）：${unanswered.join('、')}` : '', unknown.length ? `本轮审查中没有这些序号的法律意见：${unknown.join('、')}` : ''];
      return refuse(
        'OPINION_ADOPTION_INCOMPLETE',
        `决策承办单位应当根据合法性审查意见进行调整，并逐条说明法律意见的采纳情况。${parts.filter(Boolean).join('；')}`,
        ['SC713-28'],
        [{ field: 'payload.opinionAdoption', message: `须逐条说明本轮每一条法律意见的采纳情况，opinionSeq 依次为：${[...known].join('、') || '（本轮没有法律意见）'}` }],
        { opinionSeqs: [...known] },
      );
    },
  ],
  RECORD_DISCUSSION: [
    onState((ctx) =>
      ctx.risk && !ctx.risk.controllable
        ? refuse('RISK_UNCONTROLLABLE', '风险评估认为风险不可控的，应当采取调整决策草案等措施确保风险可控后，方可作出决策', ['SC713-24'])
        : null,
    ),
    (_ctx, p) => {
      if (!headOverridesMajority(p) || p.headReason !== undefined) return null;
      const m = majority(p.memberOpinions as Array<{ position: string }>) ?? '';
      return refuse(
        'HEAD_REASON_REQUIRED',
        `行政首长拟作出的决定与会议组成人员多数人的意见不一致的，应当在会上说明理由：多数意见为「${MEMBER_POSITION_LABELS[m] ?? m}」，行政首长的决定为「${HEAD_DECISION_LABELS[p.headDecision as string] ?? ''}」，请在 headReason 中写明理由`,
        ['SC713-30'],
        [{ field: 'payload.headReason', message: '必填：行政首长的决定与会议组成人员多数人的意见不一致，须写明在会上说明的理由' }],
      );
    },
  ],
  PUBLISH: [
    onState((ctx) =>
      stepStatus(ctx, 'partyCommitteeReport') === 'pending'
        ? refuse('PARTY_REPORT_REQUIRED', `重大行政决策出台前应当按照规定向同级党委请示报告：请先办理${eventNamed('REPORT_TO_PARTY_COMMITTEE')}`, ['SC713-31'])
        : null,
    ),
    (ctx, p) =>
      p.disclosure === 'public' &&
      (ctx.done.publicParticipation !== undefined || ctx.done.expertArgumentation !== undefined) &&
      p.adoptionExplanation === undefined
        ? refuse('ADOPTION_EXPLANATION_REQUIRED', '履行了公众参与或者专家论证程序的，公布决策时应当说明公众意见、专家论证意见的采纳情况：请在 adoptionExplanation 中填写', ['SC713-32'], [
            { field: 'payload.adoptionExplanation', message: '必填：公众意见、专家论证意见的采纳情况' },
          ])
        : null,
  ],
  RECORD_EVALUATION: [
    (ctx, p) => {
      const evaluator = p.evaluator as string;
      const didPreDecisionWork = ctx.preDecisionParticipants.includes(evaluator);
      if (p.evaluatorIndependent === true && !didPreDecisionWork) return null;
      return refuse(
        'EVALUATOR_NOT_INDEPENDENT',
        didPreDecisionWork
          ? `决策作出前承担主要论证评估工作的单位不得承担决策后评估：「${evaluator}」参与了本决策的专家论证，请另行确定评估单位`
          : '决策作出前承担主要论证评估工作的单位不得承担决策后评估：评估单位须独立于决策前的论证评估工作',
        ['SC713-36'],
        [
          didPreDecisionWork
            ? { field: 'payload.evaluator', message: `「${evaluator}」参与了本决策的专家论证，不得承担决策后评估` }
            : { field: 'payload.evaluatorIndependent', message: '须为 true：评估单位未承担决策作出前的主要论证评估工作' },
        ],
      );
    },
  ],
  ARCHIVE: [
    (ctx, p) => {
      const gaps = archiveGaps(ctx, p);
      if (!gaps.length) return null;
      const steps = gaps.map((g) => stepNamed(g.step)).join('、');
      return refuse('ARCHIVE_INCOMPLETE', `履行决策程序形成的记录、材料应当完整归档：materials 缺少以下已完成环节的材料：${steps}`, ['SC713-33'], [
        { field: 'payload.materials', message: `须为每个已完成的环节列出归档材料，缺少：${steps}` },
      ]);
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
  if (gate) return withMissing({ code: gate.code, detail: gateDetail(gate.step, type), legalBasis: gate.legalBasis }, missing);
  for (const guard of GUARDS[type] ?? []) {
    const r = STATE_ONLY.has(guard) ? (guard as StateGuard)(ctx) : null;
    if (r) return withMissing(r, missing);
  }
  return null;
}

/** The refusal of an event its stage takes, or null when every guard and date rule passes. */
export function check(ctx: ProcedureContext, e: ProcedureEvent): Refusal | null {
  for (const guard of GUARDS[e.type] ?? []) {
    const r = guard(ctx, e.payload, e);
    if (r) return withMissing(r, r.code === 'ARCHIVE_INCOMPLETE' ? archiveGaps(ctx, e.payload) : missingFor(ctx, e.type));
  }
  const d = dateRule(ctx, e);
  return d ? withMissing(d, missingFor(ctx, e.type)) : null;
}
