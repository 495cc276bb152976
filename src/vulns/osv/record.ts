/**
 * The OSV record model: TypeScript types for one advisory in the Open Source Vulnerability format
 * (https://ossf.github.io/osv-schema/, schema in ../shared/corpora/vulns/osv-schema/validation).
 *
 * Field names are the wire names (snake_case) so that a record read from a file, a zip archive or
 * the store is used as is, without a mapping step. Only what the schema makes required is required
 * here (`id`, `modified`; `ecosystem` and `name` in a package; `type` and `events` in a range);
 * several arrays may be `null` in real data (the schema allows it for aliases, affected, severity,
 * references), so readers treat `null` like an absent field.
 */

/** An RFC 3339 UTC timestamp as written in the record, e.g. `2023-06-12T18:45:41Z`. */
export type OsvTimestamp = string;

export interface OsvRecord {
  /** Schema version the record was written for; RustSec writes `null`, which the schema rejects. */
  schema_version?: string | null;
  /** `<PREFIX>-<id>` from the home database, e.g. `GO-2022-0969`, `PYSEC-2021-59`, `GHSA-…`. */
  id: string;
  modified: OsvTimestamp;
  published?: OsvTimestamp;
  /** Present when the advisory was withdrawn: such a record never matches anything. */
  withdrawn?: OsvTimestamp;
  /** Other ids of the same flaw (CVE, GHSA, PYSEC, RUSTSEC …): one alias group. */
  aliases?: string[] | null;
  /** Ids of related but distinct flaws (not the same finding). */
  related?: string[];
  /** Ids of upstream advisories this one is derived from. */
  upstream?: string[];
  summary?: string;
  details?: string;
  /** Record-level severity; the schema forbids it together with per-package severity. */
  severity?: OsvSeverity[] | null;
  affected?: OsvAffected[] | null;
  references?: OsvReference[] | null;
  credits?: OsvCredit[];
  database_specific?: Record<string, unknown>;
}

export type OsvSeverityType = 'CVSS_V2' | 'CVSS_V3' | 'CVSS_V4' | 'Ubuntu';

export interface OsvSeverity {
  type: OsvSeverityType;
  /** A CVSS vector for the CVSS types, a qualitative word (`low` … `critical`) for `Ubuntu`. */
  score: string;
}

export interface OsvPackage {
  /**
   * Ecosystem name from the OSV list, optionally with a `:suffix` naming a release
   * (`Debian:12`, `Alpine:v3.19`, `Ubuntu:22.04:LTS`).
   */
  ecosystem: string;
  /** Package name as the ecosystem spells it (Go module path, Maven `group:artifact`, PyPI name…). */
  name: string;
  purl?: string;
}

export type OsvRangeType = 'GIT' | 'SEMVER' | 'ECOSYSTEM';

/**
 * One event of a range. The schema allows exactly one key per event object; `introduced: "0"`
 * means "from the first version".
 */
export type OsvEvent = { introduced: string } | { fixed: string } | { last_affected: string } | { limit: string };

export type OsvEventKind = 'introduced' | 'fixed' | 'last_affected' | 'limit';

export interface OsvRange {
  type: OsvRangeType;
  /** Required for GIT ranges (the repository the commit hashes belong to). */
  repo?: string;
  events: OsvEvent[];
  database_specific?: Record<string, unknown>;
}

export interface OsvAffected {
  package?: OsvPackage;
  severity?: OsvSeverity[] | null;
  ranges?: OsvRange[];
  /** Explicit list of affected versions, in the ecosystem's own spelling. */
  versions?: string[];
  ecosystem_specific?: Record<string, unknown>;
  database_specific?: Record<string, unknown>;
}

export type OsvReferenceType =
  | 'ADVISORY'
  | 'ARTICLE'
  | 'DETECTION'
  | 'DISCUSSION'
  | 'REPORT'
  | 'FIX'
  | 'INTRODUCED'
  | 'GIT'
  | 'PACKAGE'
  | 'EVIDENCE'
  | 'WEB';

export interface OsvReference {
  type: OsvReferenceType;
  url: string;
}

export type OsvCreditType =
  | 'FINDER'
  | 'REPORTER'
  | 'ANALYST'
  | 'COORDINATOR'
  | 'REMEDIATION_DEVELOPER'
  | 'REMEDIATION_REVIEWER'
  | 'REMEDIATION_VERIFIER'
  | 'TOOL'
  | 'SPONSOR'
  | 'OTHER';

export interface OsvCredit {
  name: string;
  contact?: string[];
  type?: OsvCreditType;
}

/** The kind of an event (its single key). */
export function eventKind(event: OsvEvent): OsvEventKind {
  if ('introduced' in event) return 'introduced';
  if ('fixed' in event) return 'fixed';
  if ('last_affected' in event) return 'last_affected';
  return 'limit';
}

/** The version (or commit) an event names. */
export function eventValue(event: OsvEvent): string {
  if ('introduced' in event) return event.introduced;
  if ('fixed' in event) return event.fixed;
  if ('last_affected' in event) return event.last_affected;
  return event.limit;
}

/** All ids of one flaw: the record's own id first, then its aliases, without duplicates. */
export function recordIds(record: Pick<OsvRecord, 'id' | 'aliases'>): string[] {
  const ids = [record.id];
  for (const alias of record.aliases ?? []) if (!ids.includes(alias)) ids.push(alias);
  return ids;
}
