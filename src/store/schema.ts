/**
 * Row types of every table, as Kysely sees them. Conventions shared by both dialects: JSON values are
 * text, timestamps are ISO 8601 text (sortable, identical on both), booleans are `boolean` on
 * PostgreSQL and 0/1 integers on SQLite (read back through `fromBool`).
 */
import type { Generated } from 'kysely';
import type { ReleaseFindingTables, VexTables, VulnerabilityTables } from './vuln-schema.js';
import type { AiTables } from './ai-schema.js';
import type { CraTables } from './cra-schema.js';
import type { JobTables } from './job-schema.js';
import type { KnowledgeImportTables } from './knowledge-import-schema.js';
import type { HistoryTables } from './history-schema.js';

type Bool = boolean | number;

export interface Database
  extends
    VulnerabilityTables,
    VexTables,
    ReleaseFindingTables,
    CraTables,
    JobTables,
    AiTables,
    KnowledgeImportTables,
    HistoryTables {
  categories: { id: Generated<number>; name: string; description: string | null; outbound_licenses: string };
  products: {
    id: Generated<number>;
    name: string;
    description: string | null;
    owner: string | null;
    outbound_licenses: string;
  };
  product_categories: { product_id: number; category_id: number };
  releases: {
    id: Generated<number>;
    product_id: number;
    number: string;
    ship_status: string;
    commit_ref: string | null;
    outbound_licenses: string;
    validation_step: number;
  };
  components: {
    id: Generated<number>;
    /** Versionless canonical purl, else name: the deduplication key, unique. */
    identity_key: string;
    purl_type: string | null;
    namespace: string | null;
    name: string;
    purl: string | null;
    description: string | null;
    homepage: string | null;
    language: string | null;
  };
  versions: {
    id: Generated<number>;
    component_id: number;
    number: string;
    purl: string | null;
    declared_license: string | null;
    concluded_license: string | null;
    corrected_license: string | null;
    copyright: string | null;
  };
  usages: {
    id: Generated<number>;
    release_id: number;
    version_id: number;
    scope: string;
    project: string;
    linking: string | null;
    modified: Bool | null;
    exploitation: string | null;
    chosen_license: string | null;
    status: string;
    added_by: string;
    description: string | null;
  };
  /** One edge of a release's dependency graph; parent null = the primary component of `project`. */
  dependency_edges: {
    release_id: number;
    project: string;
    parent_version_id: number | null;
    child_version_id: number;
  };
  exploitation_rules: {
    id: Generated<number>;
    release_id: number;
    scope: string | null;
    project: string | null;
    exploitation: string;
  };
  decisions: {
    id: Generated<number>;
    type: string;
    /** Curations only: `curation` or `and-confirmation`. */
    kind: string | null;
    category_id: number | null;
    product_id: number | null;
    release_id: number | null;
    scope: string | null;
    project: string | null;
    exploitation: string | null;
    component: string | null;
    version: string | null;
    from_expression: string | null;
    to_expression: string | null;
    /** Derogations only. */
    license: string | null;
    linking: string | null;
    modification: string | null;
    author: string;
    created_at: string;
    explanation: string;
  };
  license_policies: {
    license: string;
    allowed: string;
    review_status: string;
    comment: string | null;
    categories: string;
  };
  license_facts: {
    id: string;
    name: string;
    kind: string | null;
    copyleft: string | null;
    osi_approved: Bool | null;
    fsf_approved: Bool | null;
    foss: string | null;
    patent_grant: Bool | null;
    ethical_clause: Bool | null;
    non_commercial: Bool | null;
    anti_tivoisation: Bool | null;
    warranty_disclaimer: string | null;
    liability_disclaimer: string | null;
    law: string | null;
    venue: string | null;
    steward: string | null;
    url: string | null;
    comment: string | null;
    text: string | null;
    extra: string | null;
  };
  compliance_actions: {
    name: string;
    description: string;
    category: string | null;
    passivity: string | null;
    team: string | null;
    core: Bool;
    extra: string | null;
  };
  obligations: {
    id: Generated<number>;
    license: string;
    name: string;
    passivity: string | null;
    exploitation: string | null;
    modification: string | null;
    action: string | null;
    clause: string | null;
    extra: string | null;
  };
  imports: {
    id: Generated<number>;
    release_id: number;
    format: string;
    file_name: string | null;
    mode: string;
    policy: string;
    author: string | null;
    status: string;
    counts: string;
    conflicts: string;
    error: string | null;
    started_at: string;
    finished_at: string | null;
  };
  import_documents: {
    import_id: number;
    file_name: string | null;
    media_type: string | null;
    content: Uint8Array;
    /** 'gzip' when `content` is stored compressed (migration 0017, ADR 21); null = the bytes as uploaded. */
    encoding: string | null;
  };
  api_tokens: {
    id: Generated<number>;
    name: string;
    role: string;
    token_hash: string;
    created_at: string;
    expires_at: string | null;
    last_used_at: string | null;
    revoked_at: string | null;
  };
  release_views: { release_id: number; viewed_at: string; viewed_by: string | null };
  validation_runs: {
    id: Generated<number>;
    release_id: number;
    created_at: string;
    reason: string;
    validation_step: number;
    blocker_count: number;
    /** sha256 of the knowledge base and licence policy the run used. */
    fingerprint: string;
    /** JSON: usages per effective licence (after decisions). */
    license_counts: string;
    /** JSON: the engine's result (steps, resolved usages); without its bulky part when `details` holds it. */
    report: string;
    /** gzip of JSON: the bulky part of the result (blockers, resolved usages), read on demand (migration 0017, ADR 21); null for older runs. */
    details: Uint8Array | null;
  };
  /** Organisation policy settings, one row per setting (absent = default). */
  policy_settings: { name: string; value: string; updated_by: string; updated_at: string };
  /** CRA Art. 14 reporting cases; times are ISO instants in UTC, member_states/facts JSON. */
  reporting_cases: {
    id: Generated<number>;
    product_id: number;
    type: string;
    title: string;
    vulnerability_id: string | null;
    aware_at: string;
    fix_available_at: string | null;
    early_warning_submitted_at: string | null;
    notification_submitted_at: string | null;
    final_report_submitted_at: string | null;
    member_states: string;
    facts: string;
    status: string;
    created_by: string | null;
    created_at: string;
    updated_at: string;
  };
}
