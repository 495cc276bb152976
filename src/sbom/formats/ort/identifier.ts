import { buildPurl } from '../../../model/purl/index.js';

/** An ORT identifier `Type:namespace:name:version`, split. */
export interface OrtIdentifier {
  type: string;
  namespace: string;
  name: string;
  version: string;
}

/**
 * Splits an identifier the way ORT does: the first three colons separate the parts, so a version may
 * itself hold colons. Fewer than three colons leaves the missing parts blank.
 */
export function parseOrtIdentifier(id: string): OrtIdentifier {
  const parts: string[] = [];
  let rest = id;
  for (let i = 0; i < 3; i++) {
    const at = rest.indexOf(':');
    if (at < 0) break;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  parts.push(rest);
  while (parts.length < 4) parts.push('');
  const [type, namespace, name, version] = parts;
  return { type, namespace, name, version };
}

/** ORT package types (as written in package identifiers) → purl type. Unknown types become `generic`. */
const PURL_TYPE_OF_ORT_TYPE: Record<string, string> = {
  bazel: 'bazel',
  bower: 'bower',
  carthage: 'carthage',
  composer: 'composer',
  conan: 'conan',
  crate: 'cargo',
  gem: 'gem',
  go: 'golang',
  gomod: 'golang',
  hackage: 'hackage',
  hex: 'hex',
  maven: 'maven',
  npm: 'npm',
  nuget: 'nuget',
  pod: 'cocoapods',
  pub: 'pub',
  pypi: 'pypi',
  swift: 'swift',
};

/**
 * A purl derived from the identifier, for packages that carry none. Projects are not given one:
 * an unpublished project named like a public package would otherwise match the public package's
 * vulnerabilities.
 */
export function purlFromOrtIdentifier(id: OrtIdentifier): string | undefined {
  if (!id.name) return undefined;
  const type = PURL_TYPE_OF_ORT_TYPE[id.type.toLowerCase()] ?? 'generic';
  let namespace = id.namespace || undefined;
  let name = id.name;
  if (type === 'golang' && !namespace && name.includes('/')) {
    // Go module paths keep their host and owner in the purl namespace.
    namespace = name.slice(0, name.lastIndexOf('/'));
    name = name.slice(name.lastIndexOf('/') + 1);
  }
  let subpath: string | undefined;
  if (type === 'cocoapods' && name.includes('/')) {
    // A pod's subspec ("Pod/Subspec") is the purl subpath.
    subpath = name.slice(name.indexOf('/') + 1);
    name = name.slice(0, name.indexOf('/'));
  }
  const built = buildPurl({ type, namespace, name, version: id.version || undefined, subpath });
  return typeof built === 'string' ? built : undefined;
}

/** The component group: the namespace as found (npm scopes keep their "@", the model convention). */
export function groupOf(id: OrtIdentifier): string | undefined {
  return id.namespace || undefined;
}
