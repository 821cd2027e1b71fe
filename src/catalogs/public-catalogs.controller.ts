import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth';
import { ApiPage, ApiProblems } from '../common/openapi/api-docs';
import { type Page, PageQueryDto } from '../common/pagination';
import { CatalogQueryDto, PublicCatalogDto } from './catalog.dto';
import { PublicCatalogsService, type PublicCatalog } from './public-catalogs.service';

/** The catalogs as published to the public (向社会公布), without a token. */
@ApiTags('public')
@Public()
@Controller('public/catalogs')
export class PublicCatalogsController {
  constructor(private readonly catalogs: PublicCatalogsService) {}

  @Get()
  @ApiOperation({ summary: 'Published catalogs, each with the first 50 items its last publication listed (itemCount counts them all)' })
  @ApiPage(PublicCatalogDto)
  @ApiProblems(400)
  list(@Query() query: CatalogQueryDto): Promise<Page<PublicCatalog>> {
    return this.catalogs.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A published catalog with one page of the items its last publication listed (`page`, `pageSize`: default 1 and 50)' })
  @ApiOkResponse({ type: PublicCatalogDto })
  @ApiProblems(400, 404)
  detail(@Param('id') id: string, @Query() query: PageQueryDto): Promise<PublicCatalog> {
    return this.catalogs.detail(id, query);
  }
}
