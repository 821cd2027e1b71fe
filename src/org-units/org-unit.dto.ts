import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsUUID, ValidateIf, type ValidationArguments } from 'class-validator';
import { IsName } from '../common/validation';
import { ORG_UNIT_KINDS, type OrgUnitKind } from './org-unit-kinds';

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
      value === undefined || value === null ? '必填：部门和街道须指定上级单位' : '须为 UUID 格式的编号',
  })
  parentId?: string;
}

/** May be left out, but not sent as null: a PATCH field is either a value or absent. */
const MayBeAbsent = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** PATCH /org-units/:id: a new name, or `active`, or both (at least one). */
export class UpdateOrgUnitDto {
  @ApiPropertyOptional({
    example: '前进区发展和改革局',
    maxLength: 200,
    description: 'A new name (更名), unique under the unit’s parent; decisions and their record name the unit by id and show the new name at once',
  })
  @MayBeAbsent()
  @IsName()
  name?: string;

  @ApiPropertyOptional({
    description:
      'false deactivates a dissolved or merged unit (kept, since decisions name it; refused with 409 while it has open cases, active units below it or enabled users); true activates it again',
    example: false,
  })
  @MayBeAbsent()
  @IsBoolean({ message: 'active 须为 true 或 false' })
  active?: boolean;
}

export class OrgUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '前进区司法局' }) name: string;
  @ApiProperty({ enum: ORG_UNIT_KINDS }) kind: OrgUnitKind;
  @ApiProperty({ example: '政府工作部门', description: 'The kind’s word, beside its code' }) kindLabel: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ example: '前进区人民政府', nullable: true, type: String, description: 'The parent’s name now (null at the top)' }) parentName: string | null;
  @ApiProperty({ description: 'false once deactivated: no new case, item or unit may name it' }) active: boolean;
  @ApiProperty({ example: '2026-01-05T08:00:00.000Z' }) createdAt: string;
  @ApiProperty({ example: '2026-01-05T08:00:00.000Z' }) updatedAt: string;
}
