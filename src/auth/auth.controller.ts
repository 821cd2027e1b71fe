import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public } from '../common/auth';
import { ApiProblems } from '../common/openapi/api-docs';
import { UserDto } from '../users/user.dto';
import { UsersService, type User } from '../users/users.service';
import type { AuthUser } from './auth-user';
import { LoginDto, LoginResponseDto } from './auth.dto';
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
  @ApiOperation({ summary: 'Sign in; only failed attempts count toward the limit (10 per 15 minutes)' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiProblems(400, 401, 429)
  login(@Body() dto: LoginDto, @Ip() clientAddress: string): Promise<LoginResult> {
    return this.auth.login(dto.username, dto.password, clientAddress);
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(401)
  me(@CurrentUser() user: AuthUser): Promise<User> {
    return this.users.get(user.userId);
  }
}
