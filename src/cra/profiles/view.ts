// The document as the probes see it: every component once (primary first), the dependency index, and
// for SPDX 3 the distribution artefacts (files) that carry a package's BSI file fields.
import type { Component, Sbom } from '../../model/index.js';
import { DISTRIBUTION_ARTIFACT_PROPERTY } from '../../sbom/formats/spdx3-jsonld/profile-fields.js';

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
  byRef: Map<string, Component>;
  /** Direct dependencies per ref, for the refs the graph lists (an empty list is a stated leaf). */
  dependsOn: Map<string, string[]>;
  /** Refs the graph names that no component carries. */
  danglingRefs: string[];
  /** Refs reachable from the primary component along the graph (the primary included). */
  reachable: Set<string>;
  /** Direct dependencies of the primary component. */
  topLevel: Set<string>;
  /** SPDX 3 files a package names with `hasDistributionArtifact`. */
  artefacts: Map<string, Component[]>;
}

function flatten(list: Component[] | undefined, out: Component[]): void {
  for (const c of list ?? []) {
    out.push(c);
    flatten(c.components, out);
  }
}

export function buildView(sbom: Sbom): SbomView {
  const all: Component[] = [];
  if (sbom.metadata.component) all.push(sbom.metadata.component);
  flatten(sbom.components, all);
  const byRef = new Map<string, Component>();
  for (const c of all) if (!byRef.has(c.ref)) byRef.set(c.ref, c);

  const artefactRefs = new Set<string>();
  const artefacts = new Map<string, Component[]>();
  for (const c of all) {
    for (const p of c.properties) {
      if (p.name !== DISTRIBUTION_ARTIFACT_PROPERTY) continue;
      artefactRefs.add(p.value);
      const file = byRef.get(p.value);
      if (file) artefacts.set(c.ref, [...(artefacts.get(c.ref) ?? []), file]);
    }
  }
  const components = all.filter((c) => !artefactRefs.has(c.ref) || c === sbom.metadata.component);

  const dependsOn = new Map<string, string[]>();
  const dangling = new Set<string>();
  for (const d of sbom.dependencies) {
    // The document's own list when the ref has one entry (read only here); a ref listed again gets a new one.
    const before = dependsOn.get(d.ref);
    dependsOn.set(d.ref, before ? [...before, ...d.dependsOn] : d.dependsOn);
    if (!byRef.has(d.ref)) dangling.add(d.ref);
    for (const r of d.dependsOn) if (!byRef.has(r)) dangling.add(r);
  }

  const reachable = new Set<string>();
  const primary = sbom.metadata.component;
  if (primary) {
    const stack = [primary.ref];
    while (stack.length > 0) {
      const ref = stack.pop()!;
      if (reachable.has(ref)) continue;
      reachable.add(ref);
      for (const next of dependsOn.get(ref) ?? []) stack.push(next);
      // Nested components are included in their parent (CycloneDX assemblies).
      for (const child of byRef.get(ref)?.components ?? []) stack.push(child.ref);
    }
  }
  const topLevel = new Set(primary ? (dependsOn.get(primary.ref) ?? []) : []);
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
  };
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
