import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { AUDIT_ROLES } from '../audit/audit-scope';
import { CurrentUser, Public, Roles } from '../common/auth';
import { ApiPage, ApiProblems } from '../common/openapi/api-docs';
import type { Page } from '../common/pagination';
import type { Checkpoint } from './checkpoint';
import type { PublicCheckpointKey } from './checkpoint-keys';
import {
  CheckpointDto,
  CheckpointKeyDto,
  CheckpointPageQueryDto,
  CheckpointVerificationDto,
  ConsistencyQueryDto,
  InclusionProofDto,
  ProofQueryDto,
  VerifyCheckpointsDto,
} from './checkpoint.dto';
import { CheckpointsService, type InclusionProof, type VerificationAnswer } from './checkpoints.service';

/** What a verification proves, said once for the routes that verify (README, "Checkpoints"). */
const VERIFICATION =
  'For every decision a kept checkpoint covers, its record rows are hashed again from their content up to the seq covered, each chained to the hash computed before it, ' +
  'and every kept checkpoint’s root is rebuilt and compared with the signed root. Consistency of two checkpoints means: for each decision of the older one, its rows up to the older head’s seq ' +
  'still hash to the older head, and the newer one covers at least as many of its rows; no RFC 6962 consistency proof is given, because the leaves are chain heads that move, not an append-only list. ' +
  'Each decision found different is named once, at the earliest kept checkpoint whose signed head no longer holds: the changed row lies after intactUpToSeq and at or before firstDifferingSeq.';

/** The checkpoints as anyone may keep them: no token (the people’s congress, the discipline commission, any citizen). */
@ApiTags('public')
@Public()
@Controller('public/checkpoints')
export class PublicCheckpointsController {
  constructor(private readonly checkpoints: CheckpointsService) {}

  @Get()
  @ApiOperation({
    summary: 'Signed checkpoints of the record, oldest first (paged; X-Total-Count): keep copies, and send them back to POST /audit/checkpoints/verify',
    description:
      'Each is a signed tree head: an RFC 6962 Merkle root over every decision’s chain head (decision id, last seq, last hash) in decision-id order, chained to the checkpoint before by prevCheckpointHash.',
  })
  @ApiPage(CheckpointDto)
  @ApiProblems(400)
  list(@Query() query: CheckpointPageQueryDto): Promise<Page<Checkpoint>> {
    return this.checkpoints.page(query);
  }

  @Get('keys')
  @ApiOperation({ summary: 'The public keys checkpoints are verified with (PEM): the current one first, then those of earlier keys' })
  @ApiOkResponse({ type: [CheckpointKeyDto] })
  keys(): PublicCheckpointKey[] {
    return this.checkpoints.keys();
  }
}

@ApiTags('audit')
@ApiProblems(401, 403)
@Controller('audit')
export class AuditCheckpointsController {
  constructor(private readonly checkpoints: CheckpointsService) {}

  @Post('checkpoints')
  @Roles('auditor')
  @ApiOperation({ summary: 'Make a checkpoint now (auditor): the chain heads of every decision, signed' })
  @ApiCreatedResponse({ type: CheckpointDto })
  @ApiProblems(409)
  async make(): Promise<Checkpoint> {
    const res = await this.checkpoints.make();
    if (!res.made) throw new Error('a checkpoint on demand is always made');
    return res.checkpoint;
  }

  @Post('checkpoints/verify')
  @HttpCode(200)
  @Roles('auditor')
  @ApiOperation({
    summary: 'Prove that today’s database still holds exactly what each kept checkpoint covered (auditor)',
    description: `${VERIFICATION} A checkpoint of the list signed by an unknown key, with a signature that does not hold, or out of order (seqs not ascending, or not chained to the one before) is refused with 422, naming it.`,
  })
  @ApiBody({ type: VerifyCheckpointsDto })
  @ApiOkResponse({ type: CheckpointVerificationDto })
  @ApiProblems(400, 422)
  verify(@Body() body: VerifyCheckpointsDto): Promise<VerificationAnswer> {
    return this.checkpoints.verify(body.checkpoints);
  }

  @Get('checkpoints/consistency')
  @Roles('auditor')
  @ApiOperation({ summary: 'Whether a newer checkpoint (and today’s record) still holds everything an older one covered, both as stored (auditor)', description: VERIFICATION })
  @ApiOkResponse({ type: CheckpointVerificationDto })
  @ApiProblems(400, 404, 422)
  consistency(@Query() query: ConsistencyQueryDto): Promise<VerificationAnswer> {
    return this.checkpoints.consistency(query.from, query.to);
  }

  @Get('decisions/:id/proof')
  @Roles(...AUDIT_ROLES)
  @ApiOperation({
    summary: 'The inclusion proof (RFC 6962 §2.1.1 audit path) of a decision’s chain head in a checkpoint (auditor; office: its own organ)',
    description: 'Hash leafData with a 0x00 byte in front, combine it with the path bottom-up (0x01 ‖ left ‖ right), and compare with checkpoint.root; then check the checkpoint’s signature.',
  })
  @ApiOkResponse({ type: InclusionProofDto })
  @ApiProblems(400, 404, 409)
  proof(@CurrentUser() user: AuthUser, @Param('id') id: string, @Query() query: ProofQueryDto): Promise<InclusionProof> {
    return this.checkpoints.proof(user, id, query.checkpoint);
  }
}
