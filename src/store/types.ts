/**
 * Shapes the store takes and returns beyond the model's own records: inputs (records without their
 * store-assigned ids), import history, API tokens and the results of portfolio queries.
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
import type { LicensePolicy } from '../licenses/kb/types.js';
import type { Role } from '../model/access.js';

/** Distributes Omit over a union so each decision kind keeps its own fields. */
export type OmitFrom<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type NewCategory = Omit<Category, 'id'>;
export type NewProduct = Omit<Product, 'id'>;
export type NewRelease = Omit<Release, 'id' | 'validationStep' | 'shipStatus' | 'commit' | 'outboundLicenses'> &
  Partial<Pick<Release, 'validationStep' | 'shipStatus' | 'commit' | 'outboundLicenses'>>;
export type ReleasePatch = Partial<Omit<Release, 'id' | 'productId'>>;
export type NewExploitationRule = Omit<ExploitationRule, 'id'>;
export type NewUsage = Omit<Usage, 'id'>;
export type UsagePatch = Partial<Omit<Usage, 'id' | 'releaseId' | 'versionId'>>;
/** A decision to record; createdAt defaults to now. */
export type NewDecision = OmitFrom<Decision, 'id' | 'createdAt'> & { createdAt?: string };
export type DecisionType = Decision['type'];

/**
 * Component data as found in a document. The identity key is `purl` (versionless canonical) when
 * present, else `name`.
 */
export type ComponentInput = Omit<ComponentRecord, 'id'>;
/** Version data as found in a document, for the component `componentId`. */
export type VersionInput = Omit<VersionRecord, 'id'>;

/**
 * What to do when a stored component/version already has a value for a field and the import brings
 * another: keep the stored one and only fill blanks (`fill-missing`), or replace it (`override`).
 */
export type FillPolicy = 'fill-missing' | 'override';

/** One field on which stored data and incoming data disagreed. */
export interface DataConflict {
  entity: 'component' | 'version';
  /** Component identity key (purl or name), plus `@version` for versions. */
  key: string;
  field: string;
  stored: string;
  incoming: string;
  /** Which value the store now holds. */
  kept: 'stored' | 'incoming';
}

export interface UpsertResult<T> {
  record: T;
  created: boolean;
  conflicts: DataConflict[];
}

export interface BulkUpsertResult<T> {
  /** In the same order as the inputs (duplicated inputs map to the same record). */
  records: T[];
  created: number;
  /** Ids of the rows this call created (`created` of them), in the order they were written. */
  createdIds: number[];
  conflicts: DataConflict[];
}

/** What to do when a usage (release, version, scope, project) already exists. */
export type UsageConflictMode = 'fail' | 'ignore' | 'update';

export type ImportMode = 'replace' | 'merge';
export type ImportStatus = 'running' | 'succeeded' | 'failed';

export interface ImportRecord {
  id: number;
  releaseId: number;
  /** Format id of the document (`cyclonedx-json`, `npm-project`…). */
  format: string;
  fileName: string | null;
  mode: ImportMode;
  policy: FillPolicy;
  author: string | null;
  status: ImportStatus;
  /** Counts of what the import did (components created, usages inserted…), free keys. */
  counts: Record<string, number>;
  conflicts: DataConflict[];
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export type NewImport = Omit<
  ImportRecord,
  'id' | 'status' | 'counts' | 'conflicts' | 'error' | 'startedAt' | 'finishedAt'
> &
  Partial<Pick<ImportRecord, 'status' | 'counts' | 'conflicts' | 'error' | 'startedAt' | 'finishedAt'>>;
export type ImportPatch = Partial<Pick<ImportRecord, 'status' | 'counts' | 'conflicts' | 'error' | 'finishedAt'>>;

/** The original document of an import, kept byte for byte. */
export interface ImportDocument {
  importId: number;
  fileName: string | null;
  mediaType: string | null;
  /** The document's bytes exactly as uploaded (reads always give these). */
  content: Uint8Array;
}

/** A document to store: `packed` when the caller already gzip-compressed its bytes (ADR 21). */
export interface NewImportDocument extends Omit<ImportDocument, 'content'> {
  content: Uint8Array;
  packed?: 'gzip';
}

export type { Role } from '../model/access.js';

/** An API token as stored: only the sha256 of its secret, never the secret. */
export interface ApiToken {
  id: number;
  name: string;
  role: Role;
  tokenHash: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A token to store: the services make the secret and hand the store its hash only. */
export interface NewApiToken {
  name: string;
  role: Role;
  tokenHash: string;
  /** ISO 8601; null = never expires. */
  expiresAt: string | null;
}

export interface ReleaseView {
  release: Release;
  viewedAt: string;
  viewedBy: string | null;
}

/**
 * Which component to look for across the portfolio: a name or a purl, optionally narrowed to some
 * versions by a list or by a predicate (e.g. a semver range test). A versioned purl without an
 * explicit `versions` list asks for its own version only.
 */
export interface ComponentQuery {
  /** Exact: the bare name, the identity key, or the displayed `namespace/name`. */
  name?: string;
  /** Case-insensitive part of the displayed name or of the identity key. */
  nameContains?: string;
  purl?: string;
  versions?: string[];
  versionMatches?: (version: string) => boolean;
}

export interface ReleaseHit {
  release: Release;
  productName: string;
  component: ComponentRecord;
  version: VersionRecord;
  /** (project, scope) pairs in which the release uses that version. */
  usages: Array<{ project: string; scope: string }>;
}

export interface ComponentUsageCount {
  component: ComponentRecord;
  releases: number;
  usages: number;
}

export type LicenseRole = 'declared' | 'concluded' | 'chosen';

export interface LicenseCount {
  /** The expression, or null for usages without one. */
  license: string | null;
  usages: number;
}

export interface DiffedUsage {
  component: string;
  version: string;
  project: string;
  scope: string;
  chosenLicense: string | null;
}

/** Differences between two releases, keyed by (component, project, scope). */
export interface ReleaseDiff {
  added: DiffedUsage[];
  removed: DiffedUsage[];
  versionChanged: Array<{ component: string; project: string; scope: string; from: string; to: string }>;
  choiceChanged: Array<{
    component: string;
    version: string;
    project: string;
    scope: string;
    from: string | null;
    to: string | null;
  }>;
}

/** Everything a release validation needs, loaded in a few queries. */
export interface ReleaseData {
  release: Release;
  product: Product;
  categories: Category[];
  usages: Usage[];
  /** The versions and components those usages refer to. */
  versions: VersionRecord[];
  components: ComponentRecord[];
  exploitationRules: ExploitationRule[];
  /** Decisions whose category/product/release scope can apply to this release (null = any). */
  decisions: Decision[];
  policies: LicensePolicy[];
}

/** ReleaseData without the release's inventory (usages, versions, components): what an import that holds its inventory reads. */
export type ReleaseContext = Omit<ReleaseData, 'usages' | 'versions' | 'components'>;

/** One row of a release's BOM: a usage with the version and component it names. */
export interface BomEntry {
  usage: Usage;
  version: VersionRecord;
  component: ComponentRecord;
}

/** A page of a release's BOM and how many usages the release has in all. */
export interface BomPage {
  total: number;
  /** The release's newest validation run at the moment of the read; null before its first. */
  latestRunId: number | null;
  entries: BomEntry[];
}

export interface DecisionFilter {
  type?: DecisionType;
  categoryId?: number;
  productId?: number;
  releaseId?: number;
  component?: string;
}

/**
 * One edge of a release's dependency graph between two versions of its usages; `parentVersionId`
 * null means the primary component of the project's document (the edge names a top-level dependency).
 */
export interface DependencyEdge {
  releaseId: number;
  project: string;
  parentVersionId: number | null;
  childVersionId: number;
}

/** A stored validation run's summary (what lists and the dashboard read). */
export interface ValidationRunSummary {
  id: number;
  releaseId: number;
  createdAt: string;
  /** Why it ran: `import`, `decision`, `policy`, `knowledge-base`, `release`, `exploitation-rule`, `manual`… */
  reason: string;
  validationStep: number;
  blockerCount: number;
  fingerprint: string;
  /** Usages per effective licence (after decisions); unresolved usages are not counted. */
  licenseCounts: Record<string, number>;
}

/** A run with the engine's whole result (kept as stored: the store does not know its shape). */
export interface ValidationRun extends ValidationRunSummary {
  report: unknown;
  /**
   * The run's bulky part when it was stored apart from `report` (ADR 21), parsed on the first call
   * only; null for a run stored whole.
   */
  details: (() => unknown) | null;
  /**
   * The bulky part as stored, gzip-compressed JSON, for a reader that decompresses and parses it off
   * the thread that serves requests (a 100k-usage run holds ~100 MB of JSON: 2–2.5 s of work).
   * Absent or null where `details` is not stored apart.
   */
  detailsGzip?: Uint8Array | null;
}

export type NewValidationRun = Omit<ValidationRun, 'id' | 'details'> & { details?: unknown };
