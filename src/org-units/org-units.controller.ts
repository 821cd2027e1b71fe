import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth';
import { ApiPage, ApiProblems } from '../common/openapi/api-docs';
import { type Page, PageQueryDto } from '../common/pagination';
import { CreateOrgUnitDto, OrgUnitDto, UpdateOrgUnitDto } from './org-unit.dto';
import { OrgUnitsService, type OrgUnit } from './org-units.service';

@ApiTags('org-units')
@ApiProblems(401)
@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly orgUnits: OrgUnitsService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create an organisation unit (admin)' })
  @ApiCreatedResponse({ type: OrgUnitDto })
  @ApiProblems(400, 403)
  create(@Body() dto: CreateOrgUnitDto): Promise<OrgUnit> {
    return this.orgUnits.create(dto);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Deactivate a dissolved or merged unit, or activate it again (admin)' })
  @ApiOkResponse({ type: OrgUnitDto })
  @ApiProblems(400, 403, 404, 409)
  update(@Param('id') id: string, @Body() dto: UpdateOrgUnitDto): Promise<OrgUnit> {
    return this.orgUnits.setActive(id, dto.active);
  }

  @Get()
  @ApiOperation({ summary: 'List organisation units, oldest first' })
  @ApiPage(OrgUnitDto)
  @ApiProblems(400)
  list(@Query() query: PageQueryDto): Promise<Page<OrgUnit>> {
    return this.orgUnits.list(query);
  }
}
