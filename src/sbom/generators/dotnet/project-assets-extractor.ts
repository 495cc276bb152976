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
  const edges: [string, string][] = [];
  for (const [target, raw] of Object.entries(doc.targets)) {
    for (const [id, entry] of Object.entries(objectOr(raw))) {
      const slash = id.indexOf('/');
      if (slash <= 0) continue;
      const name = id.slice(0, slash);
      const version = id.slice(slash + 1);
      const e = objectOr(entry);
      const project = str(e.type) === 'project';
      const lib = objectOr(libraries[id]);
      const hash = hashOf(`sha512-${str(lib.sha512) ?? ''}`);
      builder.add({
        key: name.toLowerCase(),
        name,
        version,
        purl: project ? false : { name, version },
        ...(hash && { hashes: [hash] }),
        properties: [{ name: 'vigie:nuget:framework', value: target }],
      });
      for (const dep of Object.keys(objectOr(e.dependencies))) edges.push([name.toLowerCase(), dep.toLowerCase()]);
    }
  }
  for (const [from, to] of edges) if (builder.has(to)) builder.edge(from, to);
  const project = objectOr(doc.project);
  for (const framework of Object.values(objectOr(project.frameworks))) {
    for (const [dep, spec] of Object.entries(objectOr(objectOr(framework).dependencies))) {
      // `"suppressParent": "All"` marks a development-only reference (PrivateAssets=all, e.g. analyzers).
      const dev = str(objectOr(spec).suppressParent) === 'All';
      if (builder.has(dep.toLowerCase())) builder.direct(dep.toLowerCase(), dev ? 'dev' : 'prod');
    }
  }
  const restore = objectOr(project.restore);
  const name = str(restore.projectName) ?? str(objectOr(project).name);
  return builder.build(name ? { name, version: str(project.version), purl: false } : {}, 'complete');
}
