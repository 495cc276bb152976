// What yarn, pnpm and bun lockfiles share: the npm purl of a package, the project's manifest.
import type { DependencyScope } from '../../../model/index.js';
import type { LockfileInput } from '../core/extractor.js';
import type { InventoryBuilder, PackageSpec, ProjectSpec } from '../core/inventory-builder.js';
import { isObject, type Obj } from '../core/parse-text.js';
import { declaredEdges } from './declared-edges.js';
import { splitNpmName } from './npm-purl.js';
import { hashesFromIntegrity } from './integrity.js';

export const KIND_SCOPE: Record<string, DependencyScope> = {
  prod: 'prod',
  dev: 'dev',
  optional: 'optional',
  peer: 'peer',
};

/** The package.json beside a lockfile, parsed, or undefined when absent or not JSON. */
export function siblingManifest(input: LockfileInput, path = 'package.json'): Obj | undefined {
  const text = input.readRelated?.(path);
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function projectOfManifest(manifest: Obj | undefined): ProjectSpec {
  const name = typeof manifest?.name === 'string' ? manifest.name : undefined;
  const version = typeof manifest?.version === 'string' ? manifest.version : undefined;
  const license = typeof manifest?.license === 'string' ? manifest.license : undefined;
  if (!name) return {};
  const { scope, name: bare } = splitNpmName(name);
  return {
    name: bare,
    ...(scope && { group: scope }),
    ...(version && { version }),
    ...(license && { license }),
    purl: version && manifest?.private !== true ? { namespace: scope, name: bare, version } : false,
  };
}

/** A registry (or git) npm package; `local` folders (file:, link:, workspace:) get no purl. */
export function npmPackage(
  key: string,
  fullName: string,
  version: string | undefined,
  extra: Partial<PackageSpec> & { integrity?: string; local?: boolean } = {},
): PackageSpec {
  const { scope, name } = splitNpmName(fullName);
  const { integrity, local, ...rest } = extra;
  return {
    key,
    name,
    ...(scope && { group: scope }),
    ...(version && { version }),
    purl: version && !local ? { namespace: scope, name, version } : false,
    hashes: hashesFromIntegrity(integrity),
    ...rest,
  };
}

/**
 * The project's direct dependencies from its package.json, each resolved by the caller to a key of
 * the builder; returns false when there is no manifest to read them from.
 */
export function directFromManifest(
  builder: InventoryBuilder,
  manifest: Obj | undefined,
  resolve: (name: string, spec: string) => string | undefined,
): boolean {
  if (!manifest) return false;
  for (const edge of declaredEdges(manifest, true)) {
    const key = resolve(edge.name, edge.spec);
    if (key) builder.direct(key, KIND_SCOPE[edge.kind]);
    else if (!edge.mayBeAbsent)
      builder.report(
        'warning',
        'unresolved-dependency',
        `${edge.kind === 'prod' ? '' : `${edge.kind} `}dependency ${edge.name}@${edge.spec} of package.json is not in the lockfile`,
      );
  }
  return true;
}

/** A source that is not a registry tarball: a vcs or distribution reference for the component. */
export function sourceReference(resolved: string | undefined) {
  if (!resolved) return [];
  if (/^git(\+[a-z]+)?:|^(github|gitlab|bitbucket):|\.git(#|$)/.test(resolved)) return [{ type: 'vcs', url: resolved }];
  if (/^https?:\/\//.test(resolved)) return [{ type: 'distribution', url: resolved.replace(/#.*$/, '') }];
  return [];
}
