import type { PackageSpec } from '../core/inventory-builder.js';

/** pkg:golang/<path without its last element>/<last element>@<version>. */
export function goPackage(path: string, version: string | undefined, extra: Partial<PackageSpec> = {}): PackageSpec {
  const slash = path.lastIndexOf('/');
  const namespace = slash > 0 ? path.slice(0, slash) : undefined;
  const name = slash > 0 ? path.slice(slash + 1) : path;
  return {
    key: path,
    name,
    ...(namespace && { group: namespace }),
    ...(version && { version }),
    // A module without a host-qualified path (`./local`, `example`) cannot be fetched: no purl.
    purl: version && namespace && !path.startsWith('.') ? { namespace, name, version } : false,
    ...extra,
  };
}
