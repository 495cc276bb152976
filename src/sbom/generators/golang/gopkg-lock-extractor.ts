import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError } from '../core/lockfile-error.js';
import { arrayOr, isObject, parseTomlFile, str } from '../core/parse-text.js';
import { goPackage } from './go-module.js';

/**
 * Gopkg.lock (dep, the Go dependency manager before modules): `[[projects]]` with `name` (the
 * repository root import path), `version` (a tag) or only `branch`/`revision`, `packages` used and
 * an alternate `source`. A project pinned without a tag takes its locked revision as version (as a
 * Package.resolved revision pin does). `[solve-meta] input-imports` are the packages the project
 * imports: their projects are the direct dependencies. No edges between projects.
 */
export const extract: ExtractFn = extractGopkgLock;

function extractGopkgLock(input: LockfileInput): Inventory {
  const doc = parseTomlFile(input.path, input.text);
  if (!Array.isArray(doc.projects) && !isObject(doc['solve-meta']))
    throw new LockfileError(input.path, 'not a Gopkg.lock: no [[projects]] and no [solve-meta]', 1);
  const builder = new InventoryBuilder('golang', 'Go', input.path);
  const names: string[] = [];
  for (const raw of arrayOr(doc.projects)) {
    if (!isObject(raw)) continue;
    const name = str(raw.name);
    const revision = str(raw.revision);
    const version = str(raw.version) ?? revision;
    if (!name || !version) {
      builder.report(
        'warning',
        'missing-version',
        `project ${name ?? '(no name)'} has no version or revision; left out`,
      );
      continue;
    }
    names.push(name);
    const branch = str(raw.branch);
    const source = str(raw.source);
    builder.add(
      goPackage(name, version, {
        properties: [
          ...(revision ? [{ name: 'vigie:git:revision', value: revision }] : []),
          ...(branch ? [{ name: 'vigie:git:branch', value: branch }] : []),
          ...(source ? [{ name: 'vigie:go:source', value: source }] : []),
        ],
      }),
    );
  }
  // The project an imported package belongs to: the longest project name that is a path prefix of it.
  const projectOf = (pkg: string) =>
    names.filter((n) => pkg === n || pkg.startsWith(`${n}/`)).sort((a, b) => b.length - a.length)[0];
  const imports = arrayOr(isObject(doc['solve-meta']) ? doc['solve-meta']['input-imports'] : undefined).map(String);
  for (const pkg of imports) {
    const project = projectOf(pkg);
    if (project) builder.direct(project, 'prod');
  }
  if (imports.length === 0) for (const n of names) builder.direct(n, 'prod');
  return builder.build({}, 'incomplete');
}
