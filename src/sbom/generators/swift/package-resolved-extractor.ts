import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError, lineOfMatch } from '../core/lockfile-error.js';
import { arrayOr, isObject, objectOr, parseJsonFile, str } from '../core/parse-text.js';

/**
 * Package.resolved (SwiftPM), v1 (`object.pins`, `repositoryURL`) and v2/v3 (`pins`, `location`,
 * `kind`). A pin at a branch or a bare revision takes its commit as version (the branch is kept).
 */
export const extract: ExtractFn = extractPackageResolved;

function extractPackageResolved(input: LockfileInput): Inventory {
  const doc = parseJsonFile(input.path, input.text);
  if (!isObject(doc)) throw new LockfileError(input.path, 'not a Package.resolved: the top level is not an object', 1);
  const version = doc.version;
  if (version !== 1 && version !== 2 && version !== 3) {
    throw new LockfileError(
      input.path,
      `Package.resolved version ${String(version)} is not one this reader knows (1–3)`,
      lineOfMatch(input.text, '"version"') ?? 1,
    );
  }
  const pins = version === 1 ? arrayOr(objectOr(doc.object).pins) : arrayOr(doc.pins);
  const builder = new InventoryBuilder('swift', 'Swift', input.path);
  for (const raw of pins.map(objectOr)) {
    const location = str(raw.location) ?? str(raw.repositoryURL);
    const state = objectOr(raw.state);
    // A pin on a branch or a bare revision is still exact: its commit is the version.
    const v = str(state.version) ?? str(state.revision);
    const name =
      str(raw.identity) ??
      str(raw.package) ??
      location
        ?.split('/')
        .pop()
        ?.replace(/\.git$/, '');
    if (!name) continue;
    // pkg:swift/<host>/<owner>/<repo>@<version>, from the repository URL (scp-like or https).
    const path = location
      ?.replace(/^[a-z+]+:\/\//, '')
      .replace(/^[^@/]+@/, '')
      .replace(/^([^/:]+):(\d+\/)?/, '$1/')
      .replace(/\.git$/, '');
    const parts = path?.split('/') ?? [];
    const repo = parts.pop();
    const registry = str(raw.kind) === 'registry';
    builder.add({
      key: location ?? name,
      name: repo ?? name,
      ...(v && { version: v }),
      ...(parts.length && { group: parts.join('/') }),
      purl: v && repo && parts.length && !registry ? { namespace: parts.join('/'), name: repo, version: v } : false,
      scope: 'prod',
      properties: [
        ...(str(state.revision) ? [{ name: 'vigie:git:revision', value: str(state.revision)! }] : []),
        ...(str(state.branch) ? [{ name: 'vigie:git:branch', value: str(state.branch)! }] : []),
        ...(registry ? [{ name: 'vigie:swift:registry-identity', value: str(raw.identity) ?? name }] : []),
      ],
      externalReferences: location && !registry ? [{ type: 'vcs', url: location }] : [],
    });
  }
  return builder.build({}, 'incomplete');
}
