import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../common/auth';
import { ApiPage, ApiProblems } from '../common/openapi/api-docs';
import { type Page, PageQueryDto } from '../common/pagination';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto, UserDto } from './user.dto';
import { UsersService, type UserView } from './users.service';

@ApiTags('users')
@ApiProblems(400, 401, 403)
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a user (admin); the password is never sent back',
    description: 'Roles that may not be held together are a 400 ROLE_CONFLICT naming `roles`.',
  })
  @ApiCreatedResponse({ type: UserDto })
  @ApiProblems(409)
  create(@CurrentUser() admin: AuthUser, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(dto, admin);
  }

  @Get()
  @ApiOperation({ summary: 'List users (admin), oldest first' })
  @ApiPage(UserDto)
  list(@Query() query: PageQueryDto): Promise<Page<UserView>> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user (admin)' })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(404)
  get(@Param('id') id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a user (admin): display name, roles, unit, disabled',
    description:
      'Absent fields stay as they are. A change of roles, unit or `disabled` ends the user’s existing tokens at once ' +
      '(401 TOKEN_REVOKED on their next use). Roles that may not be held together are a 400 ROLE_CONFLICT. The last ' +
      'enabled administrator can be neither disabled nor given other roles (409 LAST_ACTIVE_ADMIN).',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(404, 409)
  update(@CurrentUser() admin: AuthUser, @Param('id') id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.users.update(id, dto, admin);
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a new password for a user (admin)',
    description: 'Ends every existing token of the user at once; the user signs in with the new password.',
  })
  @ApiNoContentResponse({ description: 'Password set; the user’s tokens have ended' })
  @ApiProblems(404)
  async resetPassword(@CurrentUser() admin: AuthUser, @Param('id') id: string, @Body() dto: ResetPasswordDto): Promise<void> {
    await this.users.setPassword(id, dto.password, { field: 'password', refuseCurrent: false, actor: admin, change: 'USER_PASSWORD_RESET' });
  }

  @Post(':id/sessions/revoke')
  @HttpCode(204)
  @ApiOperation({
    summary: 'End every session of a user (admin)',
    description: 'Every token issued to the user so far is refused from now on (401 TOKEN_REVOKED); the user may sign in again.',
  })
  @ApiNoContentResponse({ description: 'The user’s tokens have ended' })
  @ApiProblems(404)
  async revokeSessions(@CurrentUser() admin: AuthUser, @Param('id') id: string): Promise<void> {
    await this.users.revokeSessions(id, admin);
  }
}
