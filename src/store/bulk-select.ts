/**
 * Rows whose column is one of many values, in one statement per dialect: SQLite reads the values
 * from one JSON parameter (`json_each`), PostgreSQL from one array parameter (`= ANY`). A query
 * builder's `IN (?, ?, …)` with thousands of bound values cost more than the lookup itself.
 */
import { sql, type Selectable } from 'kysely';
import type { StoreContext } from './context.js';
import type { Database } from './schema.js';
import { arrayLiteral } from './bulk-insert.js';

const POSTGRES_VALUES_PER_STATEMENT = 50_000;

/**
 * `distinct`: the caller's values are distinct. SQLite then walks them and looks each up in the
 * column's index (a join), where `IN` first copies them into a temporary index of its own: 100k
 * identity keys ~0.24 → ~0.15 s. With repeated values the join would give a row once per repeat.
 */
export async function selectWhereIn<T extends keyof Database>(
  ctx: StoreContext,
  table: T,
  column: keyof Database[T] & string,
  type: 'integer' | 'text',
  values: readonly (string | number)[],
  options: { distinct?: boolean } = {},
): Promise<Selectable<Database[T]>[]> {
  if (values.length === 0) return [];
  if (ctx.dialect === 'sqlite' && ctx.sqlite) {
    const statement = ctx.sqlite.prepare(
      options.distinct
        ? `SELECT ${table}.* FROM json_each(?) AS wanted JOIN ${table} ON ${table}.${column} = wanted.value`
        : `SELECT * FROM ${table} WHERE ${column} IN (SELECT value FROM json_each(?))`,
    );
    const read = () => statement.all(JSON.stringify(values)) as Selectable<Database[T]>[];
    // Outside a transaction, take the connection through one so that no other caller's open
    // transaction is read half-way.
    return ctx.inTransaction ? read() : ctx.db.transaction().execute(async () => read());
  }
  const rows: Selectable<Database[T]>[] = [];
  for (let start = 0; start < values.length; start += POSTGRES_VALUES_PER_STATEMENT) {
    const part = values.slice(start, start + POSTGRES_VALUES_PER_STATEMENT);
    const result = await sql<
      Selectable<Database[T]>
    >`SELECT * FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ANY(${arrayLiteral(part)}::${sql.raw(type)}[])`.execute(
      ctx.db,
    );
    rows.push(...result.rows);
  }
  return rows;
}
