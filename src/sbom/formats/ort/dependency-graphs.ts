import { issue } from '../../../model/index.js';
import { ortIssue } from './ort-issue.js';
import type { OrtSbomBuilder } from './sbom-builder.js';
import { asArray, isRecord, text } from './structured-text.js';
import { DistinctLists } from '../../distinct-lists.js';

/** One node of a shared graph: a package index plus the fragment telling apart its variants. */
interface GraphNode {
  pkg: number;
  linkage?: string;
  issues: unknown[];
}

/**
 * The shared-graph layout (`analyzer.result.dependency_graphs`, one graph per package manager):
 * `packages` lists identifiers, `nodes` + `edges` (newer) or nested `scope_roots` (older) give the
 * structure by index, and `scopes` maps "namespace:name:version:scope" of a project to its root nodes.
 * `projectsByQualifier` resolves that "namespace:name:version" prefix back to the project ref.
 */
export function readDependencyGraphs(
  graphs: unknown,
  projectsByQualifier: Map<string, string>,
  builder: OrtSbomBuilder,
): void {
  if (!isRecord(graphs)) return;
  for (const [manager, graph] of Object.entries(graphs)) {
    if (isRecord(graph)) readGraph(graph, `analyzer.result.dependency_graphs.${manager}`, projectsByQualifier, builder);
  }
}

function readGraph(
  graph: Record<string, unknown>,
  field: string,
  projects: Map<string, string>,
  builder: OrtSbomBuilder,
): void {
  const packages = asArray(graph.packages).map((p) => text(p) ?? '');
  const nodes = new Map<string, GraphNode>();
  const linked = new DistinctLists<string>();
  const children = linked.lists;
  const link = (from: string, to: string) => void linked.add(from, to);
  const badIndex = (what: string) =>
    builder.issues.push(issue('warning', 'invalid-graph-index', `${what} points outside the graph`, { field }));

  if (Array.isArray(graph.nodes)) {
    const keys = graph.nodes.map((raw) => {
      if (!isRecord(raw)) return undefined;
      const pkg = indexOf(raw.pkg);
      const key = nodeKey(pkg, raw.fragment);
      nodes.set(key, { pkg, linkage: text(raw.linkage), issues: asArray(raw.issues) });
      return key;
    });
    for (const edge of asArray(graph.edges)) {
      if (!isRecord(edge)) continue;
      const from = keys[indexOf(edge.from)];
      const to = keys[indexOf(edge.to)];
      if (from === undefined || to === undefined) badIndex(`edge ${JSON.stringify(edge)}`);
      else link(from, to);
    }
  } else {
    const visit = (raw: unknown): string | undefined => {
      if (!isRecord(raw)) return undefined;
      const pkg = indexOf(raw.pkg);
      const key = nodeKey(pkg, raw.fragment);
      if (!nodes.has(key)) nodes.set(key, { pkg, linkage: text(raw.linkage), issues: asArray(raw.issues) });
      for (const child of asArray(raw.dependencies)) {
        const childKey = visit(child);
        if (childKey) link(key, childKey);
      }
      return key;
    };
    for (const root of asArray(graph.scope_roots)) visit(root);
  }

  const idOf = (key: string): string | undefined => {
    const node = nodes.get(key);
    return node ? packages[node.pkg] || undefined : undefined;
  };
  for (const [key, node] of nodes) {
    const ref = idOf(key);
    if (!ref) {
      badIndex(`package index ${node.pkg}`);
      continue;
    }
    if (node.linkage && node.linkage !== 'DYNAMIC') builder.addLinkage(ref, node.linkage);
    node.issues.forEach((raw, i) => {
      const found = ortIssue(raw, { component: ref, field: `${field}.nodes[${key}].issues[${i}]` });
      if (found) builder.issues.push(found);
    });
    for (const childKey of children.get(key) ?? []) {
      const child = idOf(childKey);
      if (child) builder.addEdge(ref, child);
    }
  }

  if (!isRecord(graph.scopes)) return;
  for (const [qualifiedScope, roots] of Object.entries(graph.scopes)) {
    const { qualifier, scopeName } = splitQualifiedScope(qualifiedScope);
    const project = projects.get(qualifier);
    if (!project) {
      builder.issues.push(
        issue('warning', 'unknown-scope-owner', `scope "${qualifiedScope}" names no project of this result`, {
          field: `${field}.scopes`,
        }),
      );
    }
    const seen = new Set<string>();
    const pending: string[] = [];
    for (const root of asArray(roots)) {
      if (!isRecord(root)) continue;
      const index = indexOf(root.root);
      const key = nodeKey(index, root.fragment);
      const ref = idOf(key) ?? packages[index];
      if (!ref) {
        badIndex(`root ${index} of scope "${qualifiedScope}"`);
        continue;
      }
      if (project) builder.addEdge(project, ref);
      pending.push(key);
      builder.addScope(ref, scopeName, project);
    }
    // Everything reachable from a scope's roots is in that scope.
    while (pending.length > 0) {
      const key = pending.pop() as string;
      if (seen.has(key)) continue;
      seen.add(key);
      const ref = idOf(key);
      if (ref) builder.addScope(ref, scopeName, project);
      for (const child of children.get(key) ?? []) if (!seen.has(child)) pending.push(child);
    }
  }
}

/** ORT leaves out numbers equal to their default, so an absent index means 0. */
function indexOf(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

function nodeKey(pkg: number, fragment: unknown): string {
  return `${pkg}.${indexOf(fragment)}`;
}

/** "namespace:name:version:scope" → the project part and the scope name (which may itself hold colons). */
export function splitQualifiedScope(qualified: string): { qualifier: string; scopeName: string } {
  let at = -1;
  for (let i = 0; i < 3; i++) {
    at = qualified.indexOf(':', at + 1);
    if (at < 0) return { qualifier: '', scopeName: qualified };
  }
  return { qualifier: qualified.slice(0, at), scopeName: qualified.slice(at + 1) };
}
