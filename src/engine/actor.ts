/** Who did it: kept in every record row and violation attempt. `role` is the role that authorised the action. */
export interface Actor {
  userId: string;
  username: string;
  role: string;
  orgUnitId: string | null;
}

/** The engine's own actor for what it does by itself (scheduled scans). */
export const SYSTEM_ACTOR: Actor = { userId: 'system', username: 'system', role: 'system', orgUnitId: null };
