/**
 * Issue 8 item 18: the append-only history of decisions, policy edits and release sign-off. The
 * release id is kept without a foreign key: the history of a deleted release stays readable.
 */
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store.js';

export function changeHistory(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('change_history')
        .addColumn('id', 'integer', (c) =>
          dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity(),
        )
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('release_id', 'integer')
        .addColumn('reason', 'text')
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text')
        .execute();
      await db.schema
        .createIndex('change_history_subject_idx')
        .on('change_history')
        .columns(['subject', 'subject_id'])
        .execute();
      await db.schema
        .createIndex('change_history_release_idx')
        .on('change_history')
        .columns(['release_id', 'id'])
        .execute();
    },
  };
}
