import {
  componentLabel,
  NO_ASSERTION,
  type Completeness,
  type Component,
  type LicenseRole,
  type LicenseStatement,
  type Sbom,
} from '../../model/index.js';
import { adjacency, allComponents } from '../graph.js';

/** What `vigie sbom inspect` shows: plain JSON-able counts, keys in a stable order. */
export interface SbomSummary {
  sourceFormat: { id: string; specVersion: string };
  primaryComponent?: string;
  /** Components other than the primary one, nested ones included. */
  components: number;
  componentsByType: Record<string, number>;
  withVersion: number;
  withPurl: number;
  withCpe: number;
  withHashes: number;
  withLicense: Record<LicenseRole | 'any', number>;
  /** Distinct (from, to) edges over all dependency entries. */
  dependencyEdges: number;
  /** Components (primary included) that have a dependency entry, even an empty one. */
  componentsWithDependencyEntry: number;
  dependencyCompleteness: Completeness;
  /** Most frequent licences (expression when SPDX, else raw text), declared role first, then concluded. */
  topLicenses: { license: string; components: number }[];
}

const ROLES: LicenseRole[] = ['declared', 'concluded', 'effective'];

export function summarizeSbom(sbom: Sbom, topLicenseCount = 10): SbomSummary {
  const components = allComponents(sbom);
  const byType: Record<string, number> = {};
  const withLicense: Record<LicenseRole | 'any', number> = { declared: 0, concluded: 0, effective: 0, any: 0 };
  const licenseCounts = new Map<string, number>();
  for (const c of components) {
    byType[c.type] = (byType[c.type] ?? 0) + 1;
    for (const role of ROLES) if (states(c.licenses[role])) withLicense[role]++;
    const shown = shownLicense(c);
    if (shown) {
      withLicense.any++;
      licenseCounts.set(shown, (licenseCounts.get(shown) ?? 0) + 1);
    }
  }
  const edges = [...adjacency(sbom).values()].reduce((n, targets) => n + targets.length, 0);
  const summary: SbomSummary = {
    sourceFormat: { id: sbom.source.id, specVersion: sbom.source.specVersion },
    components: components.length,
    componentsByType: Object.fromEntries(Object.entries(byType).sort(([a], [b]) => a.localeCompare(b))),
    withVersion: components.filter((c) => c.version).length,
    withPurl: components.filter((c) => c.purl).length,
    withCpe: components.filter((c) => c.cpe).length,
    withHashes: components.filter((c) => c.hashes.length > 0).length,
    withLicense,
    dependencyEdges: edges,
    componentsWithDependencyEntry: new Set(sbom.dependencies.map((d) => d.ref)).size,
    dependencyCompleteness: sbom.dependencyCompleteness,
    topLicenses: [...licenseCounts]
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .slice(0, topLicenseCount)
      .map(([license, n]) => ({ license, components: n })),
  };
  if (sbom.metadata.component) summary.primaryComponent = componentLabel(sbom.metadata.component);
  return summary;
}

/**
 * Whether a statement says something about the licence. SPDX's NOASSERTION (what SPDX writers put
 * in every licence field they know nothing of) does not: counted, it made an SBOM without a single
 * licence look fully covered, and a CycloneDX document converted to SPDX gain licences.
 */
function states(statement: LicenseStatement | undefined): statement is LicenseStatement {
  return statement !== undefined && statement.raw.trim() !== '' && statement.raw.trim() !== NO_ASSERTION;
}

function shownLicense(c: Component): string | undefined {
  for (const role of ROLES) {
    const statement = c.licenses[role];
    if (states(statement)) return statement.expression ?? statement.raw;
  }
  return undefined;
}
