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
}
