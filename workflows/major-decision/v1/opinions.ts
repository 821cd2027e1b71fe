/**
 * Legal opinions (法律意见, SC713-28) and how a revision answers them. Each ADD_LEGAL_OPINION record
 * row is an opinion, known by an id derived from the record: `<decisionId>:<seq>` (the row's seq),
 * stable for good, since the record only grows. The review desk and the decision's view show it;
 * RECORD_REVISIONS answers each opinion of the round by `opinionId`, or — the form of earlier
 * clients, which stored records keep — by the bare record `opinionSeq`.
 */
import type { FieldError } from '../../schema';
import type { ProcedureContext } from './context';

/** The id of the opinion recorded at `seq` of decision `decisionId`. */
export const opinionIdOf = (decisionId: string, seq: number): string => `${decisionId}:${seq}`;

const OPINION_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([1-9][0-9]{0,14})$/i;

/** The decision and the record seq an opinion id names; undefined when it is not of that form. */
export function parseOpinionId(id: string): { decisionId: string; seq: number } | undefined {
  const m = OPINION_ID.exec(id);
  return m ? { decisionId: m[1].toLowerCase(), seq: Number(m[2]) } : undefined;
}

/** An entry of RECORD_REVISIONS' `opinionAdoption`, in either form. */
export interface OpinionAdoption {
  opinionId?: string;
  opinionSeq?: number;
  adopted: boolean;
  note: string;
}

const entries = (p: Record<string, unknown>): OpinionAdoption[] => (Array.isArray(p.opinionAdoption) ? (p.opinionAdoption as OpinionAdoption[]) : []);

/** The record seqs the entries answer, whichever form each uses (call it on a payload without form errors). */
export function answeredOpinionSeqs(p: Record<string, unknown>): number[] {
  return entries(p).map((a) => (a.opinionId !== undefined ? (parseOpinionId(a.opinionId)?.seq ?? Number.NaN) : (a.opinionSeq as number)));
}

/** Form errors of the entries: each names its opinion once, by `opinionId` or by `opinionSeq`, and an id has the form of one. */
export function opinionAdoptionErrors(p: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  entries(p).forEach((a, i) => {
    const at = `payload.opinionAdoption[${i}]`;
    if (a.opinionId === undefined && a.opinionSeq === undefined) {
      errors.push({ field: `${at}.opinionId`, message: '必填：所答复的法律意见的编号（审查台和决策详情中每条法律意见的 opinionId）' });
    } else if (a.opinionId !== undefined && a.opinionSeq !== undefined) {
      errors.push({ field: `${at}.opinionSeq`, message: 'opinionId 与 opinionSeq 只填其一（opinionSeq 为旧写法）' });
    } else if (a.opinionId !== undefined && !parseOpinionId(a.opinionId)) {
      errors.push({ field: `${at}.opinionId`, message: `「${a.opinionId}」不是法律意见的编号：编号形如「决策编号:记录序号」，请从审查台或者决策详情中复制` });
    }
  });
  return errors;
}

/**
 * The entries whose `opinionId` names no legal opinion of this decision's current review round:
 * one of another decision, one of an earlier round, or a record row that is no opinion. Each is a
 * field error; the old form (`opinionSeq`) is left to the procedure's rule, as before.
 */
export function opinionReferenceErrors(ctx: ProcedureContext, p: Record<string, unknown>, decisionId: string): FieldError[] {
  const known = new Set(ctx.review.opinions.map((o) => o.seq));
  const ids = ctx.review.opinions.map((o) => opinionIdOf(decisionId, o.seq));
  const hint = ids.length ? `本轮的法律意见为：${ids.join('、')}` : '本轮审查没有法律意见';
  const errors: FieldError[] = [];
  entries(p).forEach((a, i) => {
    if (a.opinionId === undefined) return;
    const ref = parseOpinionId(a.opinionId);
    if (!ref) return;
    if (ref.decisionId !== decisionId.toLowerCase()) {
      errors.push({ field: `payload.opinionAdoption[${i}].opinionId`, message: `「${a.opinionId}」是其他决策的法律意见，不是本决策的。${hint}` });
    } else if (!known.has(ref.seq)) {
      errors.push({ field: `payload.opinionAdoption[${i}].opinionId`, message: `「${a.opinionId}」不是本决策本轮合法性审查中的法律意见。${hint}` });
    }
  });
  return errors;
}
