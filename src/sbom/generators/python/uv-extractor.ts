import type { DependencyScope } from '../../../model/index.js';
import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { hashOf, InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError, lineOfMatch } from '../core/lockfile-error.js';
import { arrayOr, objectOr, parseTomlFile, str, type Obj } from '../core/parse-text.js';
import { normalizePythonName, pypiPackage } from './python-common.js';

/** uv.lock (version 1): packages with their sources, dependency lists and optional/dev groups. */
export const extract: ExtractFn = extractUv;

const depName = (d: unknown) => (typeof d === 'string' ? d : str(objectOr(d).name));

function extractUv(input: LockfileInput): Inventory {
  const doc = parseTomlFile(input.path, input.text);
  const version = doc.version;
  if (Object.keys(doc).length === 0) return new InventoryBuilder('pypi', 'Python', input.path).build({}, 'complete');
  if (version !== 1)
    throw new LockfileError(
      input.path,
      `uv.lock version ${String(version ?? '(missing)')} is not one this reader knows (1)`,
      lineOfMatch(input.text, /^version/m) ?? 1,
    );
  const builder = new InventoryBuilder('pypi', 'Python', input.path);
  const packages = arrayOr(doc.package).map(objectOr);
  let root: Obj | undefined;
  for (const p of packages) {
    const name = str(p.name);
    if (!name) continue;
    const source = objectOr(p.source);
    // The project itself (editable or virtual at `.`) is the root, not a dependency.
    if (str(source.editable) === '.' || str(source.virtual) === '.') {
      root = p;
      continue;
    }
    const local =
      source.editable !== undefined ||
      source.virtual !== undefined ||
      source.directory !== undefined ||
      source.path !== undefined;
    const git = str(source.git);
    const sdist = objectOr(p.sdist);
    const hash = hashOf(str(sdist.hash));
    builder.add(
      pypiPackage(name, str(p.version), {
        local,
        ...(hash && { hashes: [hash] }),
        externalReferences: git
          ? [{ type: 'vcs', url: git }]
          : str(sdist.url)
            ? [{ type: 'distribution', url: str(sdist.url)! }]
            : [],
      }),
    );
  }
  const edgesOf = (p: Obj, add: (to: string, scope: DependencyScope) => void) => {
    for (const d of arrayOr(p.dependencies)) add(depName(d) ?? '', 'prod');
    for (const list of Object.values(objectOr(p['optional-dependencies'])))
      for (const d of arrayOr(list)) add(depName(d) ?? '', 'optional');
    for (const list of Object.values(objectOr(p['dev-dependencies'])))
      for (const d of arrayOr(list)) add(depName(d) ?? '', 'dev');
  };
  for (const p of packages) {
    if (p === root) continue;
    const from = normalizePythonName(str(p.name) ?? '');
    // A package's extras and dev groups are not installed unless asked for; only its plain deps count.
    for (const d of arrayOr(p.dependencies)) {
      const to = normalizePythonName(depName(d) ?? '');
      if (builder.has(to)) builder.edge(from, to);
    }
  }
  if (root)
    edgesOf(
      root,
      (to, scope) => builder.has(normalizePythonName(to)) && builder.direct(normalizePythonName(to), scope),
    );
  const name = str(root?.name);
  const v = str(root?.version);
  return builder.build(
    name ? { name, ...(v && { version: v }), purl: v ? { name, version: v } : false } : {},
    root ? 'complete' : 'incomplete',
  );
}
