// The knowledge base's import history: append and list, newest first.
import type { Selectable } from 'kysely';
import type { KnowledgeImportTables } from './knowledge-import-schema.js';
import type { StoreContext } from './context.js';
import type { KnowledgeBaseImportRecord, NewKnowledgeBaseImport, Store } from './store.js';

type Methods = Pick<Store, 'recordKnowledgeBaseImport' | 'listKnowledgeBaseImports'>;

function toRecord(row: Selectable<KnowledgeImportTables['knowledge_base_imports']>): KnowledgeBaseImportRecord {
  return {
    id: row.id,
    importedAt: row.imported_at,
    source: row.source,
    mode: row.mode as KnowledgeBaseImportRecord['mode'],
    author: row.author,
    licenses: row.licenses,
    obligations: row.obligations,
    actions: row.actions,
    applied: row.applied,
    issues: row.issues,
  };
}

export function knowledgeImportRepository({ db }: StoreContext): Methods {
  return {
    async recordKnowledgeBaseImport(input: NewKnowledgeBaseImport) {
      const row = await db
        .insertInto('knowledge_base_imports')
        .values({
          imported_at: input.importedAt,
          source: input.source,
          mode: input.mode,
          author: input.author,
          licenses: input.licenses,
          obligations: input.obligations,
          actions: input.actions,
          applied: input.applied,
          issues: input.issues,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },
    async listKnowledgeBaseImports(limit) {
      const rows = await db
        .selectFrom('knowledge_base_imports')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toRecord);
    },
  };
}
