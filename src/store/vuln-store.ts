/** The vulnerability database part of the Store (see vuln-repo.ts). */

import type { OsvIndexEntry } from '../vulns/db/vuln-document.js';

/** One OSV record as stored: the lookup columns (packages, alias ids …) beside the record's JSON text. */
export interface StoredVulnRecord extends OsvIndexEntry {
  /** Where it came from: `osv` (files, archives, osv.dev), `euvd` … */
  source: string;
  json: string;
}

export interface StoredKevEntry {
  cveId: string;
  dateAdded: string;
  dueDate: string | null;
  ransomware: string | null;
  json: string;
}

export interface StoredEpssScore {
  cveId: string;
  epss: number;
  percentile: number;
}

export interface VulnSourceStatus {
  /** `osv:<Ecosystem>` per ecosystem archive or folder, `kev`, `epss`. */
  name: string;
  kind: 'osv' | 'kev' | 'epss' | 'euvd';
  /** The path or URL last loaded. */
  origin: string;
  loadedAt: string;
  /** The data's own date: newest `modified`, catalogue release date, EPSS score date. */
  dataDate: string | null;
  records: number;
  /** Counts and notes of the last load (invalid records and why, skipped as not newer…). */
  details: Record<string, unknown>;
}

export interface VulnEcosystemCount {
  ecosystem: string;
  records: number;
  withdrawn: number;
  newestModified: string | null;
}

export interface VulnerabilityStore {
  /** `modified` of the stored records among `ids` (to skip records that are not newer). */
  vulnRecordsModified(ids: string[]): Promise<Map<string, string>>;
  /** Inserts or replaces records (their packages and alias links with them); alias groups merge. */
  putVulnRecords(records: StoredVulnRecord[], importedAt: string): Promise<void>;
  /** Links ids as one flaw each set (EUVD id ↔ its CVE …): alias groups merge as with records. */
  linkVulnAliases(idSets: string[][]): Promise<void>;
  /** Replaces the KEV catalogue. */
  replaceKev(entries: StoredKevEntry[]): Promise<void>;
  /** Replaces the EPSS scores (one daily snapshot). */
  replaceEpss(scores: StoredEpssScore[]): Promise<void>;
  recordVulnSource(status: VulnSourceStatus): Promise<void>;
  listVulnSources(): Promise<VulnSourceStatus[]>;
  /** Records per ecosystem (the part of `affected[].package.ecosystem` before any `:release`). */
  vulnEcosystemCounts(): Promise<VulnEcosystemCount[]>;
  /** JSON texts of the records naming one of `names` in `ecosystem` (exact ecosystem string, or its `:release` variants); names compare folded as the ecosystem folds them (packageKey). */
  vulnRecordsForPackages(ecosystem: string, names: string[]): Promise<string[]>;
  /**
   * Whether any record names a package of `ecosystem` (exact, or one of its `:release` variants): one
   * query, which spares a caller the names and the lookups of an ecosystem the database lacks.
   */
  vulnEcosystemHeld(ecosystem: string): Promise<boolean>;
  /** Whether any record names any package: one query, which spares a scan's lookups on an empty database. */
  vulnPackagesHeld(): Promise<boolean>;
  getVulnRecord(id: string): Promise<string | null>;
  /** Every id in the alias groups of `ids` (the ids themselves included, known or not). */
  aliasGroup(ids: string[]): Promise<string[]>;
  /** The stored alias groups holding any of `ids`, each sorted, ordered by their first id (unknown ids are left out). */
  aliasGroupsOf(ids: string[]): Promise<string[][]>;
  /** Ids of the stored records whose alias group holds one of `ids`. */
  recordIdsForAliases(ids: string[]): Promise<string[]>;
  kevEntries(cveIds: string[]): Promise<StoredKevEntry[]>;
  epssScores(cveIds: string[]): Promise<StoredEpssScore[]>;
}
