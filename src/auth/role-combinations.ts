import { named, roleLabel } from '../../workflows/labels';
import type { Role } from './auth-user';

/**
 * Separation of duties (三员分立) as 等保 2.0 level 3 (GB/T 22239-2019) systems are assessed: the
 * system administrator (`admin`) and the auditor (`auditor`) each hold their role alone. An
 * administrator who also acted in procedures could grant itself what it then does, and an auditor
 * who also acted would audit its own steps. The procedure roles (`office`, `department`,
 * `legal_reviewer`) may be combined with one another.
 */
const SOLE_ROLES: Partial<Record<Role, string>> = {
  admin: `${named(roleLabel('admin'), 'admin')}不能兼任其他角色（三员分立）`,
  auditor: `${named(roleLabel('auditor'), 'auditor')}不能兼任其他角色（三员分立）`,
};

/** Why this set of roles may not be held together; undefined when it may. */
export function roleConflict(roles: readonly Role[]): string | undefined {
  if (roles.length < 2) return undefined;
  for (const role of roles) {
    const message = SOLE_ROLES[role];
    if (message) return message;
  }
  return undefined;
}

/** Whether these roles make the user a working administrator (`admin` alone). */
export const isSoleAdmin = (roles: readonly Role[]): boolean => roles.length === 1 && roles[0] === 'admin';
