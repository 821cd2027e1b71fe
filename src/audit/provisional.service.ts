import { Injectable } from '@nestjs/common';
import { provisionalKindLabel, provisionalStatusLabel } from '../../workflows/labels';
import { LEGAL_BASIS, type LegalBasis } from '../../workflows/legal-basis';
import { STEP_LABELS } from '../../workflows/major-decision/v1/labels';
import type { AuthUser } from '../auth/auth-user';
import { Page } from '../common/pagination';
import { TransactionRunner } from '../database/transaction-runner';
import { auditOrgans, auditScope } from './audit-scope';
import type { ProvisionalQueryDto, ProvisionalUseView } from './provisional.dto';
import { listProvisionalUses, type AuditProvisionalSqlRow } from './provisional.repository';

/**
 * `GET /audit/provisional`: every check and due day that was counted on the provisional calendar
 * of a year without an official schedule, newest noted first, and once the year's notice is
 * loaded, what the official calendar gives and whether it still holds (src/calendar/provisional-log.ts).
 */
@Injectable()
export class AuditProvisionalService {
  constructor(private readonly runner: TransactionRunner) {}

  async list(user: AuthUser, q: ProvisionalQueryDto): Promise<Page<ProvisionalUseView>> {
    const organIds = auditOrgans(auditScope(user), q.organId);
    const { rows, total } = await this.runner.read((tx) => listProvisionalUses(tx, { organIds, year: q.year, status: q.status, kind: q.kind }, q.offset, q.pageSize));
    return new Page(rows.map(toView), total);
  }
}

const stepLabel = (step: string): string => (Object.hasOwn(STEP_LABELS, step) ? STEP_LABELS[step as keyof typeof STEP_LABELS] : step);

function toView(row: AuditProvisionalSqlRow): ProvisionalUseView {
  const official = row.official_result === null ? null : (JSON.parse(row.official_result) as Record<string, unknown>);
  return {
    id: row.id,
    decisionId: row.decision_id,
    title: row.title,
    organId: row.organ_id,
    organName: row.organ_name,
    revision: Number(row.revision),
    kind: row.kind,
    kindLabel: provisionalKindLabel(row.kind),
    step: row.step,
    stepLabel: stepLabel(row.step),
    ...(row.event !== null ? { event: row.event } : {}),
    ...(row.seq !== null ? { seq: Number(row.seq) } : {}),
    rule: row.rule,
    legalBasis: (JSON.parse(row.legal_basis) as string[]).map((id): LegalBasis => LEGAL_BASIS[id] ?? { id, law: '', article: '', summary: '' }),
    year: Number(row.year),
    inputs: JSON.parse(row.inputs) as Record<string, unknown>,
    provisional: JSON.parse(row.provisional_result) as Record<string, unknown>,
    provisionalDataVersion: row.calendar_data_version,
    notedAt: row.noted_at,
    status: row.status,
    statusLabel: provisionalStatusLabel(row.status),
    holds: row.status === 'pending' ? null : row.status !== 'broken',
    official,
    officialDataVersion: row.official_data_version,
    recheckedAt: row.rechecked_at,
  };
}
