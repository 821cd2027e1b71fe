import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth';
import { ApiPage, ApiProblems } from '../common/openapi/api-docs';
import type { Page } from '../common/pagination';
import { CatalogQueryDto, PublicCatalogDto } from './catalog.dto';
import { PublicCatalogsService, type PublicCatalog } from './public-catalogs.service';

/** The catalogs as published to the public (向社会公布), without a token. */
@ApiTags('public')
@Public()
@Controller('public/catalogs')
export class PublicCatalogsController {
  constructor(private readonly catalogs: PublicCatalogsService) {}

  @Get()
  @ApiOperation({ summary: 'Published catalogs, each with the items its last publication listed' })
  @ApiPage(PublicCatalogDto)
  @ApiProblems(400)
  list(@Query() query: CatalogQueryDto): Promise<Page<PublicCatalog>> {
    return this.catalogs.list(query);
  }
}
