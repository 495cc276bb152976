import type { Store } from './store.js';

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

export async function openStore(options: StoreOptions = {}): Promise<Store> {
  void options;
  throw new Error('openStore: implementation in progress');
}
