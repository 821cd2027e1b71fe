import type { Tx } from '../database/transaction-runner';

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * The display names of these accounts as the database has them now, read in the caller's unit of
 * work: what a view shows beside a user id (who published a catalog, who changed an account). An
 * id that names no account (the engine's `system` actor) is absent from the map.
 */
export async function userDisplayNamesOf(tx: Tx, ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === 'string' && id.length > 0))];
  const names = new Map<string, string>();
  for (let i = 0; i < wanted.length; i += 500) {
    const part = wanted.slice(i, i + 500);
    const rows = await tx.query<{ id: string; display_name: string }>(`SELECT id, display_name FROM app_user WHERE id IN (${marks(part.length)})`, part);
    for (const r of rows) names.set(r.id, r.display_name);
  }
  return names;
}
