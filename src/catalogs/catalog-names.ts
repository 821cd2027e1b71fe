/**
 * The names a person reads beside the ids of a catalog view: the organ, each item's organ and
 * undertaking unit, and who published each revision (display name and unit). Read from the
 * database at read time in the caller's unit of work, one query per kind for a whole page, never
 * stored beside the ids: a renamed unit or account shows its new name at once.
 */
import type { Tx } from '../database/transaction-runner';
import { nameIn, unitNamesOf } from '../org-units/unit-names';
import { userDisplayNamesOf } from '../users/user-names';
import type { CatalogItemView, CatalogView, RestrictedItemView } from './catalog-views';

type ItemView = CatalogItemView | RestrictedItemView;

/** The views with their names filled in. */
export async function namedCatalog(tx: Tx, views: CatalogView[]): Promise<CatalogView[]> {
  const items = views.flatMap((v) => v.items ?? []);
  const publishers = views.flatMap((v) => v.publications.map((p) => p.publishedBy));
  const units = await unitNamesOf(tx, [...views.map((v) => v.organId), ...items.flatMap((i) => [i.organId, i.undertakingUnitId]), ...publishers.map((a) => a.orgUnitId)]);
  const users = await userDisplayNamesOf(tx, publishers.map((a) => a.userId));
  return views.map((v) => ({
    ...v,
    organName: nameIn(units, v.organId),
    publications: v.publications.map((p) => ({ ...p, publishedBy: { ...p.publishedBy, displayName: nameIn(users, p.publishedBy.userId), orgUnitName: nameIn(units, p.publishedBy.orgUnitId) } })),
    ...(v.items ? { items: v.items.map((i) => withUnitNames(i, units)) } : {}),
  }));
}

/** One item with its organ's and undertaking unit's names. */
export async function namedItem<T extends ItemView>(tx: Tx, item: T): Promise<T> {
  return withUnitNames(item, await unitNamesOf(tx, [item.organId, item.undertakingUnitId]));
}

function withUnitNames<T extends ItemView>(item: T, names: ReadonlyMap<string, string>): T {
  return { ...item, organName: nameIn(names, item.organId), undertakingUnitName: nameIn(names, item.undertakingUnitId) };
}
