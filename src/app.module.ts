import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { AdminLogModule } from './admin-log/admin-log.module';
import { ArchiveModule } from './archive/archive.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CatalogsModule } from './catalogs/catalogs.module';
import { CheckpointsModule } from './checkpoints/checkpoints.module';
import type { AppConfig } from './config/app-config';
import { DatabaseModule } from './database/database.module';
import { DecisionsModule } from './decisions/decisions.module';
import { DefinitionsModule } from './definitions/definitions.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { EngineModule } from './engine/engine.module';
import { HealthModule } from './health/health.module';
import { OrgUnitsModule } from './org-units/org-units.module';
import { ReviewsModule } from './reviews/reviews.module';
import { UsersModule } from './users/users.module';

/**
 * The feature modules: catalogs, decisions, reviews, audit, calendar, … — add each one here.
 * They depend on engine/ and on the foundation below, never on one another's services.
 */
const FEATURE_MODULES: NonNullable<ModuleMetadata['imports']> = [AdminLogModule, ArchiveModule, AuditModule, CatalogsModule, CheckpointsModule, DeadlinesModule, DecisionsModule, DefinitionsModule, ReviewsModule];

/** The whole service. Built by createApp (src/app.factory.ts), which applies the HTTP pipeline. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // Foundation: configuration and database (global), then identity.
        DatabaseModule.forRoot(config),
        CalendarModule,
        EngineModule,
        AuthModule,
        UsersModule,
        OrgUnitsModule,
        HealthModule,
        ...FEATURE_MODULES,
      ],
    };
  }
}
