import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  IsUUID,
  Matches,
  MinLength,
  registerDecorator,
} from 'class-validator';
import { truncates } from 'bcryptjs';
import { ROLES, type Role } from '../auth/auth-user';
import { USERNAME_PATTERN } from '../config/app-config';
import { IsName } from '../common/validation';

export const PASSWORD_MIN_LENGTH = 10;

/** bcrypt reads only the first 72 bytes: a longer password would silently share its hash. */
function FitsBcrypt(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'fitsBcrypt',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be at most 72 bytes in UTF-8' },
      validator: { validate: (value: unknown) => typeof value === 'string' && !truncates(value) },
    });
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
    message: 'username must be 2-64 characters: letters, digits, and . _ @ - (not first)',
  })
  username: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, writeOnly: true, example: 'correct-horse-battery' })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @FitsBcrypt()
  password: string;

  @ApiProperty({ example: '张三', maxLength: 200 })
  @IsName()
  displayName: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'orgUnitId must be a UUID' })
  orgUnitId: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['department'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each value in roles must be one of ${ROLES.join(', ')}` })
  roles: Role[];
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'zhang.san' }) username: string;
  @ApiProperty({ example: '张三' }) displayName: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null only for the first administrator' })
  orgUnitId: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() disabled: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
