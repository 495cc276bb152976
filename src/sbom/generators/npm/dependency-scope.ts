import type { ComponentScope, DependencyScope } from '../../../model/index.js';
import type { LockFlags } from './lock-package.js';

/**
 * The usage scope of one installed path, from the flags npm computed (a flag is set when EVERY path
 * from the root to the package goes through that kind of edge):
 * - `dev` → dev (also when optional or peer: nothing outside the dev tree needs it);
 * - `optional` or `devOptional` → optional. npm sets devOptional on a package that is a dev
 *   dependency AND an optional dependency of a production package; `npm install --omit=dev` still
 *   installs it, so calling it dev would drop a shipped package from a production inventory;
 * - `peer` → peer (installed only because a package declared it as a peer);
 * - no flag → prod.
 */
export function scopeOfFlags(flags: LockFlags): DependencyScope {
  if (flags.dev) return 'dev';
  if (flags.optional || flags.devOptional) return 'optional';
  if (flags.peer) return 'peer';
  return 'prod';
}

// A package installed at several paths takes the most needed of their scopes.
const NEED: Record<string, number> = { prod: 0, peer: 1, optional: 2, dev: 3 };

export function mostNeededScope(a: DependencyScope, b: DependencyScope): DependencyScope {
  return (NEED[a] ?? 0) <= (NEED[b] ?? 0) ? a : b;
}

/**
 * CycloneDX scope: prod and peer are `required` (a peer is imported at run time by the package
 * that declared it), optional is `optional` (npm may leave it out, e.g. on another platform), dev is
 * `excluded` (not part of what runs or ships).
 */
export function cycloneDxScopeOf(scope: DependencyScope): ComponentScope {
  if (scope === 'dev') return 'excluded';
  if (scope === 'optional') return 'optional';
  return 'required';
}
