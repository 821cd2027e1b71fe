import { Controller, Get, Injectable, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../common/auth';
import { NotFoundError } from '../common/errors/domain-error';
import { ApiProblems } from '../common/openapi/api-docs';
import { TransactionRunner } from '../database/transaction-runner';
import { ChainVerifier, type ChainProblem } from '../engine/chain-verifier';
import { AUDIT_ROLES, auditScope, auditSees } from './audit-scope';

/** What a broken chain means, for the person reading the answer. */
export const PROBLEM_TEXT: Record<ChainProblem, string> = {
  hash: '该条记录的内容与其哈希值不符，或者未接续上一条记录的哈希值：记录已被改动',
  sequence: '记录序号缺失或者顺序被打乱：中间的记录已被删除或者调换',
  tail: '记录的末尾与决策事项登记的最后一条不符：最后的记录已被删除，或者决策事项被改动',
  stage: '决策事项当前所处阶段与最后一条记录不符：决策事项已被改动',
};

export interface DecisionVerification {
  decisionId: string;
  ok: boolean;
  events: number;
  brokenAtSeq?: number;
  problem?: ChainProblem;
  reason?: string;
  verifiedAt: string;
}

export interface AllVerification {
  ok: boolean;
  decisions: number;
  events: number;
  broken: Array<{ decisionId: string; seq: number; problem: ChainProblem; reason: string }>;
  verifiedAt: string;
}

class BrokenChainDto {
  @ApiProperty({ format: 'uuid' }) decisionId: string;
  @ApiProperty({ example: 5, description: 'The first seq that does not hold' }) seq: number;
  @ApiProperty({ enum: ['hash', 'sequence', 'tail', 'stage'] }) problem: string;
  @ApiProperty({ example: PROBLEM_TEXT.hash }) reason: string;
}

export class DecisionVerificationDto {
  @ApiProperty({ format: 'uuid' }) decisionId: string;
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'Record rows read' }) events: number;
  @ApiPropertyOptional({ description: 'The first seq that does not hold' }) brokenAtSeq?: number;
  @ApiPropertyOptional({ enum: ['hash', 'sequence', 'tail', 'stage'] }) problem?: string;
  @ApiPropertyOptional({ description: 'What the problem means, in Chinese' }) reason?: string;
  @ApiProperty({ description: 'When the rows were read (ISO-8601 UTC)' }) verifiedAt: string;
}

export class AllVerificationDto {
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'Decisions verified (those of the caller’s organs)' }) decisions: number;
  @ApiProperty({ description: 'Record rows read' }) events: number;
  @ApiProperty({ type: [BrokenChainDto] }) broken: BrokenChainDto[];
  @ApiProperty() verifiedAt: string;
}

/**
 * Chain verification for auditors: recomputes every hash from the rows as they are stored now (no
 * cache, no stored verdict), a decision at a time or every decision of the caller's organs, in pages.
 */
@Injectable()
export class AuditVerifyService {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly verifier: ChainVerifier,
  ) {}

  async decision(user: AuthUser, id: string): Promise<DecisionVerification> {
    const scope = auditScope(user);
    const [row] = await this.runner.read((tx) => tx.query<{ organ_id: string }>('SELECT organ_id FROM decision WHERE id = ?', [id]));
    if (!row || !auditSees(scope, row.organ_id)) throw new NotFoundError('decision', id);
    const res = await this.verifier.verifyDecision(id);
    if (!res) throw new NotFoundError('decision', id);
    const verifiedAt = new Date().toISOString();
    if (res.ok) return { decisionId: id, ok: true, events: res.events, verifiedAt };
    const problem = res.problem as ChainProblem;
    return { decisionId: id, ok: false, events: res.events, brokenAtSeq: res.brokenAtSeq, problem, reason: PROBLEM_TEXT[problem], verifiedAt };
  }

  async all(user: AuthUser): Promise<AllVerification> {
    const scope = auditScope(user);
    const res = await this.verifier.verifyAll({ organIds: scope.organIds });
    return { ...res, broken: res.broken.map((b) => ({ ...b, reason: PROBLEM_TEXT[b.problem] })), verifiedAt: new Date().toISOString() };
  }
}

@ApiTags('audit')
@ApiProblems(401, 403)
@Roles(...AUDIT_ROLES)
@Controller('audit')
export class AuditVerifyController {
  constructor(private readonly verify: AuditVerifyService) {}

  @Get('decisions/:id/verify')
  @ApiOperation({ summary: 'Recompute one decision’s hash chain from the stored rows (auditor; office: its own organ)' })
  @ApiOkResponse({ type: DecisionVerificationDto })
  @ApiProblems(404)
  decision(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<DecisionVerification> {
    return this.verify.decision(user, id);
  }

  @Get('verify')
  @ApiOperation({ summary: 'Recompute every decision’s hash chain, naming each broken decision and seq (auditor; office: its own organ)' })
  @ApiOkResponse({ type: AllVerificationDto })
  all(@CurrentUser() user: AuthUser): Promise<AllVerification> {
    return this.verify.all(user);
  }
}
