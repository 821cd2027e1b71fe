/**
 * Separation of duties in a case (GB/T 22239-2019 level 3, 三员分立 and 职责分离): nobody reviews
 * their own work. A reviewer's event (acceptance, opinion, conclusion, return of materials) is
 * refused to a user who belongs to the decision's undertaking unit — a justice bureau's reviewers do
 * not review the bureau's own drafts — or who sent the submission under review, whatever unit they
 * are in now.
 */
import type { EventActor } from '../../workflows/definition';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import type { Tx } from '../database/transaction-runner';

/** The event that puts a draft before the reviewers: its actor is the submitter of the round. */
const SUBMISSION = 'SUBMIT_LEGALITY_REVIEW';

export type DutyConflict = 'undertaking_unit' | 'submitter';

/** Why this user may not act as the reviewer of this decision now, or null when nothing stands in the way. */
export async function reviewDutyConflict(
  user: AuthUser,
  who: EventActor,
  d: { id: string; undertakingUnitId: string },
  tx: Tx,
): Promise<DutyConflict | null> {
  if (who.unit !== 'reviewing_government') return null;
  if (user.orgUnitId !== null && user.orgUnitId === d.undertakingUnitId) return 'undertaking_unit';
  const [last] = await tx.query<{ actor: string }>(
    'SELECT actor FROM procedure_record WHERE decision_id = ? AND type = ? ORDER BY seq DESC LIMIT 1',
    [d.id, SUBMISSION],
  );
  const submitter = last ? (JSON.parse(last.actor) as { userId?: string }).userId : undefined;
  return submitter === user.userId ? 'submitter' : null;
}

export function dutyConflictError(conflict: DutyConflict, event: string): DomainError {
  const detail =
    conflict === 'undertaking_unit'
      ? '承办单位的人员不得审查本单位起草的决策草案：请由其他审查人员办理'
      : '报送合法性审查的人员不得审查自己报送的草案：请由其他审查人员办理';
  return new DomainError(403, 'SEPARATION_OF_DUTIES', detail, { event, conflict });
}
