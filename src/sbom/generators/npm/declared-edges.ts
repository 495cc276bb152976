import type { DeclaredEdge, EdgeKind } from './lock-package.js';

type Record_ = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Record_ =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Past this many edges a name is looked up in a map rather than by scanning the list. */
const SCAN_LIMIT = 16;

/**
 * The dependency declarations of a manifest-like object (package.json or a lockfile v2 entry).
 * devDependencies count only for folders npm treats as top (root, workspaces, local folders): npm
 * never installs the dev dependencies of a registry package. A name listed both as a dependency and
 * an optional dependency is optional, as in npm. Edges keep the order in which their names first
 * appear; a spec that is not a string reads as ''.
 *
 * This runs once per lockfile entry: it reads each field's keys once and builds no map for the
 * common entry that lists few names (ADR 69).
 */
export function declaredEdges(manifest: Record_, includeDev: boolean): DeclaredEdge[] {
  const edges: DeclaredEdge[] = [];
  let byName: Map<string, number> | undefined;
  const indexOf = (name: string): number => {
    if (byName) return byName.get(name) ?? -1;
    if (edges.length <= SCAN_LIMIT) {
      for (let i = 0; i < edges.length; i++) if (edges[i]!.name === name) return i;
      return -1;
    }
    byName = new Map();
    for (let i = 0; i < edges.length; i++) byName.set(edges[i]!.name, i);
    return byName.get(name) ?? -1;
  };
  const append = (edge: DeclaredEdge) => {
    byName?.set(edge.name, edges.length);
    edges.push(edge);
  };
  const specs = (field: unknown, read: (name: string, spec: string) => void) => {
    if (!isPlainObject(field)) return;
    const names = Object.keys(field);
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const spec = field[name];
      read(name, typeof spec === 'string' ? spec : '');
    }
  };
  const edge = (name: string, spec: string, kind: EdgeKind, mayBeAbsent: boolean): DeclaredEdge => ({
    name,
    spec,
    kind,
    mayBeAbsent,
  });

  // The keys of one object are distinct: the first field needs no lookup.
  specs(manifest.dependencies, (name, spec) => edges.push(edge(name, spec, 'prod', false)));
  specs(manifest.optionalDependencies, (name, spec) => {
    const at = indexOf(name);
    if (at < 0) append(edge(name, spec, 'optional', true));
    else edges[at] = edge(name, spec, 'optional', true);
  });
  const peerMeta = isPlainObject(manifest.peerDependenciesMeta) ? manifest.peerDependenciesMeta : undefined;
  specs(manifest.peerDependencies, (name, spec) => {
    if (indexOf(name) >= 0) return;
    const meta = peerMeta?.[name];
    append(edge(name, spec, 'peer', isPlainObject(meta) && meta.optional === true));
  });
  if (includeDev) {
    specs(manifest.devDependencies, (name, spec) => {
      if (indexOf(name) < 0) append(edge(name, spec, 'dev', false));
    });
  }
  return edges;
}
