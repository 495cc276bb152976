import type { DependencyScope } from '../../../model/index.js';

/**
 * Which SPDX 2 relationships become dependency edges of the model, and in which direction.
 *
 * `A <type> B` with a forward type means "A depends on / includes B": DEPENDS_ON, CONTAINS,
 * DYNAMIC_LINK, STATIC_LINK, HAS_PREREQUISITE. An inverse type means "B depends on A":
 * DEPENDENCY_OF, every *_DEPENDENCY_OF, CONTAINED_BY, PACKAGE_OF (A is a package inside B: an RPM
 * of a distribution), PREREQUISITE_FOR, OPTIONAL_COMPONENT_OF.
 * Tool, test, build-provenance and documentation relationships (BUILD_TOOL_OF, GENERATED_FROM,
 * DESCRIBES, COPY_OF, …) are not dependencies of the shipped product and make no edge.
 * A package CONTAINS a file: that nests the file under the package instead of making an edge.
 */
const FORWARD = new Set(['DEPENDS_ON', 'CONTAINS', 'DYNAMIC_LINK', 'STATIC_LINK', 'HAS_PREREQUISITE']);

/** Inverse types, with the dependency scope they give the dependency (A), when they say one. */
const INVERSE: Record<string, DependencyScope | undefined> = {
  DEPENDENCY_OF: undefined,
  CONTAINED_BY: undefined,
  PACKAGE_OF: undefined,
  PREREQUISITE_FOR: undefined,
  RUNTIME_DEPENDENCY_OF: 'prod',
  DEV_DEPENDENCY_OF: 'dev',
  TEST_DEPENDENCY_OF: 'test',
  BUILD_DEPENDENCY_OF: 'build',
  OPTIONAL_DEPENDENCY_OF: 'optional',
  OPTIONAL_COMPONENT_OF: 'optional',
  PROVIDED_DEPENDENCY_OF: 'provided',
};

export interface EdgeReading {
  from: string;
  to: string;
  /** Scope of `to` as the relationship states it. */
  scope?: DependencyScope;
}

/** The edge a relationship makes, or undefined when it makes none. */
export function edgeOf(type: string, element: string, related: string): EdgeReading | undefined {
  const t = type.trim().toUpperCase();
  if (FORWARD.has(t)) return { from: element, to: related };
  if (t in INVERSE) {
    const scope = INVERSE[t];
    return { from: related, to: element, ...(scope ? { scope } : {}) };
  }
  return undefined;
}

/** The relationship the encoder writes for a dependency whose component has this scope. */
export function relationshipForScope(scope: DependencyScope | undefined): { type: string; inverse: boolean } {
  switch (scope) {
    case 'dev':
      return { type: 'DEV_DEPENDENCY_OF', inverse: true };
    case 'test':
      return { type: 'TEST_DEPENDENCY_OF', inverse: true };
    case 'build':
      return { type: 'BUILD_DEPENDENCY_OF', inverse: true };
    case 'optional':
      return { type: 'OPTIONAL_DEPENDENCY_OF', inverse: true };
    case 'provided':
      return { type: 'PROVIDED_DEPENDENCY_OF', inverse: true };
    default:
      return { type: 'DEPENDS_ON', inverse: false };
  }
}
