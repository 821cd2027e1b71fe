import { DomainError } from '../common/errors/domain-error';
import { legalBasis } from '../../workflows/legal-basis';
import type { MissingStep } from '../../workflows/definition';

/** 422: the procedure forbids it. The refusal is stored as a violation attempt before this is thrown. */
export class ProcedureViolationError extends DomainError {
  constructor(
    code: string,
    detail: string,
    info: { decisionId: string | null; event: string; stage: string | null; legalBasis: string[]; missing: MissingStep[]; violationId?: string },
  ) {
    super(422, code, detail, {
      decisionId: info.decisionId,
      event: info.event,
      stage: info.stage,
      missing: info.missing,
      legalBasis: legalBasis(info.legalBasis),
      ...(info.violationId ? { violationId: info.violationId } : {}),
    });
  }
}
