/**
 * Decisions arranged through the engine on an e2e test app, for suites that test what comes after
 * the catalog (decisions, reviews, audit): a catalog row, the decision (ITEM_PROPOSED), then each
 * event with a valid sample payload, sent by the district's user of the role the definition names.
 *
 *   const f = decisionFixture(t, d);
 *   const id = await f.decision({ through: ['CATALOG_PUBLISHED', 'START_DRAFTING'] });
 *   const payload = await f.payload(id, 'RECORD_DRAFT');      // valid for the decision's state now
 */
import { randomUUID } from 'node:crypto';
import type { ProcedureContext, Requirements } from '../../workflows/major-decision/v1/context';
import type { EventType } from '../../workflows/major-decision/v1/events';
import { EVENT_ACTORS } from '../../workflows/major-decision/v1/actors';
import { ALL_REQUIRED, samplePayload as v1SamplePayload } from '../../workflows/major-decision/v1/samples';
import { samplePayload as v2SamplePayload } from '../../workflows/major-decision/v2/samples';
import type { Actor } from '../../src/engine/actor';
import { ProcedureEngine, type DecisionSnapshot } from '../../src/engine/procedure-engine';
import type { District, Unit } from './district';
import type { TestApp } from './test-app';

export interface DecisionSpec {
  title?: string;
  category?: string;
  year?: number;
  /** The decision organ; 前进区人民政府 by default. */
  organ?: Unit;
  /** The undertaking unit; 区发改局 by default. */
  undertaking?: Unit;
  requirements?: Requirements;
  affectsMarket?: boolean;
  /** Events to send after ITEM_PROPOSED, each with its sample payload. */
  through?: EventType[];
  /** Members to change in the sample payload of an event type. */
  patch?: Partial<Record<EventType, Record<string, unknown>>>;
  /** The item's planned dates; with them the procedure also knows its catalog year (the first deadlines). */
  plan?: { plannedStartOn?: string; plannedDecisionOn?: string };
}

export interface DecisionFixture {
  engine: ProcedureEngine;
  decision(spec?: DecisionSpec): Promise<string>;
  /** Sends events with sample payloads (CATALOG_PUBLISHED as the engine's own event). */
  advance(id: string, types: EventType[], patch?: DecisionSpec['patch']): Promise<DecisionSnapshot>;
  /** A valid payload of `type` for the decision's current state. */
  payload(id: string, type: EventType): Promise<Record<string, unknown>>;
  snapshot(id: string): Promise<DecisionSnapshot>;
  /** The record's actor of a district user. */
  actor(key: 'office' | 'department' | 'reviewer' | 'otherOffice' | 'otherDepartment', unit: Unit): Actor;
}

export function decisionFixture(t: TestApp, d: District): DecisionFixture {
  const engine = t.app.get(ProcedureEngine);
  const catalogs = new Map<string, string>();
  const usernames = { office: 'zfb', department: 'fgj', reviewer: 'sfj', otherOffice: 'hj-zfb', otherDepartment: 'hj-fgj' };
  const roles = { office: 'office', department: 'department', reviewer: 'legal_reviewer', otherOffice: 'office', otherDepartment: 'department' };
  const actor: DecisionFixture['actor'] = (key, unit) => ({ userId: d.userIds[key], username: usernames[key], role: roles[key], orgUnitId: unit.id });

  const catalogOf = async (organId: string, year: number): Promise<string> => {
    const key = `${organId}/${year}`;
    let id = catalogs.get(key);
    if (!id) {
      const catalogId = randomUUID();
      const now = new Date().toISOString();
      await t.tx.write((tx) =>
        tx.execute('INSERT INTO catalog (id, organ_id, year, status, revision, publications, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
          catalogId,
          organId,
          year,
          'draft',
          0,
          '[]',
          now,
          now,
        ]),
      );
      catalogs.set(key, (id = catalogId));
    }
    return id;
  };

  const snapshot = async (id: string): Promise<DecisionSnapshot> => {
    const s = await engine.get(id);
    if (!s) throw new Error(`no decision ${id}`);
    return s;
  };

  /** The sample payload of the version the decision follows. */
  const sample = (s: DecisionSnapshot, type: EventType) => (s.definition.version === 1 ? v1SamplePayload : v2SamplePayload)(type, s.procedure.context as ProcedureContext);
  const payload = async (id: string, type: EventType) => sample(await snapshot(id), type);

  const senderOf = (s: DecisionSnapshot, type: EventType): Actor => {
    const who = EVENT_ACTORS[type];
    const inOther = s.organId === d.units.otherGov.id;
    if (who.role === 'legal_reviewer') return { ...actor('reviewer', d.units.justice), orgUnitId: inOther ? d.units.otherGov.id : d.units.justice.id };
    if (who.role === 'department') {
      const unitId = who.unit === 'implementing' ? (s.implementingUnitId ?? s.undertakingUnitId) : s.undertakingUnitId;
      return { ...actor(inOther ? 'otherDepartment' : 'department', d.units.ndrc), orgUnitId: unitId };
    }
    return { ...actor(inOther ? 'otherOffice' : 'office', d.units.gov), orgUnitId: s.organId };
  };

  const advance: DecisionFixture['advance'] = async (id, types, patch = {}) => {
    let s = await snapshot(id);
    for (const type of types) {
      // The sample discussion names a placeholder unit: here the undertaking unit implements.
      const implementing = type === 'RECORD_DISCUSSION' ? { implementingUnitId: s.undertakingUnitId } : {};
      const p = { ...sample(s, type), ...implementing, ...(patch[type] ?? {}) };
      s = await engine.apply(id, { type, payload: p }, senderOf(s, type), { system: type === 'CATALOG_PUBLISHED' });
    }
    return s;
  };

  const decision: DecisionFixture['decision'] = async (spec = {}) => {
    const organ = spec.organ ?? d.units.gov;
    const undertaking = spec.undertaking ?? d.units.ndrc;
    const year = spec.year ?? 2026;
    const requirements = spec.requirements ?? ALL_REQUIRED;
    const title = spec.title ?? `决策事项 ${randomUUID().slice(0, 8)}`;
    const category = spec.category ?? 'public_policy';
    const created = await engine.create(
      {
        catalogId: await catalogOf(organ.id, year),
        organId: organ.id,
        undertakingUnitId: undertaking.id,
        year,
        title,
        category,
        input: { requirements, affectsMarket: spec.affectsMarket === true, ...(spec.plan ? { year, ...spec.plan } : {}) },
        item: { title, category, undertakingUnitId: undertaking.id, legalBasis: ['价格法'], requirements, ...spec.plan },
      },
      actor(organ.id === d.units.otherGov.id ? 'otherOffice' : 'office', organ),
    );
    if (spec.through?.length) await advance(created.id, spec.through, spec.patch);
    return created.id;
  };

  return { engine, decision, advance, payload, snapshot, actor };
}
