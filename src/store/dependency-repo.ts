/** A release's dependency graph, stored as edges between versions (never as per-usage paths). */
import type { Store } from './store.js';
import type { DependencyEdge } from './types.js';
import { sqliteReadTransaction, type StoreContext } from './context.js';
import { bulkInsert, type BulkColumn } from './bulk-insert.js';
import { sql } from 'kysely';
import { eventLoopTurn } from '../io/event-loop-turn.js';

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

/** Edges read at a time on SQLite (~0.05 s of the thread each). */
const EDGE_PAGE = 25_000;

interface EdgeRow {
  release_id: number;
  project: string;
  parent_version_id: number | null;
  child_version_id: number;
}

const toEdge = (r: EdgeRow): DependencyEdge => ({
  releaseId: r.release_id,
  project: r.project,
  parentVersionId: r.parent_version_id,
  childVersionId: r.child_version_id,
});

export function dependencyRepository(ctx: StoreContext): DependencyMethods {
  const { db } = ctx;
  return {
    async insertDependencyEdges(edges) {
      const rows = edges.map((e) => [e.releaseId, e.project, e.parentVersionId, e.childVersionId]);
      return bulkInsert(ctx, 'dependency_edges', EDGE_COLUMNS, rows);
    },
    async listDependencyEdges(releaseId) {
      if (ctx.dialect !== 'sqlite') {
        const rows = await db
          .selectFrom('dependency_edges')
          .select(['release_id', 'project', 'parent_version_id', 'child_version_id'])
          .where('release_id', '=', releaseId)
          .execute();
        return rows.map(toEdge);
      }
      // SQLite reads on this thread (a 100k-component release has ~130k edges): a page at a time in
      // rowid order on dependency_edges_release_idx, the event loop turning between pages, inside one
      // read transaction so that the pages see one moment (ADR 64).
      const inOneRead = sqliteReadTransaction(ctx, (tx) => dependencyRepository(tx).listDependencyEdges(releaseId));
      if (inOneRead) return inOneRead;
      const edges: DependencyEdge[] = [];
      for (let after = 0; ;) {
        const { rows } = await sql<EdgeRow & { edge: number }>`
          SELECT rowid AS edge, release_id, project, parent_version_id, child_version_id FROM dependency_edges
          WHERE release_id = ${releaseId} AND rowid > ${after} ORDER BY rowid LIMIT ${EDGE_PAGE}`.execute(db);
        for (const row of rows) edges.push(toEdge(row));
        if (rows.length < EDGE_PAGE) return edges;
        after = rows[rows.length - 1]!.edge;
        await eventLoopTurn();
      }
    },
    async deleteDependencyEdgesOfRelease(releaseId) {
      const r = await db.deleteFrom('dependency_edges').where('release_id', '=', releaseId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
