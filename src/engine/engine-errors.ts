import { DomainError, type FieldError } from '../common/errors/domain-error';
import { legalBasis } from '../../workflows/legal-basis';
import type { MissingStep } from '../../workflows/definition';

/** 422: the procedure forbids it. The refusal is stored as a violation attempt before this is thrown. */
export class ProcedureViolationError extends DomainError {
  constructor(
    code: string,
    detail: string,
    info: {
      decisionId: string | null;
      event: string;
      stage: string | null;
      legalBasis: string[];
      missing: MissingStep[];
      violationId?: string;
      /** The fields that would mend the refusal, each with what would pass. */
      errors?: FieldError[];
      /** Further members of the refusal (a time limit's figures, the expert in conflict…). */
      extra?: Record<string, unknown>;
    },
  ) {
    super(422, code, detail, {
      ...info.extra,
      decisionId: info.decisionId,
      event: info.event,
      stage: info.stage,
      missing: info.missing,
      legalBasis: legalBasis(info.legalBasis),
      ...(info.errors?.length ? { errors: info.errors } : {}),
      ...(info.violationId ? { violationId: info.violationId } : {}),
    });
  }
}
