/**
 * The history of the knowledge base (issue 8 item 8): one row per import into the store (who, when,
 * from where, replace or merge, what it changed). The knowledge base itself stays in license_facts,
 * obligations and compliance_actions; this table only grows.
 */
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store.js';

export function knowledgeBaseImports(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('knowledge_base_imports')
        .addColumn('id', 'integer', (c) =>
          dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity(),
        )
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('author', 'text')
        .addColumn('licenses', 'integer', (c) => c.notNull())
        .addColumn('obligations', 'integer', (c) => c.notNull())
        .addColumn('actions', 'integer', (c) => c.notNull())
        .addColumn('applied', 'integer', (c) => c.notNull())
        .addColumn('issues', 'integer', (c) => c.notNull())
        .execute();
    },
  };
}
