/** What every repository works with, and the few value conversions the two dialects need. */
import type { Kysely } from 'kysely';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { Database } from './schema.js';
import type { StoreDialect } from './store.js';
import type { BackgroundCheckpoints } from './sqlite-checkpoints.js';

export interface StoreContext {
  db: Kysely<Database>;
  dialect: StoreDialect;
  /** SQLite only: the connection Kysely uses, for bulk writes through prepared statements. */
  sqlite?: SqliteDatabase;
  /** True when `db` is a transaction (the connection is held by the caller). */
  inTransaction?: boolean;
  /** SQLite on a file: its log checkpointed on a worker thread after large transactions (ADR 60). */
  checkpoints?: BackgroundCheckpoints;
}

/**
 * SQLite outside a transaction: `read` given the context of a read transaction of its own, so that
 * a read made of several statements, with the event loop turning between them, sees the store at
 * one moment (another process may commit meanwhile; ADR 64). Otherwise null: the caller reads as
 * it is (PostgreSQL, or inside the caller's transaction).
 */
export function sqliteReadTransaction<T>(ctx: StoreContext, read: (tx: StoreContext) => Promise<T>): Promise<T> | null {
  if (ctx.dialect !== 'sqlite' || ctx.inTransaction) return null;
  return ctx.db.transaction().execute((trx) => read({ ...ctx, db: trx, inTransaction: true }));
}

export function nowIso(): string {
  return new Date().toISOString();
}

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(text: string | null, fallback: T): T {
  if (text === null || text === '') return fallback;
  return JSON.parse(text) as T;
}

/** better-sqlite3 cannot bind booleans: SQLite gets 0/1. */
export function toBool(ctx: StoreContext, value: boolean | null): boolean | number | null {
  if (value === null) return null;
  return ctx.dialect === 'sqlite' ? (value ? 1 : 0) : value;
}

export function fromBool(value: boolean | number | null): boolean | null {
  return value === null ? null : value === true || value === 1;
}

/** PostgreSQL returns bigint aggregates as strings. */
export function toCount(value: string | number | bigint | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/**
 * Rows per multi-row statement so that rows × columns stays under both SQLite's 32766 and
 * PostgreSQL's 65535 bound parameters.
 */
export function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.floor(30000 / columns));
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
