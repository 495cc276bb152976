import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { hashOf, InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError, lineOfMatch } from '../core/lockfile-error.js';
import { isObject, objectOr, parseJsonFile, str } from '../core/parse-text.js';

/**
 * obj/project.assets.json (NuGet restore output, version 3): the resolved graph per target
 * (`Name/Version` → dependencies), library hashes, and the project's declared dependencies.
 */
export const extract: ExtractFn = extractProjectAssets;

function extractProjectAssets(input: LockfileInput): Inventory {
  const doc = parseJsonFile(input.path, input.text);
  if (!isObject(doc) || !isObject(doc.targets))
    throw new LockfileError(input.path, 'not a project.assets.json: no "targets" object', 1);
  if (doc.version !== 3)
    throw new LockfileError(
      input.path,
      `project.assets.json version ${String(doc.version)} is not one this reader knows (3)`,
      lineOfMatch(input.text, '"version"') ?? 1,
    );
  const builder = new InventoryBuilder('nuget', 'C#', input.path);
  const libraries = objectOr(doc.libraries);
  // Each target resolves on its own: a package may be at another version for another framework,
  // and then each version is a package of its own, keyed `name/version`.
  const versions = new Map<string, Set<string>>();
  const frameworksOf = new Map<string, string[]>();
  const targets = Object.entries(doc.targets).map(([target, raw]) => {
    const entries = Object.entries(objectOr(raw)).flatMap(([id, entry]) => {
      const slash = id.indexOf('/');
      return slash > 0 ? [{ id, name: id.slice(0, slash), version: id.slice(slash + 1), e: objectOr(entry) }] : [];
    });
    for (const { name, version } of entries)
      versions.set(name.toLowerCase(), (versions.get(name.toLowerCase()) ?? new Set()).add(version));
    return { target, entries };
  });
  const keyOf = (name: string, version: string) =>
    (versions.get(name.toLowerCase())?.size ?? 0) > 1 ? `${name}/${version}`.toLowerCase() : name.toLowerCase();
  for (const { target, entries } of targets)
    for (const { name, version } of entries) {
      const key = keyOf(name, version);
      if (!frameworksOf.get(key)?.includes(target)) frameworksOf.set(key, [...(frameworksOf.get(key) ?? []), target]);
    }
  for (const { entries } of targets) {
    const inTarget = new Map(entries.map(({ name, version }) => [name.toLowerCase(), keyOf(name, version)]));
    for (const { id, name, version, e } of entries) {
      const key = keyOf(name, version);
      const project = str(e.type) === 'project';
      const lib = objectOr(libraries[id]);
      const hash = hashOf(`sha512-${str(lib.sha512) ?? ''}`);
      if (!builder.has(key))
        builder.add({
          key,
          name,
          version,
          purl: project ? false : { name, version },
          ...(hash && { hashes: [hash] }),
          properties: [{ name: 'vigie:nuget:framework', value: frameworksOf.get(key)!.join(',') }],
        });
      for (const dep of Object.keys(objectOr(e.dependencies))) {
        const to = inTarget.get(dep.toLowerCase());
        if (to) builder.edge(key, to);
      }
    }
  }
  const project = objectOr(doc.project);
  for (const framework of Object.values(objectOr(project.frameworks))) {
    for (const [dep, spec] of Object.entries(objectOr(objectOr(framework).dependencies))) {
      // `"suppressParent": "All"` marks a development-only reference (PrivateAssets=all, e.g. analyzers).
      const dev = str(objectOr(spec).suppressParent) === 'All';
      for (const version of versions.get(dep.toLowerCase()) ?? [])
        builder.direct(keyOf(dep, version), dev ? 'dev' : 'prod');
    }
  }
  const restore = objectOr(project.restore);
  const name = str(restore.projectName) ?? str(objectOr(project).name);
  return builder.build(name ? { name, version: str(project.version), purl: false } : {}, 'complete');
}
