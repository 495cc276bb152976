import type { DependencyScope } from '../../../model/index.js';
import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError, lineOfMatch } from '../core/lockfile-error.js';
import { arrayOr, objectOr, parseTomlFile, str } from '../core/parse-text.js';
import {
  normalizePythonName,
  projectOfPyproject,
  pypiPackage,
  pythonRoots,
  siblingPyproject,
} from './python-common.js';

/** poetry.lock, lock-version 1.x (`category`) and 2.x (`groups`). */
export const extract: ExtractFn = extractPoetry;

function extractPoetry(input: LockfileInput): Inventory {
  const doc = parseTomlFile(input.path, input.text);
  const lockVersion = str(objectOr(doc.metadata)['lock-version']);
  if (lockVersion && !/^[12]\./.test(lockVersion)) {
    throw new LockfileError(
      input.path,
      `poetry lock-version ${lockVersion} is not one this reader knows (1.x, 2.x)`,
      lineOfMatch(input.text, 'lock-version'),
    );
  }
  const builder = new InventoryBuilder('pypi', 'Python', input.path);
  const packages = arrayOr(doc.package).map(objectOr);
  const scopes = new Map<string, DependencyScope>();
  for (const p of packages) {
    const name = str(p.name);
    const version = str(p.version);
    if (!name || !version) {
      builder.report('warning', 'missing-version', `a [[package]] has no name or version; left out`);
      continue;
    }
    const source = objectOr(p.source);
    const type = str(source.type);
    const local = type === 'directory' || type === 'file';
    const groups = arrayOr(p.groups).map(String);
    const scope: DependencyScope | undefined =
      p.optional === true
        ? 'optional'
        : str(p.category) === 'dev' || (groups.length > 0 && !groups.includes('main'))
          ? 'dev'
          : p.category || groups.length
            ? 'prod'
            : undefined;
    if (scope) scopes.set(normalizePythonName(name), scope);
    const url = str(source.url);
    const spec = pypiPackage(name, version, {
      local,
      source: {
        ...(type === 'git' && url && { git: url, revision: str(source.resolved_reference) }),
        ...((type === 'legacy' || type === 'explicit') && url && { index: url }),
      },
      ...(scope && { scope }),
      description: str(p.description),
      ...(type === 'git' &&
        url && {
          externalReferences: [
            { type: 'vcs', url: `${url}${str(source.resolved_reference) ? `@${str(source.resolved_reference)}` : ''}` },
          ],
        }),
      ...(groups.length > 0 && { properties: [{ name: 'vigie:python:groups', value: groups.join(',') }] }),
    });
    // Poetry locks one version per marker set: a second version of a name gets its own key.
    builder.add(builder.has(spec.key) ? { ...spec, key: `${spec.key}@${version}` } : spec);
  }
  const required = new Set<string>();
  for (const p of packages) {
    const from = normalizePythonName(str(p.name) ?? '');
    if (!builder.has(from)) continue;
    for (const dep of Object.keys(objectOr(p.dependencies))) {
      const to = normalizePythonName(dep);
      if (builder.has(to)) {
        builder.edge(from, to);
        required.add(to);
      }
    }
  }
  const pyproject = siblingPyproject(input);
  const known = pythonRoots(
    builder,
    pyproject,
    packages.map((p) => normalizePythonName(str(p.name) ?? '')),
    required,
    (k) => scopes.get(k),
  );
  return builder.build(projectOfPyproject(pyproject), known ? 'complete' : 'incomplete');
}
