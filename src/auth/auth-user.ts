/** Every role a user may hold (README, "Security"). */
export const ROLES = ['admin', 'department', 'legal_reviewer', 'office', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The caller of a request, as the JWT guard loaded it from the database (not merely as the token
 * claimed it: a disabled or deleted user is refused, changed roles apply at once).
 *
 * `orgUnitId` is null only for the first administrator, created on first start before any unit
 * exists. `admin` manages units and users and is never a procedure actor, so every route that acts
 * within a unit's scope excludes it by role; every user created through `POST /users` has a unit.
 */
export interface AuthUser {
  userId: string;
  username: string;
  roles: Role[];
  orgUnitId: string | null;
}
