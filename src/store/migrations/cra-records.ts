/**
 * CRA records and the evidence log (issue 12, items 2, 3, 6). One record per product (JSON, checked
 * by cra/record before it is stored). The evidence log is keyed by its sequence number and names its
 * subject as text, not by a foreign key: deleting a product must not delete (rewrite) the history.
 */
import type { Kysely, Migration } from 'kysely';

export function craRecords(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('cra_records')
        .addColumn('product_id', 'integer', (c) => c.primaryKey().references('products.id').onDelete('cascade'))
        .addColumn('record', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('evidence_log')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull().unique())
        .execute();
      await db.schema.createIndex('evidence_log_subject_idx').on('evidence_log').column('subject').execute();
    },
  };
}
