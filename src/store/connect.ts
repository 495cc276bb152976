/** Builds the Kysely instance for one dialect, with the connection settings the store relies on. */
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { createHash } from 'node:crypto';
import type { Database } from './schema.js';
import { withStatementCache } from './statement-cache.js';
import { acceptCopies } from './postgres-copy.js';

/** Page size of a new SQLite store (bytes). */
export const SQLITE_PAGE_SIZE = 16_384;

export function connectSqlite(path: string): Kysely<Database> {
  return connectSqliteWithHandle(path).db;
}

/** The Kysely instance and the better-sqlite3 connection under it (bulk writes use the latter). */
export function connectSqliteWithHandle(path: string): { db: Kysely<Database>; sqlite: Sqlite.Database } {
  const database = new Sqlite(path);
  // A new database gets 16 KiB pages (SQLite's default is 4 KiB; an existing one keeps its own): a
  // large import writes its rows with fewer page splits and fewer pages to the log, ~0.2 s of a
  // 100k-component import's ~1.6 s of inserts (ADR 70).
  database.pragma(`page_size = ${SQLITE_PAGE_SIZE}`);
  // WAL: readers never block the writer, and a killed writer leaves the last commit intact.
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // NORMAL is durable against process crashes in WAL mode; only power loss may lose the last commit.
  database.pragma('synchronous = NORMAL');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) }),
    sqlite: database,
  };
}

const SAFE_SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

/** The advisory lock (a 64-bit key; such locks are per database) that serialises opening one schema. */
export function schemaLockKey(schema: string): string {
  // A fixed prefix keeps it apart from the store's other advisory locks; the rest is the name's hash.
  const hash = createHash('sha256').update(`vigie-schema:${schema}`).digest();
  return hash.readBigInt64BE(0).toString();
}

export async function connectPostgres(url: string, schema: string | undefined): Promise<Kysely<Database>> {
  if (schema !== undefined) {
    // The name goes into a startup option and DDL, so only plain identifiers are accepted.
    if (!SAFE_SCHEMA.test(schema))
      throw new Error(`invalid PostgreSQL schema name "${schema}" (lower-case letters, digits, _)`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // Two processes starting on a new schema at once (two `vigie serve`, their workers) would both
      // pass IF NOT EXISTS and one would fail on the catalog's unique index: the lock, held until
      // commit, makes the second wait and then find the schema made.
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [schemaLockKey(schema)]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  });
  // Bulk writes reach a client as a query it runs as COPY (postgres-copy.ts).
  pool.on('connect', acceptCopies);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
