/**
 * The licence knowledge base: facts about licences, the obligations each licence creates and the
 * compliance actions those obligations map to. Vocabulary follows DESIGN.md ("Domain model"),
 * which itself follows Hermine; the Hermine spelling of each value lives in src/licenses/hermine.
 */

export type Copyleft = 'none' | 'weak' | 'strong' | 'network' | 'weak-network';

// The usage-context vocabulary belongs to the model; re-exported here where the KB always had it.
import type { Exploitation, Modification } from '../../model/usage-context.js';
export { EXPLOITATIONS, MODIFICATIONS, LINKINGS } from '../../model/usage-context.js';
export type { Exploitation, Modification, Linking } from '../../model/usage-context.js';

/** Which modification status triggers an obligation. */
export type ModificationTrigger = Modification | 'either';

/** DO (something must be done) or DON'T (something must not be done). Hermine: Active / Passive. */
export type Passivity = 'do' | 'dont';

export type FossStatus = 'yes' | 'yes-auto' | 'no';

/** Extent of a warranty or liability disclaimer. */
export type DisclaimerExtent = 'full' | 'partial';

/** What the licence is made for; content and data licences behave differently from software ones. */
export type WorkKind = 'software' | 'content' | 'data' | 'font' | 'documentation';

/** Facts about one licence: shareable, organisation-neutral. `null` means "not known". */
export interface LicenseFacts {
  id: string;
  name: string;
  kind: WorkKind | null;
  copyleft: Copyleft | null;
  osiApproved: boolean | null;
  fsfApproved: boolean | null;
  foss: FossStatus | null;
  patentGrant: boolean | null;
  ethicalClause: boolean | null;
  nonCommercial: boolean | null;
  antiTivoisation: boolean | null;
  warrantyDisclaimer: DisclaimerExtent | null;
  liabilityDisclaimer: DisclaimerExtent | null;
  /** Governing law chosen by the licence, free text. */
  law: string | null;
  /** Venue (courts) chosen by the licence, free text. */
  venue: string | null;
  steward: string | null;
  url: string | null;
  comment: string | null;
  /** Full licence text when the knowledge base carries it. */
  text: string | null;
  /** Fields kept verbatim from an imported source that this model has no place for (lossless round trips). */
  extra?: Record<string, unknown>;
}

export type ActionCategory =
  | 'communication'
  | 'ip-management'
  | 'license-agreement'
  | 'mentions'
  | 'providing-source-code'
  | 'technical-constraints';

/** A compliance action (Hermine's "generic obligation"): what a team concretely does. */
export interface ComplianceAction {
  name: string;
  description: string;
  category: ActionCategory | null;
  passivity: Passivity | null;
  team: string | null;
  /** Included by default in every compliance plan. */
  core: boolean;
  extra?: Record<string, unknown>;
}

/** One clause of one licence. A null trigger means "any" (Hermine stores it as an empty string). */
export interface Obligation {
  license: string;
  name: string;
  passivity: Passivity | null;
  exploitation: Exploitation | null;
  modification: ModificationTrigger | null;
  /** Name of the compliance action this obligation instantiates; null for licence-specific ones. */
  action: string | null;
  /** The licence excerpt the obligation comes from, when known. */
  clause: string | null;
  extra?: Record<string, unknown>;
}

export interface KnowledgeBase {
  licenses: LicenseFacts[];
  obligations: Obligation[];
  actions: ComplianceAction[];
}

/** Licence policy of one organisation, stored apart from the facts so facts can be shared. */
export type Allowed = 'always' | 'never' | 'context' | 'out-of-foss-policy' | 'not-reviewed';
export type ReviewStatus = 'not-reviewed' | 'to-check' | 'checked';

export interface LicensePolicy {
  license: string;
  allowed: Allowed;
  reviewStatus: ReviewStatus;
  comment: string | null;
  categories: string[];
}
