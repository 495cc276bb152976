import type { DependencyScope } from '../../../model/index.js';
import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { hashOf, InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError } from '../core/lockfile-error.js';
import { arrayOr, isObject, objectOr, parseJsonFile, str, type Obj } from '../core/parse-text.js';

/** composer.lock: `packages` (production) and `packages-dev` (dev), each with its `require` edges. */
export const extract: ExtractFn = extractComposer;

// Platform requirements (php, extensions, composer itself) are not packages.
const PLATFORM = /^(php|php-64bit|hhvm|composer|composer-plugin-api|composer-runtime-api|ext-.+|lib-.+)$/i;

function extractComposer(input: LockfileInput): Inventory {
  const doc = parseJsonFile(input.path, input.text);
  if (!isObject(doc) || (!Array.isArray(doc.packages) && !Array.isArray(doc['packages-dev']))) {
    throw new LockfileError(input.path, 'not a composer.lock: no "packages" or "packages-dev" list', 1);
  }
  const builder = new InventoryBuilder('composer', 'PHP', input.path);
  const requires = new Map<string, string[]>();
  const provided = new Map<string, string>();
  const sections = new Map<string, DependencyScope>();
  for (const [section, scope] of [
    ['packages', 'prod'],
    ['packages-dev', 'dev'],
  ] as [string, DependencyScope][]) {
    for (const p of arrayOr(doc[section]).map(objectOr)) {
      const name = str(p.name)?.toLowerCase();
      const version = str(p.version);
      if (!name || !version) {
        builder.report('warning', 'missing-version', `a package in "${section}" has no name or version; left out`);
        continue;
      }
      const slash = name.indexOf('/');
      const source = objectOr(p.source);
      const dist = objectOr(p.dist);
      const hash = hashOf(str(dist.shasum), 'sha1');
      const licenses = arrayOr(p.license).map(String);
      builder.add({
        key: name,
        name: slash > 0 ? name.slice(slash + 1) : name,
        ...(slash > 0 && { group: name.slice(0, slash) }),
        version,
        purl: slash > 0 ? { namespace: name.slice(0, slash), name: name.slice(slash + 1), version } : false,
        scope,
        ...(hash && { hashes: [hash] }),
        ...(licenses.length > 0 && { license: composerLicense(licenses) }),
        description: str(p.description),
        externalReferences: [
          ...(str(source.url)
            ? [{ type: 'vcs', url: `${str(source.url)}${str(source.reference) ? `#${str(source.reference)}` : ''}` }]
            : []),
          ...(str(dist.url) ? [{ type: 'distribution', url: str(dist.url)! }] : []),
          ...(str(p.homepage) ? [{ type: 'website', url: str(p.homepage)! }] : []),
        ],
      });
      if (!sections.has(name)) sections.set(name, scope);
      requires.set(
        name,
        Object.keys(objectOr(p.require)).map((r) => r.toLowerCase()),
      );
      for (const virtual of [...Object.keys(objectOr(p.provide)), ...Object.keys(objectOr(p.replace))])
        provided.set(virtual.toLowerCase(), name);
    }
  }
  const resolve = (dep: string) => (builder.has(dep) ? dep : provided.get(dep));
  const required = new Set<string>();
  for (const [from, deps] of requires) {
    for (const dep of deps) {
      if (PLATFORM.test(dep)) continue;
      const to = resolve(dep);
      if (to) {
        builder.edge(from, to);
        if (to !== from) required.add(to);
      }
    }
  }
  const manifest = composerManifest(input);
  let complete = true;
  if (manifest) {
    for (const [field, scope] of [
      ['require', 'prod'],
      ['require-dev', 'dev'],
    ] as [string, DependencyScope][]) {
      for (const dep of Object.keys(objectOr(manifest[field])).map((d) => d.toLowerCase())) {
        if (PLATFORM.test(dep)) continue;
        const to = resolve(dep);
        if (to) builder.direct(to, scope);
        else {
          complete = false;
          builder.report(
            'warning',
            'unresolved-dependency',
            `${dep} of composer.json (${field}) is not in the lockfile`,
          );
        }
      }
    }
  } else {
    // Without composer.json the project's own requirements are unknown: the packages no other
    // package requires are its direct ones (each in its section's scope), and the graph is incomplete.
    complete = false;
    for (const [key, scope] of sections) if (!required.has(key)) builder.direct(key, scope);
  }
  const name = str(manifest?.name);
  const slash = name?.indexOf('/') ?? -1;
  return builder.build(
    name
      ? {
          name: slash > 0 ? name.slice(slash + 1) : name,
          ...(slash > 0 && { group: name.slice(0, slash) }),
          version: str(manifest?.version),
          purl: false,
          license: composerLicense(manifest?.license),
        }
      : {},
    complete ? 'complete' : 'incomplete',
  );
}

function composerManifest(input: LockfileInput): Obj | undefined {
  const text = input.readRelated?.('composer.json');
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** composer's licence field: a string, or a list that is a choice (`["MIT", "GPL-2.0"]` = either). */
function composerLicense(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const licenses = arrayOr(value).map(String);
  return licenses.length > 1 ? `(${licenses.join(' OR ')})` : licenses[0];
}
