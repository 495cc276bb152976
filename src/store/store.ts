/**
 * The repository interface the services, API and CLI work through. One implementation serves both
 * SQLite and PostgreSQL. Every method is async; `transaction(fn)` hands `fn` a Store whose calls
 * all run in one database transaction, committed when `fn` resolves and rolled back when it throws.
 */
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
import type { PolicySettings } from '../model/policy-settings.js';
import type { NewReportingCase, ReportingCase, ReportingCasePatch } from '../model/reporting-case.js';
import type { KnowledgeBase, LicensePolicy } from '../licenses/kb/types.js';
import type {
  ApiToken,
  BulkUpsertResult,
  ComponentInput,
  ComponentQuery,
  ComponentUsageCount,
  DecisionFilter,
  DependencyEdge,
  FillPolicy,
  ImportDocument,
  ImportPatch,
  ImportRecord,
  LicenseCount,
  LicenseRole,
  NewApiToken,
  NewCategory,
  NewDecision,
  NewExploitationRule,
  NewImport,
  NewProduct,
  NewRelease,
  NewUsage,
  ReleaseContext,
  ReleaseData,
  BomPage,
  ReleaseDiff,
  ReleaseHit,
  ReleasePatch,
  ReleaseView,
  UpsertResult,
  UsageConflictMode,
  UsagePatch,
  ValidationRun,
  ValidationRunSummary,
  NewValidationRun,
  NewImportDocument,
  VersionInput,
} from './types.js';

import type { VulnerabilityStore } from './vuln-store.js';
import type { VexStore } from './vex-store.js';
import type { ReleaseFindingStore } from './release-finding-store.js';
import type { CraStore } from './cra-store.js';
import type { JobStore } from './job-store.js';
import type { AiStore } from './ai-store.js';
import type { HistoryStore } from './history-store.js';

export type StoreDialect = 'sqlite' | 'postgres';

export interface Store
  extends VulnerabilityStore, VexStore, ReleaseFindingStore, CraStore, JobStore, AiStore, HistoryStore {
  readonly dialect: StoreDialect;
  /** Closes the connection(s); a transactional Store's close does nothing. */
  close(): Promise<void>;
  /** Runs fn in one transaction; nested calls join the outer transaction. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;

  // Categories
  createCategory(input: NewCategory): Promise<Category>;
  getCategory(id: number): Promise<Category | null>;
  findCategoryByName(name: string): Promise<Category | null>;
  listCategories(): Promise<Category[]>;
  updateCategory(id: number, patch: Partial<NewCategory>): Promise<Category | null>;
  deleteCategory(id: number): Promise<boolean>;

  // Products (categoryIds are kept in product_categories)
  createProduct(input: NewProduct): Promise<Product>;
  getProduct(id: number): Promise<Product | null>;
  findProductByName(name: string): Promise<Product | null>;
  listProducts(): Promise<Product[]>;
  updateProduct(id: number, patch: Partial<NewProduct>): Promise<Product | null>;
  /** Deletes the product with its releases and their usages, rules and imports. */
  deleteProduct(id: number): Promise<boolean>;

  // Releases
  createRelease(input: NewRelease): Promise<Release>;
  getRelease(id: number): Promise<Release | null>;
  findRelease(productId: number, number: string): Promise<Release | null>;
  listReleases(productId?: number): Promise<Release[]>;
  updateRelease(id: number, patch: ReleasePatch): Promise<Release | null>;
  deleteRelease(id: number): Promise<boolean>;
  /**
   * Inside a transaction: holds the release until commit, so that writers of one release (imports)
   * run one after the other. PostgreSQL takes a row lock; SQLite already runs one writer at a time.
   */
  lockRelease(id: number): Promise<void>;
  /** As lockRelease, for a product: writers of one product's CRA record (read, merge, write) run one after the other. */
  lockProduct(id: number): Promise<void>;

  // Components and versions, shared by the whole portfolio
  upsertComponent(input: ComponentInput, policy: FillPolicy): Promise<UpsertResult<ComponentRecord>>;
  upsertComponents(inputs: ComponentInput[], policy: FillPolicy): Promise<BulkUpsertResult<ComponentRecord>>;
  getComponent(id: number): Promise<ComponentRecord | null>;
  /** By identity key: versionless canonical purl, or name for a component without purl. */
  findComponent(key: string): Promise<ComponentRecord | null>;
  listComponents(): Promise<ComponentRecord[]>;
  upsertVersion(input: VersionInput, policy: FillPolicy): Promise<UpsertResult<VersionRecord>>;
  /**
   * `newComponents`: ids of components this transaction created (upsertComponents' `createdIds`).
   * No other writer can see them before the commit, so they have no versions yet and none is
   * looked up for them.
   */
  upsertVersions(
    inputs: VersionInput[],
    policy: FillPolicy,
    newComponents?: readonly number[],
  ): Promise<BulkUpsertResult<VersionRecord>>;
  getVersion(id: number): Promise<VersionRecord | null>;
  findVersion(componentId: number, number: string): Promise<VersionRecord | null>;
  listVersions(componentId: number): Promise<VersionRecord[]>;
  /** Sets a version's corrected licence (after a curation); null clears it. */
  setCorrectedLicense(versionId: number, expression: string | null): Promise<void>;

  // Usages
  /** Chunked multi-row insert; returns how many rows were written. */
  insertUsages(usages: NewUsage[], onConflict?: UsageConflictMode): Promise<number>;
  /**
   * As insertUsages ('fail' or 'ignore', usages of one release), returning the usages written as
   * records ordered by id: an import learns its usages without reading them back (ADR 28).
   * `idsTaken` ('fail' only) is given the same records once their ids are taken, before the rows
   * are written: what the write stores if it succeeds (ADR 59).
   */
  insertUsagesReturning(
    usages: NewUsage[],
    onConflict?: Exclude<UsageConflictMode, 'update'>,
    idsTaken?: (records: Usage[]) => void,
  ): Promise<Usage[]>;
  /** The release's usages by id; with `versionId`, only those of that version. */
  listUsages(releaseId: number, versionId?: number): Promise<Usage[]>;
  getUsage(id: number): Promise<Usage | null>;
  updateUsage(id: number, patch: UsagePatch): Promise<Usage | null>;
  /** Applies the same patch to many usages (e.g. a licence choice for all matching usages). */
  updateUsages(ids: number[], patch: UsagePatch): Promise<number>;
  deleteUsage(id: number): Promise<boolean>;
  deleteUsagesOfRelease(releaseId: number): Promise<number>;

  // Dependency graph (edges between the versions of a release's usages)
  /**
   * Edges carry no foreign keys (ADR 36): the caller passes ids of a release and of versions it holds
   * in the same transaction (the import does, right after upserting those versions); nothing here
   * checks that they exist. Deleting a release or a product deletes its edges.
   */
  insertDependencyEdges(edges: DependencyEdge[]): Promise<number>;
  listDependencyEdges(releaseId: number): Promise<DependencyEdge[]>;
  deleteDependencyEdgesOfRelease(releaseId: number): Promise<number>;

  // Exploitation rules
  createExploitationRule(input: NewExploitationRule): Promise<ExploitationRule>;
  listExploitationRules(releaseId: number): Promise<ExploitationRule[]>;
  updateExploitationRule(
    id: number,
    patch: Partial<Omit<NewExploitationRule, 'releaseId'>>,
  ): Promise<ExploitationRule | null>;
  deleteExploitationRule(id: number): Promise<boolean>;

  // Decisions (curations incl. AND confirmations, licence choices, derogations / authorised contexts)
  createDecision(input: NewDecision): Promise<Decision>;
  getDecision(id: number): Promise<Decision | null>;
  listDecisions(filter?: DecisionFilter): Promise<Decision[]>;
  deleteDecision(id: number): Promise<boolean>;

  // Licence policy (apart from facts)
  getPolicy(license: string): Promise<LicensePolicy | null>;
  listPolicies(): Promise<LicensePolicy[]>;
  setPolicy(policy: LicensePolicy): Promise<void>;
  setPolicies(policies: LicensePolicy[]): Promise<void>;
  deletePolicy(license: string): Promise<boolean>;
  /** Organisation policy settings (defaults for those never set). */
  getPolicySettings(): Promise<PolicySettings>;
  /** Records the settings given, signed by author at the ISO time `at`. */
  setPolicySettings(
    patch: Partial<Pick<PolicySettings, 'acceptNormaliser'>>,
    author: string,
    at: string,
  ): Promise<void>;

  // Knowledge base (licence facts, obligations, compliance actions)
  /** Replaces the stored knowledge base with kb. */
  saveKnowledgeBase(kb: KnowledgeBase): Promise<void>;
  loadKnowledgeBase(): Promise<KnowledgeBase>;
  /** Appends one entry to the knowledge base's import history. */
  recordKnowledgeBaseImport(input: NewKnowledgeBaseImport): Promise<KnowledgeBaseImportRecord>;
  /** The import history, newest first. */
  listKnowledgeBaseImports(limit: number): Promise<KnowledgeBaseImportRecord[]>;

  // Imports
  createImport(input: NewImport): Promise<ImportRecord>;
  updateImport(id: number, patch: ImportPatch): Promise<ImportRecord | null>;
  getImport(id: number): Promise<ImportRecord | null>;
  listImports(releaseId: number): Promise<ImportRecord[]>;
  /**
   * Stores an import's original document, once (a second save of one import is a unique violation).
   * `packed: 'gzip'`: `content` is the gzip of the document; it is stored so and read back unpacked.
   */
  saveImportDocument(doc: NewImportDocument): Promise<void>;
  getImportDocument(importId: number): Promise<ImportDocument | null>;

  // API tokens (only the sha256 of the secret is stored)
  createApiToken(input: NewApiToken): Promise<ApiToken>;
  /** Returns the token even when expired or revoked: the services' token rules decide. */
  findApiTokenByHash(tokenHash: string): Promise<ApiToken | null>;
  listApiTokens(): Promise<ApiToken[]>;
  touchApiToken(id: number, at?: string): Promise<void>;
  revokeApiToken(id: number, at?: string): Promise<boolean>;

  // Release views (dashboard: last consulted)
  recordReleaseView(releaseId: number, viewedBy?: string | null, at?: string): Promise<void>;
  listRecentReleaseViews(limit?: number): Promise<ReleaseView[]>;

  // Validation runs (newest first; a few kept per release)
  insertValidationRun(run: NewValidationRun): Promise<ValidationRun>;
  latestValidationRun(releaseId: number): Promise<ValidationRun | null>;
  /** The newest run of every release that has one, without reports. */
  latestValidationRuns(): Promise<ValidationRunSummary[]>;
  listValidationRuns(releaseId: number): Promise<ValidationRunSummary[]>;

  // Portfolio queries
  releasesContaining(query: ComponentQuery): Promise<ReleaseHit[]>;
  mostUsedComponents(limit?: number): Promise<ComponentUsageCount[]>;
  licenseDistribution(role: LicenseRole, releaseId?: number): Promise<LicenseCount[]>;
  diffReleases(fromReleaseId: number, toReleaseId: number): Promise<ReleaseDiff>;
  loadReleaseData(releaseId: number): Promise<ReleaseData | null>;
  /** loadReleaseData without usages, versions and components (an import holds those already). */
  loadReleaseContext(releaseId: number): Promise<ReleaseContext | null>;
  /** One page of a release's usages (id order) with their versions and components, and the usage count; null: no such release. */
  releaseBomPage(releaseId: number, page: { limit: number; offset: number }): Promise<BomPage | null>;
  /**
   * A value that changes whenever stored data may have changed, for any process on this database
   * (read caches, ADR 37; store/change-stamp.ts); null inside a transaction (no caching there).
   */
  changeStamp(): Promise<string | null>;

  // CRA Art. 14 reporting cases
  createReportingCase(input: NewReportingCase): Promise<ReportingCase>;
  getReportingCase(id: number): Promise<ReportingCase | null>;
  /** Most recent awareness first; all products when productId is left out. */
  listReportingCases(productId?: number): Promise<ReportingCase[]>;
  updateReportingCase(id: number, patch: ReportingCasePatch): Promise<ReportingCase | null>;
}

/** One import of licence knowledge into the store (issue 8 item 8). */
export interface KnowledgeBaseImportRecord {
  id: number;
  importedAt: string;
  /** What was imported: a file name, a folder, or `upload`. */
  source: string;
  mode: 'replace' | 'merge';
  author: string | null;
  /** Sizes of the knowledge base after the import. */
  licenses: number;
  obligations: number;
  actions: number;
  /** Differences taken from the imported data. */
  applied: number;
  /** Problems reported while reading it. */
  issues: number;
}

export type NewKnowledgeBaseImport = Omit<KnowledgeBaseImportRecord, 'id'>;
