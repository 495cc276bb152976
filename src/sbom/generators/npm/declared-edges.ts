import type { DeclaredEdge } from './lock-package.js';

type Record_ = Record<string, unknown>;

function stringMap(value: unknown): [string, string][] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record_).map(([k, v]) => [k, typeof v === 'string' ? v : '']);
}

/**
 * The dependency declarations of a manifest-like object (package.json or a lockfile v2 entry).
 * devDependencies count only for folders npm treats as top (root, workspaces, local folders): npm
 * never installs the dev dependencies of a registry package. A name listed both as a dependency and
 * an optional dependency is optional, as in npm.
 */
export function declaredEdges(manifest: Record_, includeDev: boolean): DeclaredEdge[] {
  const byName = new Map<string, DeclaredEdge>();
  const add = (edge: DeclaredEdge) => {
    if (!byName.has(edge.name) || edge.kind === 'optional') byName.set(edge.name, edge);
  };
  const peerMeta = (manifest.peerDependenciesMeta ?? {}) as Record<string, { optional?: unknown }>;
  for (const [name, spec] of stringMap(manifest.dependencies)) add({ name, spec, kind: 'prod', mayBeAbsent: false });
  for (const [name, spec] of stringMap(manifest.optionalDependencies))
    add({ name, spec, kind: 'optional', mayBeAbsent: true });
  for (const [name, spec] of stringMap(manifest.peerDependencies)) {
    if (byName.has(name)) continue;
    add({ name, spec, kind: 'peer', mayBeAbsent: peerMeta[name]?.optional === true });
  }
  if (includeDev) {
    for (const [name, spec] of stringMap(manifest.devDependencies)) {
      if (!byName.has(name)) add({ name, spec, kind: 'dev', mayBeAbsent: false });
    }
  }
  return [...byName.values()];
}
