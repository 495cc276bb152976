import type { LockPackage } from './lock-package.js';
import { normalizePath } from './read-lock-tree.js';

/**
 * The folders Node searches, nearest first, when code at `fromPath` calls `require(name)`:
 * `<dir>/node_modules/` for the dependent's folder and each ancestor, skipping folders that are
 * themselves named node_modules. Computed once per dependent, shared by all its dependencies.
 */
export function searchFolders(fromPath: string): string[] {
  const folders: string[] = [];
  let dir = fromPath;
  for (;;) {
    if (dir !== 'node_modules' && !dir.endsWith('/node_modules'))
      folders.push(dir ? `${dir}/node_modules/` : 'node_modules/');
    if (dir === '') return folders;
    const slash = dir.lastIndexOf('/');
    dir = slash < 0 ? '' : dir.slice(0, slash);
  }
}

/**
 * Finds the package a dependent gets for `require(name)` the way Node does (see searchFolders). A
 * link is followed to its target, as Node resolves real paths. A `file:` spec with no installed
 * folder falls back to the folder it names.
 */
export function resolveDependency(
  packages: ReadonlyMap<string, LockPackage>,
  fromPath: string,
  folders: readonly string[],
  name: string,
  spec: string,
): LockPackage | undefined {
  // Indexed loops here and in the generator: most of one run is interpreted, where `for…of`
  // allocates an iterator result per step (ADR 69).
  for (let i = 0; i < folders.length; i++) {
    const found = packages.get(folders[i] + name);
    if (found) return followLink(packages, found);
  }
  if (spec.startsWith('file:')) {
    const relative = spec.slice('file:'.length);
    const target = packages.get(normalizePath(fromPath ? `${fromPath}/${relative}` : relative));
    if (target) return followLink(packages, target);
  }
  return undefined;
}

function followLink(packages: ReadonlyMap<string, LockPackage>, pkg: LockPackage): LockPackage | undefined {
  let current = pkg;
  // Links to links are legal; a bounded walk guards against a cycle in a hand-edited lockfile.
  for (let hops = 0; current.linkTarget !== undefined; hops++) {
    const next = packages.get(current.linkTarget);
    if (!next || hops > 8) return undefined;
    current = next;
  }
  return current;
}
