/**
 * Issue 10: the AI variant of a component version — its model card or dataset facts (model/ai.ts) —
 * kept per version as imported, like the version's licences, so the release views and the API show
 * models and datasets without re-reading the stored documents.
 */
import type { Kysely, Migration } from 'kysely';

export function aiVersionFacts(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('version_ai_facts')
        .addColumn('version_id', 'integer', (c) => c.primaryKey().references('versions.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('facts', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
