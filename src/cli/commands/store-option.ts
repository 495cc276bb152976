import type { StoreOptions } from '../../store/index.js';

export const DB_OPTION_HELP = 'SQLite file or PostgreSQL URL (default: $VIGIE_DATABASE_URL, else $VIGIE_DB, else ./vigie.db)';

/** `--db` takes either a SQLite path or a postgres:// URL; relative paths are from the working directory. */
export function storeOptionsFrom(db: string | undefined): StoreOptions {
  if (db === undefined) return {};
  return /^postgres(ql)?:\/\//.test(db) ? { databaseUrl: db } : { sqlitePath: db };
}
