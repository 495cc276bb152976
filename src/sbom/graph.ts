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
