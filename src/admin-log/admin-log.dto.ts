import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { IsBusinessDate } from '../common/validation';
import { ADMIN_ACTIONS, ADMIN_TARGET_KINDS, type AdminAction } from './admin-labels';

/** `?from=&to=&action=&page=&pageSize=` of GET /audit/admin-log. */
export class AdminLogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'First business day (YYYY-MM-DD, in TZ_BUSINESS) of recordedAt, included' })
  @IsOptional()
  @IsBusinessDate({ message: 'from 应为 YYYY-MM-DD 格式的有效日期' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last business day (YYYY-MM-DD, in TZ_BUSINESS) of recordedAt, included; not before from' })
  @IsOptional()
  @IsBusinessDate({ message: 'to 应为 YYYY-MM-DD 格式的有效日期' })
  to?: string;

  @ApiPropertyOptional({ enum: ADMIN_ACTIONS, description: 'One kind of action' })
  @IsOptional()
  @IsIn(ADMIN_ACTIONS, { message: `action 应为 ${ADMIN_ACTIONS.join('、')} 之一` })
  action?: AdminAction;
}

class AdminLogActorDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ example: 'admin', description: 'The username it signed in with when it acted' }) username: string;
  @ApiProperty({ example: '系统管理员 王五', nullable: true, type: String, description: 'The account’s display name now (null once no such account exists)' })
  displayName: string | null;
}

class AdminLogTargetDto {
  @ApiProperty({ enum: ADMIN_TARGET_KINDS }) kind: string;
  @ApiProperty({ example: '账号' }) kindLabel: string;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '区发改局', nullable: true, type: String, description: 'The unit’s name or the account’s display name now' }) name: string | null;
  @ApiPropertyOptional({ example: 'fgj', description: 'An account’s username now' }) username?: string;
}

export class AdminLogEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-03-02T01:15:00.000Z' }) recordedAt: string;
  @ApiProperty({ enum: ADMIN_ACTIONS }) action: string;
  @ApiProperty({ example: '调整账号角色' }) actionLabel: string;
  @ApiProperty({ type: AdminLogActorDto, nullable: true, description: 'Null when the service itself acted (the first administrator at first start, a migration)' })
  actor: AdminLogActorDto | null;
  @ApiProperty({ type: AdminLogTargetDto }) target: AdminLogTargetDto;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, example: { roles: ['department'] }, description: 'The changed fields as they were (never a password or its hash)' })
  before: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, example: { roles: ['department', 'office'] }, description: 'The changed fields as they became' })
  after: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { '3f0c…': '区发改局' }, description: 'The names now of the units that before and after name (orgUnitId, parentId)' })
  unitNames: Record<string, string>;
  @ApiPropertyOptional({ description: 'Why the service itself made the change' }) note?: string;
}
