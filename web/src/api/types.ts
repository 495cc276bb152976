// Shapes the UI reads from the REST API. Routes declared in the API contract (src/api-contract,
// ADR 0033) give their request and response types from there; the domain vocabulary comes from
// src/model and src/compliance (type-only imports: nothing of the server is bundled).
export type {
  Category,
  ExploitationRule,
  ExploitationRuleInput,
  Product,
  Release,
  Usage,
  ComponentRecord,
  VersionRecord,
  UsageEdit,
} from '../../../src/api-contract/index.js';
export type { ShipStatus } from '../../../src/model/portfolio.js';
export type {
  Decision,
  Curation,
  LicenseChoice,
  Derogation,
  NewDecisionBody,
} from '../../../src/api-contract/index.js';
export type { DecisionScope } from '../../../src/model/decision.js';
export type { Exploitation, Linking } from '../../../src/model/usage-context.js';
export type {
  Blocker,
  StepResult,
  Fix,
  FixAction,
  Generalisation,
  CurationProposal,
} from '../../../src/compliance/finding.js';
export type {
  LicenseFacts,
  LicensePolicy,
  LicenseSummary,
  LicenseDetail,
  Compatibility,
  HermineDiffResult,
} from '../../../src/api-contract/index.js';
export type { Allowed, ReviewStatus, Obligation, ComplianceAction } from '../../../src/licenses/kb/types.js';
import type { BomRow, RecentView } from '../../../src/api-contract/index.js';

export type { Role } from '../../../src/model/access.js';
export type {
  ComponentUsage,
  DashboardSummary,
  LicenseCount,
  LicenseReleaseUse,
  PortfolioRelease,
  ReleaseDiff,
  ReleaseHit,
} from '../../../src/api-contract/index.js';
/** The caller (GET /api/me). */
export type { Session as Me, ImportRecord, Job } from '../../../src/api-contract/index.js';
import type { NamedImportOutcome } from '../../../src/api-contract/index.js';
/** What an import answers; `created` only when it was addressed by names (POST /api/imports). */
export type ImportOutcome = Omit<NamedImportOutcome, 'created'> & Partial<Pick<NamedImportOutcome, 'created'>>;

/** One usage with what it points at and the licence validation settled, as the BOM endpoint returns it. */
export type ReleaseUsage = BomRow;

/** A release someone consulted (GET /api/releases/recent). */
export type ReleaseView = RecentView;

/** Obligations grouped by compliance action, with the usages that trigger each. */

export type { ObligationGroup, ReleaseObligations, TriggeringUsage } from '../../../src/compliance/obligations.js';

/** Either the BOM rows, or the BOM CSV when the API offers no usages route. */
// eslint-disable-next-line no-restricted-syntax -- which of two sources the BOM table reads, not an API shape
export type BomSource = { usages: ReleaseUsage[]; csv?: undefined } | { csv: string; usages?: undefined };

export type ReleaseDocument =
  | 'notice.txt'
  | 'notice.md'
  | 'notice.html'
  | 'bom.csv'
  | 'obligations.json'
  | 'obligations.md'
  | 'junit.xml'
  | 'sarif.json'
  | 'cyclonedx.json'
  | 'spdx.json';

export type {
  ChangeRecord,
  ReleaseSignOff,
  ReleaseValidation,
  ValidationRunSummary,
} from '../../../src/api-contract/index.js';
export type { ChangeSubject, ChangeAction } from '../../../src/model/change-history.js';
