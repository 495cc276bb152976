/**
 * Issue 10 (AI models and datasets): a release's AI lineage edges (model → base model or dataset,
 * with the edge kind), stored as edges like the dependency graph (ADR 7), and the release's use
 * declaration that the licences' use restrictions are judged against (ADR 17).
 */
import type { Kysely, Migration } from 'kysely';

export function aiLineageAndUse(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('lineage_edges')
        .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
        .addColumn('parent_version_id', 'integer', (c) => c.references('versions.id').onDelete('cascade'))
        .addColumn('child_version_id', 'integer', (c) => c.notNull().references('versions.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('lineage_edges_release_idx').on('lineage_edges').column('release_id').execute();
      await db.schema
        .createTable('release_use_declarations')
        .addColumn('release_id', 'integer', (c) => c.primaryKey().references('releases.id').onDelete('cascade'))
        .addColumn('declaration', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .execute();
    },
  };
}
