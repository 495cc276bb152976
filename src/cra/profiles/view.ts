// The document as the probes see it: every component once (primary first), the dependency index, and
// for SPDX 3 the distribution artefacts (files) that carry a package's BSI file fields.
import type { Component, Sbom } from '../../model/index.js';
import { DISTRIBUTION_ARTIFACT_PROPERTY } from '../../sbom/formats/spdx3-jsonld/profile-fields.js';
import { refGraph, type RefGraph } from '../../sbom/graph.js';

/**
 * BSI TR-03183-2 §3.2 component kinds. `full` is the default; `identified` (first component outside
 * the scope of delivery) and `referenced` (described in another BOM) owe fewer fields.
 */
export type ComponentKind = 'full' | 'identified' | 'referenced';

export interface SbomView {
  sbom: Sbom;
  primary?: Component;
  /** Every component the checks count: the primary, then the listed ones depth-first. */
  components: Component[];
  /** The first component carrying each ref. */
  byRef: Pick<ReadonlyMap<string, Component>, 'has' | 'get'>;
  /** Direct dependencies per ref, for the refs the graph lists (an empty list is a stated leaf). */
  dependsOn: Map<string, string[]>;
  /** Refs the graph names that no component carries. */
  danglingRefs: string[];
  /** Refs reachable from the primary component along the graph (the primary included). */
  reachable: Pick<ReadonlySet<string>, 'has'>;
  /** Direct dependencies of the primary component. */
  topLevel: Set<string>;
  /** SPDX 3 files a package names with `hasDistributionArtifact`. */
  artefacts: Map<string, Component[]>;
  /**
   * Per component of `components` (same index), 1 or 0: the graph lists its ref (dependsOn has it),
   * it is reachable, it is a direct dependency of the primary. What the probes read when the
   * evaluator gives them the index, instead of a lookup by ref per component.
   */
  listedAt: Uint8Array;
  reachableAt: Uint8Array;
  topLevelAt: Uint8Array;
}

/** `graph`: the document's refGraph when the caller made it already (an import's plan walks it too). */
export function buildView(sbom: Sbom, graph: RefGraph = refGraph(sbom)): SbomView {
  // Every ref has a number (refGraph): those components carry first, then refs only the graph names.
  const { listed: all, numberOf: nodes, carried, firstAt: first, numberAt: nodeAt } = graph;
  const componentOf = (ref: string): Component | undefined => {
    const node = nodes.get(ref);
    return node !== undefined && node < carried ? all[first[node]!] : undefined;
  };
  const byRef = { has: (ref: string) => componentOf(ref) !== undefined, get: componentOf };

  const artefactRefs = new Set<string>();
  const artefacts = new Map<string, Component[]>();
  for (const c of all) {
    for (const p of c.properties) {
      if (p.name !== DISTRIBUTION_ARTIFACT_PROPERTY) continue;
      artefactRefs.add(p.value);
      const file = componentOf(p.value);
      if (file) artefacts.set(c.ref, [...(artefacts.get(c.ref) ?? []), file]);
    }
  }
  const counted = (c: Component) => !artefactRefs.has(c.ref) || c === sbom.metadata.component;
  const components = artefactRefs.size === 0 ? all : all.filter(counted);
  const componentNodes = artefactRefs.size === 0 ? nodeAt : nodeAt.filter((_, i) => counted(all[i]!));

  const dependsOn = new Map<string, string[]>();
  const dangling = new Set<string>();
  const { entryFrom, entryStart, sources, targets } = graph;
  for (let i = 0; i < sbom.dependencies.length; i++) {
    const d = sbom.dependencies[i]!;
    // The document's own list when the ref has one entry (read only here); a ref listed again gets a new one.
    const before = dependsOn.get(d.ref);
    dependsOn.set(d.ref, before ? [...before, ...d.dependsOn] : d.dependsOn);
    if (entryFrom[i]! >= carried) dangling.add(d.ref);
    const start = entryStart[i]!;
    for (let k = start; k < entryStart[i + 1]!; k++) if (targets[k]! >= carried) dangling.add(d.dependsOn[k - start]!);
  }

  const primary = sbom.metadata.component;
  const seen = walkFrom(primary ? nodes.get(primary.ref)! : -1, nodes.size, sources, targets, (node, push) => {
    // Nested components are included in their parent (CycloneDX assemblies).
    if (node < carried) for (const child of all[first[node]!]!.components ?? []) push(nodes.get(child.ref)!);
  });
  const reachable = {
    has: (ref: string) => {
      const node = nodes.get(ref);
      return node !== undefined && seen[node] === 1;
    },
  };
  const topLevel = new Set(primary ? (dependsOn.get(primary.ref) ?? []) : []);

  // The same facts per node, then per counted component.
  const listed = new Uint8Array(nodes.size);
  for (const node of entryFrom) listed[node] = 1;
  const direct = new Uint8Array(nodes.size);
  if (primary) {
    const root = nodes.get(primary.ref)!;
    for (let e = 0; e < sources.length; e++) if (sources[e] === root) direct[targets[e]!] = 1;
  }
  const listedAt = new Uint8Array(components.length);
  const reachableAt = new Uint8Array(components.length);
  const topLevelAt = new Uint8Array(components.length);
  for (let i = 0; i < components.length; i++) {
    const node = componentNodes[i]!;
    listedAt[i] = listed[node]!;
    reachableAt[i] = seen[node]!;
    topLevelAt[i] = direct[node]!;
  }
  return {
    sbom,
    primary,
    components,
    byRef,
    dependsOn,
    danglingRefs: [...dangling].sort(),
    reachable,
    topLevel,
    artefacts,
    listedAt,
    reachableAt,
    topLevelAt,
  };
}

/**
 * Marks (1) the nodes reachable from start along the edges and the extra steps `more` gives (the
 * start included); none when start is -1. The edges are grouped by source first (counting sort).
 */
function walkFrom(
  start: number,
  count: number,
  sources: Int32Array,
  targets: Int32Array,
  more: (node: number, push: (next: number) => void) => void,
): Uint8Array {
  const seen = new Uint8Array(count);
  if (start < 0) return seen;
  const offsets = new Int32Array(count + 1);
  for (let k = 0; k < sources.length; k++) offsets[sources[k]! + 1]!++;
  for (let n = 0; n < count; n++) offsets[n + 1]! += offsets[n]!;
  const grouped = new Int32Array(targets.length);
  const fill = offsets.slice(0, count);
  for (let k = 0; k < sources.length; k++) grouped[fill[sources[k]!]!++] = targets[k]!;
  const stack: number[] = [start];
  const push = (next: number) => {
    if (seen[next] === 0) stack.push(next);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen[node] === 1) continue;
    seen[node] = 1;
    for (let e = offsets[node]!; e < offsets[node + 1]!; e++) push(grouped[e]!);
    more(node, push);
  }
  return seen;
}

/**
 * BSI TR-03183-2 §3.2 kind of a component as the document shows it: CycloneDX scope "excluded" marks a
 * component outside the scope of delivery (identified only); an external reference of type "bom"
 * marks one described in another BOM. Logical components cannot be told apart in either format.
 */
export function kindOf(c: Component, view: SbomView): ComponentKind {
  if (c === view.primary) return 'full';
  if (c.externalReferences.some((r) => r.type === 'bom')) return 'referenced';
  if (c.scope === 'excluded') return 'identified';
  return 'full';
}
