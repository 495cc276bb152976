/**
 * SBOM quality results per import (issue 12 item 3): the cra-annex-i profile's result for the
 * document an import read, written in the import's transaction, so that CRA Annex I Part II (1) is
 * read from the store and never recomputed by decoding the document again. Keyed by import and
 * profile: more profiles can be kept without another table.
 */
import type { Kysely, Migration } from 'kysely';

export function importQuality(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('import_quality')
        .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id').onDelete('cascade'))
        .addColumn('profile', 'text', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('import_quality_pk', ['import_id', 'profile'])
        .execute();
    },
  };
}
