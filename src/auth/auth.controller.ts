import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public } from '../common/auth';
import { ApiProblems } from '../common/openapi/api-docs';
import { UserDto } from '../users/user.dto';
import { UsersService, type UserView } from '../users/users.service';
import type { AuthUser } from './auth-user';
import { ChangePasswordDto, LoginDto, LoginResponseDto } from './auth.dto';
import { AuthService, type LoginResult } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in',
    description:
      'Only failed attempts count. Per username and client address, 10 failures within 15 minutes pass; after that each ' +
      'attempt waits 1 minute after the latest failure, doubled for every further failure, at most 15 minutes (429 with ' +
      '`Retry-After` and `retryAfterSeconds`). Per client address, 100 failures within 15 minutes, whatever the usernames. ' +
      'Nothing counts per username alone. An account whose roles may not be held together is refused with 403 ROLE_CONFLICT.',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiProblems(400, 401, 403, 429)
  login(@Body() dto: LoginDto, @Ip() clientAddress: string): Promise<LoginResult> {
    return this.auth.login(dto.username, dto.password, clientAddress);
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(401, 403)
  me(@CurrentUser() user: AuthUser): Promise<UserView> {
    return this.users.get(user.userId);
  }

  @Post('password')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change the signed-in user’s password',
    description:
      'Ends every other token of the user at once and answers with a fresh one. A wrong `currentPassword` is a 400 ' +
      'CURRENT_PASSWORD_WRONG and counts as a failed login of this username from this address (429 once the limit is reached).',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiProblems(400, 401, 403, 429)
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto, @Ip() clientAddress: string): Promise<LoginResult> {
    return this.auth.changePassword(user, dto.currentPassword, dto.newPassword, clientAddress);
  }
}
