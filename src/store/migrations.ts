/**
 * The one migration list, run by Kysely's Migrator on both dialects. Differences are confined to
 * the three column helpers below: ids (SQLite rowid alias vs PostgreSQL identity), booleans
 * (0/1 integer vs boolean) and bytes (blob vs bytea). Migrations are append-only: never edit a
 * shipped one, add the next.
 */
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration, MigrationProvider } from 'kysely';
import type { StoreDialect } from './store.js';
import { rekeyComponents } from './migrations/rekey-components.js';
import { vulnerabilityDatabase } from './migrations/vulnerability-database.js';
import { vexAnalyses } from './migrations/vex-analyses.js';
import { releaseFindings } from './migrations/release-findings.js';
import { craRecords } from './migrations/cra-records.js';
import { aiLineageAndUse } from './migrations/ai-lineage-and-use.js';
import { aiVersionFacts } from './migrations/ai-version-facts.js';
import { knowledgeBaseImports } from './migrations/knowledge-base-imports.js';
import { changeHistory } from './migrations/change-history.js';
import { importQuality } from './migrations/import-quality.js';
import { jobRetryOf } from './migrations/job-retry-of.js';
import { gzippedValuesStoredAsSent } from './migrations/gzipped-values-stored-as-sent.js';
import { dependencyEdgesUnchecked } from './migrations/dependency-edges-unchecked.js';

type Table = CreateTableBuilder<string, never>;

function dialectColumns(dialect: StoreDialect) {
  const sqlite = dialect === 'sqlite';
  return {
    id: (t: Table, name = 'id'): Table =>
      t.addColumn(name, 'integer', (c: ColumnDefinitionBuilder) =>
        sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity(),
      ),
    bool: sqlite ? ('integer' as const) : ('boolean' as const),
    bytes: sqlite ? ('blob' as const) : ('bytea' as const),
  };
}

function initialSchema(dialect: StoreDialect): Migration {
  const { id, bool, bytes } = dialectColumns(dialect);
  return {
    async up(db: Kysely<unknown>) {
      const table = (name: string) => id(db.schema.createTable(name) as unknown as Table) as unknown as Table;

      await table('categories')
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('description', 'text')
        .addColumn('outbound_licenses', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
      await table('products')
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('description', 'text')
        .addColumn('owner', 'text')
        .addColumn('outbound_licenses', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
      await db.schema
        .createTable('product_categories')
        .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
        .addColumn('category_id', 'integer', (c) => c.notNull().references('categories.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('product_categories_pk', ['product_id', 'category_id'])
        .execute();
      await table('releases')
        .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('ship_status', 'text', (c) => c.notNull().defaultTo('in-development'))
        .addColumn('commit_ref', 'text')
        .addColumn('outbound_licenses', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('validation_step', 'integer', (c) => c.notNull().defaultTo(0))
        .addUniqueConstraint('releases_product_number_unique', ['product_id', 'number'])
        .execute();

      // identity_key unique: two imports racing to create the same component end with one row.
      await table('components')
        .addColumn('identity_key', 'text', (c) => c.notNull().unique())
        .addColumn('purl_type', 'text')
        .addColumn('namespace', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('purl', 'text')
        .addColumn('description', 'text')
        .addColumn('homepage', 'text')
        .addColumn('language', 'text')
        .execute();
      await db.schema.createIndex('components_name_idx').on('components').column('name').execute();
      await table('versions')
        .addColumn('component_id', 'integer', (c) => c.notNull().references('components.id').onDelete('cascade'))
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('purl', 'text')
        .addColumn('declared_license', 'text')
        .addColumn('concluded_license', 'text')
        .addColumn('corrected_license', 'text')
        .addColumn('copyright', 'text')
        .addUniqueConstraint('versions_component_number_unique', ['component_id', 'number'])
        .execute();

      await table('usages')
        .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
        .addColumn('version_id', 'integer', (c) => c.notNull().references('versions.id').onDelete('restrict'))
        .addColumn('scope', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('project', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('linking', 'text')
        .addColumn('modified', bool)
        .addColumn('exploitation', 'text')
        .addColumn('chosen_license', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('auto'))
        .addColumn('added_by', 'text', (c) => c.notNull().defaultTo('import'))
        .addColumn('dependency_path', 'text', (c) => c.notNull().defaultTo('[]'))
        .addUniqueConstraint('usages_release_version_scope_project_unique', [
          'release_id',
          'version_id',
          'scope',
          'project',
        ])
        .execute();
      // "Which releases ship this version?" walks usages by version.
      await db.schema.createIndex('usages_version_idx').on('usages').column('version_id').execute();

      await table('exploitation_rules')
        .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
        .addColumn('scope', 'text')
        .addColumn('project', 'text')
        .addColumn('exploitation', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('exploitation_rules_release_idx')
        .on('exploitation_rules')
        .column('release_id')
        .execute();

      // One table for every decision kind: they share the scope columns and are matched together.
      await table('decisions')
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('kind', 'text')
        .addColumn('category_id', 'integer', (c) => c.references('categories.id').onDelete('cascade'))
        .addColumn('product_id', 'integer', (c) => c.references('products.id').onDelete('cascade'))
        .addColumn('release_id', 'integer', (c) => c.references('releases.id').onDelete('cascade'))
        .addColumn('scope', 'text')
        .addColumn('project', 'text')
        .addColumn('exploitation', 'text')
        .addColumn('component', 'text')
        .addColumn('version', 'text')
        .addColumn('from_expression', 'text')
        .addColumn('to_expression', 'text')
        .addColumn('license', 'text')
        .addColumn('linking', 'text')
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('explanation', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema.createIndex('decisions_type_idx').on('decisions').columns(['type', 'component']).execute();

      await db.schema
        .createTable('license_policies')
        .addColumn('license', 'text', (c) => c.primaryKey())
        .addColumn('allowed', 'text', (c) => c.notNull())
        .addColumn('review_status', 'text', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('categories', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
      let facts = db.schema.createTable('license_facts').addColumn('id', 'text', (c) => c.primaryKey());
      facts = facts.addColumn('name', 'text', (c) => c.notNull());
      for (const col of ['kind', 'copyleft', 'foss', 'warranty_disclaimer', 'liability_disclaimer'])
        facts = facts.addColumn(col, 'text');
      for (const col of [
        'osi_approved',
        'fsf_approved',
        'patent_grant',
        'ethical_clause',
        'non_commercial',
        'anti_tivoisation',
      ])
        facts = facts.addColumn(col, bool);
      for (const col of ['law', 'venue', 'steward', 'url', 'comment', 'text', 'extra'])
        facts = facts.addColumn(col, 'text');
      await facts.execute();
      await db.schema
        .createTable('compliance_actions')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('category', 'text')
        .addColumn('passivity', 'text')
        .addColumn('team', 'text')
        .addColumn('core', bool, (c) => c.notNull())
        .addColumn('extra', 'text')
        .execute();
      // Obligations name their licence and action as text: a KB may carry obligations of licences it
      // has no facts for, and ids keep the imported order.
      await table('obligations')
        .addColumn('license', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('passivity', 'text')
        .addColumn('exploitation', 'text')
        .addColumn('modification', 'text')
        .addColumn('action', 'text')
        .addColumn('clause', 'text')
        .addColumn('extra', 'text')
        .execute();
      await db.schema.createIndex('obligations_license_idx').on('obligations').column('license').execute();

      await table('imports')
        .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text')
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('policy', 'text', (c) => c.notNull())
        .addColumn('author', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('counts', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('conflicts', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('error', 'text')
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema.createIndex('imports_release_idx').on('imports').column('release_id').execute();
      await db.schema
        .createTable('import_documents')
        .addColumn('import_id', 'integer', (c) => c.primaryKey().references('imports.id').onDelete('cascade'))
        .addColumn('file_name', 'text')
        .addColumn('media_type', 'text')
        .addColumn('content', bytes, (c) => c.notNull())
        .execute();

      await table('api_tokens')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text')
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createTable('release_views')
        .addColumn('release_id', 'integer', (c) => c.primaryKey().references('releases.id').onDelete('cascade'))
        .addColumn('viewed_at', 'text', (c) => c.notNull())
        .addColumn('viewed_by', 'text')
        .execute();
      await db.schema.createIndex('release_views_viewed_at_idx').on('release_views').column('viewed_at').execute();
    },
  };
}

/**
 * The dependency graph of a release is stored as edges between versions (parent null = the primary
 * component of the project's document), replacing the per-usage path column whose size grew with
 * components × depth (issue 13). Paths are computed on demand from the edges.
 */
function dependencyEdges(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('dependency_edges')
        .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
        .addColumn('project', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('parent_version_id', 'integer', (c) => c.references('versions.id').onDelete('cascade'))
        .addColumn('child_version_id', 'integer', (c) => c.notNull().references('versions.id').onDelete('cascade'))
        .execute();
      await db.schema.createIndex('dependency_edges_release_idx').on('dependency_edges').column('release_id').execute();
      await db.schema.alterTable('usages').dropColumn('dependency_path').execute();
    },
  };
}

/**
 * Usage context a person records (description beside linking and modification), the modification a
 * derogation covers, and the organisation's recorded policy settings (issue 8, items 3 and 6).
 */
function usageContextAndPolicySettings(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('usages').addColumn('description', 'text').execute();
      await db.schema.alterTable('decisions').addColumn('modification', 'text').execute();
      await db.schema
        .createTable('policy_settings')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}

/** Component identity without purl qualifiers (Hermine's): stored keys recomputed, duplicates merged. */
function componentIdentityWithoutQualifiers(): Migration {
  return { up: (db: Kysely<unknown>) => rekeyComponents(db) };
}

/** CRA Art. 14 reporting cases (issue 12, item 4): one row per case, forms' texts as JSON facts. */
function craReportingCases(dialect: StoreDialect): Migration {
  const { id } = dialectColumns(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await (id(db.schema.createTable('reporting_cases') as unknown as Table) as unknown as Table)
        .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('vulnerability_id', 'text')
        .addColumn('aware_at', 'text', (c) => c.notNull())
        .addColumn('fix_available_at', 'text')
        .addColumn('early_warning_submitted_at', 'text')
        .addColumn('notification_submitted_at', 'text')
        .addColumn('final_report_submitted_at', 'text')
        .addColumn('member_states', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('facts', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('reporting_cases_product').on('reporting_cases').column('product_id').execute();
    },
  };
}

/**
 * Validation runs are stored (issue 8 item 11): written when a release, its decisions, the policy or
 * the knowledge base change, read by every view and export. `report` is the engine's whole result
 * (steps and resolved usages) as JSON; the small columns serve lists and the dashboard.
 */
function validationRuns(dialect: StoreDialect): Migration {
  const { id } = dialectColumns(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await id(db.schema.createTable('validation_runs') as unknown as Table)
        .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('validation_step', 'integer', (c) => c.notNull())
        .addColumn('blocker_count', 'integer', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('license_counts', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('report', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('validation_runs_release_idx')
        .on('validation_runs')
        .columns(['release_id', 'id'])
        .execute();
    },
  };
}

/**
 * Jobs (issue 13 item 4): long work recorded in the store and run by `vigie worker`; the lease
 * columns let a job whose worker died be claimed again (docs/decisions/0016-jobs-in-the-store.md).
 */
function jobs(dialect: StoreDialect): Migration {
  const { id, bytes } = dialectColumns(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await id(db.schema.createTable('jobs') as unknown as Table)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('queued'))
        .addColumn('release_id', 'integer')
        .addColumn('params', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('input', bytes)
        .addColumn('progress', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('checkpoint', 'text')
        .addColumn('result', 'text')
        .addColumn('error', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(3))
        .addColumn('lease_owner', 'text')
        .addColumn('lease_until', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('finished_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('jobs_state_idx').on('jobs').columns(['state', 'id']).execute();
      await db.schema.createIndex('jobs_release_idx').on('jobs').columns(['release_id', 'id']).execute();
    },
  };
}

/**
 * A run's bulky part (every blocker, every resolved usage) in a column of its own, so that reading
 * a run's summary does not parse it, gzip-compressed (it repeats itself: a tenth of its JSON size)
 * (ADR 21). Older runs keep their whole result in `report`.
 */
function validationRunDetails(dialect: StoreDialect): Migration {
  const { bytes } = dialectColumns(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('validation_runs').addColumn('details', bytes).execute();
    },
  };
}

/** An import's original document may be stored gzip-compressed (ADR 21); older rows stay as uploaded. */
function importDocumentEncoding(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('import_documents').addColumn('encoding', 'text').execute();
    },
  };
}

/**
 * A release's usages in id order straight from an index: a BOM page (LIMIT/OFFSET) stops after its
 * rows instead of joining and sorting every usage of the release, and loading a release for
 * validation reads them without a sort (issue 13 item 6).
 */
function usagesByReleaseInIdOrder(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('usages_release_order_idx').on('usages').columns(['release_id', 'id']).execute();
    },
  };
}

/**
 * No index on components.name (ADR 41): the one query that filters on the name (query-repo's
 * releasesContaining) ORs it with the displayed `namespace/name`, which no index covers, so both
 * dialects scan the table and the index was never read; it was only written, ~3 µs per new
 * component on PostgreSQL (a 100k import inserts its names in identity-key order, at random
 * places in the name index).
 */
function componentsNameIndexDropped(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.dropIndex('components_name_idx').ifExists().execute();
    },
  };
}

export function migrationProvider(dialect: StoreDialect): MigrationProvider {
  return {
    getMigrations: async () => ({
      '0001_initial_schema': initialSchema(dialect),
      '0002_dependency_edges': dependencyEdges(),
      '0003_usage_context_and_policy_settings': usageContextAndPolicySettings(),
      '0004_component_identity_without_qualifiers': componentIdentityWithoutQualifiers(),
      '0005_vulnerability_database': vulnerabilityDatabase(),
      '0006_cra_reporting_cases': craReportingCases(dialect),
      '0007_validation_runs': validationRuns(dialect),
      '0008_vex_analyses': vexAnalyses(dialect),
      '0010_release_findings': releaseFindings(dialect),
      '0011_cra_records': craRecords(),
      '0013_jobs': jobs(dialect),
      '0014_ai_lineage_and_use': aiLineageAndUse(),
      '0014_ai_version_facts': aiVersionFacts(),
      '0016_ui_change_history': changeHistory(dialect),
      '0018_knowledge_base_imports': knowledgeBaseImports(dialect),
      '0017_validation_run_details': validationRunDetails(dialect),
      '0017_import_document_encoding': importDocumentEncoding(),
      '0034_import_quality': importQuality(),
      '0033_usages_by_release_in_id_order': usagesByReleaseInIdOrder(),
      '0040_dependency_edges_unchecked': dependencyEdgesUnchecked(dialect),
      '0041_components_name_index_dropped': componentsNameIndexDropped(),
      '0042_job_retry_of': jobRetryOf(dialect),
      '0043_gzipped_values_stored_as_sent': gzippedValuesStoredAsSent(dialect),
    }),
  };
}
