import { Inject, Injectable } from '@nestjs/common';
import { codesOf } from '../../workflows/refusal-categories';
import type { AuthUser } from '../auth/auth-user';
import { BadRequestError } from '../common/errors/domain-error';
import { Page } from '../common/pagination';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TransactionRunner } from '../database/transaction-runner';
import { toViolationEntry } from '../decisions/decisions.service';
import { auditOrgans, auditScope } from './audit-scope';
import { businessDayRange } from './business-day-bounds';
import type { AuditViolation, AuditViolationsQueryDto } from './violations.dto';
import { listViolations, type AuditViolationSqlRow } from './violations.repository';

/**
 * Every refused attempt (422) in the caller's audit scope, newest first: those on a decision and
 * those that belong to none (a refused catalog publication, an item out of the procedure's scope).
 */
@Injectable()
export class AuditViolationsService {
  constructor(
    private readonly runner: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(user: AuthUser, q: AuditViolationsQueryDto): Promise<Page<AuditViolation>> {
    const scope = auditScope(user);
    if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
      throw new BadRequestError([{ field: 'from', message: `from（${q.from}）不得晚于 to（${q.to}）` }]);
    }
    const codes = codesFilter(q.code, q.category);
    const range = businessDayRange(this.config.businessTimeZone, q.from, q.to);
    const { rows, total } = await this.runner.read((tx) => listViolations(tx, { organIds: auditOrgans(scope, q.organId), codes, ...range }, q.offset, q.pageSize));
    return new Page(rows.map(toAuditViolation), total);
  }
}

/** The codes asked for: one code, a category's codes, both (the code if it is of the category, else none), or every code (null). */
function codesFilter(code: string | undefined, category: AuditViolationsQueryDto['category']): string[] | null {
  if (category === undefined) return code === undefined ? null : [code];
  const ofCategory = codesOf(category);
  return code === undefined ? ofCategory : ofCategory.filter((c) => c === code);
}

function toAuditViolation(row: AuditViolationSqlRow): AuditViolation {
  const { id, decisionId, ...rest } = toViolationEntry(row);
  return {
    id,
    decisionId,
    ...(decisionId !== null && row.decision_title !== null ? { decisionTitle: row.decision_title } : {}),
    organId: row.organ_id,
    organName: row.organ_name,
    ...rest,
  };
}
