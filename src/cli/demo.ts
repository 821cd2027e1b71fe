/**
 * `npm run demo` (`cli demo`): the 前进区 example in an empty database, so that a newcomer sees a
 * living system at once — the district government, its departments and a street office, an account
 * per role, the 2026 catalog published, and twenty decisions spread over every stage (one with a
 * refused skip, one overdue), so that every screen and every audit list has something to show.
 *
 * Everything goes through the services a request goes through (units, accounts, the catalog, the
 * events door), so the record and its hashes are real. Each step is recorded on the day it claims,
 * as if the district had used the system all year: the engine's clock is set to that day while the
 * step is sent (its dates may then lie no later than that day, as for a step sent that day).
 *
 * It runs only when asked, and only on an empty database: a database holding any unit, account,
 * catalog, decision or record is refused (exit code 2) and left as it was; so is NODE_ENV=production.
 */
import { Inject, Injectable } from '@nestjs/common';
import { addDays } from '../../workflows/dates';
import type { ProcedureContext } from '../../workflows/major-decision/v1/context';
import { EVENT_ACTORS } from '../../workflows/major-decision/v1/actors';
import type { EventType } from '../../workflows/major-decision/v1/events';
import { stageLabel } from '../../workflows/major-decision/v1/labels';
import { samplePayload as v1SamplePayload } from '../../workflows/major-decision/v1/samples';
import { samplePayload as v2SamplePayload } from '../../workflows/major-decision/v2/samples';
import { roleLabel } from '../../workflows/labels';
import type { AuthUser, Role } from '../auth/auth-user';
import { BusinessCalendar } from '../calendar/business-calendar';
import { validBody } from '../catalogs/body-validation';
import { CatalogsService } from '../catalogs/catalogs.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TransactionRunner } from '../database/transaction-runner';
import { DecisionsService } from '../decisions/decisions.service';
import { DeadlineScanService } from '../deadlines/deadline-scan.service';
import { DecisionProgress } from '../engine/decision-progress';
import { DefinitionRegistry } from '../engine/definition-registry';
import { CLOCK } from '../engine/engine.module';
import { ProcedureEngine, type Clock } from '../engine/procedure-engine';
import { ProcedureViolationError } from '../engine/engine-errors';
import { OrgUnitsService } from '../org-units/org-units.service';
import { generatedPassword } from '../users/admin-bootstrap';
import { CreateUserDto } from '../users/user.dto';
import { UsersService } from '../users/users.service';
import { CliIo, EXIT } from './cli-io';
import { cliActor } from './cli-user';

/** The tables whose rows make a database "hold data". */
const DATA_TABLES = ['org_unit', 'app_user', 'catalog', 'decision', 'procedure_record', 'violation_attempt'] as const;
const TABLE_WORDS: Record<(typeof DATA_TABLES)[number], string> = {
  org_unit: '单位',
  app_user: '账号',
  catalog: '目录',
  decision: '决策事项',
  procedure_record: '办理记录',
  violation_attempt: '被拒绝的办理请求',
};

type UnitKey = 'gov' | 'justice' | 'ndrc' | 'health' | 'street';
type UserKey = 'office' | 'ndrc' | 'health' | 'street' | 'reviewer' | 'auditor';

const ALL = { publicParticipation: { required: true }, hearing: { required: true }, expertArgumentation: { required: true }, riskAssessment: { required: true }, partyCommitteeReport: { required: true } };
const LIGHT = {
  publicParticipation: { required: true },
  hearing: { required: false, reason: '不涉及价格等须经听证的事项' },
  expertArgumentation: { required: false, reason: '已有国家和省级技术规范，无需专家论证' },
  riskAssessment: { required: true },
  partyCommitteeReport: { required: true },
};

const PRE_ALL: EventType[] = ['START_DRAFTING', 'RECORD_DRAFT', 'OPEN_PUBLIC_COMMENT', 'CLOSE_PUBLIC_COMMENT', 'RECORD_HEARING', 'RECORD_EXPERT_ARGUMENTATION', 'RECORD_RISK_ASSESSMENT', 'SUBMIT_LEGALITY_REVIEW'];
const PRE_LIGHT: EventType[] = ['START_DRAFTING', 'RECORD_DRAFT', 'RECORD_PUBLIC_PARTICIPATION', 'RECORD_RISK_ASSESSMENT', 'SUBMIT_LEGALITY_REVIEW'];
const REVIEW: EventType[] = ['ACCEPT_REVIEW', 'ADD_LEGAL_OPINION', 'CONCLUDE_REVIEW'];
/** The sample events of a version of major-decision. */
const samplesOf = (version: number) => (version === 1 ? v1SamplePayload : v2SamplePayload);

const DECIDE: EventType[] = ['RECORD_DISCUSSION', 'REPORT_TO_PARTY_COMMITTEE', 'PUBLISH'];

/** One step of a case: the event, the working days after the step before, and what its payload says beyond the sample. */
type Step = [EventType, number, Record<string, unknown>?];

interface Case {
  title: string;
  category: string;
  unit: Exclude<UnitKey, 'gov' | 'justice'>;
  requirements: typeof ALL | typeof LIGHT;
  legalBasis: string[];
  plannedStartOn: string;
  plannedDecisionOn: string;
  affectsMarket?: boolean;
  /** The day of the first step. */
  from?: string;
  steps?: Step[];
  /** Withdrawn from the catalog before its procedure starts, on this day. */
  withdrawnOn?: string;
  /** Proposed after the catalog was published (it waits for the next publication), on this day. */
  proposedLate?: string;
  /** A skip tried by the office after these many steps (refused, and kept). */
  refusedSkipAfter?: number;
}

const gaps = (types: EventType[], days: number): Step[] => types.map((t) => [t, days]);

/** The 2026 catalog of 前进区人民政府: twenty decisions, each taken as far as its story goes. */
const CASES: Case[] = [
  {
    title: '城区集中供热价格调整方案',
    category: 'public_policy',
    unit: 'ndrc',
    requirements: ALL,
    legalBasis: ['《中华人民共和国价格法》第二十三条', '《政府制定价格听证办法》'],
    plannedStartOn: '2026-03-02',
    plannedDecisionOn: '2026-09-30',
    from: '2026-03-02',
    steps: [...gaps(PRE_ALL, 5), ...gaps(REVIEW, 3), ...gaps(DECIDE, 5), ['ARCHIVE', 8]],
  },
  {
    title: '老旧小区改造三年规划',
    category: 'development_plan',
    unit: 'ndrc',
    requirements: LIGHT,
    legalBasis: ['《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》'],
    plannedStartOn: '2026-03-09',
    plannedDecisionOn: '2026-10-31',
    from: '2026-03-09',
    steps: [...gaps(PRE_LIGHT, 8), ...gaps(REVIEW, 3), ...gaps(DECIDE, 6), ['ARCHIVE', 8], ['RECORD_IMPLEMENTATION_REPORT', 40, { period: '2026年第三季度', summary: '已开工改造小区 12 个，完成投资 1.8 亿元' }]],
  },
  {
    title: '区域医疗中心建设方案',
    category: 'public_project',
    unit: 'health',
    requirements: ALL,
    legalBasis: ['《中华人民共和国基本医疗卫生与健康促进法》', '《医疗机构管理条例》'],
    plannedStartOn: '2026-03-16',
    plannedDecisionOn: '2026-10-31',
    from: '2026-03-16',
    steps: [...gaps(PRE_ALL, 6), ...gaps(REVIEW, 3), ...gaps(DECIDE, 5), ['ARCHIVE', 8], ['RECORD_IMPLEMENTATION_REPORT', 18, { period: '2026年第四季度', summary: '场地平整中', problems: ['选址地块发现地下文物'] }], ['SUSPEND', 2, { reason: '选址地块发现地下文物，暂停施工等待文物部门勘查' }]],
  },
  {
    title: '港湾街道农贸市场搬迁方案',
    category: 'public_project',
    unit: 'street',
    requirements: LIGHT,
    legalBasis: ['《中华人民共和国城乡规划法》'],
    plannedStartOn: '2026-08-03',
    plannedDecisionOn: '2026-12-31',
    from: '2026-08-10',
    steps: [...gaps(PRE_LIGHT, 10), ...gaps(REVIEW, 4), ['RECORD_DISCUSSION', 8], ['REPORT_TO_PARTY_COMMITTEE', 5]],
  },
  {
    title: '公共停车场建设规划',
    category: 'development_plan',
    unit: 'ndrc',
    requirements: LIGHT,
    legalBasis: ['《中华人民共和国城乡规划法》', '《城市停车设施规划导则》'],
    plannedStartOn: '2026-08-17',
    plannedDecisionOn: '2026-12-31',
    from: '2026-08-24',
    steps: [...gaps(PRE_LIGHT, 12), ...gaps(REVIEW, 4), ['RECORD_DISCUSSION', 4]],
  },
  {
    title: '区级储备粮轮换方案',
    category: 'resource_policy',
    unit: 'ndrc',
    requirements: LIGHT,
    legalBasis: ['《粮食流通管理条例》'],
    plannedStartOn: '2026-05-06',
    plannedDecisionOn: '2026-12-31',
    from: '2026-07-15',
    steps: [...gaps(PRE_LIGHT, 12), ...gaps(REVIEW, 4)],
  },
  {
    title: '社区卫生服务中心布局规划',
    category: 'development_plan',
    unit: 'health',
    requirements: LIGHT,
    legalBasis: ['《中华人民共和国基本医疗卫生与健康促进法》'],
    plannedStartOn: '2026-06-15',
    plannedDecisionOn: '2026-12-31',
    from: '2026-08-03',
    steps: [...gaps(PRE_LIGHT, 10), ...gaps(REVIEW, 4)],
  },
  {
    title: '中小学校周边交通整治方案',
    category: 'public_policy',
    unit: 'street',
    requirements: LIGHT,
    legalBasis: ['《中华人民共和国道路交通安全法》'],
    plannedStartOn: '2026-08-03',
    plannedDecisionOn: '2026-12-31',
    from: '2026-10-19',
    steps: [...gaps(PRE_LIGHT, 5), ['ACCEPT_REVIEW', 2], ['ADD_LEGAL_OPINION', 4, { author: '周律师', authorKind: 'legal_adviser', text: '建议明确临时停车点的设置依据和期限' }]],
  },
  {
    title: '城市内涝治理三年行动计划',
    category: 'development_plan',
    unit: 'ndrc',
    requirements: ALL,
    legalBasis: ['《城镇排水与污水处理条例》'],
    plannedStartOn: '2026-04-01',
    plannedDecisionOn: '2026-12-31',
    from: '2026-04-01',
    // Submitted with the least review time the decree allows (7 working days), and never taken up: overdue since September.
    steps: [...gaps(PRE_ALL.slice(0, -1), 12), ['SUBMIT_LEGALITY_REVIEW', 20, { minimumReview: true }]],
  },
  {
    title: '养老服务设施布局专项规划',
    category: 'development_plan',
    unit: 'health',
    requirements: LIGHT,
    legalBasis: ['《中华人民共和国老年人权益保障法》', '《养老机构管理办法》'],
    plannedStartOn: '2026-05-11',
    plannedDecisionOn: '2026-12-31',
    from: '2026-06-01',
    steps: [...gaps(PRE_LIGHT, 12), ['ACCEPT_REVIEW', 2], ['ADD_LEGAL_OPINION', 4, { author: '吴律师', authorKind: 'public_lawyer', text: '草案设定的床位补贴标准缺少上位依据' }], ['CONCLUDE_REVIEW', 4, { conclusion: 'lawful_with_revisions', opinionText: '修改后合法：床位补贴标准应当以市级文件为依据，删去超出部分' }]],
  },
  {
    title: '区属国有企业改革方案',
    category: 'public_policy',
    unit: 'ndrc',
    requirements: ALL,
    legalBasis: ['《中华人民共和国企业国有资产法》'],
    affectsMarket: true,
    plannedStartOn: '2026-10-08',
    plannedDecisionOn: '2026-12-31',
    from: '2026-10-09',
    steps: [['START_DRAFTING', 0], ['RECORD_DRAFT', 10], ['OPEN_PUBLIC_COMMENT', 10]],
  },
  {
    title: '夜间经济发展扶持政策',
    category: 'public_policy',
    unit: 'ndrc',
    requirements: LIGHT,
    legalBasis: ['《优化营商环境条例》'],
    plannedStartOn: '2026-09-01',
    plannedDecisionOn: '2026-12-31',
    from: '2026-09-07',
    steps: [['START_DRAFTING', 0], ['RECORD_DRAFT', 10], ['RECORD_PUBLIC_PARTICIPATION', 10]],
    refusedSkipAfter: 2,
  },
  {
    title: '生活垃圾分类收运体系建设方案',
    category: 'public_project',
    unit: 'street',
    requirements: LIGHT,
    legalBasis: ['《中华人民共和国固体废物污染环境防治法》'],
    plannedStartOn: '2026-11-02',
    plannedDecisionOn: '2027-03-31',
    from: '2026-11-02',
    steps: [['START_DRAFTING', 0]],
  },
  {
    title: '区图书馆新馆建设项目',
    category: 'public_project',
    unit: 'ndrc',
    requirements: LIGHT,
    legalBasis: ['《中华人民共和国公共图书馆法》'],
    plannedStartOn: '2026-12-07',
    plannedDecisionOn: '2027-06-30',
  },
  {
    title: '全民健身设施补短板工程',
    category: 'public_project',
    unit: 'health',
    requirements: LIGHT,
    legalBasis: ['《全民健身条例》'],
    plannedStartOn: '2026-12-14',
    plannedDecisionOn: '2027-06-30',
  },
  {
    title: '区级政府投资项目管理办法',
    category: 'public_policy',
    unit: 'ndrc',
    requirements: LIGHT,
    legalBasis: ['《政府投资条例》'],
    plannedStartOn: '2026-05-04',
    plannedDecisionOn: '2026-10-31',
    withdrawnOn: '2026-04-10',
  },
  {
    title: '滨海河道综合整治工程',
    category: 'public_project',
    unit: 'street',
    requirements: LIGHT,
    legalBasis: ['《中华人民共和国水法》', '《中华人民共和国河道管理条例》'],
    plannedStartOn: '2026-07-20',
    plannedDecisionOn: '2026-12-31',
    from: '2026-07-27',
    steps: [...gaps(PRE_LIGHT, 12), ...gaps(REVIEW, 4), ['RECORD_DISCUSSION', 10, { headDecision: 'reject', headReason: '投资规模超出区级财力，待市级资金落实后另行立项' }]],
  },
  {
    title: '公交线网优化方案',
    category: 'public_policy',
    unit: 'street',
    requirements: LIGHT,
    legalBasis: ['《城市公共交通条例》'],
    plannedStartOn: '2026-04-13',
    plannedDecisionOn: '2026-10-31',
    from: '2026-04-13',
    steps: [['START_DRAFTING', 0], ['RECORD_DRAFT', 10], ['WITHDRAW', 15, { reason: '市级线网规划调整，本区方案并入市级方案' }], ['ARCHIVE', 10]],
  },
  {
    title: '物业服务收费标准调整方案',
    category: 'public_policy',
    unit: 'ndrc',
    requirements: ALL,
    legalBasis: ['《中华人民共和国价格法》', '《物业管理条例》'],
    plannedStartOn: '2027-01-04',
    plannedDecisionOn: '2027-06-30',
    proposedLate: '2026-11-16',
  },
  {
    title: '智慧城市建设规划',
    category: 'development_plan',
    unit: 'ndrc',
    requirements: LIGHT,
    legalBasis: ['《中华人民共和国数据安全法》'],
    plannedStartOn: '2027-01-04',
    plannedDecisionOn: '2027-09-30',
    proposedLate: '2026-11-20',
  },
];

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  unit: string;
  password: string;
}

@Injectable()
export class DemoService {
  private instant = 0;

  constructor(
    private readonly runner: TransactionRunner,
    private readonly units: OrgUnitsService,
    private readonly users: UsersService,
    private readonly catalogs: CatalogsService,
    private readonly decisions: DecisionsService,
    private readonly engine: ProcedureEngine,
    private readonly calendar: BusinessCalendar,
    private readonly registry: DefinitionRegistry,
    private readonly progress: DecisionProgress,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Rows in the tables that make a database hold data, by table (those with rows only). */
  async dataHeld(): Promise<Partial<Record<(typeof DATA_TABLES)[number], number>>> {
    const held: Partial<Record<(typeof DATA_TABLES)[number], number>> = {};
    await this.runner.read(async (tx) => {
      for (const table of DATA_TABLES) {
        const [row] = await tx.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`);
        if (Number(row.n) > 0) held[table] = Number(row.n);
      }
    });
    return held;
  }

  async run(io: CliIo): Promise<void> {
    if (process.env.NODE_ENV === 'production') {
      io.err('拒绝写入演示数据：NODE_ENV=production。演示数据只用于试用环境，请在空的试用数据库上运行。');
      io.exitCode = EXIT.notEmpty;
      return;
    }
    const held = await this.dataHeld();
    if (Object.keys(held).length) {
      const what = Object.entries(held).map(([t, n]) => `${TABLE_WORDS[t as keyof typeof TABLE_WORDS]} ${n} 条`).join('、');
      io.err(`拒绝写入演示数据：数据库中已有数据（${what}）。演示数据只写入空数据库，现有数据没有任何改动；请换一个空的数据库（例如 DB_PATH=data/demo.sqlite）再运行。`);
      io.exitCode = EXIT.notEmpty;
      return;
    }
    const real = { now: this.clock.now, today: this.clock.today };
    try {
      await this.build(io);
    } finally {
      this.clock.now = real.now;
      this.clock.today = real.today;
    }
    const scan = await new DeadlineScanService({ runner: this.runner, registry: this.registry, progress: this.progress, clock: this.clock }).scan();
    io.err(`已检查期限：${scan.newlyOverdue} 个环节已超期`);
  }

  /** The engine's clock on `day`, a few seconds later at each call (so that the record's times keep their order). */
  private on(day: string): void {
    this.instant += 1;
    const at = new Date(Date.parse(`${day}T09:00:00+08:00`) + this.instant * 7_000);
    this.clock.now = () => at;
    this.clock.today = () => day;
  }

  private async build(io: CliIo): Promise<void> {
    const actor = cliActor();
    const unit = async (name: string, kind: 'government' | 'department' | 'street', parentId?: string) => (await this.units.create({ name, kind, ...(parentId ? { parentId } : {}) }, actor)).id;
    const gov = await unit('前进区人民政府', 'government');
    const ids: Record<UnitKey, string> = {
      gov,
      justice: await unit('区司法局', 'department', gov),
      ndrc: await unit('区发改局', 'department', gov),
      health: await unit('区卫健局', 'department', gov),
      street: await unit('港湾街道', 'street', gov),
    };
    io.err('已建立单位：前进区人民政府、区司法局、区发改局、区卫健局、港湾街道');

    const accounts: DemoAccount[] = [];
    const adminName = this.config.admin.username;
    const adminPassword = this.config.admin.password ?? generatedPassword(adminName);
    await this.users.createFirstAdmin(adminName, adminPassword);
    accounts.push({ username: adminName, displayName: '系统管理员', role: 'admin', unit: '', password: this.config.admin.password ? '（ADMIN_PASSWORD）' : adminPassword });
    const people: Record<UserKey, AuthUser> = {} as Record<UserKey, AuthUser>;
    const person = async (key: UserKey, username: string, displayName: string, role: Role, unitKey: UnitKey, unitName: string) => {
      const password = generatedPassword(username);
      const dto = await validBody(CreateUserDto, { username, password, displayName, orgUnitId: ids[unitKey], roles: [role] });
      const created = await this.users.create(dto, actor);
      people[key] = { userId: created.id, username, roles: [role], orgUnitId: ids[unitKey] };
      accounts.push({ username, displayName, role, unit: unitName, password });
    };
    await person('office', 'zfb', '区政府办 张明', 'office', 'gov', '前进区人民政府');
    await person('ndrc', 'fgj', '区发改局 李华', 'department', 'ndrc', '区发改局');
    await person('health', 'wjj', '区卫健局 王芳', 'department', 'health', '区卫健局');
    await person('street', 'hwjd', '港湾街道 赵强', 'department', 'street', '港湾街道');
    await person('reviewer', 'sfj', '区司法局 陈静', 'legal_reviewer', 'justice', '区司法局');
    await person('auditor', 'yfzqb', '依法治区办 孙丽', 'auditor', 'gov', '前进区人民政府');

    // The catalog: compiled in January, its items proposed by the departments, published in February.
    this.on('2026-01-12');
    const catalog = await this.catalogs.create(people.office, { organId: gov, year: 2026 });
    const proposer = (c: Case): AuthUser => people[c.unit];
    const itemIds = new Map<Case, string>();
    let day = '2026-01-15';
    for (const c of CASES.filter((x) => !x.proposedLate)) {
      this.on(day);
      itemIds.set(c, (await this.catalogs.addItem(proposer(c), catalog.id, this.itemBody(c, ids))).id);
      day = this.calendar.addWorkingDays(day, 1);
    }
    this.on('2026-02-15');
    await this.catalogs.publish(people.office, catalog.id, { partyCommitteeApprovedOn: '2026-02-10', partyCommitteeRef: '区委常委会会议纪要〔2026〕3号', publishedOn: '2026-02-15' });
    io.err(`已公布前进区人民政府2026年度重大行政决策事项目录（${itemIds.size} 个事项）`);

    let n = 0;
    for (const c of CASES) {
      n += 1;
      let id = itemIds.get(c);
      if (c.proposedLate) {
        this.on(c.proposedLate);
        id = (await this.catalogs.addItem(proposer(c), catalog.id, this.itemBody(c, ids))).id;
      }
      if (c.withdrawnOn) {
        this.on(c.withdrawnOn);
        await this.catalogs.withdrawItem(people.office, catalog.id, id as string, { reason: '已纳入市级统一立法计划，本区不再单独制定', organDecisionRef: '区政府常务会议纪要〔2026〕7号' });
      }
      let on = c.from ?? '';
      for (const [i, [type, after, patch]] of (c.steps ?? []).entries()) {
        on = i === 0 || after <= 0 ? on : this.calendar.addWorkingDays(on, after);
        on = await this.send(people, id as string, type, on, patch ?? {});
        if (c.refusedSkipAfter === i + 1) await this.trySkip(people.office, id as string, on, ids[c.unit]);
      }
      const d = await this.engine.get(id as string);
      io.progress('已办理决策事项', n, CASES.length, `：${c.title}（${stageLabel(d?.stage ?? '')}）`);
    }

    io.out('前进区演示数据已写入。账号（密码只显示这一次，请妥善保管）：');
    for (const a of accounts) io.out(`  ${a.username.padEnd(8)} ${a.password.padEnd(22)} ${roleLabel(a.role)}${a.unit ? `，${a.unit}` : ''}${a.displayName === roleLabel(a.role) ? '' : `（${a.displayName}）`}`);
    io.out(`年度目录：前进区人民政府2026年度（${catalog.id}），${CASES.length} 个决策事项`);
  }

  private itemBody(c: Case, ids: Record<UnitKey, string>): Record<string, unknown> {
    return {
      title: c.title,
      category: c.category,
      undertakingUnitId: ids[c.unit],
      legalBasis: c.legalBasis,
      affectsMarket: c.affectsMarket === true,
      plannedStartOn: c.plannedStartOn,
      plannedDecisionOn: c.plannedDecisionOn,
      requirements: c.requirements,
    };
  }

  /**
   * Sends one step through the events door as the account the procedure names for it, dated `on`
   * (moved to the day its own rules need, such as the end of a comment period); returns its day.
   */
  private async send(people: Record<UserKey, AuthUser>, id: string, type: EventType, on: string, patch: Record<string, unknown>): Promise<string> {
    const d = await this.engine.get(id);
    if (!d) throw new Error(`no decision ${id}`);
    const ctx = d.procedure.context as ProcedureContext;
    let day = on;
    // The sample events of the version the decision follows (new decisions take MAJOR_DECISION_DEFAULT_VERSION).
    const samplePayload = samplesOf(d.definition.version);
    let payload: Record<string, unknown> = { ...samplePayload(type, { ...ctx, lastDate: day }) };
    const { minimumReview, ...rest } = patch;
    switch (type) {
      case 'CLOSE_PUBLIC_COMMENT':
        day = ctx.comment?.endOn && ctx.comment.endOn > day ? ctx.comment.endOn : day;
        payload = { closedOn: day, commentsReceived: 46, adoptionSummary: '收到意见 46 条，采纳 17 条，未采纳的已说明理由' };
        break;
      case 'RECORD_HEARING':
        // The materials go out on the planned day, the hearing is held ten days later (SC713-16: at least 7).
        day = addDays(on, 10);
        payload = { materialsDeliveredOn: on, heldOn: day, participants: ['居民代表 8 名', '企业代表 3 名', '人大代表、政协委员各 1 名'], recordSigned: true, summary: '听证会公开举行，听证记录经参加人确认签字' };
        break;
      case 'SUBMIT_LEGALITY_REVIEW':
        payload = {
          ...payload,
          requestedDueOn: minimumReview ? this.calendar.addWorkingDays(day, 7) : this.calendar.addWorkingDays(day, 15),
          materials: { draftVersion: ctx.drafts[ctx.drafts.length - 1]?.draftVersion, legalBasis: ['见目录所列决策依据'], procedureStatement: '已按目录履行公众参与、风险评估等程序，说明附后' },
        };
        break;
      case 'RECORD_DISCUSSION':
        payload = { ...payload, meetingRef: `区政府常务会议纪要〔2026〕${10 + (this.instant % 30)}号`, attendees: ['区长', '常务副区长', '副区长（分管）', '区政府办主任'], implementingUnitId: d.undertakingUnitId };
        break;
      case 'REPORT_TO_PARTY_COMMITTEE':
        payload = { ...payload, reference: `前政请〔2026〕${20 + (this.instant % 30)}号` };
        break;
      case 'PUBLISH':
        payload = { ...payload, channels: ['前进区人民政府网站', '前进区人民政府公报'], adoptionExplanation: '公众意见和专家论证意见的采纳情况已随决策一并公布' };
        break;
      default:
        break;
    }
    // Version 1 has no problem list in an implementation report (version 2 ties a suspension to one, SC713-35, 37).
    if (d.definition.version === 1) delete rest.problems;
    payload = { ...payload, ...rest };
    this.on(day);
    const user = this.sender(people, type, d.undertakingUnitId, d.implementingUnitId);
    await this.decisions.sendEvent(user, id, { type, payload });
    return day;
  }

  /** The office tries to put the draft to the collective discussion before the legality review: refused, and the refusal kept. */
  private async trySkip(office: AuthUser, id: string, day: string, implementingUnitId: string): Promise<void> {
    const d = await this.engine.get(id);
    this.on(day);
    const samplePayload = samplesOf(d?.definition.version ?? 2);
    const payload = { ...samplePayload('RECORD_DISCUSSION', { ...(d?.procedure.context as ProcedureContext), lastDate: day }), implementingUnitId };
    try {
      await this.decisions.sendEvent(office, id, { type: 'RECORD_DISCUSSION', payload });
      throw new Error('the skip was not refused');
    } catch (err) {
      if (!(err instanceof ProcedureViolationError)) throw err;
    }
  }

  private sender(people: Record<UserKey, AuthUser>, type: EventType, undertaking: string, implementing: string | null): AuthUser {
    const who = EVENT_ACTORS[type];
    if (who.role === 'office') return people.office;
    if (who.role === 'legal_reviewer') return people.reviewer;
    const unitId = who.unit === 'implementing' ? (implementing ?? undertaking) : undertaking;
    const found = (['ndrc', 'health', 'street'] as const).find((k) => people[k].orgUnitId === unitId);
    return people[found ?? 'ndrc'];
  }
}
