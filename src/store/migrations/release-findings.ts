/**
 * Stored vulnerability findings per release (issue 11, item 8): a scan of a release is a record
 * (`vuln_scans`: when, why, the fingerprint of its inputs, the summary and the components that
 * could not be checked) with its findings (`vuln_findings`: one row per flaw × component version,
 * the explained match as JSON beside the columns reads filter on). Reads never recompute them; a
 * re-scan replaces a release's rows in one transaction.
 *
 * `vuln_packages.name_key` is the package name folded as its ecosystem compares names (PyPI per
 * PEP 503, NuGet and Packagist case-insensitive, Go module paths case-insensitive): a purl that
 * spells `Django` or `github.com/Sirupsen/logrus` differently from the record still finds it.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../store.js';
import { packageKey, splitEcosystem } from '../../vulns/osv/ecosystem.js';

export function releaseFindings(dialect: StoreDialect): Migration {
  const id = (c: import('kysely').ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity();
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('vuln_packages').addColumn('name_key', 'text').execute();
      await sql`UPDATE vuln_packages SET name_key = name`.execute(db);
      // Only the ecosystems that fold names need a second pass; the rest keep the name as key.
      const rows = await sql<{
        ecosystem: string;
        name: string;
      }>`SELECT DISTINCT ecosystem, name FROM vuln_packages`.execute(db);
      for (const r of rows.rows) {
        const key = packageKey(splitEcosystem(r.ecosystem).base, r.name);
        if (key !== r.name)
          await sql`UPDATE vuln_packages SET name_key = ${key} WHERE ecosystem = ${r.ecosystem} AND name = ${r.name}`.execute(
            db,
          );
      }
      await db.schema
        .createIndex('vuln_packages_key_idx')
        .on('vuln_packages')
        .columns(['name_key', 'ecosystem'])
        .execute();

      await db.schema
        .createTable('vuln_scans')
        .addColumn('release_id', 'integer', (c) => c.primaryKey().references('releases.id').onDelete('cascade'))
        .addColumn('scanned_at', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('unchecked', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
      await db.schema
        .createTable('vuln_findings')
        .addColumn('id', 'integer', id)
        .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
        .addColumn('version_id', 'integer', (c) => c.notNull())
        .addColumn('vulnerability_id', 'text', (c) => c.notNull())
        .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('component', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('rating', 'text', (c) => c.notNull())
        .addColumn('score', 'double precision')
        .addColumn('kev', 'text')
        .addColumn('finding', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('vuln_findings_release_idx').on('vuln_findings').column('release_id').execute();
      await db.schema
        .createIndex('vuln_findings_vulnerability_idx')
        .on('vuln_findings')
        .column('vulnerability_id')
        .execute();
      await db.schema.createIndex('vuln_findings_record_idx').on('vuln_findings').column('record_id').execute();
    },
  };
}
