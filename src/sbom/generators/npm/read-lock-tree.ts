import { UnreadableDocumentError } from '../../format.js';
import { declaredEdges } from './declared-edges.js';
import { folderNameOf, isTopLevelFolder, NO_FLAGS, type LockFlags, type LockPackage } from './lock-package.js';

type Obj = Record<string, unknown>;

/** The install tree a lockfile describes, as paths → packages (root at path ``). */
export interface LockTree {
  lockfileVersion: number;
  root: LockPackage;
  /** Root name/version as the lockfile states them (v1 and v2+ top-level fields). */
  rootName?: string;
  rootVersion?: string;
  /** Whether the lockfile itself lists the root's direct dependencies (v2/v3 `packages[""]`). */
  rootEdgesKnown: boolean;
  /** The root declares workspaces: it depends on each of them, as npm's tree does. */
  hasWorkspaces: boolean;
  packages: Map<string, LockPackage>;
}

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Why a parsed JSON value is not an npm lockfile, or undefined when it looks like one. */
export function npmLockfileProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'the top-level value is not an object';
  const version = value.lockfileVersion;
  if (version !== undefined && typeof version !== 'number') return 'lockfileVersion is not a number';
  if (!isObject(value.packages) && !isObject(value.dependencies)) {
    return 'it has neither "packages" nor "dependencies"';
  }
  return undefined;
}

/** Reads any lockfile version into one tree shape. Throws only when the value is not a lockfile. */
export function readLockTree(lockfile: unknown, lockfileName: string): LockTree {
  const problem = npmLockfileProblem(lockfile);
  if (problem) throw new UnreadableDocumentError(`${lockfileName} is not an npm lockfile: ${problem}`);
  const json = lockfile as Obj;
  const lockfileVersion = typeof json.lockfileVersion === 'number' ? json.lockfileVersion : 1;
  // v2 carries both shapes; `packages` is the authoritative one (v1's is kept for npm 6 only).
  const tree = isObject(json.packages) ? readPackages(json.packages) : readNestedDependencies(json.dependencies as Obj);
  return { ...tree, lockfileVersion, rootName: str(json.name), rootVersion: str(json.version) };
}

/** The 16 possible flag sets, shared by the entries that have them rather than one object per entry. */
const FLAG_SETS: readonly LockFlags[] = Array.from({ length: 16 }, (_, bits) =>
  Object.freeze({
    dev: (bits & 1) !== 0,
    optional: (bits & 2) !== 0,
    devOptional: (bits & 4) !== 0,
    peer: (bits & 8) !== 0,
  }),
);

function flagsOf(entry: Obj): LockFlags {
  const bits =
    (entry.dev === true ? 1 : 0) |
    (entry.optional === true ? 2 : 0) |
    (entry.devOptional === true ? 4 : 0) |
    (entry.peer === true ? 8 : 0);
  return FLAG_SETS[bits]!;
}

function readPackages(packages: Obj): Omit<LockTree, 'lockfileVersion'> {
  const map = new Map<string, LockPackage>();
  let root: LockPackage | undefined;
  let hasWorkspaces = false;
  const paths = Object.keys(packages);
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i]!;
    const value = packages[path];
    if (!isObject(value)) continue;
    const top = isTopLevelFolder(path);
    const linkTarget = value.link === true ? str(value.resolved) : undefined;
    const pkg: LockPackage = {
      path,
      name: str(value.name) ?? folderNameOf(path),
      version: str(value.version),
      resolved: linkTarget ? undefined : str(value.resolved),
      integrity: str(value.integrity),
      license: licenseField(value.license),
      flags: flagsOf(value),
      inBundle: value.inBundle === true,
      local: path !== '' && (top || linkTarget !== undefined),
      linkTarget: linkTarget === undefined ? undefined : normalizePath(linkTarget),
      edges: linkTarget ? [] : declaredEdges(value, top),
    };
    if (path === '') {
      root = pkg;
      hasWorkspaces = value.workspaces !== undefined;
    } else map.set(path, pkg);
  }
  return {
    root: root ?? emptyRoot(),
    rootEdgesKnown: root !== undefined,
    hasWorkspaces,
    packages: map,
  };
}

function licenseField(value: unknown): string | undefined {
  if (typeof value === 'string') return str(value);
  if (isObject(value)) return str(value.type);
  return undefined;
}

/** v1: nested `dependencies` objects; a child's path is its parent's plus `/node_modules/<name>`. */
function readNestedDependencies(dependencies: Obj): Omit<LockTree, 'lockfileVersion'> {
  const map = new Map<string, LockPackage>();
  const walk = (deps: Obj, prefix: string) => {
    for (const [folder, value] of Object.entries(deps)) {
      if (!isObject(value)) continue;
      const path = `${prefix}node_modules/${folder}`;
      const spec = readV1Version(folder, str(value.version));
      const requires = isObject(value.requires) ? value.requires : {};
      map.set(path, {
        path,
        name: spec.name,
        version: spec.version,
        resolved: str(value.resolved) ?? spec.source,
        integrity: str(value.integrity),
        flags: flagsOf(value),
        inBundle: value.bundled === true,
        local: spec.local,
        // v1 `requires` merges dependencies and optionalDependencies and has no peers.
        edges: Object.entries(requires).map(([name, range]) => ({
          name,
          spec: typeof range === 'string' ? range : '',
          kind: 'prod' as const,
          mayBeAbsent: false,
        })),
      });
      if (isObject(value.dependencies)) walk(value.dependencies, `${path}/`);
    }
  };
  walk(dependencies, '');
  return { root: emptyRoot(), rootEdgesKnown: false, hasWorkspaces: false, packages: map };
}

/**
 * v1 writes aliases (`npm:real@1.0.0`), local folders (`file:…`) and git sources (`github:u/r#sha`,
 * `git+https://…#sha`) into `version`; only a plain version is a version.
 */
function readV1Version(
  folder: string,
  version: string | undefined,
): { name: string; version?: string; source?: string; local: boolean } {
  if (!version) return { name: folder, local: false };
  const alias = /^npm:(@?[^@]+)@(.+)$/.exec(version);
  if (alias) return { name: alias[1]!, version: alias[2]!, local: false };
  if (version.startsWith('file:')) return { name: folder, source: version, local: true };
  if (/^[a-z+]+:/i.test(version) || version.includes('/')) return { name: folder, source: version, local: false };
  return { name: folder, version, local: false };
}

function emptyRoot(): LockPackage {
  return { path: '', name: '', flags: NO_FLAGS, inBundle: false, local: true, edges: [] };
}

/** `./packages/a/` → `packages/a`; `..` segments are resolved (a link may point outside). */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const segment of path.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(segment);
  }
  return out.join('/');
}
