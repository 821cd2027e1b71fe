import { named } from '../../workflows/labels';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/errors/domain-error';

/**
 * Who reads the auditor's desk: an auditor (依法治区办) reads every organ; an organ's general office
 * (`office`) reads its own organ only, to see its own gaps before the auditor does; every other role
 * is refused (403 FORBIDDEN_ROLE). `organIds` is null for "every organ".
 */
export interface AuditScope {
  organIds: string[] | null;
}

export const AUDIT_ROLES = ['auditor', 'office'] as const;

export function auditScope(user: AuthUser): AuditScope {
  if (user.roles.includes('auditor')) return { organIds: null };
  if (user.roles.includes('office') && user.orgUnitId) return { organIds: [user.orgUnitId] };
  throw new DomainError(
    403,
    'FORBIDDEN_ROLE',
    `审计台账只对${named('依法治区办', 'auditor')}（各机关）和${named('决策机关办公室', 'office')}（本机关）开放，您的账号没有这两个角色。`,
    { requiredRoles: [...AUDIT_ROLES] },
  );
}

/** Whether the scope reaches this organ. */
export function auditSees(scope: AuditScope, organId: string): boolean {
  return scope.organIds === null || scope.organIds.includes(organId);
}

/**
 * The organs a query asks for within the scope: the one asked for (when the scope reaches it; an
 * office asking for another organ gets nothing, as if it had none), or the whole scope.
 */
export function auditOrgans(scope: AuditScope, organId?: string): string[] | null {
  if (organId === undefined) return scope.organIds;
  return auditSees(scope, organId) ? [organId] : [];
}
