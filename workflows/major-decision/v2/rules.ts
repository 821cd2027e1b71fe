/**
 * The guards of version 2: version 1's (`../v1/rules.ts`), preceded by the rules a reading of
 * 《重大行政决策程序暂行条例》 found missing. Each refusal names its field and what would pass.
 */
import { named } from '../../labels';
import type { FieldError } from '../../schema';
import type { ProcedureContext, ProcedureEvent } from '../v1/context';
import type { EventType } from '../v1/events';
import { asV1Payload } from './events';
import { addDays } from '../../dates';
import { EVENT_LABELS } from '../v1/labels';
import type { Stage } from '../v1/context';
import {
  check as v1Check,
  EVENT_BASIS as V1_EVENT_BASIS,
  eventNamed,
  missingFor,
  missingSentence,
  refusedWhateverPayload as v1RefusedWhateverPayload,
  wrongStage as v1WrongStage,
  type Refusal,
} from '../v1/rules';
import { MEETING_TYPE_LABELS, MEETINGS_OF_ORGAN } from './labels';

type P = Record<string, unknown>;
type Rule = (ctx: ProcedureContext, p: P) => Omit<Refusal, 'missing'> | null;

const refuse = (code: string, detail: string, legalBasis: string[], errors?: FieldError[]): Omit<Refusal, 'missing'> => ({
  code,
  detail,
  legalBasis,
  ...(errors?.length ? { errors } : {}),
});

/** SC713-15, SC713-18: an announced comment period must be over and its adoption summarised before the draft goes to review. */
function commentOpen(ctx: ProcedureContext): Omit<Refusal, 'missing'> | null {
  if (!ctx.comment) return null;
  return refuse(
    'PUBLIC_COMMENT_NOT_CLOSED',
    `已公布的公开征求意见（${ctx.comment.startOn} 至 ${ctx.comment.endOn}）尚未结束并说明意见采纳情况，不得送请合法性审查（以其他方式听取意见的亦同）：` +
      `请先在征求意见期届满后办理${eventNamed('CLOSE_PUBLIC_COMMENT')}，写明收到的意见和采纳情况`,
    ['SC713-15', 'SC713-18'],
  );
}

/** SC713-31: no report to the party committee only where a rule says so, and the rule is named. */
function exemptionUncited(ctx: ProcedureContext): Omit<Refusal, 'missing'> | null {
  const r = ctx.requirements.partyCommitteeReport;
  if (r?.required !== false || r.reason) return null;
  return refuse(
    'PARTY_REPORT_EXEMPTION_UNCITED',
    `重大行政决策出台前应当按照规定向同级党委请示报告；本事项登记为免于请示报告，却没有写明作出免除规定的依据：` +
      `请办理${eventNamed('REPORT_TO_PARTY_COMMITTEE')}，或者在决策事项的要求中写明依据（requirements.partyCommitteeReport.reason）`,
    ['SC713-31'],
    [
      {
        field: 'requirements.partyCommitteeReport.reason',
        message: '须写明免于向党委请示报告所依据的规定（文件名称和条款）',
      },
    ],
  );
}

/**
 * The article each event rests on in version 2, where it differs from version 1's: taking an item off
 * the catalog is the organ adjusting its catalog (SC713-3(3)); neither SC713-10 (starting a procedure)
 * nor SC713-37 (a decision in force) governs it. The draft rests on consultation too (SC713-13).
 */
export const EVENT_BASIS: Record<EventType, string[]> = {
  ...V1_EVENT_BASIS,
  WITHDRAW: ['SC713-3'],
  RECORD_DRAFT: ['SC713-12', 'SC713-13'],
  RECORD_DISCUSSION: ['SC713-30', 'SC713-42'],
  PUBLISH: ['SC713-32', 'SC713-8'],
  RECORD_IMPLEMENTATION_REPORT: ['SC713-34', 'SC713-35'],
};

/** An event sent where its stage does not take it: version 1's refusal, citing version 2's article for the event. */
export function wrongStage(ctx: ProcedureContext, stage: Stage, type: EventType, accepted: readonly EventType[] = []): Refusal {
  const r = v1WrongStage(ctx, stage, type, accepted);
  return r.code === 'EVENT_NOT_ALLOWED_IN_STAGE' ? { ...r, legalBasis: EVENT_BASIS[type] } : r;
}

const TERMINATE_BY_ADJUSTMENT =
  `依法作出的重大行政决策，未经法定程序不得随意停止执行：停止执行属于对决策的重大调整，须依照本条例履行相关法定程序。` +
  `请由决策机关办公室办理${named(EVENT_LABELS.START_ADJUSTMENT, 'START_ADJUSTMENT')}（purpose 为 terminate），拟订停止执行的决定，经合法性审查和集体讨论决定后公布，公布即停止执行`;

/** The rules only version 2 has, by event; state-only rules are marked (they refuse whatever the payload). */
const RULES: Partial<Record<EventType, Array<{ rule: Rule; stateOnly?: boolean }>>> = {
  OPEN_PUBLIC_COMMENT: [
    {
      rule: (_ctx, p) => {
        const startOn = p.startOn as string;
        const endOn = p.endOn as string;
        if (endOn >= startOn) return null;
        return refuse(
          'COMMENT_PERIOD_ENDS_BEFORE_START',
          `公开征求意见的截止日期 endOn（${endOn}）早于开始日期 startOn（${startOn}），这样的期限不存在，写明缩短期限的理由也不能通过：endOn 一般不早于开始之后第30日，不得早于 ${startOn}`,
          ['SC713-15'],
          [
            {
              field: 'payload.endOn',
              message: `不得早于 startOn（${startOn}）`,
            },
          ],
        );
      },
    },
  ],
  SUBMIT_LEGALITY_REVIEW: [
    { rule: (ctx) => commentOpen(ctx), stateOnly: true },
    {
      rule: (_ctx, p) => {
        const submittedOn = p.submittedOn as string;
        const dueOn = p.requestedDueOn as string;
        if (dueOn >= submittedOn) return null;
        return refuse(
          'REVIEW_DUE_BEFORE_SUBMISSION',
          `合法性审查的期限 requestedDueOn（${dueOn}）早于送审日期 submittedOn（${submittedOn}），这样的期限不存在，写明缩短审查时间的理由也不能通过：requestedDueOn 一般不早于送审之后第7个工作日，不得早于 ${submittedOn}`,
          ['SC713-26'],
          [
            {
              field: 'payload.requestedDueOn',
              message: `不得早于 submittedOn（${submittedOn}）`,
            },
          ],
        );
      },
    },
  ],
  REPORT_TO_PARTY_COMMITTEE: [
    {
      rule: (_ctx, p) => {
        const reportedOn = p.reportedOn as string;
        const repliedOn = p.repliedOn as string;
        if (repliedOn >= reportedOn) return null;
        return refuse(
          'DATE_OUT_OF_ORDER',
          `${named(EVENT_LABELS.REPORT_TO_PARTY_COMMITTEE, 'REPORT_TO_PARTY_COMMITTEE')}的 repliedOn（${repliedOn}）早于请示报告的日期 reportedOn（${reportedOn}）：党委的答复不得早于 ${reportedOn}`,
          ['SC713-31', 'SC713-33'],
          [
            {
              field: 'payload.repliedOn',
              message: `不得早于 reportedOn（${reportedOn}）`,
            },
          ],
        );
      },
    },
  ],
  PUBLISH: [
    { rule: (ctx) => exemptionUncited(ctx), stateOnly: true },
    {
      // SC713-8: a matter the people's congress decides, or hears before it is issued, is published only after it did.
      rule: (ctx, p) => {
        const matter = ctx.peopleCongressMatter;
        if (matter !== 'decide' && matter !== 'report') return null;
        const pc = p.peopleCongress as { on: string; reference: string } | undefined;
        const what = matter === 'decide' ? '由本级人民代表大会及其常务委员会讨论决定' : '在出台前向本级人民代表大会常务委员会报告';
        if (!pc) {
          return refuse(
            'PEOPLES_CONGRESS_REQUIRED',
            `集体讨论决定时认定本决策应当${what}，尚未记载办理情况的，不得公布：请在 peopleCongress 中写明${matter === 'decide' ? '人大及其常委会作出决定' : '向人大常委会报告'}的日期和文号`,
            ['SC713-8'],
            [{ field: 'payload.peopleCongress', message: `必填：${matter === 'decide' ? '人大及其常委会作出决定' : '向人大常委会报告'}的日期（on）和文号（reference）` }],
          );
        }
        const meetingOn = ctx.discussion?.meetingOn;
        const publishedOn = p.publishedOn as string;
        if ((meetingOn && pc.on < meetingOn) || pc.on > publishedOn) {
          return refuse(
            'DATE_OUT_OF_ORDER',
            `人大及其常委会办理的日期 peopleCongress.on（${pc.on}）须在集体讨论决定（${meetingOn ?? '—'}）之后、公布（${publishedOn}）之前`,
            ['SC713-8', 'SC713-33'],
            [{ field: 'payload.peopleCongress.on', message: `须在 ${meetingOn ?? '集体讨论决定'} 至 ${publishedOn} 之间` }],
          );
        }
        return null;
      },
    },
    {
      rule: (_ctx, p) => {
        const validUntil = p.validUntil as string | undefined;
        const publishedOn = p.publishedOn as string;
        if (validUntil === undefined || validUntil >= publishedOn) return null;
        return refuse('DATE_OUT_OF_ORDER', `决策的有效期 validUntil（${validUntil}）早于公布日期（${publishedOn}）`, ['SC713-32', 'SC713-33'], [
          { field: 'payload.validUntil', message: `不得早于 publishedOn（${publishedOn}）` },
        ]);
      },
    },
  ],
  TERMINATE: [
    {
      // SC713-37: stopping a decision in force is a major adjustment, through the adjustment procedure; a decision stops by itself only when its stated term has run.
      rule: (ctx) =>
        ctx.validUntil !== undefined
          ? null
          : refuse('TERMINATION_WITHOUT_PROCEDURE', `${TERMINATE_BY_ADJUSTMENT}。公布时写明有效期（validUntil）的决策，有效期届满后可直接登记停止执行`, ['SC713-37']),
      stateOnly: true,
    },
    {
      rule: (ctx, p) => {
        const terminatedOn = p.terminatedOn as string;
        if (ctx.validUntil === undefined || terminatedOn > ctx.validUntil) return null;
        const earliest = addDays(ctx.validUntil, 1);
        return refuse(
          'TERMINATION_WITHOUT_PROCEDURE',
          `决策公布的有效期至 ${ctx.validUntil}，有效期届满前停止执行的，${TERMINATE_BY_ADJUSTMENT}；有效期届满的，terminatedOn 不早于 ${earliest}`,
          ['SC713-37'],
          [{ field: 'payload.terminatedOn', message: `有效期届满后方可直接登记停止执行：不早于 ${earliest}` }],
          
        );
      },
    },
  ],
  ARCHIVE: [
    {
      // SC713-33: once archived, the archive is supplemented with what was recorded after it, and only then.
      rule: (ctx) =>
        ctx.done.archive === undefined || (ctx.unarchived?.length ?? 0) > 0
          ? null
          : refuse('NOTHING_TO_ARCHIVE', `已归档，此后没有新形成的执行报告、中止或者恢复执行、决策后评估、停止执行的记录需要补充归档`, ['SC713-33']),
      stateOnly: true,
    },
  ],
  SUSPEND: [
    {
      // SC713-37, 35: the head suspends in an urgency that a reported problem of the implementation gives rise to.
      rule: (ctx) =>
        ctx.problemReportedOn !== undefined
          ? null
          : refuse(
              'SUSPENSION_WITHOUT_PROBLEM_REPORT',
              `依法作出的重大行政决策，未经法定程序不得随意停止执行；只有执行中出现决策存在问题、客观情况发生重大变化等情形并已报告决策机关，情况紧急的，行政首长方可先决定中止执行：` +
                `请先由决策执行单位办理${eventNamed('RECORD_IMPLEMENTATION_REPORT')}，在 problems 中报告所发现的问题`,
              ['SC713-37', 'SC713-35'],
            ),
      stateOnly: true,
    },
  ],
  RECORD_DRAFT: [
    {
      // FCR-14: a government's decision is reviewed by the drafting unit first, then by the market regulator.
      rule: (ctx, p) =>
        !ctx.affectsMarket || p.fairCompetitionFindings !== undefined
          ? null
          : refuse(
              'FAIR_COMPETITION_REVIEW_REQUIRED',
              '决策事项涉及市场主体经济活动，拟由人民政府出台的，由本级人民政府市场监督管理部门会同起草单位开展公平竞争审查：起草单位初审后送市场监督管理部门审查。' +
                '请在 fairCompetitionFindings 中写明起草单位的初审结论、市场监督管理部门审查的日期、文号和结论',
              ['FCR-14', 'SC713-29'],
              [{ field: 'payload.fairCompetitionFindings', message: '必填：起草单位初审结论（initialFinding）和市场监督管理部门的审查结论（regulatorReviewedOn、regulatorRef、regulatorFinding）' }],
            ),
    },
  ],
  RECORD_DISCUSSION: [
    {
      // SC713-30, 42: the draft is discussed at the organ's own collective meeting.
      rule: (ctx, p) => {
        const kind = ctx.organKind ?? 'government';
        const allowed = MEETINGS_OF_ORGAN[kind] ?? MEETINGS_OF_ORGAN.government;
        if (allowed.includes(p.meetingType as string)) return null;
        const words = allowed.map((t) => named(MEETING_TYPE_LABELS[t], t)).join('或者');
        return refuse(
          'MEETING_NOT_OF_ORGAN',
          `决策草案应当经决策机关的${words}讨论，由行政首长在集体讨论的基础上作出决定；${named(MEETING_TYPE_LABELS[p.meetingType as string], p.meetingType as string)}不是本决策机关讨论决策草案的会议`,
          kind === 'government' ? ['SC713-30'] : ['SC713-30', 'SC713-42'],
          [{ field: 'payload.meetingType', message: `须为 ${allowed.join('、')}` }],
        );
      },
    },
    {
      // SC713-30(2): the members speak first, the head last.
      rule: (_ctx, p) =>
        p.headSpokeLast === true
          ? null
          : refuse(
              'HEAD_DID_NOT_SPEAK_LAST',
              '讨论决策草案，会议组成人员应当充分发表意见，行政首长最后发表意见；行政首长未最后发表意见的讨论不能作为集体讨论决定：请重新组织讨论，并如实记录',
              ['SC713-30'],
              [{ field: 'payload.headSpokeLast', message: '须为 true：行政首长在会议组成人员发表意见后最后发表意见' }],
            ),
    },
    {
      // FCR-18: a draft the review found to restrict competition without an exception is not issued.
      rule: (ctx, p) =>
        ctx.fairCompetitionFinding !== 'non_compliant' || p.headDecision !== 'approve'
          ? null
          : refuse(
              'FAIR_COMPETITION_REVIEW_NEGATIVE',
              '经公平竞争审查认为决策草案违反《公平竞争审查条例》第八条至第十一条规定且不符合第十二条规定情形的，不得出台：' +
                `不能决定通过（approve）；请退回修改（return），修改草案后重新办理${eventNamed('RECORD_DRAFT')}并附新的公平竞争审查结论`,
              ['FCR-18', 'SC713-29'],
              [{ field: 'payload.headDecision', message: '公平竞争审查结论为违反规定的，不能为 approve：可为 return 或者 reject' }],
            ),
    },
    {
      // SC713-24: where the assessment found the risk uncontrollable, the organ decides only on its own finding that it now is, and by what measures.
      rule: (ctx, p) => {
        if (!ctx.risk || ctx.risk.controllable || p.headDecision !== 'approve' || riskFound(p)) return null;
        return refuse(
          'RISK_UNCONTROLLABLE',
          `风险评估（${ctx.risk.assessedOn}）认为风险不可控；决策机关认为风险不可控的，在采取调整决策草案等措施确保风险可控后，方可作出决策：` +
            `决定通过（approve）的，请在 riskFinding 中写明决策机关认定风险可控（controllable 为 true）及所采取的措施（measures），或者重新办理${eventNamed('RECORD_RISK_ASSESSMENT')}`,
          ['SC713-24'],
          [{ field: 'payload.riskFinding', message: '须为决策机关的认定：controllable 为 true，measures 至少列出一项已采取的措施' }],
        );
      },
    },
  ],
};

/** The organ's own finding that the risk is controllable, with the measures taken (SC713-24). */
const riskFound = (p: P): boolean => {
  const f = p.riskFinding as { controllable: boolean; measures: string[] } | undefined;
  return f?.controllable === true && f.measures.length > 0;
};

/**
 * The state as version 1's rules read it. Version 1 holds every discussion while the assessment
 * found the risk uncontrollable; version 2 leaves that to its own rule above (the organ's finding).
 */
function asV1Context(ctx: ProcedureContext, type: EventType): ProcedureContext {
  if (type !== 'RECORD_DISCUSSION' || !ctx.risk || ctx.risk.controllable) return ctx;
  return { ...ctx, risk: { ...ctx.risk, controllable: true } };
}

/**
 * Articles version 2 cites in place of version 1's for the same refusal: requirements are fixed once
 * the draft goes to review because the review examines whether the draft followed its procedure
 * (SC713-27(2)) before the discussion (SC713-25), not because of SC713-26's materials and time.
 */
const RECITED: Readonly<Record<string, string[]>> = { REQUIREMENTS_LOCKED: ['SC713-25', 'SC713-27'], FAIR_COMPETITION_REVIEW_REQUIRED: ['FCR-14', 'SC713-29'] };
const recite = (r: Refusal | null): Refusal | null => (r && RECITED[r.code] ? { ...r, legalBasis: RECITED[r.code] } : r);

const withMissing = (ctx: ProcedureContext, type: EventType, r: Omit<Refusal, 'missing'>): Refusal => {
  const missing = missingFor(ctx, type);
  return { ...r, detail: `${r.detail}${missingSentence(missing)}`, missing };
};

/** The refusal that every payload of `type` would get in this state (version 1's, then version 2's state-only rules). */
export function refusedWhateverPayload(ctx: ProcedureContext, type: EventType): Refusal | null {
  const v1 = recite(v1RefusedWhateverPayload(asV1Context(ctx, type), type));
  if (v1) return v1;
  for (const { rule, stateOnly } of RULES[type] ?? []) {
    const r = stateOnly ? rule(ctx, {}) : null;
    if (r) return withMissing(ctx, type, r);
  }
  return null;
}

/** The refusal of an event its stage takes: version 1's state-only gates, version 2's rules, then version 1's guards. */
export function check(ctx: ProcedureContext, e: ProcedureEvent): Refusal | null {
  const v1Ctx = asV1Context(ctx, e.type);
  // The party committee's reply is dated like every business date (version 1's date rules read it too).
  const v1Event = e.type === 'REPORT_TO_PARTY_COMMITTEE' ? e : { ...e, payload: asV1Payload(e.type, e.payload) };
  const gate = v1RefusedWhateverPayload(v1Ctx, e.type);
  if (gate) return recite(v1Check(v1Ctx, v1Event) ?? gate);
  for (const { rule } of RULES[e.type] ?? []) {
    const r = rule(ctx, e.payload);
    if (r) return withMissing(ctx, e.type, r);
  }
  return recite(v1Check(v1Ctx, v1Event));
}
