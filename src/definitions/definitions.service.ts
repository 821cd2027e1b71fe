import { Injectable } from '@nestjs/common';
import type { DefinitionLabels, EventActor, ProcedureDefinition } from '../../workflows/definition';
import { BadRequestError, DomainError } from '../common/errors/domain-error';
import { DefinitionRegistry } from '../engine/definition-registry';

export interface Workflow {
  id: string;
  version: number;
  stages: string[];
  events: string[];
  steps: string[];
  systemEvents: string[];
  actors: Record<string, EventActor>;
  /** The words of its stages, steps, events and step statuses, each by code. */
  labels: DefinitionLabels;
}

export const DIAGRAM_FORMATS = ['mermaid'] as const;

/** The procedure definitions the engine runs, as data and as diagrams: all derived from the statecharts. */
@Injectable()
export class DefinitionsService {
  constructor(private readonly registry: DefinitionRegistry) {}

  list(): Workflow[] {
    return this.registry.all().map((d) => ({
      id: d.id,
      version: d.version,
      stages: [...d.stages],
      events: [...d.events],
      steps: [...d.steps],
      systemEvents: [...d.systemEvents],
      actors: Object.fromEntries(d.events.map((e) => [e, d.eventActors[e]])),
      labels: d.labels,
    }));
  }

  /** The statechart as Mermaid text. Unknown definition → 404, then a format other than mermaid → 400. */
  diagram(id: string, version: string, format: unknown): string {
    const def = this.find(id, version);
    if (format !== undefined && format !== 'mermaid') {
      throw new BadRequestError([{ field: 'format', message: `须为以下取值之一：${DIAGRAM_FORMATS.join('、')}（Mermaid 状态图文本）` }]);
    }
    return def.toMermaid();
  }

  private find(id: string, version: string): ProcedureDefinition {
    const def = /^[1-9]\d{0,8}$/.test(version) ? this.registry.all().find((d) => d.id === id && d.version === Number(version)) : undefined;
    if (!def) throw new DomainError(404, 'NOT_FOUND', `没有找到决策程序定义「${id}」第 ${version} 版：已有的程序定义见 GET /workflows。`);
    return def;
  }
}
