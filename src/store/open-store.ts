import { Migrator, sql, type Kysely } from 'kysely';
import type { Store, StoreDialect } from './store.js';
import type { Database } from './schema.js';
import { connectPostgres, connectSqliteWithHandle } from './connect.js';
import { migrationProvider } from './migrations.js';
import { createStore } from './create-store.js';
import { BackgroundCheckpoints } from './sqlite-checkpoints.js';

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
  const sqlitePath = options.sqlitePath ?? process.env.VIGIE_DB ?? './vigie.db';
  const { db, sqlite } = databaseUrl
    ? { db: await connectPostgres(databaseUrl, options.schema), sqlite: undefined }
    : connectSqliteWithHandle(sqlitePath);
  if (options.migrate !== false) {
    try {
      await migrate(db, dialect, options.schema);
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  // SQLite's log is checkpointed on a thread of its own (ADR 60).
  const checkpoints = sqlite ? (BackgroundCheckpoints.forConnection(sqlite, sqlitePath) ?? undefined) : undefined;
  return createStore({ db, dialect, sqlite, checkpoints });
}

export async function migrate(db: Kysely<Database>, dialect: StoreDialect, schema?: string): Promise<void> {
  if (await isAtLatestMigration(db, dialect)) return;
  // Kysely looks for its migration tables in every schema it can see unless told which one: in a
  // database where another schema holds them (another Vigie store, any Kysely application), a new
  // store in the default schema took theirs for its own and failed on "relation
  // kysely_migration_lock does not exist". The store's tables go to the connection's current schema.
  const tableSchema = dialect === 'postgres' ? (schema ?? (await currentSchema(db))) : undefined;
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect),
    // Migration numbers are reserved per piece of work and land in any order; a store already
    // migrated past a later number still takes an earlier one that arrives afterwards.
    allowUnorderedMigrations: true,
    ...(tableSchema ? { migrationTableSchema: tableSchema } : {}),
  });
  let { error, results } = await migrator.migrateToLatest();
  // Kysely's introspection scans every schema of the database with has_schema_privilege(); when
  // another store's schema is dropped during that scan, PostgreSQL raises "schema … does not exist"
  // for the vanished one. That is a race with a neighbour, not a problem of ours: try again.
  for (let attempt = 1; error && attempt <= 3 && isVanishedSchemaRace(error, tableSchema); attempt++) {
    ({ error, results } = await migrator.migrateToLatest());
  }
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'set-up';
    throw new Error(`store migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The schema unqualified names resolve to (the first of search_path that exists), or undefined. */
async function currentSchema(db: Kysely<Database>): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? undefined;
}

function isVanishedSchemaRace(error: unknown, ownSchema: string | undefined): boolean {
  const message = error instanceof Error ? error.message : String(error);
  const vanished = /(?:schema|relation) "([^".]+)(?:\.[^"]*)?" does not exist/.exec(message)?.[1];
  return vanished !== undefined && vanished !== ownSchema;
}

/**
 * Every CLI call opens the store; when the newest migration is already recorded there is nothing to
 * do, and skipping the Migrator avoids its database-wide introspection.
 */
async function isAtLatestMigration(db: Kysely<Database>, dialect: StoreDialect): Promise<boolean> {
  const names = Object.keys(await migrationProvider(dialect).getMigrations()).sort();
  const latest = names[names.length - 1];
  try {
    // The count matters too: with unordered migrations a store can hold the newest name and still
    // miss an older one that landed later.
    const { rows } = await sql<{
      name: string;
      n: number | string;
    }>`select max(name) as name, count(*) as n from kysely_migration`.execute(db);
    return latest !== undefined && rows[0]?.name === latest && Number(rows[0]?.n) === names.length;
  } catch {
    return false; // no migration table yet: a fresh database
  }
}
