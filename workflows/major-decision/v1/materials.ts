/**
 * What each record row files (《重大行政决策程序暂行条例》第三十三条: the records and materials formed
 * in the procedure are filed in time and complete): the material a step produces, and what
 * identifies it in its payload (a draft's version, a meeting's minutes number, a conclusion), for
 * the list of materials of a case file (一事一档). Rows that produce no document of their own (the
 * start, the acceptance of a review, a suspension…) are not listed.
 */
import type { EventType } from './events';
import { CONCLUSION_LABELS, DISCLOSURE_LABELS, MEETING_TYPE_LABELS, PARTICIPATION_METHOD_LABELS, RISK_LEVEL_LABELS, OPINION_AUTHOR_LABELS } from './labels';

type Payload = Record<string, unknown>;

export interface Material {
  /** What the document is called in a file. */
  material: string;
  /** What identifies it, from the payload (empty when nothing does). */
  ref: (p: Payload) => string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) ? v.filter((x) => typeof x === 'string').join('、') : '');
const word = (table: Readonly<Record<string, string>>, v: unknown): string => (typeof v === 'string' ? (Object.hasOwn(table, v) ? table[v] : v) : '');
const field = (name: string) => (p: Payload) => text(p[name]);

export const MATERIALS: Readonly<Partial<Record<EventType | 'ITEM_PROPOSED', Material>>> = {
  ITEM_PROPOSED: { material: '决策事项建议（目录事项）', ref: field('title') },
  CATALOG_PUBLISHED: { material: '年度重大行政决策事项目录及同级党委同意文件', ref: field('partyCommitteeRef') },
  AMEND_REQUIREMENTS: { material: '程序要求变更说明', ref: field('reason') },
  RECORD_DRAFT: { material: '决策草案', ref: field('draftVersion') },
  OPEN_PUBLIC_COMMENT: { material: '征求意见公告', ref: (p) => `${text(p.startOn)} 至 ${text(p.endOn)}，${text(p.channels)}` },
  CLOSE_PUBLIC_COMMENT: { material: '公众意见研究采纳情况', ref: (p) => `收到意见 ${typeof p.commentsReceived === 'number' ? p.commentsReceived : '—'} 条` },
  RECORD_PUBLIC_PARTICIPATION: { material: '公众参与记录', ref: (p) => word(PARTICIPATION_METHOD_LABELS, p.method) },
  RECORD_HEARING: { material: '听证会记录', ref: (p) => (p.recordSigned === true ? '听证参加人已签字确认' : '未经签字确认') },
  RECORD_EXPERT_ARGUMENTATION: {
    material: '专家论证意见',
    ref: (p) => (Array.isArray(p.experts) ? p.experts.map((e) => text((e as Payload).name)).filter(Boolean).join('、') : ''),
  },
  RECORD_RISK_ASSESSMENT: { material: '风险评估报告', ref: (p) => `风险等级：${word(RISK_LEVEL_LABELS, p.riskLevel)}` },
  SUBMIT_LEGALITY_REVIEW: { material: '送请合法性审查材料', ref: (p) => text((p.materials as Payload | undefined)?.draftVersion) },
  RETURN_MATERIALS: { material: '退回送审材料的意见', ref: field('reason') },
  ADD_LEGAL_OPINION: { material: '法律意见', ref: (p) => `${text(p.author)}（${word(OPINION_AUTHOR_LABELS, p.authorKind)}）` },
  CONCLUDE_REVIEW: { material: '合法性审查意见', ref: (p) => word(CONCLUSION_LABELS, p.conclusion) },
  RECORD_REVISIONS: { material: '根据合法性审查意见调整后的决策草案', ref: field('draftVersion') },
  RECORD_DISCUSSION: { material: '集体讨论决定会议纪要', ref: (p) => `${word(MEETING_TYPE_LABELS, p.meetingType)} ${text(p.meetingRef)}` },
  REPORT_TO_PARTY_COMMITTEE: { material: '向同级党委请示报告', ref: field('reference') },
  PUBLISH: { material: '决策公布文本', ref: (p) => (p.disclosure === 'public' ? text(p.channels) : word(DISCLOSURE_LABELS, p.disclosure)) },
  RECORD_IMPLEMENTATION_REPORT: { material: '决策执行情况报告', ref: field('period') },
  RECORD_EVALUATION: { material: '决策后评估报告', ref: field('evaluator') },
  START_ADJUSTMENT: { material: '决策调整启动说明', ref: field('reason') },
  TERMINATE: { material: '停止执行决定', ref: field('meetingRef') },
  ARCHIVE: { material: '归档目录', ref: field('archiveRef') },
  WITHDRAW: { material: '撤回决策事项说明', ref: field('reason') },
};
