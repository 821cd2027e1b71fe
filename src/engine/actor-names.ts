import type { Dialect } from '../database/transaction-runner';
import type { Actor } from './actor';

/**
 * Who acted, by name: the stored actor (userId, username, role, orgUnitId — what a record row's hash
 * covers) read beside the user's display name and the name of the unit it acted for, both joined at
 * read time from app_user and org_unit. They are today's names (an account renamed, a unit renamed,
 * shows its new name) and null when nothing matches (the engine's own `system` actor).
 */
export interface ActorNames {
  displayName: string | null;
  orgUnitName: string | null;
}

/** The stored actor with its names, as refused attempts show it (they are not hashed). */
export type NamedActor = Actor & ActorNames;

/** Columns `actor_display_name`, `actor_unit_name` and their LEFT JOINs, for rows `alias` holding an `actor` JSON text column. */
export function actorNamesSql(dialect: Dialect, alias: string): { columns: string; joins: string } {
  const member = (name: 'userId' | 'orgUnitId') => (dialect === 'postgres' ? `(${alias}.actor::json ->> '${name}')` : `json_extract(${alias}.actor, '$.${name}')`);
  return {
    columns: 'actor_user.display_name AS actor_display_name, actor_unit.name AS actor_unit_name',
    joins: `LEFT JOIN app_user actor_user ON actor_user.id = ${member('userId')} LEFT JOIN org_unit actor_unit ON actor_unit.id = ${member('orgUnitId')}`,
  };
}

/** The columns actorNamesSql adds to a row. */
export interface ActorNameColumns {
  actor_display_name: string | null;
  actor_unit_name: string | null;
}

export function actorNamesOf(row: ActorNameColumns): ActorNames {
  return { displayName: row.actor_display_name ?? null, orgUnitName: row.actor_unit_name ?? null };
}
