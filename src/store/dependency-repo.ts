/** A release's dependency graph, stored as edges between versions (never as per-usage paths). */
import type { Store } from './store.js';
import type { DependencyEdge } from './types.js';
import { chunks, rowsPerStatement, type StoreContext } from './context.js';

type DependencyMethods = Pick<Store, 'insertDependencyEdges' | 'listDependencyEdges' | 'deleteDependencyEdgesOfRelease'>;

const EDGE_COLUMNS = 4;

export function dependencyRepository({ db }: StoreContext): DependencyMethods {
  return {
    async insertDependencyEdges(edges) {
      let written = 0;
      for (const part of chunks(edges, rowsPerStatement(EDGE_COLUMNS))) {
        const rows = part.map((e) => ({
          release_id: e.releaseId,
          project: e.project,
          parent_version_id: e.parentVersionId,
          child_version_id: e.childVersionId,
        }));
        const result = await db.insertInto('dependency_edges').values(rows).executeTakeFirst();
        written += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      return written;
    },
    async listDependencyEdges(releaseId) {
      const rows = await db
        .selectFrom('dependency_edges')
        .select(['release_id', 'project', 'parent_version_id', 'child_version_id'])
        .where('release_id', '=', releaseId)
        .execute();
      return rows.map(
        (r): DependencyEdge => ({ releaseId: r.release_id, project: r.project, parentVersionId: r.parent_version_id, childVersionId: r.child_version_id }),
      );
    },
    async deleteDependencyEdgesOfRelease(releaseId) {
      const r = await db.deleteFrom('dependency_edges').where('release_id', '=', releaseId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
