import {
  emptySbom,
  issue,
  type Completeness,
  type Component,
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
  const byRef = new Map<string, Component>();
  const edges = new Map<string, Set<string>>();
  const projects: Component[] = [];
  const issues: Issue[] = [...(options.failures ?? [])];
  const properties = [];
  let complete = (options.failures ?? []).length === 0 && inventories.length > 0;

  for (const inventory of inventories) {
    projects.push(inventory.project);
    issues.push(...inventory.issues);
    if (inventory.completeness !== 'complete') complete = false;
    properties.push({
      name: 'vigie:graph-completeness',
      value: `${inventory.project.evidence?.[0] ?? inventory.project.ref}: ${inventory.completeness}`,
    });
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
  sbom.components = [...byRef.values()].sort(byRefOrder);
  // A single project is the primary component itself: it keeps what it holds (a model directory's
  // weight files, a dataset's data files, each with its hashes) and gets no empty list.
  if (single && !single.components?.length) delete root.components;
  const dependencies = single ? [] : [{ ref: root.ref, dependsOn: projects.map((p) => p.ref).sort() }];
  for (const [ref, set] of [...edges].sort(([a], [b]) =>
    a === root.ref ? -1 : b === root.ref ? 1 : a < b ? -1 : a > b ? 1 : 0,
  )) {
    if (omitted.has(ref)) continue;
    dependencies.push({ ref, dependsOn: [...set].filter((to) => !omitted.has(to)).sort() });
  }
  sbom.dependencies = dependencies;
  const lineage = inventories.flatMap((i) => i.lineage ?? []);
  if (lineage.length > 0) sbom.lineage = lineage;
  sbom.dependencyCompleteness = complete ? 'complete' : ('incomplete' satisfies Completeness);
  if (inventories.length === 0 && (options.failures ?? []).length === 0) {
    issues.push(issue('warning', 'no-lockfile', 'no supported lockfile or package database was found'));
  }
  return { sbom, issues };
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
