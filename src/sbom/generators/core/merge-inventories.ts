import {
  emptySbom,
  issue,
  type Completeness,
  type Component,
  type Dependency,
  type DependencyScope,
  type Issue,
  type Sbom,
  type Tool,
} from '../../../model/index.js';
import { cycloneDxScopeOf, mostNeededScope } from '../npm/dependency-scope.js';
import type { Inventory } from './extractor.js';

export const LOCKFILE_WALK_FORMAT_ID = 'vigie-inventory';

export interface MergeOptions {
  /**
   * Name of the primary component. When absent and the walk found one project, that project is the
   * primary component; otherwise the primary is named after `folder`.
   */
  name?: string;
  folder: string;
  version?: string;
  /** Scopes left out of the SBOM (`--omit dev`): their packages, and edges to them, are dropped. */
  omit?: readonly DependencyScope[];
  tool?: Tool;
  /** Files that could not be read, as issues (they make the inventory incomplete). */
  failures?: Issue[];
}

export interface MergedInventory {
  sbom: Sbom;
  issues: Issue[];
}

/**
 * One SBOM from the inventories of a walk: the primary component with one sub-component per project
 * file, every package once (same purl = same package; its scope is the most needed of its uses, its
 * evidence lists every file that names it), the union of the edges, and completeness `complete` only
 * when every file's graph is complete and no file failed.
 */
export function mergeInventories(inventories: readonly Inventory[], options: MergeOptions): MergedInventory {
  const omit = new Set(options.omit ?? []);
  // The common case, one lockfile and nothing left out, keeps the extractor's lists when they are
  // already what the merge would make of them: copying a large project's graph into sets and back
  // was a tenth of `sbom generate` (ADR 69).
  const kept =
    inventories.length === 1 && omit.size === 0 && options.name === undefined ? keptAsItIs(inventories[0]!) : undefined;
  const byRef = new Map<string, Component>();
  const edges = new Map<string, Set<string>>();
  const projects: Component[] = [];
  const issues: Issue[] = [...(options.failures ?? [])];
  const properties = [];
  let complete = (options.failures ?? []).length === 0 && inventories.length > 0;

  for (const inventory of inventories) {
    projects.push(inventory.project);
    for (const i of inventory.issues) issues.push(i);
    if (inventory.completeness !== 'complete') complete = false;
    properties.push({
      name: 'vigie:graph-completeness',
      value: `${inventory.project.evidence?.[0] ?? inventory.project.ref}: ${inventory.completeness}`,
    });
    if (kept) continue;
    for (const c of inventory.components) {
      const known = byRef.get(c.ref);
      // Inventories are built for this merge and never changed by it (mergeComponent makes a new
      // component), so a package seen once is kept as it is.
      byRef.set(c.ref, known ? mergeComponent(known, c) : c.evidence ? c : { ...c, evidence: [] });
    }
    for (const d of inventory.dependencies) {
      let set = edges.get(d.ref);
      if (!set) edges.set(d.ref, (set = new Set()));
      for (const to of d.dependsOn) set.add(to);
    }
  }
  const omitted = new Set<string>();
  if (omit.size > 0)
    for (const [ref, c] of byRef) if (c.dependencyScope && omit.has(c.dependencyScope)) omitted.add(ref);
  for (const ref of omitted) byRef.delete(ref);

  // One project found: it is the primary component itself; several: a primary that holds them.
  const found = inventories.length === 1 && options.name === undefined ? inventories[0]!.project : undefined;
  // A lockfile at the top of the walk that names no project (a Cargo.lock without Cargo.toml, a
  // Gemfile.lock) is the project `.`: as the primary component it takes the folder's name instead.
  const single = found && found.name === '.' ? { ...found, name: options.folder } : found;
  const root: Component = single ?? {
    ref: 'primary',
    type: 'application',
    name: options.name ?? options.folder,
    ...(options.version && { version: options.version }),
    hashes: [],
    licenses: {},
    externalReferences: [],
    properties: [],
    components: projects.sort(byRefOrder),
  };
  const sbom = emptySbom({ id: LOCKFILE_WALK_FORMAT_ID, specVersion: '1' });
  sbom.metadata.tools.push(options.tool ?? { name: 'Vigie' });
  sbom.metadata.lifecycles.push('pre-build');
  sbom.metadata.component = root;
  sbom.metadata.properties.push(...properties.sort((a, b) => (a.value < b.value ? -1 : 1)));
  if (omit.size > 0) sbom.metadata.properties.push({ name: 'vigie:omitted-scopes', value: [...omit].sort().join(',') });
  sbom.components = kept ? kept.components : [...byRef.values()].sort(byRefOrder);
  // A single project is the primary component itself: it keeps what it holds (a model directory's
  // weight files, a dataset's data files, each with its hashes) and gets no empty list.
  if (single && !single.components?.length) delete root.components;
  // Kept lists come from a single project (no name asked for): that project is the root.
  sbom.dependencies = kept
    ? kept.dependencies
    : mergedEdges(
        single ? [] : [{ ref: root.ref, dependsOn: projects.map((p) => p.ref).sort() }],
        edges,
        root.ref,
        omitted,
      );
  const lineage = inventories.flatMap((i) => i.lineage ?? []);
  if (lineage.length > 0) sbom.lineage = lineage;
  sbom.dependencyCompleteness = complete ? 'complete' : ('incomplete' satisfies Completeness);
  if (inventories.length === 0 && (options.failures ?? []).length === 0) {
    issues.push(issue('warning', 'no-lockfile', 'no supported lockfile or package database was found'));
  }
  return { sbom, issues };
}

/** `first`, then the union of the edges, the root's first, without the packages left out. */
function mergedEdges(
  first: Dependency[],
  edges: Map<string, Set<string>>,
  rootRef: string,
  omitted: Set<string>,
): Dependency[] {
  const dependencies = first;
  for (const [ref, set] of [...edges].sort(([a], [b]) =>
    a === rootRef ? -1 : b === rootRef ? 1 : a < b ? -1 : a > b ? 1 : 0,
  )) {
    if (omitted.has(ref)) continue;
    dependencies.push({ ref, dependsOn: [...set].filter((to) => !omitted.has(to)).sort() });
  }
  return dependencies;
}

/**
 * One inventory's components and edges as the merge would list them, or undefined when they are not
 * in that form yet: components in ascending ref order with no ref twice, each with its evidence list;
 * edges with the project's first, then by ascending ref with no ref twice, each list of targets
 * ascending without repeats. Reused as they are, not copied.
 */
function keptAsItIs(inventory: Inventory): { components: Component[]; dependencies: Dependency[] } | undefined {
  const { components, dependencies } = inventory;
  for (let i = 0; i < components.length; i++) {
    if (!components[i]!.evidence) return undefined;
    if (i > 0 && !(components[i - 1]!.ref < components[i]!.ref)) return undefined;
  }
  const root = inventory.project.ref;
  const first = dependencies.length > 0 && dependencies[0]!.ref === root ? 1 : 0;
  for (let i = 0; i < dependencies.length; i++) {
    const { ref, dependsOn } = dependencies[i]!;
    if (i >= first && (ref === root || (i > first && !(dependencies[i - 1]!.ref < ref)))) return undefined;
    for (let j = 1; j < dependsOn.length; j++) if (!(dependsOn[j - 1]! < dependsOn[j]!)) return undefined;
  }
  return { components, dependencies };
}

function mergeComponent(a: Component, b: Component): Component {
  const scope =
    a.dependencyScope && b.dependencyScope
      ? mostNeededScope(a.dependencyScope, b.dependencyScope)
      : (a.dependencyScope ?? b.dependencyScope);
  const merged: Component = {
    ...a,
    hashes: union(a.hashes, b.hashes, (h) => `${h.alg}:${h.content}`),
    properties: union(a.properties, b.properties, (p) => `${p.name}=${p.value}`),
    externalReferences: union(a.externalReferences, b.externalReferences, (r) => `${r.type} ${r.url}`),
    licenses: a.licenses.declared ? a.licenses : b.licenses,
    evidence: [...new Set([...(a.evidence ?? []), ...(b.evidence ?? [])])],
  };
  if (scope) {
    merged.dependencyScope = scope;
    merged.scope = cycloneDxScopeOf(scope);
  }
  return merged;
}

function union<T>(a: T[], b: T[], key: (x: T) => string): T[] {
  if (b.length === 0) return a;
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((x) => !seen.has(key(x)))];
}

const byRefOrder = (x: Component, y: Component) => (x.ref < y.ref ? -1 : x.ref > y.ref ? 1 : 0);
