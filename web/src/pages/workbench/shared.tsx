/** What the workbench's sections share: a link to a case, a case's next open step, a refused request shown where it was made. */
import { useState } from 'react';
import type { DecisionListItemDto } from '../../api/generated';
import { ProblemError } from '../../api';
import type { Problem } from '../../components/Refusal';
import { href } from '../../router';

export const caseLink = (id: string, title: string) => <a href={href('cases', id)}>{title}</a>;

/** The first step of a case still open, with its due day: what its undertaking unit must do next. */
export const openStep = (d: DecisionListItemDto) => d.progress.find((p) => p.status === 'pending' || p.status === 'in_progress');

/** A refused request shown where it was made. */
export function useProblem(): [Problem | null, (e: unknown) => void, () => void] {
  const [problem, setProblem] = useState<Problem | null>(null);
  return [problem, (e) => setProblem(e instanceof ProblemError ? e.problem : { detail: String(e) }), () => setProblem(null)];
}
