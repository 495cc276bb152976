import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { hashOf, InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError, lineOfMatch } from '../core/lockfile-error.js';
import { arrayOr, objectOr, parseTomlFile, str } from '../core/parse-text.js';
import {
  normalizePythonName,
  projectOfPyproject,
  pypiPackage,
  pythonRoots,
  siblingPyproject,
} from './python-common.js';

/**
 * pylock.toml and pylock.<name>.toml (PEP 751, lock-version 1.x, written by uv, pip and pdm):
 * `[[packages]]` with name, version, index, `vcs`, `directory`, `archive`, sdist and wheels with
 * their hashes, `dependencies` (references to other entries by name) and a `marker`. A VCS entry
 * without a version takes its commit as version; a directory (the project itself, a local path)
 * has no purl. A marker that asks for a dependency group makes the package dev.
 */
export const extract: ExtractFn = extractPylock;

function extractPylock(input: LockfileInput): Inventory {
  const doc = parseTomlFile(input.path, input.text);
  const lockVersion = str(doc['lock-version']);
  if (!lockVersion || !/^1(\.|$)/.test(lockVersion)) {
    throw new LockfileError(
      input.path,
      lockVersion
        ? `pylock lock-version ${lockVersion} is not one this reader knows (1.x)`
        : 'not a pylock.toml: no lock-version',
      lineOfMatch(input.text, 'lock-version') ?? 1,
    );
  }
  const builder = new InventoryBuilder('pypi', 'Python', input.path);
  const packages = arrayOr(doc.packages).map(objectOr);
  const devGroups = arrayOr(doc['dependency-groups']).map(String);
  const scopes = new Map<string, 'prod' | 'dev'>();
  for (const p of packages) {
    const name = str(p.name);
    if (!name) {
      builder.report('warning', 'missing-name', 'a [[packages]] entry has no name; left out');
      continue;
    }
    // The project itself (`directory = { path = "." }`) is the primary component, not a dependency.
    if (['.', './', ''].includes(str(objectOr(p.directory).path) ?? '-')) continue;
    const vcs = objectOr(p.vcs);
    const commit = str(vcs['commit-id']);
    const version = str(p.version) ?? commit;
    const local = p.directory !== undefined || (p.archive !== undefined && str(objectOr(p.archive).path) !== undefined);
    const marker = str(p.marker);
    const dev = marker !== undefined && /dependency_groups/.test(marker) && !/'default'|"default"/.test(marker);
    if (!local && !version) {
      builder.report('warning', 'missing-version', `${name} has no version; left out`);
      continue;
    }
    const sdistHash = str(objectOr(objectOr(p.sdist).hashes).sha256);
    const hash = hashOf(sdistHash, 'sha256');
    const key = normalizePythonName(name);
    if (dev) scopes.set(key, 'dev');
    builder.add(
      pypiPackage(name, version, {
        local,
        source: {
          ...(str(p.index) && { index: str(p.index) }),
          ...(str(vcs.url) && { git: str(vcs.url), revision: commit }),
        },
        ...(dev && { scope: 'dev' as const }),
        ...(hash && { hashes: [hash] }),
        properties: [
          ...(marker ? [{ name: 'vigie:python:marker', value: marker }] : []),
          ...(dev && devGroups.length > 0 ? [{ name: 'vigie:python:groups', value: devGroups.join(',') }] : []),
        ],
      }),
    );
  }
  const required = new Set<string>();
  for (const p of packages) {
    const from = normalizePythonName(str(p.name) ?? '');
    if (!builder.has(from)) continue;
    for (const d of arrayOr(p.dependencies)) {
      const to = normalizePythonName(str(objectOr(d).name) ?? '');
      if (to && builder.has(to) && to !== from) {
        builder.edge(from, to);
        required.add(to);
      }
    }
  }
  const pyproject = siblingPyproject(input);
  const known = pythonRoots(
    builder,
    pyproject,
    packages.map((p) => normalizePythonName(str(p.name) ?? '')).filter((k) => builder.has(k)),
    required,
    (k) => scopes.get(k),
  );
  return builder.build(projectOfPyproject(pyproject), known ? 'complete' : 'incomplete');
}
