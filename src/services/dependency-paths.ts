/**
 * Which top-level dependency brings a version into a release: the shortest path from the primary
 * component down to it, computed on demand from the release's stored edges (one breadth-first walk
 * for any number of targets) and bounded in length, so that a graph thousands of levels deep never
 * yields a response that grows with its depth.
 */
import type { Store } from '../store/index.js';
import { getRelease } from './portfolio.js';
import { notFound } from './service-error.js';
import { eventLoopTurn } from '../io/event-loop-turn.js';

export interface DependencyPathStep {
  versionId: number;
  componentId: number;
  name: string;
  namespace: string | null;
  version: string;
  purl: string | null;
}

export interface DependencyPath {
  versionId: number;
  /** False when no edge from the primary component reaches the version (no graph, or detached). */
  reachable: boolean;
  /** The project whose primary component starts the path. */
  project: string | null;
  /** From the top-level dependency down to the version itself; the middle is cut when too long. */
  steps: DependencyPathStep[];
  /** How many steps were left out of the middle (0 when the path is complete). */
  omitted: number;
  /** Length of the whole path in versions (steps.length + omitted). */
  length: number;
}

export interface DependencyPathOptions {
  /** The most steps returned per path (the first ones and the version itself); default 64. */
  maxSteps?: number;
  /** Steps the caller already loaded (the release's versions): saves two queries per step. */
  known?: ReadonlyMap<number, DependencyPathStep>;
}

const DEFAULT_MAX_STEPS = 64;

/**
 * The one entry point for "how does this version get into the release" (UI, vulnerability and VEX
 * work): shortest paths from the primary component(s) of the release's documents to each version.
 */
export async function dependencyPaths(
  store: Store,
  releaseId: number,
  versionIds: readonly number[],
  options: DependencyPathOptions = {},
): Promise<Map<number, DependencyPath>> {
  await getRelease(store, releaseId);
  // No version asked for (a release without findings): the release's graph is not read.
  if (versionIds.length === 0) return new Map();
  const maxSteps = Math.max(2, options.maxSteps ?? DEFAULT_MAX_STEPS);
  // A large release's edges are a long read on SQLite and a long walk: the event loop turns between.
  const edges = await store.listDependencyEdges(releaseId);
  await eventLoopTurn();
  const tree = shortestPathTree(edges);
  const out = new Map<number, DependencyPath>();
  const details = new Map<number, DependencyPathStep | null>();
  for (const versionId of versionIds) {
    const chain = tree.chainTo(versionId);
    if (!chain) {
      out.set(versionId, { versionId, reachable: false, project: null, steps: [], omitted: 0, length: 0 });
      continue;
    }
    const shown = chain.length > maxSteps ? [...chain.slice(0, maxSteps - 1), chain[chain.length - 1]] : chain;
    const steps: DependencyPathStep[] = [];
    for (const id of shown) {
      const step = details.has(id) ? details.get(id)! : (options.known?.get(id) ?? (await stepOf(store, id)));
      details.set(id, step);
      if (step) steps.push(step);
    }
    out.set(versionId, {
      versionId,
      reachable: true,
      project: tree.projectOf(chain[0]),
      steps,
      omitted: chain.length - shown.length,
      length: chain.length,
    });
  }
  return out;
}

/** The dependency path of one usage of a release. */
export async function usageDependencyPath(
  store: Store,
  releaseId: number,
  usageId: number,
  options: DependencyPathOptions = {},
): Promise<DependencyPath & { usageId: number }> {
  const usage = await store.getUsage(usageId);
  if (!usage || usage.releaseId !== releaseId) throw notFound(`usage ${usageId} of release ${releaseId}`);
  const paths = await dependencyPaths(store, releaseId, [usage.versionId], options);
  return { usageId, ...paths.get(usage.versionId)! };
}

async function stepOf(store: Store, versionId: number): Promise<DependencyPathStep | null> {
  const version = await store.getVersion(versionId);
  const component = version ? await store.getComponent(version.componentId) : null;
  if (!version || !component) return null;
  return {
    versionId,
    componentId: component.id,
    name: component.name,
    namespace: component.namespace,
    version: version.number,
    purl: version.purl,
  };
}

interface ShortestPathTree {
  /** Version ids from a top-level dependency down to versionId, or null when unreachable. */
  chainTo(versionId: number): number[] | null;
  projectOf(topLevelVersionId: number): string | null;
}

/** Breadth first from every top-level dependency at once: each version keeps the parent it was first reached from. */
function shortestPathTree(
  edges: readonly { project: string; parentVersionId: number | null; childVersionId: number }[],
): ShortestPathTree {
  const children = new Map<number, number[]>();
  const parentOf = new Map<number, number | null>();
  const rootProject = new Map<number, string>();
  const queue: number[] = [];
  for (const e of edges) {
    if (e.parentVersionId === null) {
      if (!parentOf.has(e.childVersionId)) {
        parentOf.set(e.childVersionId, null);
        rootProject.set(e.childVersionId, e.project);
        queue.push(e.childVersionId);
      }
      continue;
    }
    const list = children.get(e.parentVersionId);
    if (list) list.push(e.childVersionId);
    else children.set(e.parentVersionId, [e.childVersionId]);
  }
  for (let i = 0; i < queue.length; i++) {
    const from = queue[i];
    for (const to of children.get(from) ?? []) {
      if (parentOf.has(to)) continue;
      parentOf.set(to, from);
      queue.push(to);
    }
  }
  return {
    chainTo(versionId) {
      if (!parentOf.has(versionId)) return null;
      const chain: number[] = [];
      for (let at: number | null | undefined = versionId; at !== null && at !== undefined; at = parentOf.get(at))
        chain.push(at);
      return chain.reverse();
    },
    projectOf: (id) => rootProject.get(id) ?? null,
  };
}
