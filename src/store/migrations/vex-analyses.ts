/**
 * Triage memory (issue 11, item 5): one row per recorded analysis of a vulnerability for a
 * component scope; a change is a new row, so the table is also the history (who, when, what).
 */
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store.js';

export function vexAnalyses(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('vex_analyses')
        .addColumn('id', 'integer', (c) =>
          dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity(),
        )
        .addColumn('vulnerability_id', 'text', (c) => c.notNull())
        .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('product_id', 'integer', (c) => c.references('products.id').onDelete('cascade'))
        .addColumn('release_id', 'integer', (c) => c.references('releases.id').onDelete('cascade'))
        .addColumn('component', 'text', (c) => c.notNull())
        .addColumn('version', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('justification', 'text')
        .addColumn('vex_justification', 'text')
        .addColumn('responses', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('detail', 'text')
        .addColumn('action_statement', 'text')
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('vex_analyses_component_idx').on('vex_analyses').column('component').execute();
      await db.schema
        .createIndex('vex_analyses_vulnerability_idx')
        .on('vex_analyses')
        .column('vulnerability_id')
        .execute();
    },
  };
}
