import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../common/auth';
import { ApiPage, ApiProblems } from '../common/openapi/api-docs';
import { type Page, PageQueryDto } from '../common/pagination';
import { LimitRefusals } from '../engine/refusal-limit.interceptor';
import { DecisionDetailDto, DecisionEventDto, DecisionListDto, DecisionListQueryDto, RecordEntryDto, ViolationEntryDto } from './decision.dto';
import { DecisionsService, type DecisionDetail, type DecisionSummary, type RecordEntry, type ViolationEntry } from './decisions.service';

/**
 * Decisions and their procedure. Every procedure role reads within its scope and the auditor reads
 * everything; the administrator is no procedure actor (403). Who may send which event is decided
 * per decision in the service, after the scope check (404 before 403).
 */
@ApiTags('decisions')
@ApiProblems(401, 403)
@Roles('office', 'department', 'legal_reviewer', 'auditor')
@Controller('decisions')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Get()
  @ApiOperation({ summary: 'Decisions in the caller’s scope, newest first: { items, total }' })
  @ApiOkResponse({ type: DecisionListDto })
  @ApiProblems(400)
  list(@CurrentUser() user: AuthUser, @Query() query: DecisionListQueryDto): Promise<{ items: DecisionSummary[]; total: number }> {
    return this.decisions.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A decision, its progress and the events the caller may send now' })
  @ApiOkResponse({ type: DecisionDetailDto })
  @ApiProblems(404)
  detail(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<DecisionDetail> {
    return this.decisions.detail(user, id);
  }

  @Post(':id/events')
  @HttpCode(200)
  @LimitRefusals()
  @ApiOperation({ summary: 'Send a procedure event: the one door for every step of the procedure' })
  @ApiBody({ type: DecisionEventDto })
  @ApiOkResponse({ type: DecisionDetailDto })
  @ApiProblems(400, 404, 409, 422, 429)
  sendEvent(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: unknown): Promise<DecisionDetail> {
    return this.decisions.sendEvent(user, id, body);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'The procedure record (决策过程记录), oldest first, with its hash chain; a payload over 4,096 characters of JSON is cut (payloadTruncated)' })
  @ApiPage(RecordEntryDto)
  @ApiProblems(400, 404)
  history(@CurrentUser() user: AuthUser, @Param('id') id: string, @Query() query: PageQueryDto): Promise<Page<RecordEntry>> {
    return this.decisions.history(user, id, query);
  }

  @Get(':id/history/:seq')
  @ApiOperation({ summary: 'One row of the procedure record, its payload whole' })
  @ApiOkResponse({ type: RecordEntryDto })
  @ApiProblems(404)
  historyEntry(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('seq') seq: string): Promise<RecordEntry> {
    return this.decisions.historyEntry(user, id, seq);
  }

  @Get(':id/violations')
  @ApiOperation({ summary: 'Refused attempts on this decision, newest first' })
  @ApiPage(ViolationEntryDto)
  @ApiProblems(400, 404)
  violations(@CurrentUser() user: AuthUser, @Param('id') id: string, @Query() query: PageQueryDto): Promise<Page<ViolationEntry>> {
    return this.decisions.violations(user, id, query);
  }
}
