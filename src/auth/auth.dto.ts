import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsAcceptablePassword, PASSWORD_MIN_LENGTH } from '../users/password-policy';
import { PASSWORD_RULE_DESCRIPTION, UserDto } from '../users/user.dto';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'Spring-Rain-2026', writeOnly: true })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty({ writeOnly: true, description: 'The password the user signs in with now' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  currentPassword: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, writeOnly: true, example: 'Winter-Snow-2027', description: PASSWORD_RULE_DESCRIPTION })
  @IsString()
  @IsAcceptablePassword()
  newPassword: string;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`' }) accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Lifetime of the token, seconds', example: 28800 }) expiresIn: number;
  @ApiProperty({ type: UserDto }) user: UserDto;
}
