import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { CatalogsController } from './catalogs.controller';
import { CatalogsRepository } from './catalogs.repository';
import { CatalogsService } from './catalogs.service';
import { PublicCatalogsController } from './public-catalogs.controller';
import { PublicCatalogsService } from './public-catalogs.service';

/** Annual decision catalogs (年度重大行政决策事项目录) and their public view. */
@Module({
  imports: [OrgUnitsModule],
  controllers: [CatalogsController, PublicCatalogsController],
  providers: [CatalogsService, PublicCatalogsService, CatalogsRepository],
})
export class CatalogsModule {}
