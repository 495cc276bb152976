import { Migrator, type Kysely } from 'kysely';
import type { Store, StoreDialect } from './store.js';
import type { Database } from './schema.js';
import { connectPostgres, connectSqlite } from './connect.js';
import { migrationProvider } from './migrations.js';
import { createStore } from './create-store.js';

export interface StoreOptions {
  /** SQLite file; default $VIGIE_DB or ./vigie.db. Ignored when a databaseUrl is given. */
  sqlitePath?: string;
  /** PostgreSQL URL; default $VIGIE_DATABASE_URL. When set, PostgreSQL is used. */
  databaseUrl?: string;
  /** PostgreSQL schema to work in (created when missing); tests use one per test. Default: public. */
  schema?: string;
  /** Run pending migrations on open (default true). */
  migrate?: boolean;
}

/** Opens (and by default migrates) the store: PostgreSQL when a URL is given or set in the environment, else SQLite. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const databaseUrl = options.databaseUrl ?? (options.sqlitePath ? undefined : process.env.VIGIE_DATABASE_URL);
  const dialect: StoreDialect = databaseUrl ? 'postgres' : 'sqlite';
  const db = databaseUrl
    ? await connectPostgres(databaseUrl, options.schema)
    : connectSqlite(options.sqlitePath ?? process.env.VIGIE_DB ?? './vigie.db');
  if (options.migrate !== false) {
    try {
      await migrate(db, dialect, options.schema);
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  return createStore({ db, dialect });
}

export async function migrate(db: Kysely<Database>, dialect: StoreDialect, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect),
    ...(dialect === 'postgres' && schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown migration';
    throw new Error(`store migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
