import type { DataSource, QueryRunner } from 'typeorm';

export type Row = Record<string, unknown>;
export type Dialect = 'sqlite' | 'postgres';

/** What a repository may do inside a unit of work; the ORM's EntityManager never leaves this file. */
export interface Tx {
  readonly dialect: Dialect;
  /** Rows of a SELECT (or of a RETURNING clause). SQL uses `?` placeholders on every dialect. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Affected row count of an INSERT/UPDATE/DELETE. */
  execute(sql: string, params?: readonly unknown[]): Promise<number>;
}

/** Serializes async critical sections: a FIFO promise chain. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn, fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

const pgSqlCache = new Map<string, string>();
function toPg(sql: string): string {
  let out = pgSqlCache.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    pgSqlCache.set(sql, out);
  }
  return out;
}

class QueryRunnerTx implements Tx {
  constructor(
    private readonly qr: QueryRunner,
    readonly dialect: Dialect,
  ) {}

  async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const res = await this.qr.query(this.dialect === 'postgres' ? toPg(sql) : sql, params as unknown[], true);
    return (res.records ?? []) as T[];
  }

  async execute(sql: string, params: readonly unknown[] = []): Promise<number> {
    const res = await this.qr.query(this.dialect === 'postgres' ? toPg(sql) : sql, params as unknown[], true);
    return res.affected ?? 0;
  }
}

/**
 * Units of work over the data source.
 *
 * SQLite: TypeORM 1.1 runs every query runner on the one better-sqlite3 connection and does not
 * serialize transactions, so one request's ROLLBACK could end another's transaction. Here every
 * unit of work, read or write, passes one mutex and runs on one long-lived query runner (which
 * also keeps its prepared-statement cache warm). PostgreSQL: a pooled connection per unit of work;
 * concurrency is settled in the database (row locks and version checks).
 */
export class TransactionRunner {
  private static readonly perDataSource = new WeakMap<DataSource, TransactionRunner>();

  /** The one runner of a data source: two runners would mean two mutexes on one SQLite connection. */
  static for(dataSource: DataSource): TransactionRunner {
    let runner = TransactionRunner.perDataSource.get(dataSource);
    if (!runner) TransactionRunner.perDataSource.set(dataSource, (runner = new TransactionRunner(dataSource)));
    return runner;
  }

  readonly dialect: Dialect;
  private readonly mutex = new Mutex();
  private sqliteRunner?: QueryRunner;

  private constructor(private readonly dataSource: DataSource) {
    this.dialect = dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.dialect === 'sqlite') {
      return this.mutex.run(async () => {
        const qr = this.sqlite();
        await qr.query('BEGIN IMMEDIATE');
        try {
          const out = await fn(new QueryRunnerTx(qr, 'sqlite'));
          await qr.query('COMMIT');
          return out;
        } catch (err) {
          await qr.query('ROLLBACK');
          throw err;
        }
      });
    }
    return this.withPgRunner(async (qr) => {
      await qr.startTransaction();
      try {
        const out = await fn(new QueryRunnerTx(qr, 'postgres'));
        await qr.commitTransaction();
        return out;
      } catch (err) {
        await qr.rollbackTransaction();
        throw err;
      }
    });
  }

  read<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.dialect === 'sqlite') return this.mutex.run(() => fn(new QueryRunnerTx(this.sqlite(), 'sqlite')));
    return this.withPgRunner((qr) => fn(new QueryRunnerTx(qr, 'postgres')));
  }

  async close(): Promise<void> {
    await this.mutex.run(async () => {
      if (this.sqliteRunner && !this.sqliteRunner.isReleased) await this.sqliteRunner.release();
      this.sqliteRunner = undefined;
    });
  }

  private sqlite(): QueryRunner {
    if (!this.sqliteRunner || this.sqliteRunner.isReleased) this.sqliteRunner = this.dataSource.createQueryRunner();
    return this.sqliteRunner;
  }

  private async withPgRunner<T>(fn: (qr: QueryRunner) => Promise<T>): Promise<T> {
    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    try {
      return await fn(qr);
    } finally {
      await qr.release();
    }
  }
}
