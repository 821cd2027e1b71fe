import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID, ValidateIf, type ValidationArguments } from 'class-validator';
import { IsName } from '../common/validation';
import { ORG_UNIT_KINDS, type OrgUnitKind } from './org-unit.entity';

export class CreateOrgUnitDto {
  @ApiProperty({ example: '前进区人民政府', maxLength: 200 })
  @IsName()
  name: string;

  @ApiProperty({ enum: ORG_UNIT_KINDS, example: 'government' })
  @IsIn(ORG_UNIT_KINDS, { message: `kind must be one of ${ORG_UNIT_KINDS.join(', ')}` })
  kind: OrgUnitKind;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Required for a department or street: a unit under which a government unit is found',
  })
  @ValidateIf((dto: CreateOrgUnitDto) => dto.kind !== 'government' || dto.parentId !== undefined)
  @IsUUID('all', {
    message: ({ value }: ValidationArguments) =>
      value === undefined || value === null ? 'parentId is required for a department or street' : 'parentId must be a UUID',
  })
  parentId?: string;
}

export class OrgUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '前进区司法局' }) name: string;
  @ApiProperty({ enum: ORG_UNIT_KINDS }) kind: OrgUnitKind;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ example: '2026-01-05T08:00:00.000Z' }) createdAt: string;
}
