/**
 * A cheap value that changes whenever the data a reader could see may have changed (ADR 37): read
 * caches keep what they computed beside the stamp read before computing it, and serve it again only
 * while the stamp is the same. A stamp may change without any visible change (a rolled-back write,
 * another database's transaction on a shared PostgreSQL cluster); that only costs a cache miss.
 *
 * - SQLite: the connection's count of rows changed since it opened (`total_changes()`, writes made
 *   through this process's connection) and `PRAGMA data_version` (moves when any other connection,
 *   another process's CLI import included, commits to the file). Read while holding the connection
 *   Kysely uses, so a transaction of this process is never seen half-way.
 * - PostgreSQL: the current transaction snapshot (`txid_current_snapshot()`: xmin, xmax and the
 *   transactions in progress). Which committed rows a reader sees is fixed by its snapshot, and a
 *   commit anywhere (another API process, a CLI) yields a different snapshot from then on, so an
 *   unchanged snapshot means unchanged data for every process on the database.
 * - Inside a transaction: no stamp (null), callers read directly.
 */
import { sql } from 'kysely';
import type { Statement } from 'better-sqlite3';
import type { Store } from './store.js';
import type { StoreContext } from './context.js';

const SQLITE_STAMP = 'SELECT total_changes(), (SELECT data_version FROM pragma_data_version)';

export function changeStampRepository(ctx: StoreContext): Pick<Store, 'changeStamp'> {
  let sqliteStamp: Statement | undefined;
  return {
    async changeStamp() {
      if (ctx.inTransaction) return null;
      if (ctx.dialect === 'sqlite') {
        const connection = ctx.sqlite;
        if (!connection) return null;
        sqliteStamp ??= connection.prepare(SQLITE_STAMP).raw();
        const statement = sqliteStamp;
        return ctx.db.connection().execute(async () => {
          const [changes, version] = statement.get() as [number, number];
          return `${version}:${changes}`;
        });
      }
      const { rows } = await sql<{ stamp: string }>`SELECT txid_current_snapshot()::text AS stamp`.execute(ctx.db);
      return rows[0]?.stamp ?? null;
    },
  };
}
