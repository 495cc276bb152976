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
  const frameworks = Object.keys(doc.dependencies);
  const edges: [string, string][] = [];
  for (const framework of frameworks) {
    for (const [name, raw] of Object.entries(objectOr(doc.dependencies[framework]))) {
      const p = objectOr(raw);
      const type = str(p.type);
      const version = str(p.resolved);
      const key = name.toLowerCase();
      const project = type === 'Project';
      const hash = hashOf(`sha512-${str(p.contentHash) ?? ''}`);
      builder.add({
        key,
        name,
        version,
        purl: version && !project ? { name, version } : false,
        scope: 'prod',
        ...(hash && { hashes: [hash] }),
        properties: [{ name: 'vigie:nuget:framework', value: framework }],
      });
      if (type === 'Direct' || project) builder.direct(key, 'prod');
      for (const dep of Object.keys(objectOr(p.dependencies))) edges.push([key, dep.toLowerCase()]);
    }
  }
  for (const [from, to] of edges) if (builder.has(to)) builder.edge(from, to);
  return builder.build({}, 'complete');
}
