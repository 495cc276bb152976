import type { Property } from '../../../model/index.js';
import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder, type PackageSpec } from '../core/inventory-builder.js';
import { LockfileError } from '../core/lockfile-error.js';
import { arrayOr, isObject, objectOr, parseYamlFile, str } from '../core/parse-text.js';

/**
 * stack.yaml.lock (Haskell Stack): the extra-deps the project adds to its snapshot, completed with
 * their exact revision — Hackage ones as `name-version@sha256:<cabal file hash>,<size>`, git ones by
 * repository and commit — and the snapshot itself. The snapshot's own packages (an LTS resolver holds
 * thousands) are not in the file: the inventory names the snapshot and says it is incomplete.
 */
export const extract: ExtractFn = extractStackLock;

const HACKAGE = /^(.+)-(\d+(?:\.\d+)*)(?:@(?:sha256:)?([0-9a-f]{64})(?:,(\d+))?)?$/i;

function extractStackLock(input: LockfileInput): Inventory {
  const doc = parseYamlFile(input.path, input.text);
  const builder = new InventoryBuilder('hackage', 'Haskell', input.path);
  if (doc === null || doc === undefined) return builder.build({}, 'incomplete');
  if (!isObject(doc) || (doc.packages !== undefined && !Array.isArray(doc.packages)))
    throw new LockfileError(input.path, 'not a stack.yaml.lock: "packages" is not a list', 1);
  for (const [i, raw] of arrayOr(doc.packages).entries()) {
    const spec = isObject(raw) ? packageOf(objectOr(raw.completed), objectOr(raw.original)) : undefined;
    if (spec) {
      builder.add(spec);
      builder.direct(spec.key);
    } else builder.report('warning', 'invalid-entry', `packages[${i}] names no Hackage or git package; left out`);
  }
  const snapshots = arrayOr(doc.snapshots)
    .map(
      (s) =>
        str(objectOr(s).original) ??
        str(objectOr(objectOr(s).original).url) ??
        str(objectOr(objectOr(s).completed).url),
    )
    .filter((s) => s !== undefined);
  const properties: Property[] = snapshots.map((s) => ({ name: 'vigie:stack:snapshot', value: s }));
  if (snapshots.length > 0)
    builder.report(
      'info',
      'snapshot-not-listed',
      `the packages of the snapshot ${snapshots.join(', ')} are not in the lockfile; only the extra-deps are listed`,
    );
  return builder.build({ properties }, 'incomplete');
}

function packageOf(completed: Record<string, unknown>, original: Record<string, unknown>): PackageSpec | undefined {
  const hackage = str(completed.hackage) ?? str(original.hackage);
  if (hackage) {
    const m = HACKAGE.exec(hackage.trim());
    if (!m) return undefined;
    const [, name, version, cabalHash, size] = m;
    const properties: Property[] = [];
    if (cabalHash) properties.push({ name: 'vigie:hackage:cabal-file-sha256', value: cabalHash.toLowerCase() });
    if (size) properties.push({ name: 'vigie:hackage:cabal-file-size', value: size });
    // The hash is the .cabal file's (a Hackage revision), not the package archive's: a property, not a hash.
    return {
      key: `${name}@${version}`,
      name: name!,
      version,
      purl: { name: name!, version },
      scope: 'prod',
      properties,
    };
  }
  const git = str(completed.git) ?? str(original.git) ?? str(completed.repo);
  const commit = str(completed.commit) ?? str(original.commit);
  const name =
    str(completed.name) ??
    (git
      ? git
          .replace(/\.git$/, '')
          .split('/')
          .pop()
      : undefined);
  if (!git || !name) return undefined;
  const version = str(completed.version) ?? commit;
  const subdir = str(completed.subdir);
  return {
    key: `git:${git}@${commit ?? ''}${subdir ? `#${subdir}` : ''}`,
    name,
    ...(version && { version }),
    purl:
      version && commit
        ? { name, version, qualifiers: { vcs_url: `git+${git.replace(/^git\+/, '')}@${commit}` } }
        : false,
    scope: 'prod',
    externalReferences: [{ type: 'vcs', url: `${git}${commit ? `#${commit}` : ''}` }],
    properties: subdir ? [{ name: 'vigie:stack:subdir', value: subdir }] : [],
  };
}
