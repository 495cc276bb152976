/**
 * The API contract (issue 8 item 13, ADR 0033): every route family declared once, as data. The
 * server registers every route from these declarations, the OpenAPI document is built from them
 * (openapi.ts), and the web UI imports its request and response types from here (type-only: nothing
 * of it is bundled that is not pure).
 */
import { AI_ROUTES } from './ai.js';
import { CATEGORY_ROUTES } from './categories.js';
import { DECISION_ROUTES } from './decisions.js';
import { EXPLOITATION_RULE_ROUTES } from './exploitation-rules.js';
import { IMPORT_ROUTES } from './imports.js';
import { JOB_ROUTES } from './jobs.js';
import { SESSION_ROUTES } from './session.js';
import { TOKEN_ROUTES } from './tokens.js';
import { VALIDATION_ROUTES } from './validation.js';
import { LICENSE_ROUTES } from './licenses.js';
import { OUTPUT_ROUTES } from './outputs.js';
import { PORTFOLIO_ROUTES } from './portfolio.js';
import { PRODUCT_ROUTES } from './products.js';
import { RELEASE_ROUTES } from './releases.js';
import { QUALITY_ROUTES } from './quality.js';
import { VULNERABILITY_ROUTES } from './vulnerabilities.js';
import { CRA_ROUTES } from './cra.js';
import { META_ROUTES } from './meta.js';
import type { RouteContract } from './route.js';

export const CONTRACT = {
  session: SESSION_ROUTES,
  tokens: TOKEN_ROUTES,
  categories: CATEGORY_ROUTES,
  products: PRODUCT_ROUTES,
  releases: RELEASE_ROUTES,
  exploitationRules: EXPLOITATION_RULE_ROUTES,
  imports: IMPORT_ROUTES,
  jobs: JOB_ROUTES,
  decisions: DECISION_ROUTES,
  licenses: LICENSE_ROUTES,
  portfolio: PORTFOLIO_ROUTES,
  validation: VALIDATION_ROUTES,
  outputs: OUTPUT_ROUTES,
  ai: AI_ROUTES,
  quality: QUALITY_ROUTES,
  vulnerabilities: VULNERABILITY_ROUTES,
  cra: CRA_ROUTES,
  meta: META_ROUTES,
} as const;

/** Every declared route, family by family. */
export const CONTRACT_ROUTES: readonly RouteContract[] = Object.values(CONTRACT).flatMap(
  (family) => Object.values(family) as RouteContract[],
);

export type { AiDocument, AiDocumentFormat, ReleaseAi, ReleaseUse } from './ai.js';
export type { BodyOf, ParamsOf, QueryOf, ResponseOf, RouteContract } from './route.js';
export type { BomRow, ComponentRecord, EditedUsage, Release, Usage, VersionRecord } from './records.js';
export type { NewProductBody, Product } from './products.js';
export type { Category, NewCategory } from './categories.js';
export type { ExploitationRule, ExploitationRuleInput } from './exploitation-rules.js';
export type { ImportOutcome, ImportRecord, NamedImportOutcome } from './imports.js';
export type { Job } from './jobs.js';
export type { Session } from './session.js';
export type { Curation, Decision, DecisionFilter, Derogation, LicenseChoice, NewDecisionBody } from './decisions.js';
export type { DependencyPath, NewRelease, RecentView, ReleasePatch, UsageEdit } from './releases.js';
export type {
  Compatibility,
  HermineDiffResult,
  HermineImportResult,
  KnowledgeBaseImportRecord,
  LicenseDetail,
  LicenseFacts,
  LicenseObligation,
  LicensePolicy,
  LicenseSummary,
  PolicyInput,
  PolicySettings,
} from './licenses.js';
export type {
  ComponentUsage,
  DashboardSummary,
  LicenseCount,
  LicenseReleaseUse,
  PortfolioRelease,
  ReleaseDiff,
  ReleaseHit,
} from './portfolio.js';
export type { ChangeRecord, ReleaseSignOff, ReleaseValidation, ValidationRunSummary } from './validation.js';
export type { ApiToken, CreatedToken } from './tokens.js';
export type { ReleaseQuality } from './quality.js';
export type { ServiceStatus } from './meta.js';
export { buildOpenApiDocument, type OpenApiInfo } from './openapi.js';
export { ERROR_CODES, ERROR_TABLE, type ErrorBody, type ErrorCode } from './errors.js';
export type {
  AffectedReleases,
  FindingAnalysis,
  FindingCounts,
  Rating,
  ReleaseFinding,
  ReleaseVulnerabilities,
  TriageBody,
  TriageResult,
  VexFormat,
  VulnerabilityDiff,
  VulnerabilitySummary,
} from './vulnerabilities.js';
export type {
  AnnexEntry,
  AnnexEntryInput,
  AnnexRequirement,
  AnnexRow,
  AnnexStatus,
  CaseClockSummary,
  CaseProposal,
  ComputedEntry,
  CraRecord,
  CraRecordPatch,
  CraRecordView,
  EvidenceEntry,
  EvidenceVerdict,
  OpenedCase,
  RecordAssessment,
} from './cra.js';
