/** How catalogs and their items are shown: the internal views (office, departments, reviewers, auditors). */
import { catalogStatusLabel } from '../../workflows/labels';
import { categoryWord, stageWord, stepWord } from '../common/labels/view-labels';
import type { Actor } from '../engine/actor';
import type { NamedActor } from '../engine/actor-names';
import type { ProgressView } from '../engine/decision-progress';
import type { DecisionSnapshot } from '../engine/procedure-engine';
import type { CatalogItemSqlRow, CatalogSqlRow } from './catalogs.repository';

/** One publication of a catalog (each with its own party-committee approval), kept in `catalog.publications`. */
export interface CatalogPublication {
  revision: number;
  partyCommitteeApprovedOn: string;
  partyCommitteeRef: string;
  publishedOn: string;
  recordedAt: string;
  publishedBy: Actor;
  /** Every item this revision lists: all items but those still proposed or withdrawn, in proposal order. */
  itemIds: string[];
  /** The items this publication moved from `proposed` to `cataloged`. */
  catalogedItemIds: string[];
}

/**
 * A publication as a view shows it: with the number of items it listed and moved, and their ids
 * only in a catalog's own view and while they are at most PUBLICATION_IDS_SHOWN (a catalog of ten
 * thousand items would otherwise repeat ten thousand ids per publication; its items are paged).
 */
export type PublicationView = Omit<CatalogPublication, 'itemIds' | 'catalogedItemIds' | 'publishedBy'> & {
  /** The stored actor, with the account's display name and the name of the unit it acted for, read now. */
  publishedBy: NamedActor;
  itemCount: number;
  catalogedItemCount: number;
  itemIds?: string[];
  catalogedItemIds?: string[];
};

/** Ids of a publication's items shown in a catalog's own view, at most. */
export const PUBLICATION_IDS_SHOWN = 500;

export interface CatalogView {
  id: string;
  organId: string;
  /** Names are read now (catalog-names.ts), never stored: null until filled, or when the unit is gone. */
  organName: string | null;
  year: number;
  status: string;
  /** The status's word (未公布, 已公布), beside its code. */
  statusLabel: string;
  revision: number;
  publications: PublicationView[];
  createdAt: string;
  updatedAt: string;
  itemCount?: number;
  items?: Array<CatalogItemView | RestrictedItemView>;
}

/** What the catalog says of an item, beyond the decision row. */
export interface ItemDetails {
  legalBasis: string[];
  affectsMarket: boolean;
  plannedStartOn: string | null;
  plannedDecisionOn: string | null;
  /** As the item was proposed (later amendments show in `progress`). */
  requirements: unknown;
}

export interface CatalogItemView extends ItemDetails {
  id: string;
  catalogId: string;
  organId: string;
  organName: string | null;
  year: number;
  title: string;
  category: string;
  /** The words of `category` and `stage`, beside them. */
  categoryLabel: string;
  undertakingUnitId: string;
  undertakingUnitName: string | null;
  definition: { id: string; version: number };
  stage: string;
  stageLabel: string;
  revision: number;
  version: number;
  complete: boolean;
  progress: ProgressView[];
  createdAt: string;
  updatedAt: string;
}

export function publicationsOf(row: CatalogSqlRow): CatalogPublication[] {
  return JSON.parse(row.publications) as CatalogPublication[];
}

/** `ids`: the catalog's own view (its publications name their items, up to PUBLICATION_IDS_SHOWN); a list gives counts only. */
export function catalogView(row: CatalogSqlRow, extra: { itemCount?: number; items?: Array<CatalogItemView | RestrictedItemView> } = {}, ids = true): CatalogView {
  return {
    id: row.id,
    organId: row.organ_id,
    organName: null,
    year: row.year,
    status: row.status,
    statusLabel: catalogStatusLabel(row.status),
    revision: row.revision,
    publications: publicationsOf(row).map(({ itemIds, catalogedItemIds, publishedBy, ...p }) => ({
      ...p,
      publishedBy: { ...publishedBy, displayName: null, orgUnitName: null },
      itemCount: itemIds.length,
      catalogedItemCount: catalogedItemIds.length,
      ...(ids && itemIds.length <= PUBLICATION_IDS_SHOWN ? { itemIds, catalogedItemIds } : {}),
    })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...extra,
  };
}

/**
 * The item columns of a row. A decision made without POST /catalogs/:id/items (engine fixtures)
 * has none: its requirements then come from the procedure state.
 */
export function itemDetailsOf(row: CatalogItemSqlRow, decision: DecisionSnapshot): ItemDetails {
  const context = decision.procedure.context as { requirements?: unknown; affectsMarket?: boolean } | undefined;
  return {
    legalBasis: row.legal_basis === null ? [] : (JSON.parse(row.legal_basis) as string[]),
    affectsMarket: row.affects_market === null ? context?.affectsMarket === true : row.affects_market === true || row.affects_market === 1,
    plannedStartOn: row.planned_start_on,
    plannedDecisionOn: row.planned_decision_on,
    requirements: row.requirements === null ? context?.requirements : JSON.parse(row.requirements),
  };
}

/** What every view of an item starts with, whole or restricted. */
function itemHead(d: DecisionSnapshot) {
  return {
    id: d.id,
    catalogId: d.catalogId,
    organId: d.organId,
    organName: null,
    year: d.year,
    title: d.title,
    category: d.category,
    categoryLabel: categoryWord(d.category),
    undertakingUnitId: d.undertakingUnitId,
    undertakingUnitName: null,
  };
}

export function itemView(d: DecisionSnapshot, details: ItemDetails, progress: ProgressView[]): CatalogItemView {
  return {
    ...itemHead(d),
    ...details,
    definition: d.definition,
    stage: d.stage,
    stageLabel: stageWord(d.def.labels, d.stage),
    revision: d.revision,
    version: d.version,
    complete: d.complete,
    progress,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

/** The requirement keys, in the order of the procedure's steps; a missing party report counts as required. */
const REQUIREMENT_STEPS = ['publicParticipation', 'hearing', 'expertArgumentation', 'riskAssessment', 'partyCommitteeReport'] as const;

/** The steps an item was listed with as required, in procedure order (what the public catalog shows). */
export function requiredStepsOf(requirements: unknown): string[] {
  const r = (requirements ?? {}) as Record<string, { required?: boolean } | null | undefined>;
  return REQUIREMENT_STEPS.filter((k) => r[k]?.required !== false);
}

/**
 * An item of a catalog the caller sees, but of a decision outside its scope (another department's
 * item): only what the public catalog shows of an item — no stage, version, progress, reasons or
 * internal fields — and `restricted: true`, so that a client knows why.
 */
export interface RestrictedItemView {
  id: string;
  catalogId: string;
  organId: string;
  organName: string | null;
  year: number;
  title: string;
  category: string;
  categoryLabel: string;
  undertakingUnitId: string;
  undertakingUnitName: string | null;
  legalBasis: string[];
  requiredSteps: string[];
  /** The word of each of `requiredSteps`, in the same order. */
  requiredStepLabels: string[];
  plannedStartOn: string | null;
  plannedDecisionOn: string | null;
  withdrawn: boolean;
  restricted: true;
}

export function restrictedItemView(d: DecisionSnapshot, details: ItemDetails): RestrictedItemView {
  return {
    ...itemHead(d),
    legalBasis: details.legalBasis,
    requiredSteps: requiredStepsOf(details.requirements),
    requiredStepLabels: requiredStepsOf(details.requirements).map((step) => stepWord(d.def.labels, step)),
    plannedStartOn: details.plannedStartOn,
    plannedDecisionOn: details.plannedDecisionOn,
    withdrawn: d.stage === 'withdrawn',
    restricted: true,
  };
}
