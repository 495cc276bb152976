/**
 * Many rows into one table, fast on both dialects, for imports of 100k components: SQLite runs one
 * prepared multi-row statement per 200 rows on the store's own connection (inside the caller's transaction, or in
 * one of its own), PostgreSQL sends one `INSERT … SELECT FROM unnest(array, …)` per chunk (one bound
 * parameter per column instead of one per value). Query-builder overhead per value is what made
 * bulk writes slow; the statements themselves stay plain SQL with bound values.
 */
import { sql } from 'kysely';
import type { StoreContext } from './context.js';

export interface BulkColumn {
  name: string;
  type: 'integer' | 'text' | 'boolean';
}

export interface BulkInsertOptions {
  /** Rows that collide on these columns' unique key are skipped (ON CONFLICT DO NOTHING). */
  skipConflictsOn?: readonly string[];
}

const POSTGRES_ROWS_PER_STATEMENT = 20_000;
const SQLITE_ROWS_PER_STATEMENT = 200;
/** Bound parameters per SQLite statement (its limit is 32,766 since 3.32). */
const SQLITE_PARAMETERS = 2_000;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Inserts rows (values in column order; booleans already as the dialect stores them); returns how many were written. */
export async function bulkInsert(
  ctx: StoreContext,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly unknown[][],
  options: BulkInsertOptions = {},
): Promise<number> {
  return (await insertRows(ctx, table, columns, rows, options, null)) as number;
}

/**
 * As bulkInsert, and returns the named columns of the rows written (rows skipped as conflicts are
 * not returned), so that a caller learns the ids it created without reading them back.
 */
export async function bulkInsertReturning<R>(
  ctx: StoreContext,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly unknown[][],
  returning: readonly string[],
  options: BulkInsertOptions = {},
): Promise<R[]> {
  return (await insertRows(ctx, table, columns, rows, options, returning)) as R[];
}

async function insertRows(
  ctx: StoreContext,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly unknown[][],
  options: BulkInsertOptions,
  returning: readonly string[] | null,
): Promise<number | unknown[]> {
  const returned: unknown[] = [];
  if (rows.length === 0) return returning ? returned : 0;
  for (const name of [table, ...columns.map((c) => c.name), ...(options.skipConflictsOn ?? []), ...(returning ?? [])]) {
    if (!IDENTIFIER.test(name)) throw new Error(`bulkInsert: "${name}" is not a plain identifier`);
  }
  const conflict = options.skipConflictsOn ? ` ON CONFLICT (${options.skipConflictsOn.join(', ')}) DO NOTHING` : '';
  const tail = `${conflict}${returning ? ` RETURNING ${returning.join(', ')}` : ''}`;
  const names = columns.map((c) => c.name).join(', ');
  if (ctx.dialect === 'sqlite' && ctx.sqlite) {
    const database = ctx.sqlite;
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const statementFor = (count: number) =>
      database.prepare(`INSERT INTO ${table} (${names}) VALUES ${Array(count).fill(tuple).join(', ')}${tail}`);
    const execute = (statement: ReturnType<typeof statementFor>, values: unknown[]): number => {
      if (!returning) return statement.run(values).changes;
      const got = statement.all(values);
      for (const row of got) returned.push(row);
      return got.length;
    };
    // Many rows per statement: one call into SQLite per SQLITE_ROWS_PER_STATEMENT rows instead of one per row.
    const perStatement = Math.max(
      1,
      Math.min(SQLITE_ROWS_PER_STATEMENT, Math.floor(SQLITE_PARAMETERS / columns.length)),
    );
    const insertAll = () => {
      let written = 0;
      const full = rows.length >= perStatement ? statementFor(perStatement) : null;
      let start = 0;
      for (; full && start + perStatement <= rows.length; start += perStatement)
        written += execute(full, rows.slice(start, start + perStatement).flat());
      if (start < rows.length) written += execute(statementFor(rows.length - start), rows.slice(start).flat());
      return written;
    };
    // Inside a transaction the connection is already ours; otherwise take it through a transaction
    // of our own, so that no other caller's statements interleave with these rows.
    const written = ctx.inTransaction ? insertAll() : await ctx.db.transaction().execute(async () => insertAll());
    return returning ? returned : written;
  }
  let written = 0;
  for (let start = 0; start < rows.length; start += POSTGRES_ROWS_PER_STATEMENT) {
    const part = rows.slice(start, start + POSTGRES_ROWS_PER_STATEMENT);
    const arrays = columns.map((c, i) => sql`${part.map((row) => row[i])}::${sql.raw(c.type)}[]`);
    const result =
      await sql`${sql.raw(`INSERT INTO ${table} (${names}) SELECT * FROM unnest(`)}${sql.join(arrays)}${sql.raw(`)${tail}`)}`.execute(
        ctx.db,
      );
    written += Number(result.numAffectedRows ?? 0);
    if (returning) for (const row of result.rows) returned.push(row);
  }
  return returning ? returned : written;
}
