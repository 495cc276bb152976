import type { Category, ComponentRecord, ExploitationRule, Product, Release, Usage, VersionRecord } from '../model/portfolio.js';
import type { Decision } from '../model/decision.js';
import type { KnowledgeBase } from '../licenses/kb/types.js';
import type { LicensePolicyTable } from '../licenses/kb/policy.js';

/** One usage with the version and component records it points at. */
export interface ReleaseUsage {
  usage: Usage;
  version: VersionRecord;
  component: ComponentRecord;
}

/**
 * Everything release validation needs, in memory: the store (or `snapshotFromSbom`) assembles it,
 * the engine only reads it. Decisions are all the decisions that might apply (any scope); the
 * engine picks the ones that match each usage.
 */
export interface ReleaseSnapshot {
  release: Release;
  product: Product;
  /** The categories of the product (others are ignored). */
  categories: Category[];
  usages: ReleaseUsage[];
  exploitationRules: ExploitationRule[];
  decisions: Decision[];
  policy: LicensePolicyTable;
  knowledgeBase: KnowledgeBase;
}

/**
 * The identity decisions use for a component: its versionless canonical purl, else its name
 * (with namespace when there is one).
 */
export function componentKey(component: Pick<ComponentRecord, 'purl' | 'namespace' | 'name'>): string {
  if (component.purl) return component.purl;
  return component.namespace ? `${component.namespace}/${component.name}` : component.name;
}

/** `name@version` for messages. */
export function usageLabel(u: ReleaseUsage): string {
  const base = u.component.namespace ? `${u.component.namespace}/${u.component.name}` : u.component.name;
  return `${base}@${u.version.number}`;
}

/** Outbound licences of the release: its own, else the product's, else its categories'. */
export function outboundLicensesOf(snapshot: ReleaseSnapshot): string[] {
  if (snapshot.release.outboundLicenses.length > 0) return snapshot.release.outboundLicenses;
  if (snapshot.product.outboundLicenses.length > 0) return snapshot.product.outboundLicenses;
  return [...new Set(snapshot.categories.flatMap((c) => c.outboundLicenses))];
}
