/** A release's dependency graph, stored as edges between versions (never as per-usage paths). */
import type { Store } from './store.js';
import type { DependencyEdge } from './types.js';
import type { StoreContext } from './context.js';
import { bulkInsert, type BulkColumn } from './bulk-insert.js';

type DependencyMethods = Pick<
  Store,
  'insertDependencyEdges' | 'listDependencyEdges' | 'deleteDependencyEdgesOfRelease'
>;

const EDGE_COLUMNS: BulkColumn[] = [
  { name: 'release_id', type: 'integer' },
  { name: 'project', type: 'text' },
  { name: 'parent_version_id', type: 'integer' },
  { name: 'child_version_id', type: 'integer' },
];

export function dependencyRepository(ctx: StoreContext): DependencyMethods {
  const { db } = ctx;
  return {
    async insertDependencyEdges(edges) {
      const rows = edges.map((e) => [e.releaseId, e.project, e.parentVersionId, e.childVersionId]);
      return bulkInsert(ctx, 'dependency_edges', EDGE_COLUMNS, rows);
    },
    async listDependencyEdges(releaseId) {
      const rows = await db
        .selectFrom('dependency_edges')
        .select(['release_id', 'project', 'parent_version_id', 'child_version_id'])
        .where('release_id', '=', releaseId)
        .execute();
      return rows.map((r): DependencyEdge => ({
        releaseId: r.release_id,
        project: r.project,
        parentVersionId: r.parent_version_id,
        childVersionId: r.child_version_id,
      }));
    },
    async deleteDependencyEdgesOfRelease(releaseId) {
      const r = await db.deleteFrom('dependency_edges').where('release_id', '=', releaseId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
