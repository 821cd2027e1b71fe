/**
 * The words shown beside the codes of a view: a view keeps every code as it was (`stage`,
 * `category`, `step`…) and adds its word beside it (`stageLabel`, `categoryLabel`, `stepLabel`…),
 * read from the definition the decision runs on or from `workflows/labels.ts`. A code without a word
 * (stored by another version) is shown as itself.
 */
import type { DefinitionLabels } from '../../../workflows/definition';
import { DECISION_CATEGORY_LABELS } from '../../../workflows/major-decision/v1/labels';
import { serviceRegistry } from '../../engine/definition-registry';

const word = (table: Readonly<Record<string, string>> | undefined, code: string): string => (table && Object.hasOwn(table, code) ? table[code] : code);

/** The word of a decision category (SC713-3), shared by every definition. */
export const categoryWord = (category: string): string => word(DECISION_CATEGORY_LABELS, category);

export const stageWord = (labels: DefinitionLabels | undefined, stage: string): string => word(labels?.stages, stage);
export const stepWord = (labels: DefinitionLabels | undefined, step: string): string => word(labels?.steps, step);
export const eventWord = (labels: DefinitionLabels | undefined, type: string): string => word(labels?.events, type);
export const statusWord = (labels: DefinitionLabels | undefined, status: string): string => word(labels?.statuses, status);

let known: DefinitionLabels | undefined;
/**
 * The words of every registered definition together, the earlier versions' first overridden by the
 * later ones: for rows read without their decision's definition (a list of refused attempts).
 */
export function knownLabels(): DefinitionLabels {
  if (!known) {
    const all = serviceRegistry().all();
    const merge = (key: keyof DefinitionLabels) => Object.assign({}, ...all.map((d) => d.labels[key])) as Record<string, string>;
    known = { stages: merge('stages'), steps: merge('steps'), events: merge('events'), statuses: merge('statuses') };
  }
  return known;
}

/** An entry naming a step, with the step's word beside it. */
export const withStepLabel = <T extends { step: string }>(labels: DefinitionLabels | undefined, entry: T): T & { stepLabel: string } => ({
  ...entry,
  stepLabel: stepWord(labels, entry.step),
});
