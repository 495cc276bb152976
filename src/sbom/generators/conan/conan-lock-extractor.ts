import type { DependencyScope } from '../../../model/index.js';
import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder, type PackageSpec } from '../core/inventory-builder.js';
import { LockfileError, lineOfMatch } from '../core/lockfile-error.js';
import { arrayOr, isObject, objectOr, parseJsonFile, str } from '../core/parse-text.js';

/**
 * conan.lock: Conan 1 (`version` 0.4, a graph of nodes with requires/build_requires) and Conan 2
 * (`version` 0.5, flat `requires`, `build_requires`, `python_requires` reference lists). A reference
 * is `name/version[@user/channel][#revision][%timestamp]`.
 */
export const extract: ExtractFn = extractConanLock;

export function packageOf(ref: string, scope: DependencyScope): PackageSpec | undefined {
  const m = /^([^/@#%]+)\/([^@#%]+)(?:@([^/#%]+)\/([^#%]+))?(?:#([^%]+))?/.exec(ref.trim());
  if (!m) return undefined;
  const [, name, version, user, channel, revision] = m;
  return {
    key: `${name}/${version}@${user ?? ''}/${channel ?? ''}`,
    name: name!,
    version: version!,
    purl: {
      name,
      version,
      qualifiers: {
        ...(user && user !== '_' && { user }),
        ...(channel && channel !== '_' && { channel }),
        ...(revision && { rrev: revision }),
      },
    },
    scope,
  };
}

function extractConanLock(input: LockfileInput): Inventory {
  const doc = parseJsonFile(input.path, input.text);
  if (!isObject(doc)) throw new LockfileError(input.path, 'not a conan.lock: the top level is not an object', 1);
  const version = str(doc.version) ?? str(objectOr(doc.graph_lock).version);
  const builder = new InventoryBuilder('conan', 'C++', input.path);
  if (version === '0.5') {
    for (const [field, scope] of [
      ['requires', 'prod'],
      ['build_requires', 'dev'],
      ['python_requires', 'dev'],
    ] as [string, DependencyScope][]) {
      for (const ref of arrayOr(doc[field])) {
        const spec = typeof ref === 'string' ? packageOf(ref, scope) : undefined;
        if (!spec) continue;
        builder.add(spec);
        builder.direct(spec.key, scope);
      }
    }
    // Conan 2 lockfiles are flat: who requires whom is not recorded.
    return builder.build({}, 'incomplete');
  }
  if (version !== '0.4' && !isObject(doc.graph_lock)) {
    throw new LockfileError(
      input.path,
      `conan.lock version ${version ?? '(missing)'} is not one this reader knows (0.4, 0.5)`,
      lineOfMatch(input.text, '"version"') ?? 1,
    );
  }
  const nodes = objectOr(objectOr(doc.graph_lock).nodes);
  const keyOf = new Map<string, string>();
  let rootId: string | undefined;
  for (const [id, raw] of Object.entries(nodes)) {
    const node = objectOr(raw);
    const ref = str(node.ref) ?? str(node.pref)?.split(':')[0];
    // The root node is the conanfile itself (a path, or a reference of the project being built).
    if (id === '0' || !ref) {
      rootId = id;
      continue;
    }
    const spec = packageOf(ref, str(node.context) === 'build' ? 'dev' : 'prod');
    if (!spec) continue;
    keyOf.set(id, spec.key);
    builder.add(spec);
  }
  for (const [id, raw] of Object.entries(nodes)) {
    const node = objectOr(raw);
    for (const [field, scope] of [
      ['requires', 'prod'],
      ['build_requires', 'dev'],
    ] as [string, DependencyScope][]) {
      for (const target of arrayOr(node[field]).map(String)) {
        const to = keyOf.get(target);
        if (!to) continue;
        if (id === rootId) builder.direct(to, scope);
        else builder.edge(keyOf.get(id) ?? '', to);
      }
    }
  }
  const root = objectOr(nodes[rootId ?? '0']);
  const rootRef = str(root.ref);
  const rootSpec = rootRef ? packageOf(rootRef, 'prod') : undefined;
  return builder.build(rootSpec ? { name: rootSpec.name, version: rootSpec.version, purl: false } : {}, 'complete');
}
