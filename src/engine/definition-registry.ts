import type { ProcedureDefinition } from '../../workflows/definition';
import { majorDecisionV1Definition } from '../../workflows/major-decision/v1';

/**
 * Procedure definitions keyed by `id@version`. A decision stores the version it started with and
 * always runs on it; new decisions take the latest version of their procedure.
 */
export class DefinitionRegistry {
  private readonly byKey = new Map<string, ProcedureDefinition>();

  constructor(definitions: readonly ProcedureDefinition[] = [majorDecisionV1Definition as ProcedureDefinition]) {
    for (const d of definitions) this.register(d);
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

  all(): ProcedureDefinition[] {
    return [...this.byKey.values()].sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
  }
}
