/** What kind of edge a dependency declaration makes (package.json field it came from). */
export type EdgeKind = 'prod' | 'optional' | 'peer' | 'dev';

export interface DeclaredEdge {
  /** The name the dependent requires, i.e. the folder looked up under node_modules (alias name). */
  name: string;
  /** The spec as written (`^1.2.0`, `npm:real@^1`, `file:../x`). */
  spec: string;
  kind: EdgeKind;
  /** An optional dependency or an optional peer: npm may legitimately leave it out. */
  mayBeAbsent: boolean;
}

/** The flags npm computed for one installed path (lockfile v2/v3 names; v1 has dev/optional only). */
export interface LockFlags {
  readonly dev: boolean;
  readonly optional: boolean;
  readonly devOptional: boolean;
  readonly peer: boolean;
}

/** One entry of the install tree, whatever lockfile version it came from. */
export interface LockPackage {
  /** Install path relative to the project: `` (root), `node_modules/a/node_modules/@s/b`, `packages/x`. */
  path: string;
  /** The real package name (differs from the folder name for `npm:` aliases). */
  name: string;
  version?: string;
  resolved?: string;
  integrity?: string;
  /** Licence as the lockfile records it (v2/v3 only). */
  license?: string;
  flags: LockFlags;
  /** Shipped inside its parent's tarball (`inBundle` v2/v3, `bundled` v1). */
  inBundle: boolean;
  /** Not a registry package: a workspace, a `file:` folder or the target of a link. */
  local: boolean;
  /** For a link entry: the path of the package it points to. */
  linkTarget?: string;
  edges: DeclaredEdge[];
}

export const NO_FLAGS: LockFlags = { dev: false, optional: false, devOptional: false, peer: false };

/** Is the path a package folder outside any node_modules (root, workspace, local folder)? */
export function isTopLevelFolder(path: string): boolean {
  return path === '' || !/(^|\/)node_modules\//.test(path);
}

/** The folder name a path was installed under: last segment, or last two for `@scope/name`. */
export function folderNameOf(path: string): string {
  const at = path.lastIndexOf('node_modules/');
  const tail = at >= 0 ? path.slice(at + 'node_modules/'.length) : path.slice(path.lastIndexOf('/') + 1);
  return tail;
}
