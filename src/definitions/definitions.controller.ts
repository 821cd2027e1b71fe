import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi/api-docs';
import { WorkflowDto } from './definitions.dto';
import { DIAGRAM_FORMATS, DefinitionsService, type Workflow } from './definitions.service';

/** The procedure definitions (any signed-in user). */
@ApiTags('workflows')
@ApiProblems(401)
@Controller('workflows')
export class DefinitionsController {
  constructor(private readonly definitions: DefinitionsService) {}

  @Get()
  @ApiOperation({ summary: 'The procedure definitions: stages, events, steps and who sends each event' })
  @ApiOkResponse({ type: WorkflowDto, isArray: true })
  list(): Workflow[] {
    return this.definitions.list();
  }

  @Get(':id/:version/diagram')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'The statechart as Mermaid stateDiagram-v2 text' })
  @ApiQuery({ name: 'format', required: false, enum: DIAGRAM_FORMATS })
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string', example: 'stateDiagram-v2\n  [*] --> proposed' } })
  @ApiProblems(400, 404)
  diagram(@Param('id') id: string, @Param('version') version: string, @Query('format') format?: unknown): string {
    return this.definitions.diagram(id, version, format);
  }
}
