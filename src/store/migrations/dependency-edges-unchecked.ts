/**
 * Dependency edges without foreign keys (ADR 36). An import of 100k components writes ~300k edges,
 * and PostgreSQL checked each one's three references row by row (a trigger per reference): about
 * 2.5 s of the server's time per import, more than writing the rows. Every edge is written by an
 * import from versions it has just upserted, in the transaction that holds the release, and
 * versions are never deleted; the release's deletion (and its product's) deletes its edges
 * explicitly instead of by cascade (portfolio-repo). The table keeps its columns and index.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../store.js';

export function dependencyEdgesUnchecked(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === 'postgres') {
        // Names are PostgreSQL's own (table_column_fkey); they are read rather than assumed.
        const found = await sql<{ name: string }>`
          SELECT c.conname AS name FROM pg_constraint c
          WHERE c.contype = 'f' AND c.conrelid = 'dependency_edges'::regclass`.execute(db);
        for (const { name } of found.rows)
          await sql`ALTER TABLE dependency_edges DROP CONSTRAINT ${sql.id(name)}`.execute(db);
        return;
      }
      // SQLite cannot drop a constraint: the table is rebuilt with the same columns, rows and index.
      // In one transaction (Kysely runs SQLite migrations outside one): never a table half rebuilt.
      await db.transaction().execute(async (trx) => {
        await trx.schema
          .createTable('dependency_edges_rebuilt')
          .addColumn('release_id', 'integer', (c) => c.notNull())
          .addColumn('project', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('parent_version_id', 'integer')
          .addColumn('child_version_id', 'integer', (c) => c.notNull())
          .execute();
        await sql`INSERT INTO dependency_edges_rebuilt (release_id, project, parent_version_id, child_version_id)
          SELECT release_id, project, parent_version_id, child_version_id FROM dependency_edges ORDER BY rowid`.execute(
          trx,
        );
        await trx.schema.dropTable('dependency_edges').execute();
        await trx.schema.alterTable('dependency_edges_rebuilt').renameTo('dependency_edges').execute();
        await trx.schema
          .createIndex('dependency_edges_release_idx')
          .on('dependency_edges')
          .column('release_id')
          .execute();
      });
    },
  };
}
