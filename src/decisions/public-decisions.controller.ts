import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth';
import { ApiPage, ApiProblems } from '../common/openapi/api-docs';
import type { Page } from '../common/pagination';
import { PublicDecisionDto, PublicDecisionQueryDto } from './decision.dto';
import { DecisionsService, type PublicDecision } from './decisions.service';

/**
 * Published decisions as the public sees them (SC713-32): those whose latest publication was public,
 * with that publication. Nothing internal: no version, record, actors or procedure state.
 */
@ApiTags('public')
@Public()
@Controller('public/decisions')
export class PublicDecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Get()
  @ApiOperation({ summary: 'Published decisions, latest publication first' })
  @ApiPage(PublicDecisionDto)
  @ApiProblems(400)
  list(@Query() query: PublicDecisionQueryDto): Promise<Page<PublicDecision>> {
    return this.decisions.publicList(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A published decision with its publication' })
  @ApiOkResponse({ type: PublicDecisionDto })
  @ApiProblems(404)
  detail(@Param('id') id: string): Promise<PublicDecision> {
    return this.decisions.publicDetail(id);
  }
}
