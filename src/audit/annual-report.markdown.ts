/**
 * The annual report as a section of the 法治政府建设 annual report, in Markdown: sentences in its
 * register, then the tables. Every number is the JSON report's number, written as it is there
 * (percentages with the JSON's one decimal; "—" where the JSON has null).
 */
import type { AnnualReport } from './annual-report';

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** `66.7%`, or `—` when there is nothing to divide by. */
export const pct = (v: number | null): string => (v === null ? '—' : `${v}%`);

/** A table cell: no line breaks, `|` escaped. */
const cell = (v: string | number | null): string => (v === null ? '—' : String(v).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|'));

export function markdownTable(headers: string[], rows: Array<Array<string | number | null>>): string {
  const line = (cells: Array<string | number | null>) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headers), `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

export const STATUS_LABELS = { published: '已公布', draft: '未公布', none: '未编制' } as const;

/** Who the report speaks of: the organ, or every organ. */
export function scopeName(r: AnnualReport): string {
  return r.scope.organName ?? '全部机关';
}

export function renderMarkdown(r: AnnualReport): string {
  const c = r.catalogs;
  const d = r.decisions;
  const lr = r.legalityReview;
  const pp = r.publicParticipation;
  const dm = r.decisionMaking;
  const rf = r.refusals;
  const dl = r.deadlines;
  const stage = (s: string) => d.byStage.find((x) => x.stage === s)?.count ?? 0;
  const sections: string[] = [];
  let n = 0;
  const section = (title: string, ...parts: string[]) => sections.push([`### ${CHINESE_NUMERALS[n++]}、${title}`, ...parts].join('\n\n'));

  const levels = c.coverage.map((v) => `${v.label} ${v.published}/${v.organs} 个（${pct(v.ratePercent)}）`).join('，');
  section(
    '年度重大行政决策事项目录',
    `${r.year}年度，纳入统计的 ${c.total.organs} 个机关中，${c.total.published} 个公布了年度重大行政决策事项目录，目录覆盖率 ${pct(c.total.ratePercent)}。` +
      `其中${levels}。各机关年度目录共列入重大行政决策事项 ${d.total} 件。`,
    markdownTable(
      ['层级', '机关数', '已公布目录', '覆盖率'],
      [...c.coverage.map((v) => [v.label, v.organs, v.published, pct(v.ratePercent)]), ['合计', c.total.organs, c.total.published, pct(c.total.ratePercent)]],
    ),
    markdownTable(
      ['机关', '层级', '目录状态', '公布次数', '首次公布日期', '事项数'],
      c.organs.map((o) => [o.organName, kindLabel(r, o.kind), STATUS_LABELS[o.status], o.publications, o.firstPublishedOn, o.items]),
    ),
  );

  section(
    '决策事项办理情况',
    `年度目录所列 ${d.total} 件重大行政决策事项中，已公布 ${stage('published')} 件，其中履行全部法定程序并立卷归档 ${d.completedWithAllSteps} 件；` +
      `决定不予通过 ${stage('rejected')} 件，撤回 ${stage('withdrawn')} 件；已办结（含不予通过、撤回后归档）${d.complete} 件。`,
    markdownTable(
      ['阶段', '件数'],
      d.byStage.map((s) => [s.label, s.count]),
    ),
  );

  const conclusions = lr.byConclusion.map((x) => `${x.label} ${x.count} 次`).join('、');
  section(
    '合法性审查',
    `全年共对 ${lr.decisionsSubmitted} 件重大行政决策事项进行合法性审查，送审 ${lr.submissions} 次，退回补充材料 ${lr.returned} 次；` +
      `作出审查结论 ${lr.concluded} 次，其中${conclusions}。` +
      `提出法律意见 ${lr.opinionsGiven} 条，采纳 ${lr.opinionsAdopted} 条，采纳率 ${pct(lr.adoptionRatePercent)}。`,
    markdownTable(
      ['审查结论', '次数'],
      lr.byConclusion.map((x) => [x.label, x.count]),
    ),
  );

  section(
    '公众参与、专家论证和集体讨论',
    `全年公开征求意见 ${pp.commentPeriodsOpened} 次（已结束 ${pp.commentPeriodsClosed} 次），通过座谈会、问卷调查等其他方式听取意见 ${pp.otherParticipation} 次，` +
      `举行听证会 ${pp.hearings} 次，组织专家论证 ${pp.expertArgumentations} 次，开展风险评估 ${pp.riskAssessments} 次；` +
      `决策草案经政府常务会议或者全体会议集体讨论 ${dm.collectiveDiscussions} 次，向同级党委请示报告 ${dm.partyCommitteeReports} 次，公布重大行政决策 ${dm.publications} 次，立卷归档 ${dm.archives} 件。`,
    markdownTable(['程序环节', '次数'], [...participationRows(r), ...decisionMakingRows(r)]),
  );

  const categories = rf.byCategory.map((x) => `${x.label} ${x.count} 次`).join('、');
  section(
    '违反法定程序的操作',
    `全年系统拒绝不符合法定程序的操作 ${rf.total} 次，其中${categories}。拒绝的操作均已记录在案。`,
    markdownTable(
      ['类别', '次数'],
      rf.byCategory.map((x) => [x.label, x.count]),
    ),
    markdownTable(
      ['代码', '含义', '类别', '次数'],
      rf.byCode.map((x) => [x.code, x.meaning, categoryLabel(r, x.category), x.count]),
    ),
  );

  section(
    '程序期限',
    `全年共有 ${dl.overdueSteps} 个决策程序环节超过期限，涉及 ${dl.decisions} 件决策事项；其中逾期后完成 ${dl.doneLate} 个，尚未完成 ${dl.notDone} 个。`,
    markdownTable(
      ['环节', '超期', '逾期后完成', '尚未完成'],
      dl.byStep.map((s) => [s.label, s.overdue, s.doneLate, s.notDone]),
    ),
  );

  const head = [
    `## ${scopeName(r)}${r.year}年度重大行政决策情况`,
    `> 统计范围：${scopeName(r)}${r.year}年度重大行政决策事项目录所列事项及其决策过程记录。生成时间：${r.generatedAt}。`,
  ];
  return [...head, ...sections].join('\n\n') + '\n';
}

/** Public participation, expert argumentation and risk assessment, as table rows (Markdown and workbook alike). */
export function participationRows(r: AnnualReport): Array<[string, number]> {
  const pp = r.publicParticipation;
  return [
    ['公开征求意见', pp.commentPeriodsOpened],
    ['公开征求意见结束', pp.commentPeriodsClosed],
    ['其他方式听取意见', pp.otherParticipation],
    ['听证会', pp.hearings],
    ['专家论证', pp.expertArgumentations],
    ['风险评估', pp.riskAssessments],
  ];
}

/** Collective discussion, the report to the party committee, publication and archive, as table rows. */
export function decisionMakingRows(r: AnnualReport): Array<[string, number]> {
  const dm = r.decisionMaking;
  return [
    ['集体讨论', dm.collectiveDiscussions],
    ['向党委请示报告', dm.partyCommitteeReports],
    ['决策公布', dm.publications],
    ['立卷归档', dm.archives],
  ];
}

function kindLabel(r: AnnualReport, kind: string): string {
  return r.catalogs.coverage.find((c) => c.level === kind)?.label ?? kind;
}

function categoryLabel(r: AnnualReport, category: string): string {
  return r.refusals.byCategory.find((c) => c.category === category)?.label ?? category;
}
