export type DbType = 'better-sqlite3' | 'postgres';
export type SqliteSynchronous = 'FULL' | 'NORMAL';

export interface DatabaseConfig {
  type: DbType;
  /** SQLite file (its folder is created on start). */
  path: string;
  /** PostgreSQL connection string. */
  url?: string;
  synchronous: SqliteSynchronous;
  /** PostgreSQL schema (default: the server's search_path); tests use a throwaway one. */
  schema?: string;
}
