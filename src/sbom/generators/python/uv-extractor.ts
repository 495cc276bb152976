import type { DependencyScope } from '../../../model/index.js';
import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { hashOf, InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError, lineOfMatch } from '../core/lockfile-error.js';
import { arrayOr, objectOr, parseTomlFile, str, type Obj } from '../core/parse-text.js';
import { normalizePythonName, pypiPackage } from './python-common.js';

/** uv.lock (version 1): packages with their sources, dependency lists and optional/dev groups. */
export const extract: ExtractFn = extractUv;

const depName = (d: unknown) => (typeof d === 'string' ? d : str(objectOr(d).name));

/**
 * uv locks one version per resolution fork (`python_full_version < '3.11'` and the rest): a name
 * locked at several versions keys each one as `name@version`, and a dependency entry then names the
 * version it means (uv writes `version` exactly when the name alone is ambiguous).
 */
function keysOf(packages: Obj[]): { keyOf: (p: Obj) => string; refer: (d: unknown) => string[] } {
  const versions = new Map<string, string[]>();
  for (const p of packages) {
    const name = normalizePythonName(str(p.name) ?? '');
    versions.set(name, [...(versions.get(name) ?? []), str(p.version) ?? '']);
  }
  const keyFor = (name: string, version: string) =>
    (versions.get(name)?.length ?? 0) > 1 ? `${name}@${version}` : name;
  return {
    keyOf: (p) => keyFor(normalizePythonName(str(p.name) ?? ''), str(p.version) ?? ''),
    refer: (d) => {
      const name = normalizePythonName(depName(d) ?? '');
      const locked = versions.get(name) ?? [];
      const version = typeof d === 'string' ? undefined : str(objectOr(d).version);
      if (locked.length <= 1) return [name];
      // Without a version the entry cannot say which fork it means: every locked one may be used.
      return (version !== undefined ? [version] : locked).map((v) => keyFor(name, v));
    },
  };
}

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
  const { keyOf, refer } = keysOf(packages);
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
    builder.add({
      ...pypiPackage(name, str(p.version), {
        local,
        source: {
          ...(git && { git, revision: git.split('#')[1] }),
          ...(str(source.registry) && { index: str(source.registry) }),
        },
        ...(hash && { hashes: [hash] }),
        externalReferences: git
          ? [{ type: 'vcs', url: git }]
          : str(sdist.url)
            ? [{ type: 'distribution', url: str(sdist.url)! }]
            : [],
      }),
      key: keyOf(p),
    });
  }
  const edgesOf = (
    p: Obj,
    add: (to: string, scope: DependencyScope) => void,
    visit: (entry: unknown) => void = () => undefined,
  ) => {
    const each = (list: unknown, scope: DependencyScope) => {
      for (const d of arrayOr(list)) {
        visit(d);
        for (const to of refer(d)) add(to, scope);
      }
    };
    each(p.dependencies, 'prod');
    for (const list of Object.values(objectOr(p['optional-dependencies']))) each(list, 'optional');
    for (const list of Object.values(objectOr(p['dev-dependencies']))) each(list, 'dev');
  };
  // A package's extras and dev groups are not installed unless asked for: its plain deps count, and
  // the deps of each extra some entry of the lockfile asks for (`{ name = "uvicorn", extra = ["standard"] }`).
  const askedExtras = new Map<string, Set<string>>();
  for (const p of packages)
    edgesOf(
      p,
      () => undefined,
      (d) => {
        const extras = arrayOr(objectOr(d).extra).map(String);
        if (extras.length > 0)
          for (const to of refer(d)) askedExtras.set(to, new Set([...(askedExtras.get(to) ?? []), ...extras]));
      },
    );
  for (const p of packages) {
    if (p === root) continue;
    const from = keyOf(p);
    const optional = objectOr(p['optional-dependencies']);
    const lists = [p.dependencies, ...[...(askedExtras.get(from) ?? [])].map((extra) => optional[extra])];
    for (const list of lists)
      for (const d of arrayOr(list)) for (const to of refer(d)) if (builder.has(to)) builder.edge(from, to);
  }
  if (root) edgesOf(root, (to, scope) => builder.has(to) && builder.direct(to, scope));
  // A workspace's members (`[manifest] members`) are the project's own packages, each with its dev groups.
  const members = new Set(arrayOr(objectOr(doc.manifest).members).map((m) => normalizePythonName(String(m))));
  for (const p of packages) {
    if (p === root || !members.has(normalizePythonName(str(p.name) ?? '')) || !builder.has(keyOf(p))) continue;
    builder.direct(keyOf(p), 'prod');
    for (const list of Object.values(objectOr(p['dev-dependencies'])))
      for (const d of arrayOr(list)) for (const to of refer(d)) if (builder.has(to)) builder.edge(keyOf(p), to, 'dev');
  }
  const name = str(root?.name);
  const v = str(root?.version);
  return builder.build(
    name ? { name, ...(v && { version: v }), purl: v ? { name, version: v } : false } : {},
    root ? 'complete' : 'incomplete',
  );
}
