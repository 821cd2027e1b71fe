import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { CatalogExportService } from './catalog-export';
import { CatalogImportService } from './catalog-import';
import { CatalogTransferController } from './catalog-transfer.controller';
import { CatalogsController } from './catalogs.controller';
import { CatalogsRepository } from './catalogs.repository';
import { CatalogsService } from './catalogs.service';
import { PublicCatalogsController } from './public-catalogs.controller';
import { PublicCatalogsService } from './public-catalogs.service';

/**
 * Annual decision catalogs (年度重大行政决策事项目录), their public view, and catalogs as tables
 * (import, export, template). CatalogTransferController comes first: its `GET /catalogs/template.xlsx`
 * must be routed before `GET /catalogs/:id`. The import and export services serve the command line too.
 */
@Module({
  imports: [OrgUnitsModule],
  controllers: [CatalogTransferController, CatalogsController, PublicCatalogsController],
  providers: [CatalogsService, PublicCatalogsService, CatalogsRepository, CatalogImportService, CatalogExportService],
  exports: [CatalogsService, CatalogImportService, CatalogExportService],
})
export class CatalogsModule {}
