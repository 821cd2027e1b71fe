import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsString, IsUUID, Matches, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '../auth/auth-user';
import { USERNAME_PATTERN } from '../config/app-config';
import { IsName } from '../common/validation';
import { IsAcceptablePassword, PASSWORD_MIN_LENGTH } from './password-policy';

/** The password rule, as the OpenAPI document states it. */
export const PASSWORD_RULE_DESCRIPTION =
  `At least ${PASSWORD_MIN_LENGTH} characters and at most 72 bytes (UTF-8), from at least three of: lowercase letters, ` +
  'uppercase letters, digits, other characters; not containing the username (in any case); not a common password.';

/** Roles, as the OpenAPI document states their combinations. */
const ROLES_DESCRIPTION =
  '`admin` and `auditor` are each held alone (separation of duties, 三员分立); `office`, `department` and ' +
  '`legal_reviewer` may be combined. Another combination is a 400 ROLE_CONFLICT naming `roles`.';

/** May be left out, but not sent as null: a PATCH field is either a value or absent. */
const MayBeAbsent = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** Roles: a non-empty set of known roles, each once. */
function IsRoleSet(): PropertyDecorator {
  return (target, propertyName) => {
    IsArray()(target, propertyName);
    ArrayNotEmpty()(target, propertyName);
    ArrayMaxSize(ROLES.length)(target, propertyName);
    ArrayUnique()(target, propertyName);
    IsIn(ROLES, { each: true, message: `each value in roles must be one of ${ROLES.join(', ')}` })(target, propertyName);
  };
}

/** Usernames are case-insensitive: stored and compared in lowercase. */
export const lowercase = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.toLowerCase() : value);

export class CreateUserDto {
  @ApiProperty({
    example: 'zhang.san',
    description: 'Case-insensitive (stored in lowercase)',
    pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$',
  })
  @Transform(lowercase)
  @IsString()
  @Matches(USERNAME_PATTERN, {
    message: '须为 2–64 个字符，只能用字母、数字和 . _ @ -，且以字母或者数字开头',
  })
  username: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, writeOnly: true, example: 'Spring-Rain-2026', description: PASSWORD_RULE_DESCRIPTION })
  @IsString()
  @IsAcceptablePassword('username')
  password: string;

  @ApiProperty({ example: '张三', maxLength: 200 })
  @IsName()
  displayName: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'orgUnitId must be a UUID' })
  orgUnitId: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['department'], description: ROLES_DESCRIPTION })
  @IsRoleSet()
  roles: Role[];
}

/** PATCH /users/:id: every field optional; what is absent stays as it is. */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: '张三', maxLength: 200 })
  @MayBeAbsent()
  @IsName()
  displayName?: string;

  @ApiPropertyOptional({
    enum: ROLES,
    isArray: true,
    example: ['office'],
    description: `${ROLES_DESCRIPTION} A change ends the user's existing tokens.`,
  })
  @MayBeAbsent()
  @IsRoleSet()
  roles?: Role[];

  @ApiPropertyOptional({ description: "true disables the account (it can no longer sign in); a change ends the user's existing tokens." })
  @MayBeAbsent()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: "The user's organisation unit; a change ends the user's existing tokens." })
  @MayBeAbsent()
  @IsUUID('all', { message: 'orgUnitId must be a UUID' })
  orgUnitId?: string;
}

/** POST /users/:id/password: an administrator sets a new password. */
export class ResetPasswordDto {
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, writeOnly: true, example: 'Autumn-Leaf-2026', description: PASSWORD_RULE_DESCRIPTION })
  @IsString()
  @IsAcceptablePassword()
  password: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'zhang.san' }) username: string;
  @ApiProperty({ example: '张三' }) displayName: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null only for the first administrator' })
  orgUnitId: string | null;
  @ApiProperty({ example: '区发改局', nullable: true, type: String, description: 'The name now of the unit (null without one)' }) orgUnitName: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ type: [String], example: ['决策承办单位'], description: 'The word of each of roles, in the same order' }) roleLabels: string[];
  @ApiProperty() disabled: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
