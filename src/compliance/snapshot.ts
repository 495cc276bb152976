import type {
  Category,
  ComponentRecord,
  ExploitationRule,
  Product,
  Release,
  Usage,
  VersionRecord,
} from '../model/portfolio.js';
import type { Decision } from '../model/decision.js';
import type { KnowledgeBase } from '../licenses/kb/types.js';
import type { LicensePolicyTable } from '../licenses/kb/policy.js';
import type { UseDeclaration } from '../model/use-declaration.js';
import type { LineageLink } from '../model/lineage-link.js';
import type { NormaliserAcceptance } from '../model/policy-settings.js';

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
  /** How the product is used, for the licences' use restrictions (step 5); absent = nothing declared. */
  useDeclaration?: UseDeclaration;
  /** AI lineage edges between the release's versions (absent: none); obligations propagate along them. */
  lineage?: LineageLink[];
  /** The organisation's recorded settings that change what validation lets through. */
  settings: ValidationSettings;
}

/** Settings of model/policy-settings.ts that the engine reads (shown with every verdict). */
export interface ValidationSettings {
  acceptNormaliser: NormaliserAcceptance;
}

/** The identity decisions use for a component: the one of model/component-identity.ts. */
export { componentKey } from '../model/component-identity.js';

/** `name@version` for messages. */
export function usageLabel(u: ReleaseUsage): string {
  const base = u.component.namespace ? `${u.component.namespace}/${u.component.name}` : u.component.name;
  return `${base}@${u.version.number}`;
}

/**
 * Outbound licences of the release: the union of its own, its product's and its categories' (as
 * Hermine does), not the first level that has some.
 */
export function outboundLicensesOf(snapshot: ReleaseSnapshot): string[] {
  const all = [
    ...snapshot.release.outboundLicenses,
    ...snapshot.product.outboundLicenses,
    ...snapshot.categories.flatMap((c) => c.outboundLicenses),
  ];
  const seen = new Set<string>();
  return all.filter((l) => !seen.has(l.toLowerCase()) && seen.add(l.toLowerCase()));
}
