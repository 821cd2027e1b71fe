import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth';
import { ApiPage, ApiProblems } from '../common/openapi/api-docs';
import { type Page, PageQueryDto } from '../common/pagination';
import { CreateUserDto, UserDto } from './user.dto';
import { UsersService, type User } from './users.service';

@ApiTags('users')
@ApiProblems(400, 401, 403)
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a user (admin); the password is never sent back' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiProblems(409)
  create(@Body() dto: CreateUserDto): Promise<User> {
    return this.users.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'List users (admin), oldest first' })
  @ApiPage(UserDto)
  list(@Query() query: PageQueryDto): Promise<Page<User>> {
    return this.users.list(query);
  }
}
