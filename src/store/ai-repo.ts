/** AI lineage edges (stored as edges beside the dependency graph, ADR 7) and release use declarations. */
import type { AiStore, StoredUseDeclaration, VersionAiFacts } from './ai-store.js';
import { selectWhereIn } from './bulk-select.js';
import type { StoreContext } from './context.js';
import { bulkInsert, type BulkColumn } from './bulk-insert.js';
import { LINEAGE_KINDS, type LineageKind } from '../model/ai.js';
import { undeclaredUse, type UseDeclaration } from '../model/use-declaration.js';

const LINEAGE_COLUMNS: BulkColumn[] = [
  { name: 'release_id', type: 'integer' },
  { name: 'parent_version_id', type: 'integer' },
  { name: 'child_version_id', type: 'integer' },
  { name: 'kind', type: 'text' },
];

const FACT_COLUMNS: BulkColumn[] = [
  { name: 'version_id', type: 'integer' },
  { name: 'kind', type: 'text' },
  { name: 'facts', type: 'text' },
];

function kindOf(value: string): LineageKind {
  // A row is only ever written from LINEAGE_KINDS; anything else is a damaged store.
  if (!(LINEAGE_KINDS as readonly string[]).includes(value)) throw new Error(`lineage_edges: unknown kind '${value}'`);
  return value as LineageKind;
}

function declarationOf(json: string): UseDeclaration {
  return { ...undeclaredUse(), ...(JSON.parse(json) as Partial<UseDeclaration>) };
}

export function aiRepository(ctx: StoreContext): AiStore {
  const { db } = ctx;
  return {
    async insertLineageEdges(edges) {
      return bulkInsert(
        ctx,
        'lineage_edges',
        LINEAGE_COLUMNS,
        edges.map((e) => [e.releaseId, e.parentVersionId, e.childVersionId, e.kind]),
      );
    },
    async listLineageEdges(releaseId) {
      const rows = await db
        .selectFrom('lineage_edges')
        .select(['release_id', 'parent_version_id', 'child_version_id', 'kind'])
        .where('release_id', '=', releaseId)
        .orderBy('child_version_id')
        .orderBy('kind')
        .execute();
      return rows.map((r) => ({
        releaseId: r.release_id,
        parentVersionId: r.parent_version_id,
        childVersionId: r.child_version_id,
        kind: kindOf(r.kind),
      }));
    },
    async deleteLineageEdgesOfRelease(releaseId) {
      const r = await db.deleteFrom('lineage_edges').where('release_id', '=', releaseId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async getUseDeclaration(releaseId) {
      const row = await db
        .selectFrom('release_use_declarations')
        .selectAll()
        .where('release_id', '=', releaseId)
        .executeTakeFirst();
      return row
        ? {
            releaseId: row.release_id,
            declaration: declarationOf(row.declaration),
            updatedAt: row.updated_at,
            updatedBy: row.updated_by,
          }
        : null;
    },
    async putVersionAiFacts(rows) {
      if (rows.length === 0) return 0;
      const ids = [...new Set(rows.map((r) => r.versionId))];
      for (let i = 0; i < ids.length; i += 500)
        await db
          .deleteFrom('version_ai_facts')
          .where('version_id', 'in', ids.slice(i, i + 500))
          .execute();
      const last = new Map(rows.map((r) => [r.versionId, r]));
      return bulkInsert(
        ctx,
        'version_ai_facts',
        FACT_COLUMNS,
        [...last.values()].map((r) => [r.versionId, r.kind, JSON.stringify(r.facts)]),
      );
    },
    async listVersionAiFacts(versionIds) {
      if (versionIds.length === 0) return [];
      const rows = await selectWhereIn(ctx, 'version_ai_facts', 'version_id', 'integer', versionIds);
      return rows.map(
        (r) =>
          ({
            versionId: r.version_id,
            kind: r.kind === 'model' ? 'model' : 'dataset',
            facts: JSON.parse(r.facts),
          }) as VersionAiFacts,
      );
    },
    async setUseDeclaration(record: StoredUseDeclaration) {
      const values = {
        release_id: record.releaseId,
        declaration: JSON.stringify(record.declaration),
        updated_at: record.updatedAt,
        updated_by: record.updatedBy,
      };
      await db
        .insertInto('release_use_declarations')
        .values(values)
        .onConflict((oc) =>
          oc.column('release_id').doUpdateSet({
            declaration: values.declaration,
            updated_at: values.updated_at,
            updated_by: values.updated_by,
          }),
        )
        .execute();
      return record;
    },
  };
}
