import type { DependencyScope } from '../../../model/index.js';
import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder, type PackageSpec } from '../core/inventory-builder.js';
import { LockfileError, lineOfMatch } from '../core/lockfile-error.js';
import { isObject, objectOr, parseJsoncFile, str } from '../core/parse-text.js';
import { npmPackage, projectOfManifest } from '../npm/js-project.js';

/** bun.lock (the text lockfile of bun ≥ 1.1.39; bun.lockb is binary and not read). */
export const extract: ExtractFn = extractBun;

const SECTIONS: [string, DependencyScope][] = [
  ['dependencies', 'prod'],
  ['optionalDependencies', 'optional'],
  ['peerDependencies', 'peer'],
  ['devDependencies', 'dev'],
];

function extractBun(input: LockfileInput): Inventory {
  const doc = parseJsoncFile(input.path, input.text);
  if (!isObject(doc)) throw new LockfileError(input.path, 'not a bun lockfile: the top level is not an object', 1);
  const version = doc.lockfileVersion;
  if (version !== undefined && (typeof version !== 'number' || version < 0 || version > 1)) {
    throw new LockfileError(
      input.path,
      `bun lockfileVersion ${String(version)} is not one this reader knows (0, 1)`,
      lineOfMatch(input.text, '"lockfileVersion"') ?? 1,
    );
  }
  const builder = new InventoryBuilder('npm', 'JavaScript', input.path);
  const packages = objectOr(doc.packages);
  const keyOfPath = new Map<string, string>();
  const depsOfPath = new Map<string, [string, boolean][]>();
  for (const [path, tuple] of Object.entries(packages)) {
    const id = Array.isArray(tuple) ? str(tuple[0]) : undefined;
    const split = id ? splitIdentifier(id) : undefined;
    if (!split) {
      builder.report('warning', 'bad-package-entry', `package "${path}" is not a ["name@version", …] tuple; left out`, {
        line: lineOfMatch(input.text, `"${path}"`),
      });
      continue;
    }
    const { name, version } = split;
    const local = /^(workspace|file|link):/.test(version);
    const git = /^(github|gitlab|bitbucket|git\+|git:)/.test(version);
    const key = local || git ? `${local ? 'local' : 'git'}:${path}` : `${name}@${version}`;
    keyOfPath.set(path, key);
    const rest = (tuple as unknown[]).slice(1);
    const meta = objectOr(rest.find((x) => isObject(x)));
    const integrity = rest.filter((x): x is string => typeof x === 'string').find((x) => /^sha\d+-/.test(x));
    builder.add(packageSpec(key, name, version, { local, git, integrity, rest }));
    const deps: [string, boolean][] = [];
    for (const [section] of SECTIONS) {
      if (section === 'devDependencies') continue;
      for (const dep of Object.keys(objectOr(meta[section]))) deps.push([dep, section !== 'dependencies']);
    }
    depsOfPath.set(path, deps);
  }
  // Node's lookup: the nearest `<path>/…/name`, then the top level.
  const resolve = (from: string, name: string): string | undefined => {
    const parts = from ? from.split('/') : [];
    for (let n = parts.length; n >= 0; n--) {
      const prefix = parts.slice(0, n).join('/');
      const hit = keyOfPath.get(prefix ? `${prefix}/${name}` : name);
      if (hit) return hit;
    }
    return undefined;
  };
  let dangling = false;
  for (const [path, deps] of depsOfPath) {
    for (const [dep, mayBeAbsent] of deps) {
      const target = resolve(path, dep);
      if (target) builder.edge(keyOfPath.get(path)!, target);
      else if (!mayBeAbsent) {
        dangling = true;
        builder.report(
          'warning',
          'unresolved-dependency',
          `${path} depends on ${dep}, which the lockfile does not list`,
        );
      }
    }
  }
  const workspaces = objectOr(doc.workspaces);
  for (const [folder, raw] of Object.entries(workspaces)) {
    const ws = objectOr(raw);
    const wsKey = folder === '' ? undefined : (keyOfPath.get(str(ws.name) ?? '') ?? `local:${folder}`);
    if (wsKey && !builder.has(wsKey)) builder.add({ key: wsKey, name: str(ws.name) ?? folder, purl: false });
    if (wsKey) builder.direct(wsKey, 'prod');
    for (const [section, scope] of SECTIONS) {
      for (const dep of Object.keys(objectOr(ws[section]))) {
        // A member's own copy of a dependency sits under its name (`api/zod`), like a nested package.
        const target = resolve(wsKey ? (str(ws.name) ?? '') : '', dep);
        if (!target) {
          if (scope !== 'optional' && scope !== 'peer') dangling = true;
          continue;
        }
        if (wsKey) builder.edge(wsKey, target, scope);
        else builder.direct(target, scope);
      }
    }
  }
  const root = objectOr(workspaces['']);
  return builder.build(projectOfManifest(isObject(root) ? root : undefined), dangling ? 'incomplete' : 'complete');
}

function splitIdentifier(id: string): { name: string; version: string } | undefined {
  const at = id.indexOf('@', 1);
  if (at <= 0) return undefined;
  return { name: id.slice(0, at), version: id.slice(at + 1) };
}

/**
 * The commit a git dependency is locked to: the `#` fragment of its spec when that is a commit id,
 * else the one bun appends to the entry's last text (`owner-repo-<commit>`); undefined for a branch
 * or tag bun did not resolve in the file.
 */
function gitCommitOf(spec: string, rest: unknown[]): string | undefined {
  const fragment = /#([0-9a-f]{7,64})$/i.exec(spec)?.[1];
  if (fragment) return fragment.toLowerCase();
  for (const x of rest)
    if (typeof x === 'string' && !/^sha\d+-/.test(x)) {
      const suffix = /-([0-9a-f]{7,64})$/i.exec(x)?.[1];
      if (suffix) return suffix.toLowerCase();
    }
  return undefined;
}

/** The repository of a git spec as a vcs_url (`git+https://…`): hosted shorthands spelled out. */
function gitUrlOf(spec: string): string {
  const bare = spec.replace(/#.*$/, '');
  const hosted = /^(github|gitlab|bitbucket):(.+)$/.exec(bare);
  if (hosted) return `git+https://${hosted[1] === 'bitbucket' ? 'bitbucket.org' : `${hosted[1]}.com`}/${hosted[2]}`;
  return bare.startsWith('git+') ? bare : `git+${bare}`;
}

/**
 * One entry as a package. A git dependency is the commit bun locked (ADR 48): its version, with a
 * vcs_url that keeps it apart from the registry's package of that name.
 */
function packageSpec(
  key: string,
  name: string,
  version: string,
  entry: { local: boolean; git: boolean; integrity: string | undefined; rest: unknown[] },
): PackageSpec {
  const { local, git, integrity, rest } = entry;
  const commit = git ? gitCommitOf(version, rest) : undefined;
  const spec = npmPackage(key, name, local || git ? commit : version, {
    local: local || (git && !commit),
    integrity,
    ...(git && { externalReferences: [{ type: 'vcs', url: version }] }),
    ...(local && { properties: [{ name: 'vigie:workspace', value: version.replace(/^\w+:/, '') }] }),
  });
  if (git && commit && spec.purl)
    spec.purl = { ...spec.purl, qualifiers: { vcs_url: `${gitUrlOf(version)}@${commit}` } };
  return spec;
}
