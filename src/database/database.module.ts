import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { openDatabase } from './data-source';
import { TransactionRunner } from './transaction-runner';

/** Closes the units of work, then the data source, when the application shuts down. */
@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(TransactionRunner) private readonly tx: TransactionRunner,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.tx.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * The configuration and the database, for every module (global).
 *
 * - `APP_CONFIG`: the AppConfig (`@Inject(APP_CONFIG) config: AppConfig`).
 * - `TransactionRunner`: the one door to SQL. Repositories use `tx.query` / `tx.execute` inside
 *   `runner.write` / `runner.read`, never TypeORM repositories, so that SQLite access stays
 *   serialized (see transaction-runner.ts).
 * - `DataSource`: opened with the migrations applied; exported for infrastructure only.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DataSource, useFactory: () => openDatabase(config.database) },
        { provide: TransactionRunner, useFactory: (ds: DataSource) => TransactionRunner.for(ds), inject: [DataSource] },
        DatabaseLifecycle,
      ],
      exports: [APP_CONFIG, DataSource, TransactionRunner],
    };
  }
}
