import type { DataSource, QueryRunner } from 'typeorm';

export type Row = Record<string, unknown>;
export type Dialect = 'sqlite' | 'postgres';

/** What a repository may do inside a unit of work; the ORM's EntityManager never leaves this file. */
export interface Tx {
  readonly dialect: Dialect;
  /** Rows of a SELECT (or of a RETURNING clause). SQL uses `?` placeholders on every dialect. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * Rows of a SELECT as arrays of values in the order of its columns: for long scans (chain
   * verification), where building an object per row costs more than reading it.
   */
  values(sql: string, params?: readonly unknown[]): Promise<unknown[][]>;
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

/** The part of a `pg` client used in array mode. */
interface PgClient {
  query(q: { text: string; values: unknown[]; rowMode: 'array' }): Promise<{ rows: unknown[][] }>;
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

  async values(sql: string, params: readonly unknown[] = []): Promise<unknown[][]> {
    // The driver's own client, in array mode: no object per row, and none of the ORM's bookkeeping.
    const client = (await this.qr.connect()) as PgClient;
    const res = await client.query({ text: toPg(sql), values: params as unknown[], rowMode: 'array' });
    return res.rows;
  }

  async execute(sql: string, params: readonly unknown[] = []): Promise<number> {
    const res = await this.qr.query(this.dialect === 'postgres' ? toPg(sql) : sql, params as unknown[], true);
    return res.affected ?? 0;
  }
}

/** The parts of a better-sqlite3 handle used here. */
interface SqliteHandle {
  prepare(sql: string): SqliteStatement;
  readonly inTransaction: boolean;
}
interface SqliteStatement {
  readonly reader: boolean;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number };
  raw(toggle?: boolean): SqliteStatement;
}

/**
 * Statements straight on the better-sqlite3 handle TypeORM opened, prepared once and cached. The
 * ORM's query path awaits a broadcaster and a logger several times per statement; a step runs five
 * statements, and on the hot path (P1) that bookkeeping cost more than the SQL itself.
 */
class SqliteHandleTx implements Tx {
  readonly dialect = 'sqlite' as const;
  constructor(private readonly statements: (sql: string, raw?: boolean) => SqliteStatement) {}

  query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    try {
      const stmt = this.statements(sql);
      const bound = bind(params);
      return Promise.resolve((stmt.reader ? stmt.all(...bound) : (stmt.run(...bound), [])) as T[]);
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  values(sql: string, params: readonly unknown[] = []): Promise<unknown[][]> {
    try {
      // A statement of its own, in raw mode, beside the one `query` uses for the same text.
      return Promise.resolve(this.statements(sql, true).all(...bind(params)) as unknown[][]);
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  execute(sql: string, params: readonly unknown[] = []): Promise<number> {
    try {
      return Promise.resolve(this.statements(sql).run(...bind(params)).changes);
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }
}

const MAX_CACHED_STATEMENTS = 500;
/** Units of work committed together at most (group commit on SQLite). */
const MAX_BATCH = 64;

interface PendingWrite {
  fn: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** The batch's transaction ended under a unit (SQLite rolls back on I/O errors and the like). */
class BatchLostError extends Error {
  constructor(override readonly cause: unknown) {
    super('the transaction was lost');
  }
}

/** better-sqlite3 binds neither booleans nor undefined. */
const bind = (params: readonly unknown[]): unknown[] =>
  params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p === undefined ? null : p));

/**
 * Units of work over the data source.
 *
 * SQLite: TypeORM 1.1 runs every query runner on the one better-sqlite3 connection and does not
 * serialize transactions, so one request's ROLLBACK could end another's transaction. Here every
 * unit of work, read or write, passes one mutex and runs on the driver's one better-sqlite3
 * handle, with prepared statements cached. PostgreSQL: a pooled connection per unit of work;
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
  private readonly pendingWrites: PendingWrite[] = [];
  private batchQueued = false;
  private readonly statements = new Map<string, SqliteStatement>();
  private sqliteTx?: SqliteHandleTx;

  private constructor(private readonly dataSource: DataSource) {
    this.dialect = dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.dialect === 'sqlite') {
      return new Promise<T>((resolve, reject) => {
        this.pendingWrites.push({ fn, resolve, reject } as PendingWrite);
        if (!this.batchQueued) {
          this.batchQueued = true;
          this.scheduleBatch();
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

  /**
   * Group commit on SQLite: the units of work that queued up while the previous commit was running
   * share one transaction (and so one WAL sync at `synchronous=FULL`), each inside its own
   * savepoint, so that a unit that fails leaves nothing behind and the others still commit. Each
   * unit is answered only after the shared COMMIT, so nothing is acknowledged before it is durable.
   * If the transaction itself is lost (an I/O error ends it), every unit of the batch fails.
   */
  /**
   * The batch starts on the next turn of the event loop, not at once: requests whose bytes already
   * arrived then reach their write too and join it. Started at once, a batch would hold the one
   * unit that asked, because the sync of its COMMIT blocks the loop before any other request runs.
   */
  private scheduleBatch(): void {
    setImmediate(() => void this.mutex.run(() => this.commitBatch()));
  }

  private async commitBatch(): Promise<void> {
    const batch = this.pendingWrites.splice(0, MAX_BATCH);
    this.batchQueued = this.pendingWrites.length > 0;
    if (this.batchQueued) this.scheduleBatch();
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      const tx = this.sqlite();
      await tx.execute('BEGIN IMMEDIATE');
      for (const unit of batch) {
        if (batch.length > 1) await tx.execute('SAVEPOINT unit_of_work');
        try {
          const value = await unit.fn(tx);
          if (batch.length > 1) await tx.execute('RELEASE unit_of_work');
          outcomes.push({ ok: true, value });
        } catch (error) {
          if (!this.handle().inTransaction) throw new BatchLostError(error);
          if (batch.length > 1) {
            await tx.execute('ROLLBACK TO unit_of_work');
            await tx.execute('RELEASE unit_of_work');
          }
          outcomes.push({ ok: false, error });
        }
      }
      if (batch.length === 1 && !outcomes[0].ok) await tx.execute('ROLLBACK');
      else await tx.execute('COMMIT');
    } catch (err) {
      if (this.sqliteTx && this.handle().inTransaction) await this.sqliteTx.execute('ROLLBACK').catch(() => undefined);
      const cause = err instanceof BatchLostError ? err.cause : err;
      // The unit that was running keeps its own error; the others learn that their transaction did not commit.
      batch.forEach((unit, i) =>
        unit.reject(batch.length === 1 || i === outcomes.length ? cause : new Error('the transaction was rolled back', { cause })),
      );
      return;
    }
    batch.forEach((unit, i) => {
      const o = outcomes[i];
      if (o.ok) unit.resolve(o.value);
      else unit.reject(o.error);
    });
  }

  read<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.dialect === 'sqlite') return this.mutex.run(() => fn(this.sqlite()));
    return this.withPgRunner((qr) => fn(new QueryRunnerTx(qr, 'postgres')));
  }

  async close(): Promise<void> {
    await this.mutex.run(() => {
      this.statements.clear();
      this.sqliteTx = undefined;
      return Promise.resolve();
    });
  }

  private handle(): SqliteHandle {
    const handle = (this.dataSource.driver as unknown as { databaseConnection?: SqliteHandle }).databaseConnection;
    if (!handle) throw new Error('the SQLite data source is not initialized');
    return handle;
  }

  private sqlite(): SqliteHandleTx {
    if (!this.sqliteTx) {
      const handle = this.handle();
      this.sqliteTx = new SqliteHandleTx((sql, raw = false) => {
        const key = raw ? `raw:${sql}` : sql;
        let stmt = this.statements.get(key);
        if (!stmt) {
          // List queries with IN (?, …) of varying length are distinct texts: keep the cache bounded.
          if (this.statements.size >= MAX_CACHED_STATEMENTS) this.statements.clear();
          stmt = handle.prepare(sql);
          this.statements.set(key, raw ? stmt.raw(true) : stmt);
        }
        return stmt;
      });
    }
    return this.sqliteTx;
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
