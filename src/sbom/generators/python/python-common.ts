import type { DependencyScope, Property } from '../../../model/index.js';
import type { LockfileInput } from '../core/extractor.js';
import type { InventoryBuilder, PackageSpec, ProjectSpec } from '../core/inventory-builder.js';
import { arrayOr, isObject, objectOr, str, type Obj } from '../core/parse-text.js';
import { toml } from '../../../text/libraries.js';

/** PEP 503 normalised name: lower case, runs of `-`, `_` and `.` as one `-`. */
export function normalizePythonName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[-_.]+/g, '-');
}

/** The distribution name a PEP 508 requirement string starts with (`requests[socks] >=2; python_version<"3"`). */
export function requirementName(requirement: string): string | undefined {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement);
  return m ? normalizePythonName(m[1]!) : undefined;
}

export function pypiPackage(
  name: string,
  version: string | undefined,
  extra: Partial<PackageSpec> & { local?: boolean; source?: PythonSource } = {},
): PackageSpec {
  const { local, source, ...rest } = extra;
  const key = normalizePythonName(name);
  const qualifiers = source && sourceQualifiers(source);
  return {
    key,
    name,
    ...(version && { version }),
    purl: version && !local ? { name, version, ...(qualifiers && { qualifiers }) } : false,
    ...rest,
  };
}

/** Where a locked package comes from, when the lockfile says: an index (simple API URL) or a git repository. */
export interface PythonSource {
  index?: string;
  git?: string;
  revision?: string;
}

/**
 * The purl qualifiers of a package that is not from PyPI: `repository_url` for another index (a
 * private one must never be taken for the PyPI package of that name), `vcs_url` (`git+<url>@<rev>`)
 * for a git checkout.
 */
function sourceQualifiers(source: PythonSource): Record<string, string> | undefined {
  if (source.git) {
    const url = source.git.replace(/^git\+/, '').replace(/[?#].*$/, '');
    return { vcs_url: `git+${url}${source.revision ? `@${source.revision}` : ''}` };
  }
  if (source.index && !/^https?:\/\/(pypi\.org|pypi\.python\.org|files\.pythonhosted\.org)(\/|$)/.test(source.index))
    return { repository_url: source.index };
  return undefined;
}

export const artifactHashes = (hashes: string[]): Property[] =>
  hashes.length > 0 ? [{ name: 'vigie:python:artifact-hashes', value: hashes.join(' ') }] : [];

/** pyproject.toml beside the lockfile, when it parses. */
export function siblingPyproject(input: LockfileInput): Obj | undefined {
  const text = input.readRelated?.('pyproject.toml');
  if (text === undefined) return undefined;
  try {
    return toml().parse(text) as Obj;
  } catch {
    return undefined;
  }
}

export function projectOfPyproject(pyproject: Obj | undefined): ProjectSpec {
  const project = objectOr(pyproject?.project);
  const poetry = objectOr(objectOr(pyproject?.tool).poetry);
  const name = str(project.name) ?? str(poetry.name);
  const version = str(project.version) ?? str(poetry.version);
  const license = str(project.license) ?? str(objectOr(project.license).text) ?? str(poetry.license);
  return name
    ? { name, ...(version && { version }), ...(license && { license }), purl: version ? { name, version } : false }
    : {};
}

/**
 * The project's declared dependencies by scope, from pyproject.toml: PEP 621 `[project]` (optional
 * dependencies are `optional`), PEP 735 `[dependency-groups]` and Poetry's sections (`dev` and
 * `test` groups are dev).
 */
export function declaredPythonDependencies(pyproject: Obj | undefined): [string, DependencyScope][] {
  if (!pyproject) return [];
  const out: [string, DependencyScope][] = [];
  const project = objectOr(pyproject.project);
  const push = (list: unknown, scope: DependencyScope) => {
    for (const r of arrayOr(list)) {
      const name = typeof r === 'string' ? requirementName(r) : undefined;
      if (name) out.push([name, scope]);
    }
  };
  push(project.dependencies, 'prod');
  for (const list of Object.values(objectOr(project['optional-dependencies']))) push(list, 'optional');
  for (const list of Object.values(objectOr(pyproject['dependency-groups']))) push(list, 'dev');
  const poetry = objectOr(objectOr(pyproject.tool).poetry);
  const table = (deps: unknown, scope: DependencyScope) => {
    for (const [name, spec] of Object.entries(objectOr(deps))) {
      if (name.toLowerCase() === 'python') continue;
      out.push([normalizePythonName(name), isObject(spec) && spec.optional === true ? 'optional' : scope]);
    }
  };
  table(poetry.dependencies, 'prod');
  table(poetry['dev-dependencies'], 'dev');
  for (const [group, def] of Object.entries(objectOr(poetry.group)))
    table(objectOr(def).dependencies, group === 'main' ? 'prod' : 'dev');
  return out;
}

/**
 * The project's direct dependencies: from pyproject.toml when it names them, else the packages no
 * other package requires (then the graph cannot claim to be complete). Returns whether the roots were
 * known.
 */
export function pythonRoots(
  builder: InventoryBuilder,
  pyproject: Obj | undefined,
  keys: Iterable<string>,
  required: Set<string>,
  fallbackScope: (key: string) => DependencyScope | undefined,
): boolean {
  const declared = declaredPythonDependencies(pyproject);
  if (declared.length > 0) {
    for (const [name, scope] of declared) if (builder.has(name)) builder.direct(name, scope);
    return true;
  }
  for (const key of keys) if (!required.has(key)) builder.direct(key, fallbackScope(key) ?? 'prod');
  return false;
}
