/**
 * What one vulnerability-data document is (an OSV record in JSON or YAML, a list of them, the CISA
 * KEV catalogue) and, for an OSV record, the columns the database looks it up by. Pure: the caller
 * reads and parses the bytes (io/osv-files.ts) and validates against the OSV schema.
 */
import { recordIds, type OsvRecord } from '../osv/record.js';
import { isEuvdDocument } from './euvd.js';

export type VulnDocumentKind = 'osv' | 'osv-list' | 'kev' | 'euvd' | 'unknown';

export function vulnDocumentKind(value: unknown): VulnDocumentKind {
  if (isEuvdDocument(value)) return 'euvd';
  if (Array.isArray(value)) return 'osv-list';
  if (typeof value !== 'object' || value === null) return 'unknown';
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.vulnerabilities) && ('catalogVersion' in v || 'dateReleased' in v)) return 'kev';
  if (typeof v.id === 'string' && 'modified' in v) return 'osv';
  return 'unknown';
}

export interface OsvIndexEntry {
  id: string;
  modified: string;
  published: string | null;
  withdrawn: string | null;
  summary: string | null;
  packages: { ecosystem: string; name: string }[];
  ids: string[];
}

/** The lookup columns of a schema-valid record. */
export function osvIndexEntry(record: OsvRecord): OsvIndexEntry {
  const packages: { ecosystem: string; name: string }[] = [];
  for (const a of record.affected ?? [])
    if (a.package) packages.push({ ecosystem: a.package.ecosystem, name: a.package.name });
  return {
    id: record.id,
    modified: record.modified,
    published: record.published ?? null,
    withdrawn: record.withdrawn ?? null,
    summary: record.summary ?? null,
    packages,
    ids: recordIds(record),
  };
}

/** The base ecosystem of a package (`Debian:12` → `Debian`), as status and update group them. */
export function baseEcosystem(ecosystem: string): string {
  const colon = ecosystem.indexOf(':');
  return colon === -1 ? ecosystem : ecosystem.slice(0, colon);
}
