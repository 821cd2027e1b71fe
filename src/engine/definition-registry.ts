import type { ProcedureDefinition } from '../../workflows/definition';
import { majorDecisionV1Definition } from '../../workflows/major-decision/v1';
import { majorDecisionV2Definition } from '../../workflows/major-decision/v2';

/** Every procedure definition the service runs: each decision on the version it started with. */
export const ALL_DEFINITIONS: readonly ProcedureDefinition[] = [majorDecisionV1Definition as ProcedureDefinition, majorDecisionV2Definition as ProcedureDefinition];

/**
 * Procedure definitions keyed by `id@version`. A decision stores the version it started with and
 * always runs on it; new decisions take the version configured for their procedure
 * (`defaultVersions`, e.g. MAJOR_DECISION_DEFAULT_VERSION), else the latest.
 */
export class DefinitionRegistry {
  private readonly byKey = new Map<string, ProcedureDefinition>();

  constructor(
    definitions: readonly ProcedureDefinition[] = [majorDecisionV1Definition as ProcedureDefinition],
    private readonly defaultVersions: Readonly<Record<string, number>> = {},
  ) {
    for (const d of definitions) this.register(d);
    for (const [id, version] of Object.entries(defaultVersions)) this.get(id, version);
  }

  register(def: ProcedureDefinition): void {
    const key = `${def.id}@${def.version}`;
    if (this.byKey.has(key)) throw new Error(`procedure definition ${key} is already registered`);
    this.byKey.set(key, def);
  }

  get(id: string, version: number): ProcedureDefinition {
    const def = this.byKey.get(`${id}@${version}`);
    if (!def) throw new Error(`procedure definition ${id}@${version} is not registered`);
    return def;
  }

  latest(id: string): ProcedureDefinition {
    let best: ProcedureDefinition | undefined;
    for (const d of this.byKey.values()) if (d.id === id && (!best || d.version > best.version)) best = d;
    if (!best) throw new Error(`no procedure definition ${id}`);
    return best;
  }

  /** The definition a new decision of procedure `id` starts on: the configured version, else the latest. */
  forNew(id: string): ProcedureDefinition {
    const version = this.defaultVersions[id];
    return version === undefined ? this.latest(id) : this.get(id, version);
  }

  all(): ProcedureDefinition[] {
    return [...this.byKey.values()].sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
  }
}

/** The registry of every definition the service runs, new decisions of `major-decision` on `majorDecisionVersion` (default: the latest). */
export function serviceRegistry(majorDecisionVersion?: number): DefinitionRegistry {
  return new DefinitionRegistry(ALL_DEFINITIONS, majorDecisionVersion === undefined ? {} : { 'major-decision': majorDecisionVersion });
}
