import type { Component, Sbom } from '../model/index.js';
import { DistinctLists } from './distinct-lists.js';

/**
 * Every component of the document, nested ones included, depth first in document order. Without
 * the primary component, its own sub-components still count when they are parts it ships
 * (CycloneDX metadata.component.components): only its projects — the non-file sub-components it
 * depends on, as a multi-project inventory has — and the files it contains are left with it.
 */
export function allComponents(sbom: Sbom, includePrimary = false): Component[] {
  const out: Component[] = [];
  const visit = (list: Component[] | undefined) => {
    if (!list) return;
    for (const c of list) {
      out.push(c);
      visit(c.components);
    }
  };
  const primary = sbom.metadata.component;
  if (includePrimary && primary) {
    out.push(primary);
    visit(primary.components);
  } else if (primary?.components?.length) {
    const direct = new Set(sbom.dependencies.filter((d) => d.ref === primary.ref).flatMap((d) => d.dependsOn));
    visit(primary.components.filter((c) => c.type !== 'file' && !direct.has(c.ref)));
  }
  visit(sbom.components);
  return out;
}

/** Components by ref (primary and nested included). Later duplicates do not overwrite earlier ones. */
export function componentsByRef(sbom: Sbom): Map<string, Component> {
  const map = new Map<string, Component>();
  for (const c of allComponents(sbom, true)) if (!map.has(c.ref)) map.set(c.ref, c);
  return map;
}

/** Adjacency list from the document's dependency entries (merged when a ref appears twice). */
export function adjacency(sbom: Sbom): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const merged = new DistinctLists(map);
  for (const d of sbom.dependencies) {
    if (map.has(d.ref)) for (const x of d.dependsOn) merged.add(d.ref, x);
    else map.set(d.ref, [...d.dependsOn]);
  }
  return map;
}

/**
 * The document's refs numbered once, and its dependency graph in those numbers: what both an
 * import's plan and the quality checks walk. A 100k-component document names ~400k refs; looked up
 * by text once per walk, they cost each walk ~0.3 s (issue 13 item 5).
 */
export interface RefGraph {
  /** The primary component, then the listed ones depth-first (the primary's own parts are not listed). */
  listed: Component[];
  /** Every ref a listed component carries, the graph names or the primary's parts carry. */
  numberOf: Map<string, number>;
  /** Refs a listed component carries have the numbers below this one, in the order first carried. */
  carried: number;
  /** Per carried number, the position in `listed` of the first component carrying it. */
  firstAt: number[];
  /** The number of the ref each position of `listed` carries. */
  numberAt: Int32Array;
  /** Per dependency entry (sbom.dependencies' order), the number of its ref. */
  entryFrom: Int32Array;
  /** Entry i's direct dependencies are targets[entryStart[i]] up to targets[entryStart[i + 1]]. */
  entryStart: Int32Array;
  /** The graph's edges in document order: sources[k] depends on targets[k]. */
  sources: Int32Array;
  targets: Int32Array;
}

export function refGraph(sbom: Sbom): RefGraph {
  const listed: Component[] = [];
  const primary = sbom.metadata.component;
  if (primary) listed.push(primary);
  const flatten = (list: Component[] | undefined) => {
    for (const c of list ?? []) {
      listed.push(c);
      flatten(c.components);
    }
  };
  flatten(sbom.components);
  const numberOf = new Map<string, number>();
  const firstAt: number[] = [];
  const numberAt = new Int32Array(listed.length);
  for (let i = 0; i < listed.length; i++) {
    const ref = listed[i]!.ref;
    let n = numberOf.get(ref);
    if (n === undefined) {
      numberOf.set(ref, (n = firstAt.length));
      firstAt.push(i);
    }
    numberAt[i] = n;
  }
  const carried = firstAt.length;
  const numberFor = (ref: string): number => {
    let n = numberOf.get(ref);
    if (n === undefined) numberOf.set(ref, (n = numberOf.size));
    return n;
  };
  const entries = sbom.dependencies;
  let edgeCount = 0;
  for (const d of entries) edgeCount += d.dependsOn.length;
  const entryFrom = new Int32Array(entries.length);
  const entryStart = new Int32Array(entries.length + 1);
  const sources = new Int32Array(edgeCount);
  const targets = new Int32Array(edgeCount);
  let k = 0;
  for (let i = 0; i < entries.length; i++) {
    const d = entries[i]!;
    const from = numberFor(d.ref);
    entryFrom[i] = from;
    entryStart[i] = k;
    for (const r of d.dependsOn) {
      sources[k] = from;
      targets[k++] = numberFor(r);
    }
  }
  entryStart[entries.length] = k;
  // The primary's own parts are not listed, but a walk from the primary reaches them.
  for (const part of primary?.components ?? []) numberFor(part.ref);
  return { listed, numberOf, carried, firstAt, numberAt, entryFrom, entryStart, sources, targets };
}
