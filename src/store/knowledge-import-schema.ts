// Row type of the knowledge base's import history (migration 0018), as Kysely sees it.
import type { Generated } from 'kysely';

export interface KnowledgeImportTables {
  knowledge_base_imports: {
    id: Generated<number>;
    imported_at: string;
    source: string;
    mode: string;
    author: string | null;
    licenses: number;
    obligations: number;
    actions: number;
    applied: number;
    issues: number;
  };
}
