import { ApiProperty } from '@nestjs/swagger';

export class WorkflowDto {
  @ApiProperty({ example: 'major-decision' }) id: string;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ type: [String], example: ['proposed', 'cataloged', 'drafting'] }) stages: string[];
  @ApiProperty({ type: [String], example: ['START_DRAFTING', 'RECORD_DRAFT'] }) events: string[];
  @ApiProperty({ type: [String], example: ['catalog', 'start', 'draft'] }) steps: string[];
  @ApiProperty({ type: [String], description: 'Events the engine sends itself, never accepted from a client' }) systemEvents: string[];
  @ApiProperty({
    type: 'object',
    description: 'Who sends each event: the role, and which unit of the decision it acts for',
    additionalProperties: {
      type: 'object',
      properties: {
        role: { type: 'string', enum: ['office', 'department', 'legal_reviewer', 'system'] },
        unit: { type: 'string', enum: ['organ', 'undertaking', 'implementing', 'reviewing_government'] },
      },
    },
    example: { START_DRAFTING: { role: 'office', unit: 'organ' } },
  })
  actors: Record<string, { role: string; unit: string }>;
  @ApiProperty({
    type: 'object',
    description: 'The Chinese words of the codes a person reads: stages, steps, events (and ITEM_PROPOSED) and step statuses, each a map from code to word',
    properties: {
      stages: { type: 'object', additionalProperties: { type: 'string' } },
      steps: { type: 'object', additionalProperties: { type: 'string' } },
      events: { type: 'object', additionalProperties: { type: 'string' } },
      statuses: { type: 'object', additionalProperties: { type: 'string' } },
    },
    example: { stages: { drafting: '决策草案形成中' }, steps: { draft: '拟订决策草案' }, events: { RECORD_DRAFT: '登记决策草案' }, statuses: { done: '已完成' } },
  })
  labels: { stages: Record<string, string>; steps: Record<string, string>; events: Record<string, string>; statuses: Record<string, string> };
}
