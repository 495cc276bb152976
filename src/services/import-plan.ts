/**
 * What an SBOM brings into a release, before it touches the store: the components and versions
 * (deduplicated by versionless canonical purl, else by name and version) and one usage per
 * (version, scope, project) with the dependency path from the primary component down.
 */
import type { Component, Sbom } from '../model/index.js';
import { componentLabel } from '../model/component.js';
import { formatPurl, isPurlError, parsePurl, purlWithoutVersion } from '../model/purl/index.js';
import { adjacency, allComponents } from '../sbom/graph.js';
import type { ComponentInput } from '../store/index.js';

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
  dependencyPath: string[];
}

export interface ImportPlan {
  components: ComponentInput[];
  versions: PlannedVersion[];
  usages: PlannedUsage[];
}

export function planImport(sbom: Sbom, project = ''): ImportPlan {
  const componentIndex = new Map<string, number>();
  const versionIndex = new Map<string, number>();
  const usageKeys = new Set<string>();
  const plan: ImportPlan = { components: [], versions: [], usages: [] };
  const paths = dependencyPaths(sbom);

  for (const c of allComponents(sbom)) {
    const input = componentInputOf(c);
    const key = input.purl ?? `name:${input.name}`;
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
    const scope = c.dependencyScope ?? '';
    const usageKey = `${vi}\u0000${scope}`;
    if (usageKeys.has(usageKey)) continue;
    usageKeys.add(usageKey);
    plan.usages.push({ version: vi, scope, project, dependencyPath: paths.get(c.ref) ?? [] });
  }
  return plan;
}

/** Identity fields of a component; the purl kept is versionless and canonical. */
export function componentInputOf(c: Component): ComponentInput {
  const parsed = c.purl ? parsePurl(c.purl) : undefined;
  const purl = parsed && !isPurlError(parsed) ? parsed : undefined;
  return {
    purlType: purl?.type ?? null,
    // Without a purl the name carries the group, so the store's identity key (the name) and the
    // key decisions use (namespace/name) are the same string.
    namespace: purl ? (purl.namespace ?? null) : null,
    name: purl?.name ?? (c.group ? `${c.group}/${c.name}` : c.name),
    purl: purl ? formatPurl(purlWithoutVersion(purl)) : null,
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
 * Shortest path (breadth first) from the primary component to every component it reaches, as
 * human labels (name@version): refs are local to one document, labels stay readable after it is
 * replaced. Components the graph does not reach get no path.
 */
function dependencyPaths(sbom: Sbom): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  const root = sbom.metadata.component;
  if (!root) return paths;
  const labels = new Map<string, string>();
  for (const c of allComponents(sbom, true)) if (!labels.has(c.ref)) labels.set(c.ref, componentLabel(c));
  const edges = adjacency(sbom);
  paths.set(root.ref, [labels.get(root.ref) ?? root.ref]);
  const queue = [root.ref];
  for (let i = 0; i < queue.length; i++) {
    const from = queue[i];
    const base = paths.get(from)!;
    for (const to of edges.get(from) ?? []) {
      if (paths.has(to)) continue;
      paths.set(to, [...base, labels.get(to) ?? to]);
      queue.push(to);
    }
  }
  return paths;
}
