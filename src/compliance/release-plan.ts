/**
 * THE mapping from an SBOM to a release (issue 8 item 1), pure: `import` stores it, `vigie check`
 * validates it in memory (snapshot-from-sbom.ts), so both see the same usages. Components are
 * deduplicated by identity (model/component-identity.ts: purl type, namespace, name), versions by
 * number; one usage per (version, scope) where the scope is the package manager's dependency scope,
 * else the CycloneDX scope (required/optional/excluded); the dependency graph as edges between
 * versions. Licences are kept as found: the declared one as written, the concluded one as its
 * expression or, when that did not parse, its raw text (step 1 decides what they mean).
 */
import type { Component, LineageKind, Sbom } from '../model/index.js';
import type { ComponentRecord } from '../model/portfolio.js';
import { componentIdentity, componentKey } from '../model/component-identity.js';
import { allComponents } from '../sbom/graph.js';

/** A component's identity and descriptive fields, as the store keeps them. */
export type ComponentInput = Omit<ComponentRecord, 'id'>;

export interface PlannedVersion {
  /** Index into ImportPlan.components. */
  component: number;
  number: string;
  purl: string | null;
  declaredLicense: string | null;
  concludedLicense: string | null;
  copyright: string | null;
}

export interface PlannedUsage {
  /** Index into ImportPlan.versions. */
  version: number;
  scope: string;
  project: string;
}

/** A dependency between two planned versions; `parent` null = the document's primary component. */
export interface PlannedEdge {
  parent: number | null;
  child: number;
}

/** An AI lineage edge between planned versions (model → base model or dataset); `parent` null = the primary. */
export interface PlannedLineage {
  parent: number | null;
  child: number;
  kind: LineageKind;
}

export interface ImportPlan {
  components: ComponentInput[];
  versions: PlannedVersion[];
  usages: PlannedUsage[];
  edges: PlannedEdge[];
  /** AI lineage (issue 10 item 5): what obligations propagate along. */
  lineage: PlannedLineage[];
}

/** `defaultScope` names the scope of components whose document gives none. */
export function planImport(sbom: Sbom, project = '', defaultScope = ''): ImportPlan {
  const componentIndex = new Map<string, number>();
  const versionIndex = new Map<string, number>();
  const usageKeys = new Set<string>();
  const plan: ImportPlan = { components: [], versions: [], usages: [], edges: [], lineage: [] };
  const versionOfRef = new Map<string, number>();

  for (const c of allComponents(sbom)) {
    const input = componentInputOf(c);
    const key = componentKey(input);
    let ci = componentIndex.get(key);
    if (ci === undefined) {
      ci = plan.components.push(input) - 1;
      componentIndex.set(key, ci);
    }
    const number = c.version ?? '';
    const versionKey = `${ci}@${number}`;
    let vi = versionIndex.get(versionKey);
    if (vi === undefined) {
      vi = plan.versions.push(versionOf(c, ci, number)) - 1;
      versionIndex.set(versionKey, vi);
    }
    if (!versionOfRef.has(c.ref)) versionOfRef.set(c.ref, vi);
    const scope = usageScopeOf(c) || defaultScope;
    const usageKey = `${vi}\u0000${scope}`;
    if (usageKeys.has(usageKey)) continue;
    usageKeys.add(usageKey);
    plan.usages.push({ version: vi, scope, project });
  }
  plan.edges = dependencyEdges(sbom, versionOfRef, plan.versions.length);
  plan.lineage = lineageEdges(sbom, versionOfRef);
  return plan;
}

/** The document's lineage edges between planned versions, each once; refs naming no component are dropped. */
function lineageEdges(sbom: Sbom, versionOfRef: Map<string, number>): PlannedLineage[] {
  const root = sbom.metadata.component?.ref;
  const seen = new Set<string>();
  const out: PlannedLineage[] = [];
  for (const e of sbom.lineage ?? []) {
    const parent = e.from === root ? null : versionOfRef.get(e.from);
    if (parent === undefined) continue;
    for (const ref of e.to) {
      const child = versionOfRef.get(ref);
      if (child === undefined || child === parent) continue;
      const key = `${parent ?? ''}>${child}>${e.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ parent, child, kind: e.kind });
    }
  }
  return out;
}

/** The usage scope of a component: its dependency scope, else its CycloneDX scope, else ''. */
export function usageScopeOf(c: Component): string {
  return c.dependencyScope ?? c.scope ?? '';
}

/** Identity fields of a component; the purl kept is versionless and canonical. */
export function componentInputOf(c: Component): ComponentInput {
  const id = componentIdentity(c);
  return {
    purlType: id.purlType,
    namespace: id.namespace,
    name: id.name,
    purl: id.purl,
    description: c.description ?? null,
    homepage: c.externalReferences.find((r) => r.type === 'website')?.url ?? null,
    language: c.language ?? null,
  };
}

function versionOf(c: Component, component: number, number: string): PlannedVersion {
  const declared = c.licenses.declared;
  const concluded = c.licenses.concluded;
  return {
    component,
    number,
    purl: c.purl ?? null,
    declaredLicense: declared ? declared.raw : null,
    concludedLicense: concluded ? (concluded.expression ?? concluded.raw) : null,
    copyright: c.copyright ?? null,
  };
}

/**
 * The document's dependency entries as edges between planned versions, each once. Refs that name no
 * component are dropped; the primary component becomes the parent `null`; a version depending on
 * itself (two refs of one version) is no edge.
 */
function dependencyEdges(sbom: Sbom, versionOfRef: Map<string, number>, versionCount: number): PlannedEdge[] {
  const root = sbom.metadata.component?.ref;
  // Numeric keys: a string per edge made this the slowest part of planning a 100k-component import.
  const seen = new Set<number>();
  const width = versionCount + 1;
  const edges: PlannedEdge[] = [];
  for (const d of sbom.dependencies) {
    const parent = d.ref === root ? null : versionOfRef.get(d.ref);
    if (parent === undefined) continue;
    for (const ref of d.dependsOn) {
      const child = versionOfRef.get(ref);
      if (child === undefined || child === parent) continue;
      const key = (parent === null ? 0 : parent + 1) * width + child;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ parent, child });
    }
  }
  return edges;
}
