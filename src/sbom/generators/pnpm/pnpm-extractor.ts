import type { DependencyScope } from '../../../model/index.js';
import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError, lineOfMatch } from '../core/lockfile-error.js';
import { isObject, objectOr, parseYamlFile, str, type Obj } from '../core/parse-text.js';
import { npmPackage, projectOfManifest, siblingManifest, sourceReference } from '../npm/js-project.js';

/** pnpm-lock.yaml, lockfile versions 5.x (`/name/1.0.0_peer`), 6.x (`/name@1.0.0(peer)`) and 9.x (`name@1.0.0`, snapshots). */
export const extract: ExtractFn = extractPnpm;

const SECTIONS: [string, DependencyScope][] = [
  ['dependencies', 'prod'],
  ['optionalDependencies', 'optional'],
  ['devDependencies', 'dev'],
];

interface Parsed {
  name: string;
  version?: string;
}

/** Name and version from a package path of any lockfile version, peer suffixes removed. */
export function parsePnpmPath(path: string, major: number): Parsed | undefined {
  let p = path.startsWith('/') ? path.slice(1) : path;
  const paren = p.indexOf('(');
  if (paren > 0) p = p.slice(0, paren);
  if (major >= 6) {
    // `name@1.0.0`, or `name@https://…` for a tarball (the version is then in the entry).
    const at = p.indexOf('@', 1);
    if (at > 0) {
      const version = p.slice(at + 1);
      return { name: p.slice(0, at), ...(/^\d/.test(version) && { version }) };
    }
  }
  const segments = p.split('/');
  // v5 keys may start with a registry host (`registry.npmjs.org/foo/1.0.0`).
  if (segments.length > 2 && segments[0]!.includes('.') && !segments[0]!.startsWith('@')) segments.shift();
  const version = segments.pop()!.replace(/_.*$/, '');
  if (!/^\d/.test(version) || segments.length === 0) return undefined;
  return { name: segments.join('/'), version };
}

function extractPnpm(input: LockfileInput): Inventory {
  const doc = parseYamlFile(input.path, input.text);
  // A file of comments only (what pnpm writes for a project without dependencies) is empty, not wrong.
  if (doc === null || doc === undefined)
    return new InventoryBuilder('npm', 'JavaScript', input.path).build(
      projectOfManifest(siblingManifest(input)),
      'complete',
    );
  if (!isObject(doc)) throw new LockfileError(input.path, 'not a pnpm lockfile: the top level is not a mapping', 1);
  const major = lockfileMajor(input, doc);
  const builder = new InventoryBuilder('npm', 'JavaScript', input.path);
  const packages = objectOr(doc.packages);
  // v9 splits metadata (packages, keyed without peers) from the resolved graph (snapshots).
  const graph = major >= 9 ? objectOr(doc.snapshots) : packages;
  const keyOfPath = new Map<string, string>();
  for (const [path, raw] of Object.entries(graph))
    addPackage(path, objectOr(raw), { packages, major, input, builder, keyOfPath });

  // A dependency value is a version (plus peer suffix) of the named package, or a whole path (aliases, git).
  const resolve: Resolve = (name, value) => {
    const v = norm(value);
    return keyOfPath.get(v) ?? keyOfPath.get(`${name}/${v}`) ?? keyOfPath.get(`${name}@${v}`);
  };
  const danglingEdges = addPackageEdges(graph, keyOfPath, resolve, builder);
  const danglingImports = addImporters(doc, resolve, builder, input);
  return builder.build(
    projectOfManifest(siblingManifest(input)),
    danglingEdges || danglingImports ? 'incomplete' : 'complete',
  );
}

type Resolve = (name: string, value: string) => string | undefined;

const norm = (p: string) => (p.startsWith('/') ? p.slice(1) : p);

function lockfileMajor(input: LockfileInput, doc: Obj): number {
  const rawVersion = str(doc.lockfileVersion);
  const major = rawVersion ? Number.parseInt(rawVersion, 10) : NaN;
  if (![5, 6, 7, 9].includes(major)) {
    throw new LockfileError(
      input.path,
      `pnpm lockfileVersion ${rawVersion ?? '(missing)'} is not one this reader knows (5.x, 6.x, 9.x)`,
      lineOfMatch(input.text, /^lockfileVersion/m) ?? 1,
    );
  }
  return major;
}

interface PackageContext {
  packages: Obj;
  major: number;
  input: LockfileInput;
  builder: InventoryBuilder;
  /** The inventory key of each package path read (without a leading slash). */
  keyOfPath: Map<string, string>;
}

/** One entry of the resolved graph: name and version (v9: from its `packages` metadata), source, scope. */
function addPackage(path: string, entry: Obj, ctx: PackageContext): void {
  const meta = ctx.major >= 9 ? objectOr(ctx.packages[norm(path).replace(/\(.*$/, '')]) : entry;
  const byPath = parsePnpmPath(path, ctx.major);
  const name = str(meta.name) ?? str(entry.name) ?? byPath?.name;
  const version = str(meta.version) ?? str(entry.version) ?? byPath?.version;
  if (!name || !version) {
    ctx.builder.report(
      'warning',
      'unparsable-package-path',
      `package path "${path}" names no package version; left out`,
      { line: lineOfMatch(ctx.input.text, path) },
    );
    return;
  }
  const resolution = objectOr(meta.resolution);
  // A folder or a tarball of the project: `file:vendor/x.tgz` (v5/v6), `x@file:vendor/x.tgz` (v9).
  const local =
    str(resolution.directory) !== undefined ||
    /^(file|link):/.test(str(resolution.tarball) ?? '') ||
    /^(?:(?:@[^/]+\/)?[^@/]+@)?(file|link):/.test(norm(path));
  const key = local ? `local:${norm(path)}` : `${name}@${version}`;
  ctx.keyOfPath.set(norm(path), key);
  const scope: DependencyScope | undefined =
    entry.dev === true ? 'dev' : entry.optional === true ? 'optional' : entry.dev === false ? 'prod' : undefined;
  const repo = str(resolution.repo);
  ctx.builder.add(
    npmPackage(key, name, version, {
      local,
      integrity: str(resolution.integrity),
      ...(scope && { scope }),
      externalReferences: repo
        ? [{ type: 'vcs', url: `${repo}${str(resolution.commit) ? `#${str(resolution.commit)}` : ''}` }]
        : sourceReference(str(resolution.tarball)),
    }),
  );
}

/** The edges between packages; true when a dependency names a package the lockfile does not list. */
function addPackageEdges(
  graph: Obj,
  keyOfPath: Map<string, string>,
  resolve: Resolve,
  builder: InventoryBuilder,
): boolean {
  let dangling = false;
  for (const [path, raw] of Object.entries(graph)) {
    const from = keyOfPath.get(norm(path));
    if (!from) continue;
    const entry = objectOr(raw);
    for (const field of ['dependencies', 'optionalDependencies']) {
      for (const [name, value] of Object.entries(objectOr(entry[field]))) {
        const target = resolve(name, String(value));
        if (target) builder.edge(from, target);
        else if (!String(value).startsWith('link:')) {
          dangling = true;
          builder.report(
            'warning',
            'unresolved-dependency',
            `${path} depends on ${name} ${String(value)}, which the lockfile does not list`,
          );
        }
      }
    }
  }
  return dangling;
}

/**
 * Importers: `.` is the project; other workspace folders become local components it depends on.
 * True when an importer names a package the lockfile does not list.
 */
function addImporters(doc: Obj, resolve: Resolve, builder: InventoryBuilder, input: LockfileInput): boolean {
  let dangling = false;
  const importers: [string, Obj][] = isObject(doc.importers)
    ? Object.entries(doc.importers).map(([k, v]) => [k, objectOr(v)])
    : [['.', doc]];
  for (const [folder, importer] of importers) {
    const fromKey = folder === '.' ? undefined : `workspace:${folder}`;
    if (fromKey) {
      // The member's own package.json names it (`@acme/lib`); the folder's name stands in without it.
      const member = siblingManifest(input, `${folder}/package.json`);
      const name = typeof member?.name === 'string' ? member.name : folder.split('/').pop()!;
      const version = typeof member?.version === 'string' ? member.version : undefined;
      builder.add({
        ...npmPackage(fromKey, name, version, { local: true }),
        ...(typeof member?.license === 'string' && { license: member.license }),
        properties: [{ name: 'vigie:workspace', value: folder }],
      });
      builder.direct(fromKey, 'prod');
    }
    for (const [section, scope] of SECTIONS) {
      for (const [name, value] of Object.entries(objectOr(importer[section]))) {
        const version = isObject(value) ? str(value.version) : str(value);
        if (!version) continue;
        const target = version.startsWith('link:')
          ? `workspace:${joinFolder(folder, version.slice(5))}`
          : resolve(name, version);
        if (!target) {
          dangling = true;
          builder.report(
            'warning',
            'unresolved-dependency',
            `importer ${folder} depends on ${name} ${version}, which the lockfile does not list`,
          );
        } else if (fromKey) builder.edge(fromKey, target, scope);
        else builder.direct(target, scope);
      }
    }
  }
  return dangling;
}

function joinFolder(base: string, relative: string): string {
  const parts = base === '.' ? [] : base.split('/');
  for (const seg of relative.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.length ? parts.join('/') : '.';
}
