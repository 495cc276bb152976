/**
 * Many rows into one table, fast on both dialects, for imports of 100k components: SQLite runs one
 * prepared multi-row statement per 200 rows on the store's own connection (inside the caller's transaction, or in
 * one of its own), PostgreSQL sends one `INSERT … SELECT FROM unnest(array, …)` per chunk (one bound
 * parameter per column instead of one per value). Query-builder overhead per value is what made
 * bulk writes slow; the statements themselves stay plain SQL with bound values. On PostgreSQL, rows
 * that skip no conflicts go by COPY instead (postgres-copy.ts, ADR 58), four times faster again.
 */
import { sql } from 'kysely';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { StoreContext } from './context.js';
import { CopyRows, copyRows } from './postgres-copy.js';

export interface BulkColumn {
  name: string;
  type: 'integer' | 'text' | 'boolean';
}

export interface BulkInsertOptions {
  /** Rows that collide on these columns' unique key are skipped (ON CONFLICT DO NOTHING). */
  skipConflictsOn?: readonly string[];
  /**
   * The caller left out the rows it found already stored, so only a writer creating the same rows
   * at the same moment can collide: PostgreSQL then tries a plain INSERT first (see postgresWrite).
   */
  conflictsUnlikely?: boolean;
}

export interface BulkInsertIdsOptions extends BulkInsertOptions {
  /**
   * Called with the rows' ids once they are taken, before any row is written: a caller that skips
   * no conflicts knows then what the write will have stored if it succeeds, and can start work on
   * it while a database server stores the rows (PostgreSQL; on SQLite the write follows at once on
   * this thread).
   */
  idsTaken?: (ids: readonly (number | null)[]) => void;
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
  if (rows.length === 0) return 0;
  checkIdentifiers(table, columns, options);
  if (ctx.dialect === 'sqlite' && ctx.sqlite) {
    const database = ctx.sqlite;
    // Inside a transaction the connection is already ours; otherwise take it through a transaction
    // of our own, so that no other caller's statements interleave with these rows.
    const write = () => sqliteInsert(database, table, columns, rows, options, null);
    if (ctx.inTransaction) return write();
    return afterCommit(ctx, await ctx.db.transaction().execute(async () => write()));
  }
  const parts: PostgresPart[] = [];
  const size = postgresPartSize(options);
  for (let start = 0; start < rows.length; start += size)
    parts.push({ rows: rows.slice(start, start + size), ids: null });
  return (await postgresWrite(ctx, table, columns, parts, options)).reduce((a, b) => a + b, 0);
}

/**
 * As bulkInsert, and gives each row's new id, in the rows' order (null for a row skipped as a
 * conflict). The ids are taken before the rows are written and written with them: on SQLite the
 * ones after the table's largest (its AUTOINCREMENT counter, so an id is never reused), on
 * PostgreSQL from the id column's sequence. Nothing is returned per row or matched back by key;
 * only when some rows were skipped are the ids that exist read back. The table's id column must be
 * `id` and not among `columns`.
 */
export async function bulkInsertIds(
  ctx: StoreContext,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly unknown[][],
  options: BulkInsertIdsOptions = {},
): Promise<(number | null)[]> {
  if (rows.length === 0) return [];
  checkIdentifiers(table, columns, options);
  if (ctx.dialect === 'sqlite' && ctx.sqlite) {
    const database = ctx.sqlite;
    const write = () => {
      // The write lock must be held before the ids are read (one writer at a time): inside the
      // caller's transaction it is once the caller has written (an import writes its record first);
      // had another connection written since that transaction began reading, SQLite would refuse the
      // insert (SQLITE_BUSY_SNAPSHOT) rather than reuse ids. On its own, the write runs in a
      // transaction that takes the lock first (BEGIN IMMEDIATE), so it waits instead of failing.
      const counters = database
        .prepare(
          'SELECT (SELECT max(id) FROM ' +
            table +
            ') AS largest, (SELECT seq FROM sqlite_sequence WHERE name = ?) AS seq',
        )
        .get(table) as { largest: number | null; seq: number | null };
      const first = Math.max(counters.largest ?? 0, counters.seq ?? 0) + 1;
      const ids: (number | null)[] = new Array<number | null>(rows.length);
      for (let i = 0; i < rows.length; i++) ids[i] = first + i;
      options.idsTaken?.(ids);
      const written = sqliteInsert(database, table, [{ name: 'id', type: 'integer' }, ...columns], rows, options, ids);
      if (written < rows.length)
        keepExisting(
          database
            .prepare(`SELECT id FROM ${table} WHERE id BETWEEN ? AND ?`)
            .pluck()
            .all(first, first + rows.length - 1) as number[],
          ids,
        );
      return ids;
    };
    return ctx.inTransaction ? write() : afterCommit(ctx, database.transaction(write).immediate());
  }
  const parts: PostgresPart[] = [];
  const size = postgresPartSize(options);
  for (let start = 0; start < rows.length; start += size) {
    const part = rows.slice(start, start + size);
    // One row holding the ids as an int4[] (parsed to numbers), taken from the sequence: ours alone.
    // The sequence is looked up once (an uncorrelated subquery is worked out before the rows), not
    // per id: pg_get_serial_sequence per row cost ~3.5 µs, 14 times the nextval itself.
    const taken = await sql<{
      ids: number[];
    }>`SELECT array_agg(nextval((SELECT pg_get_serial_sequence(${table}, 'id')::regclass))::integer ORDER BY n) AS ids FROM generate_series(1, ${part.length}::integer) AS n`.execute(
      ctx.db,
    );
    parts.push({ rows: part, ids: taken.rows[0]!.ids });
  }
  options.idsTaken?.(parts.flatMap((p) => p.ids!));
  const written = await postgresWrite(ctx, table, [{ name: 'id', type: 'integer' }, ...columns], parts, options);
  const ids: (number | null)[] = [];
  for (let p = 0; p < parts.length; p++) {
    const partIds = parts[p]!.ids!;
    if (written[p]! < partIds.length) {
      const found = await sql<{
        id: number;
      }>`SELECT id FROM ${sql.table(table)} WHERE id = ANY(${arrayLiteral(partIds)}::integer[])`.execute(ctx.db);
      keepExisting(
        found.rows.map((r) => r.id),
        partIds,
      );
    }
    for (const id of partIds) ids.push(id);
  }
  return ids;
}

/** A bulk write that committed on its own leaves the log to the store's checkpoints, as a transaction does (ADR 60). */
function afterCommit<T>(ctx: StoreContext, result: T): T {
  ctx.checkpoints?.afterCommit();
  return result;
}

/**
 * Rows per part of a PostgreSQL bulk write. A write that goes by COPY first is one part: one COPY
 * streams every row while the server stores the ones before (20k-row parts cost each a round trip
 * and a pause between the client's last line and the server's last row). An INSERT by unnest is
 * split into statements of POSTGRES_ROWS_PER_STATEMENT rows where it is sent.
 */
function postgresPartSize(options: BulkInsertOptions): number {
  return !options.skipConflictsOn || options.conflictsUnlikely ? Number.POSITIVE_INFINITY : POSTGRES_ROWS_PER_STATEMENT;
}

interface PostgresPart {
  rows: readonly unknown[][];
  /** The rows' ids, written first, when the caller took them. */
  ids: (number | null)[] | null;
}

/**
 * The parts' statements, in order; returns how many rows each wrote. Rows unlikely to collide on
 * a unique key (conflictsUnlikely) are first written by a plain INSERT: ON CONFLICT DO NOTHING
 * makes the server probe the key before each row and then confirm a speculative insertion (~1.5 µs
 * a row more: 100k components ~0.25 -> ~0.42 s), while a collision needs another writer creating
 * the same rows at that moment. Only when the plain insert meets one (unique violation) is the work
 * undone and done again skipping conflicts: in a transaction back to a savepoint taken before the
 * first part (one per call, so that a large import does not pile up subtransactions); outside one,
 * each statement stands alone, and only the part that failed is written again.
 */
async function postgresWrite(
  ctx: StoreContext,
  table: string,
  columns: readonly BulkColumn[],
  parts: readonly PostgresPart[],
  options: BulkInsertOptions,
): Promise<number[]> {
  const written: number[] = [];
  const insert = (p: number, o: BulkInsertOptions) =>
    postgresInsert(ctx, table, columns, parts[p]!.rows, o, parts[p]!.ids);
  if (!options.skipConflictsOn || !options.conflictsUnlikely) {
    for (let p = 0; p < parts.length; p++) written[p] = await insert(p, options);
    return written;
  }
  const plain: BulkInsertOptions = {};
  if (!ctx.inTransaction) {
    for (let p = 0; p < parts.length; p++) {
      try {
        written[p] = await insert(p, plain);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        written[p] = await insert(p, options);
      }
    }
    return written;
  }
  await sql.raw('SAVEPOINT vigie_bulk_insert').execute(ctx.db);
  try {
    for (let p = 0; p < parts.length; p++) written[p] = await insert(p, plain);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await sql.raw('ROLLBACK TO SAVEPOINT vigie_bulk_insert').execute(ctx.db);
    for (let p = 0; p < parts.length; p++) written[p] = await insert(p, options);
  }
  await sql.raw('RELEASE SAVEPOINT vigie_bulk_insert').execute(ctx.db);
  return written;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/** Sets to null the ids not among those found (their rows were skipped as conflicts). */
function keepExisting(found: number[], ids: (number | null)[]): void {
  const exists = new Set(found);
  for (let i = 0; i < ids.length; i++) if (!exists.has(ids[i]!)) ids[i] = null;
}

function checkIdentifiers(table: string, columns: readonly BulkColumn[], options: BulkInsertOptions): void {
  for (const name of [table, ...columns.map((c) => c.name), ...(options.skipConflictsOn ?? [])]) {
    if (!IDENTIFIER.test(name)) throw new Error(`bulkInsert: "${name}" is not a plain identifier`);
  }
}

/**
 * Rows through prepared multi-row statements (one per SQLITE_ROWS_PER_STATEMENT rows, the same one
 * reused); each row's values are bound straight from it (with its id first when ids are given).
 */
function sqliteInsert(
  database: SqliteDatabase,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly unknown[][],
  options: BulkInsertOptions,
  ids: readonly (number | null)[] | null,
): number {
  const width = columns.length;
  const perStatement = Math.max(1, Math.min(SQLITE_ROWS_PER_STATEMENT, Math.floor(SQLITE_PARAMETERS / width)));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const text = (count: number) =>
    `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) VALUES ${Array(count).fill(tuple).join(', ')}${conflictClause(options)}`;
  const full = rows.length >= perStatement ? database.prepare(text(perStatement)) : null;
  let written = 0;
  for (let start = 0; start < rows.length; start += perStatement) {
    const end = Math.min(rows.length, start + perStatement);
    const values: unknown[] = new Array(width * (end - start));
    let k = 0;
    for (let i = start; i < end; i++) {
      const row = rows[i]!;
      if (ids) values[k++] = ids[i];
      for (let j = 0; j < row.length; j++) values[k++] = row[j];
    }
    const statement = end - start === perStatement && full ? full : database.prepare(text(end - start));
    written += statement.run(values).changes;
  }
  return written;
}

function conflictClause(options: BulkInsertOptions): string {
  return options.skipConflictsOn ? ` ON CONFLICT (${options.skipConflictsOn.join(', ')}) DO NOTHING` : '';
}

/**
 * Rows (ids first when given) by COPY when no conflict is to be skipped, else by
 * `INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING` statements; returns how many were written.
 */
async function postgresInsert(
  ctx: StoreContext,
  table: string,
  columns: readonly BulkColumn[],
  part: readonly unknown[][],
  options: BulkInsertOptions,
  ids: readonly (number | null)[] | null,
): Promise<number> {
  if (!options.skipConflictsOn)
    return copyRows(
      ctx.db,
      new CopyRows(
        table,
        columns.map((c) => c.name),
        part,
        ids,
      ),
    );
  let written = 0;
  for (let start = 0; start < part.length; start += POSTGRES_ROWS_PER_STATEMENT) {
    const end = start + POSTGRES_ROWS_PER_STATEMENT;
    written += await postgresUnnest(ctx, table, columns, part.slice(start, end), options, ids && ids.slice(start, end));
  }
  return written;
}

/** One `INSERT … SELECT FROM unnest(…)` of rows (ids first when given); returns how many were written. */
async function postgresUnnest(
  ctx: StoreContext,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly unknown[][],
  options: BulkInsertOptions,
  ids: readonly (number | null)[] | null,
): Promise<number> {
  const offset = ids ? 1 : 0;
  const arrays = columns.map(
    (c, i) => sql`${arrayLiteral(i < offset ? ids! : rows.map((row) => row[i - offset]))}::${sql.raw(c.type)}[]`,
  );
  const names = columns.map((c) => c.name).join(', ');
  const result =
    await sql`${sql.raw(`INSERT INTO ${table} (${names}) SELECT * FROM unnest(`)}${sql.join(arrays)}${sql.raw(`)${conflictClause(options)}`)}`.execute(
      ctx.db,
    );
  return Number(result.numAffectedRows ?? 0);
}

const NEEDS_ESCAPE = /["\\]/;
const ESCAPED = /["\\]/g;

/**
 * A column's values as one PostgreSQL array literal (`{"a","b\\"c",NULL}`), cast by the statement
 * to the column's type. The same text the pg driver would make from a JS array, made with less
 * work: one test over the whole column says whether any value holds a quote or a backslash (most
 * columns have none, and then no value is escaped), and a column without nulls is one join. Every
 * value is quoted, so braces, commas, spaces and the word NULL stay text; null and undefined are NULL.
 */
export function arrayLiteral(values: readonly unknown[]): string {
  if (values.length === 0) return '{}';
  // join() writes null and undefined as nothing, numbers and booleans without quotes or backslashes.
  const escape = NEEDS_ESCAPE.test(values.join(''));
  let nulls = false;
  for (let i = 0; i < values.length && !nulls; i++) nulls = values[i] === null || values[i] === undefined;
  if (!escape && !nulls) return `{"${values.join('","')}"}`;
  const pieces: string[] = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      pieces[i] = 'NULL';
      continue;
    }
    const text = typeof value === 'string' ? value : String(value);
    pieces[i] = escape && NEEDS_ESCAPE.test(text) ? `"${text.replace(ESCAPED, '\\$&')}"` : `"${text}"`;
  }
  return `{${pieces.join(',')}}`;
}
