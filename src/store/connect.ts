/** Builds the Kysely instance for one dialect, with the connection settings the store relies on. */
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import type { Database } from './schema.js';

export function connectSqlite(path: string): Kysely<Database> {
  return connectSqliteWithHandle(path).db;
}

/** The Kysely instance and the better-sqlite3 connection under it (bulk writes use the latter). */
export function connectSqliteWithHandle(path: string): { db: Kysely<Database>; sqlite: Sqlite.Database } {
  const database = new Sqlite(path);
  // WAL: readers never block the writer, and a killed writer leaves the last commit intact.
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // NORMAL is durable against process crashes in WAL mode; only power loss may lose the last commit.
  database.pragma('synchronous = NORMAL');
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), sqlite: database };
}

const SAFE_SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

export async function connectPostgres(url: string, schema: string | undefined): Promise<Kysely<Database>> {
  if (schema !== undefined) {
    // The name goes into a startup option and DDL, so only plain identifiers are accepted.
    if (!SAFE_SCHEMA.test(schema)) throw new Error(`invalid PostgreSQL schema name "${schema}" (lower-case letters, digits, _)`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
