import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../common/auth';
import { ApiPage, ApiProblems } from '../common/openapi/api-docs';
import { type Page, PageQueryDto } from '../common/pagination';
import { LimitRefusals } from '../engine/refusal-limit.interceptor';
import { AddCatalogItemDto, CatalogDto, CatalogItemDto, CatalogQueryDto, CreateCatalogDto, PublishCatalogDto, RestrictedCatalogItemDto, WithdrawItemDto } from './catalog.dto';
import type { CatalogItemView, CatalogView } from './catalog-views';
import { CatalogsService } from './catalogs.service';

/**
 * 年度重大行政决策事项目录. Every procedure role may read the catalogs in its scope; `admin` is not a
 * procedure actor. Routes on one catalog check scope (404) before role (403), so their role checks
 * live in the service, and their bodies are validated there too (the order of checks in the README: 404 → 403 → 400).
 */
@ApiTags('catalogs')
@ApiExtraModels(CatalogItemDto, RestrictedCatalogItemDto)
@ApiProblems(401, 403)
@Roles('office', 'department', 'legal_reviewer', 'auditor')
@Controller('catalogs')
export class CatalogsController {
  constructor(private readonly catalogs: CatalogsService) {}

  @Post()
  @Roles('office')
  @ApiOperation({ summary: 'Create the catalog of the office’s own organ for a year (office)' })
  @ApiCreatedResponse({ type: CatalogDto })
  @ApiProblems(400, 409)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCatalogDto): Promise<CatalogView> {
    return this.catalogs.create(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Catalogs the caller sees, newest year first' })
  @ApiPage(CatalogDto)
  @ApiProblems(400)
  list(@CurrentUser() user: AuthUser, @Query() query: CatalogQueryDto): Promise<Page<CatalogView>> {
    return this.catalogs.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A catalog with one page of its items (`page`, `pageSize`: default 1 and 50), each with stage and progress; `itemCount` counts them all' })
  @ApiOkResponse({ type: CatalogDto })
  @ApiProblems(400, 404)
  get(@CurrentUser() user: AuthUser, @Param('id') id: string, @Query() query: PageQueryDto): Promise<CatalogView> {
    return this.catalogs.get(user, id, query);
  }

  @Post(':id/items')
  @LimitRefusals()
  @ApiOperation({ summary: 'Propose an item, which is also the decision (the organ’s office, or the undertaking department)' })
  @ApiBody({ type: AddCatalogItemDto })
  @ApiCreatedResponse({ type: CatalogItemDto })
  @ApiProblems(400, 404, 422, 429)
  addItem(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: unknown): Promise<CatalogItemView> {
    return this.catalogs.addItem(user, id, body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @LimitRefusals()
  @ApiOperation({ summary: 'Publish the catalog with the party committee’s approval: every proposed item becomes cataloged (office); answers the catalog with the first 50 items' })
  @ApiBody({ type: PublishCatalogDto })
  @ApiOkResponse({ type: CatalogDto })
  @ApiProblems(400, 404, 409, 422, 429)
  publish(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: unknown): Promise<CatalogView> {
    return this.catalogs.publish(user, id, body);
  }

  @Delete(':id/items/:decisionId')
  @LimitRefusals()
  @ApiOperation({ summary: 'Withdraw an item whose procedure has not started (office); the decision is kept as withdrawn' })
  @ApiBody({ type: WithdrawItemDto })
  @ApiOkResponse({ type: CatalogItemDto })
  @ApiProblems(400, 404, 422, 429)
  withdrawItem(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('decisionId') decisionId: string,
    @Body() body: unknown,
  ): Promise<CatalogItemView> {
    return this.catalogs.withdrawItem(user, id, decisionId, body);
  }
}
