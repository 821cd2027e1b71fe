import type { Tx } from '../database/transaction-runner';

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * The names of these units as the database has them now, read in the caller's unit of work: what
 * every view shows beside a unit id (organName, undertakingUnitName…). Read at read time, never
 * copied into another row, so that a renamed unit shows its new name everywhere at once; the hashed
 * record keeps ids only. An id that names no unit is absent from the map.
 */
export async function unitNamesOf(tx: Tx, ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === 'string' && id.length > 0))];
  const names = new Map<string, string>();
  // At most 500 per query: far below the bound-parameter limits of both dialects.
  for (let i = 0; i < wanted.length; i += 500) {
    const part = wanted.slice(i, i + 500);
    const rows = await tx.query<{ id: string; name: string }>(`SELECT id, name FROM org_unit WHERE id IN (${marks(part.length)})`, part);
    for (const r of rows) names.set(r.id, r.name);
  }
  return names;
}

/** The name of `id` in `names`, or null (no id, or a unit that does not exist). */
export const nameIn = (names: ReadonlyMap<string, string>, id: string | null | undefined): string | null => (id ? (names.get(id) ?? null) : null);
