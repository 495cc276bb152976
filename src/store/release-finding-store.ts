/** Stored vulnerability findings per release (see release-finding-repo.ts, migration 0010). */
import type { ScanSummary, UncheckedComponent, VulnerabilityFinding } from '../vulns/match/finding.js';

export interface ReleaseScanRecord {
  releaseId: number;
  scannedAt: string;
  /** Why it ran: `import`, `database`, `on demand`, `demo` … */
  reason: string;
  /** Of the inputs (the release's component versions and the database state): a different one means stale. */
  fingerprint: string;
  summary: ScanSummary;
  unchecked: UncheckedComponent[];
}

export interface NewReleaseFinding {
  versionId: number;
  /** Component identity key (versionless canonical purl, or name). */
  component: string;
  finding: VulnerabilityFinding;
}

export interface StoredReleaseFinding extends NewReleaseFinding {
  id: number;
  releaseId: number;
}

export interface ReleaseFindingStore {
  /** Replaces the release's scan and findings in one transaction (a reader sees the old set or the new). */
  replaceReleaseFindings(scan: ReleaseScanRecord, findings: NewReleaseFinding[]): Promise<void>;
  getReleaseScan(releaseId: number): Promise<ReleaseScanRecord | null>;
  /** Scans of every release that has one, without their unchecked lists. */
  listReleaseScans(): Promise<Omit<ReleaseScanRecord, 'unchecked'>[]>;
  /** Findings of the given releases (all releases when left out), by release, component ref and vulnerability. */
  listReleaseFindings(releaseIds?: number[]): Promise<StoredReleaseFinding[]>;
  /** Findings whose vulnerability id, alias or matched record is one of `ids`. */
  findingsForVulnerabilities(ids: string[]): Promise<StoredReleaseFinding[]>;
}
