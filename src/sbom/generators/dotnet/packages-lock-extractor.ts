import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { hashOf, InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError, lineOfMatch } from '../core/lockfile-error.js';
import { isObject, objectOr, parseJsonFile, str } from '../core/parse-text.js';

/**
 * NuGet packages.lock.json (version 1 and 2): per target framework, every package with its type
 * (Direct, Transitive, CentralTransitive, Project), resolved version, content hash and dependencies.
 * NuGet ids are case-insensitive: packages are keyed in lower case.
 */
export const extract: ExtractFn = extractPackagesLock;

function extractPackagesLock(input: LockfileInput): Inventory {
  const doc = parseJsonFile(input.path, input.text);
  if (!isObject(doc) || !isObject(doc.dependencies))
    throw new LockfileError(input.path, 'not a NuGet packages.lock.json: no "dependencies" object', 1);
  if (doc.version !== 1 && doc.version !== 2) {
    throw new LockfileError(
      input.path,
      `packages.lock.json version ${String(doc.version)} is not one this reader knows (1, 2)`,
      lineOfMatch(input.text, '"version"') ?? 1,
    );
  }
  const builder = new InventoryBuilder('nuget', 'C#', input.path);
  const locked = Object.entries(doc.dependencies).map(
    ([framework, packages]) =>
      [framework, Object.entries(objectOr(packages)).map(([n, raw]) => [n, objectOr(raw)] as const)] as const,
  );
  // Each target framework resolves on its own: a package may be locked at another version for net8.0
  // than for net6.0, and then each version is a package of its own.
  const versions = new Map<string, Set<string>>();
  for (const [, packages] of locked)
    for (const [name, p] of packages)
      versions.set(name.toLowerCase(), (versions.get(name.toLowerCase()) ?? new Set()).add(str(p.resolved) ?? ''));
  const keyOf = (name: string, version: string | undefined) =>
    (versions.get(name.toLowerCase())?.size ?? 0) > 1 ? `${name.toLowerCase()}@${version ?? ''}` : name.toLowerCase();
  const frameworksOf = new Map<string, string[]>();
  for (const [framework, packages] of locked)
    for (const [name, p] of packages) {
      const key = keyOf(name, str(p.resolved));
      frameworksOf.set(key, [...(frameworksOf.get(key) ?? []), framework]);
    }
  for (const [, packages] of locked) {
    const inFramework = new Map(packages.map(([name, p]) => [name.toLowerCase(), keyOf(name, str(p.resolved))]));
    for (const [name, p] of packages) {
      const type = str(p.type);
      const version = str(p.resolved);
      const key = keyOf(name, version);
      const project = type === 'Project';
      const hash = hashOf(`sha512-${str(p.contentHash) ?? ''}`);
      if (!builder.has(key))
        builder.add({
          key,
          name,
          version,
          purl: version && !project ? { name, version } : false,
          scope: 'prod',
          ...(hash && { hashes: [hash] }),
          properties: [{ name: 'vigie:nuget:framework', value: frameworksOf.get(key)!.join(',') }],
        });
      if (type === 'Direct' || project) builder.direct(key, 'prod');
      for (const dep of Object.keys(objectOr(p.dependencies))) {
        const to = inFramework.get(dep.toLowerCase());
        if (to) builder.edge(key, to);
      }
    }
  }
  return builder.build({}, 'complete');
}
