import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../common/auth';
import { ApiPage, ApiProblems } from '../common/openapi/api-docs';
import { type Page, PageQueryDto } from '../common/pagination';
import { CreateOrgUnitDto, OrgUnitDto, UpdateOrgUnitDto } from './org-unit.dto';
import { OrgUnitsService, type OrgUnitView } from './org-units.service';

@ApiTags('org-units')
@ApiProblems(401)
@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly orgUnits: OrgUnitsService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: 'Create an organisation unit (admin)',
    description: 'A name another unit under the same parent already has (inactive units included) is a 409 ORG_UNIT_NAME_TAKEN naming `name`. Written to the admin log.',
  })
  @ApiCreatedResponse({ type: OrgUnitDto })
  @ApiProblems(400, 403, 409)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateOrgUnitDto): Promise<OrgUnitView> {
    return this.orgUnits.create(dto, user);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary: 'Rename a unit, deactivate a dissolved or merged one, or activate it again (admin)',
    description:
      '`name` renames (409 ORG_UNIT_NAME_TAKEN when another unit under the same parent has it); `active` false deactivates, ' +
      'true activates again; at least one of them. Each change is written to the admin log.',
  })
  @ApiOkResponse({ type: OrgUnitDto })
  @ApiProblems(400, 403, 404, 409)
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdateOrgUnitDto): Promise<OrgUnitView> {
    return this.orgUnits.update(id, dto, user);
  }

  @Get()
  @ApiOperation({ summary: 'List organisation units, oldest first' })
  @ApiPage(OrgUnitDto)
  @ApiProblems(400)
  list(@Query() query: PageQueryDto): Promise<Page<OrgUnitView>> {
    return this.orgUnits.list(query);
  }
}
