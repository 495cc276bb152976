import type { DependencyScope, Property } from '../../../model/index.js';
import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { hashOf, InventoryBuilder, type PackageSpec } from '../core/inventory-builder.js';
import { LockfileError, lineOfMatch } from '../core/lockfile-error.js';
import { arrayOr, isObject, objectOr, parseYamlFile, str, type Obj } from '../core/parse-text.js';
import { normalizePythonName, requirementName } from '../python/python-common.js';

/**
 * pixi.lock (versions 4–6): conda and PyPI packages, locked per environment and platform. Version 6
 * names a package by its URL alone (`- conda: https://…/python-3.12.3-hab00c5b_0_cpython.conda`: the
 * file name gives name, version and build); versions 4–5 write `kind`, `name` and `version`. A
 * package is one component per name and version whatever its platforms; one only in environments
 * other than `default` (test, lint, docs…) is dev. `depends` (conda match specs) and
 * `requires_dist` (PEP 508) give the graph; each environment's direct dependencies are not written,
 * so the project's edges are not known.
 */
export const extract: ExtractFn = extractPixiLock;

const CONDA_FILE = /\/([^/]+)\/([^/]+?)(\.conda|\.tar\.bz2)$/;

interface Entry {
  kind: 'conda' | 'pypi';
  url: string;
  name: string;
  version?: string;
  raw: Obj;
}

function extractPixiLock(input: LockfileInput): Inventory {
  const doc = parseYamlFile(input.path, input.text);
  if (!isObject(doc)) throw new LockfileError(input.path, 'not a pixi.lock: the top level is not a mapping', 1);
  const version = doc.version;
  if (typeof version !== 'number' || version < 4 || version > 6)
    throw new LockfileError(
      input.path,
      `pixi.lock version ${String(version ?? '(missing)')} is not one this reader knows (4, 5, 6)`,
      lineOfMatch(input.text, /^version/m) ?? 1,
    );
  // A section of the wrong type would leave the inventory silently empty.
  if (doc.packages !== undefined && !Array.isArray(doc.packages))
    throw new LockfileError(
      input.path,
      'not a pixi.lock: `packages` is not a list',
      lineOfMatch(input.text, /^packages/m) ?? 1,
    );
  if (doc.environments !== undefined && !isObject(doc.environments))
    throw new LockfileError(
      input.path,
      'not a pixi.lock: `environments` is not a mapping',
      lineOfMatch(input.text, /^environments/m) ?? 1,
    );
  const builder = new InventoryBuilder('conda', undefined, input.path);
  // Which environments lock each package URL: one of `default` makes it production.
  const scopeOfUrl = new Map<string, DependencyScope>();
  for (const [envName, env] of Object.entries(objectOr(doc.environments))) {
    for (const list of Object.values(objectOr(objectOr(env).packages))) {
      for (const ref of arrayOr(list)) {
        const url = str(objectOr(ref).conda) ?? str(objectOr(ref).pypi);
        if (!url) continue;
        const scope: DependencyScope = envName === 'default' ? 'prod' : 'dev';
        if (scopeOfUrl.get(url) !== 'prod') scopeOfUrl.set(url, scope);
      }
    }
  }
  const entries: Entry[] = [];
  for (const [i, raw] of arrayOr(doc.packages).entries()) {
    const entry = isObject(raw) ? entryOf(raw) : undefined;
    if (!entry) {
      builder.report('warning', 'invalid-entry', `packages[${i}] names no conda or PyPI package; left out`);
      continue;
    }
    entries.push(entry);
  }
  const keyOf = (e: Entry) =>
    `${e.kind}:${e.kind === 'pypi' ? normalizePythonName(e.name) : e.name}@${e.version ?? ''}`;
  const byName = new Map<string, string[]>();
  for (const e of entries) {
    const key = keyOf(e);
    const nameKey = `${e.kind}:${e.kind === 'pypi' ? normalizePythonName(e.name) : e.name}`;
    if (!byName.get(nameKey)?.includes(key)) byName.set(nameKey, [...(byName.get(nameKey) ?? []), key]);
    builder.add(specOf(e, key, scopeOfUrl.get(e.url)));
  }
  for (const e of entries) {
    const from = keyOf(e);
    if (e.kind === 'conda') {
      for (const spec of arrayOr(e.raw.depends)) {
        const name = typeof spec === 'string' ? spec.trim().split(/[\s=<>!~]/)[0] : undefined;
        for (const to of (name && byName.get(`conda:${name}`)) || []) if (to !== from) builder.edge(from, to);
      }
    } else {
      for (const requirement of arrayOr(e.raw.requires_dist)) {
        const name = typeof requirement === 'string' ? requirementName(requirement) : undefined;
        // A requirement behind an `extra ==` marker is optional: only the ones this lock holds are followed.
        for (const to of (name && byName.get(`pypi:${normalizePythonName(name)}`)) || [])
          if (to !== from) builder.edge(from, to);
      }
    }
  }
  return builder.build({ properties: [{ name: 'vigie:pixi:lock-version', value: String(version) }] }, 'incomplete');
}

/** A package entry of any version of the format, or undefined when it names none. */
function entryOf(raw: Obj): Entry | undefined {
  const kind =
    raw.conda !== undefined || str(raw.kind) === 'conda'
      ? 'conda'
      : raw.pypi !== undefined || str(raw.kind) === 'pypi'
        ? 'pypi'
        : undefined;
  const url = str(raw.conda) ?? str(raw.pypi) ?? str(raw.url);
  if (!kind || !url) return undefined;
  const fromFile = kind === 'conda' ? condaFile(url) : undefined;
  const name = str(raw.name) ?? fromFile?.name;
  if (!name) return undefined;
  return { kind, url, name, version: str(raw.version) ?? fromFile?.version, raw };
}

/** `…/linux-64/python-3.12.3-hab00c5b_0_cpython.conda`: name (may hold `-`), version and build (never do), subdir. */
function condaFile(url: string): { name: string; version: string; build: string; subdir: string } | undefined {
  const m = CONDA_FILE.exec(url.split(/[?#]/)[0]!);
  if (!m) return undefined;
  const parts = m[2]!.split('-');
  if (parts.length < 3) return undefined;
  const build = parts.pop()!;
  const version = parts.pop()!;
  return { name: parts.join('-'), version, build, subdir: m[1]! };
}

/** The conda channel of a package URL: `https://conda.anaconda.org/conda-forge/linux-64/…` → conda-forge. */
function channelOf(url: string): string | undefined {
  const m = /^https?:\/\/(?:conda\.anaconda\.org|repo\.prefix\.dev)\/([^/]+)\//.exec(url);
  if (m) return m[1];
  if (/^https?:\/\/repo\.anaconda\.com\/pkgs\/([^/]+)\//.test(url)) return 'defaults';
  return undefined;
}

function specOf(e: Entry, key: string, scope: DependencyScope | undefined): PackageSpec {
  const properties: Property[] = [];
  const license = str(e.raw.license);
  let qualifiers: Record<string, string> | undefined;
  if (e.kind === 'pypi') {
    if (!/^https:\/\/files\.pythonhosted\.org\//.test(e.url)) qualifiers = { download_url: e.url };
  } else {
    const file = condaFile(e.url);
    const channel = channelOf(e.url);
    // A channel of anaconda.org or prefix.dev names where the package is from; another URL is its download.
    qualifiers = channel ? { channel } : { download_url: e.url };
    if (file)
      properties.push(
        { name: 'vigie:conda:build', value: str(e.raw.build) ?? file.build },
        { name: 'vigie:conda:subdir', value: str(e.raw.subdir) ?? file.subdir },
      );
  }
  return {
    key,
    name: e.name,
    ...(e.version && { version: e.version }),
    purl: e.version ? { type: e.kind, name: e.name, version: e.version, ...(qualifiers && { qualifiers }) } : false,
    scope: scope ?? 'prod',
    hashes: [hashOf(str(e.raw.sha256), 'sha256'), hashOf(str(e.raw.md5), 'md5')].filter((h) => h !== undefined),
    ...(license && { license }),
    externalReferences: [{ type: 'distribution', url: e.url }],
    properties,
  };
}
