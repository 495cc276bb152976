import type { DependencyScope } from '../../../model/index.js';

/**
 * Package-manager scope names whose meaning is unambiguous, in Hermine's usage-scope vocabulary.
 * Anything else (Gradle configurations, Conan `build_requires`, Go `vendor`, …) is kept as found:
 * guessing would hide a decision the compliance officer has to make per scope.
 */
const KNOWN_SCOPES: Record<string, DependencyScope> = {
  dependencies: 'prod',
  require: 'prod',
  main: 'prod',
  compile: 'prod',
  runtime: 'prod',
  devDependencies: 'dev',
  'dev-dependencies': 'dev',
  dev_dependencies: 'dev',
  'require-dev': 'dev',
  dev: 'dev',
  development: 'dev',
  test: 'dev',
  optionalDependencies: 'optional',
  peerDependencies: 'peer',
};

export function dependencyScopeOf(scopeName: string): DependencyScope {
  return KNOWN_SCOPES[scopeName] ?? scopeName;
}

const RANK: Record<string, number> = { prod: 0, optional: 1, peer: 2, dev: 4 };

/**
 * One scope for a package reached through several: the one that ships the package wins
 * (prod before optional before peer before unknown names before dev), unknown names in source order.
 */
export function strongestScope(scopeNames: Iterable<string>): DependencyScope | undefined {
  let best: DependencyScope | undefined;
  let bestRank = Infinity;
  for (const name of scopeNames) {
    const scope = dependencyScopeOf(name);
    const rank = RANK[scope] ?? 3;
    if (rank < bestRank) {
      best = scope;
      bestRank = rank;
    }
  }
  return best;
}
