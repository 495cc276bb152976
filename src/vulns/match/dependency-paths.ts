import type { Sbom } from '../../model/index.js';
import { adjacency } from '../../sbom/graph.js';

/**
 * Shortest dependency path from the SBOM's primary component to every component it reaches,
 * over the document's dependency edges (breadth first, edges in document order, so the path is
 * the first shortest one). `pathTo(ref)` is `[primary, top-level dependency, …, ref]`, or
 * undefined when the graph does not connect the primary component to `ref`.
 */
export class DependencyPaths {
  private readonly parent = new Map<string, string | null>();

  constructor(sbom: Sbom) {
    const root = sbom.metadata.component?.ref;
    if (root === undefined) return;
    const edges = adjacency(sbom);
    this.parent.set(root, null);
    const queue = [root];
    for (let i = 0; i < queue.length; i++) {
      const ref = queue[i]!;
      for (const next of edges.get(ref) ?? []) {
        if (this.parent.has(next)) continue;
        this.parent.set(next, ref);
        queue.push(next);
      }
    }
  }

  pathTo(ref: string): string[] | undefined {
    if (!this.parent.has(ref)) return undefined;
    const path: string[] = [];
    for (let cur: string | null | undefined = ref; cur != null; cur = this.parent.get(cur)) path.push(cur);
    return path.reverse();
  }
}
