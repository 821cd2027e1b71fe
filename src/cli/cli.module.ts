import { Module, type DynamicModule } from '@nestjs/common';
import { ArchiveModule } from '../archive/archive.module';
import { CalendarModule } from '../calendar/calendar.module';
import { CatalogsModule } from '../catalogs/catalogs.module';
import { KeptCheckpointsFile } from '../checkpoints/kept-checkpoints-file';
import type { AppConfig } from '../config/app-config';
import { DatabaseModule } from '../database/database.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { EngineModule } from '../engine/engine.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { PasswordHasher } from '../users/password-hasher';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { CliIo } from './cli-io';
import { CliUsers } from './cli-user';
import { ArchiveCommand, ArchiveExportCommand } from './commands/archive.command';
import { CatalogCommand, CatalogExportCommand, CatalogImportCommand, CatalogTemplateCommand } from './commands/catalog.command';
import { DemoCommand } from './commands/demo.command';
import { UsersCommand, UsersCreateCommand, UsersDisableCommand, UsersResetPasswordCommand } from './commands/users.command';
import { VerifyCommand } from './commands/verify.command';
import { DemoService } from './demo';

/**
 * The accounts' service without the first-administrator bootstrap of UsersModule: the command line
 * creates no account by itself (and `demo` must find an empty database empty).
 */
@Module({
  imports: [OrgUnitsModule],
  providers: [UsersService, UsersRepository, PasswordHasher],
  exports: [UsersService],
})
class CliUsersModule {}

/**
 * The command line: the service's own modules on the same configuration and database (no HTTP, no
 * scheduled scan), and one provider per command.
 */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig, io: CliIo): DynamicModule {
    return {
      module: CliModule,
      imports: [DatabaseModule.forRoot(config), CalendarModule, EngineModule, OrgUnitsModule, CliUsersModule, CatalogsModule, DecisionsModule, ArchiveModule],
      providers: [
        { provide: CliIo, useValue: io },
        CliUsers,
        DemoService,
        CatalogCommand,
        CatalogImportCommand,
        CatalogExportCommand,
        CatalogTemplateCommand,
        ArchiveCommand,
        ArchiveExportCommand,
        UsersCommand,
        UsersCreateCommand,
        UsersDisableCommand,
        UsersResetPasswordCommand,
        VerifyCommand,
        KeptCheckpointsFile,
        DemoCommand,
      ],
    };
  }
}
