import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { hashOf, InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError, lineOfMatch } from '../core/lockfile-error.js';
import { arrayOr, objectOr, parseTomlFile, str } from '../core/parse-text.js';
import {
  normalizePythonName,
  projectOfPyproject,
  pypiPackage,
  pythonRoots,
  requirementName,
  siblingPyproject,
} from './python-common.js';

/** pdm.lock (lock_version 4.x): packages with groups, requirement strings and file hashes. */
export const extract: ExtractFn = extractPdm;

function extractPdm(input: LockfileInput): Inventory {
  const doc = parseTomlFile(input.path, input.text);
  const meta = objectOr(doc.metadata);
  const lockVersion = str(meta.lock_version);
  if (lockVersion && !/^4\./.test(lockVersion)) {
    throw new LockfileError(
      input.path,
      `pdm lock_version ${lockVersion} is not one this reader knows (4.x)`,
      lineOfMatch(input.text, 'lock_version'),
    );
  }
  const builder = new InventoryBuilder('pypi', 'Python', input.path);
  const packages = arrayOr(doc.package).map(objectOr);
  const scopes = new Map<string, 'prod' | 'dev' | 'optional'>();
  const versionOf = new Map<string, string>();
  for (const p of packages) {
    const name = str(p.name);
    if (!name) continue;
    const groups = arrayOr(p.groups).map(String);
    // `default` is production; named groups are dev groups or optional extras: pdm cannot tell which.
    const scope =
      groups.length === 0
        ? undefined
        : groups.includes('default')
          ? 'prod'
          : groups.includes('dev')
            ? 'dev'
            : 'optional';
    if (scope) scopes.set(normalizePythonName(name), scope);
    const git = str(p.git);
    const hashes = arrayOr(p.files)
      .map((f) => str(objectOr(f).hash))
      .filter((h): h is string => !!h);
    const sdist = arrayOr(p.files)
      .map(objectOr)
      .find((f) => /\.(tar\.gz|zip)$/.test(str(f.file) ?? ''));
    const hash = hashOf(str(sdist?.hash));
    const spec = pypiPackage(name, str(p.version), {
      local: str(p.path) !== undefined || str(p.editable) !== undefined,
      ...(scope && { scope }),
      ...(hash && { hashes: [hash] }),
      description: str(p.summary),
      ...(git && {
        externalReferences: [{ type: 'vcs', url: `${git}${str(p.revision) ? `@${str(p.revision)}` : ''}` }],
      }),
      ...(groups.length > 0 && {
        properties: [
          { name: 'vigie:python:groups', value: groups.join(',') },
          ...(hashes.length > 1 ? [{ name: 'vigie:python:artifact-hashes', value: hashes.join(' ') }] : []),
        ],
      }),
    });
    // A lock for several targets (pdm 2.17+) may hold a name at one version per marker: each is kept.
    // (An entry with `extras` repeats its package's name and version: the same package.)
    const first = versionOf.get(spec.key);
    if (first === undefined) versionOf.set(spec.key, str(p.version) ?? '');
    builder.add(
      first !== undefined && first !== (str(p.version) ?? '')
        ? { ...spec, key: `${spec.key}@${str(p.version)}` }
        : spec,
    );
  }
  const required = new Set<string>();
  for (const p of packages) {
    const from = normalizePythonName(str(p.name) ?? '');
    for (const r of arrayOr(p.dependencies)) {
      const to = typeof r === 'string' ? requirementName(r) : undefined;
      if (to && builder.has(to)) {
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
