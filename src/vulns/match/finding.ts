import type { SeverityRating } from '../severity/index.js';
import type { FindingSeverity } from './vulnerability-severity.js';

/**
 * One finding: one flaw (an alias group) in one component of the SBOM, with the explanation of
 * how it was matched. This is the document `vigie vuln scan --format json` prints.
 */
export interface VulnerabilityFinding {
  vulnerability: {
    /** The group's display id (a CVE when the group has one). */
    id: string;
    /** The other ids of the group, sorted. */
    aliases: string[];
    summary?: string;
    severity: FindingSeverity;
    kev: { dateAdded: string; dueDate: string; knownRansomwareCampaignUse: boolean } | null;
    epss: { probability: number; percentile: number } | null;
    /** Versions that fix it, from the matched ranges, deduplicated. */
    fixed: string[];
    /**
     * The CVEs a distribution's advisory (RHSA, DSA, DEBIAN-CVE, UBUNTU-CVE …) says it derives
     * from (OSV `upstream`) outside the alias group, sorted; absent when there is none. A VEX
     * statement about such a CVE speaks for the advisory only when it is the advisory's one CVE.
     */
    upstream?: string[];
  };
  component: { purl: string; name: string; version?: string; ref: string };
  match: MatchExplanation;
  /**
   * The recorded triage (VEX); null while none applies. A VEX statement applied to a scan also
   * brings what the finding's own VEX output must say again: the responses, detail and action.
   */
  analysis: {
    state: string;
    justification?: string;
    responses?: string[];
    detail?: string;
    actionStatement?: string;
  } | null;
  /** What applying VEX to this finding could not do, and why (e.g. a statement about one of several upstream CVEs). */
  warnings?: string[];
}

export interface MatchExplanation {
  /** The record whose range matched (the first by id when several of the group did). */
  record: string;
  /** The record's `modified` date: how fresh the data behind the match is. */
  modified: string;
  ecosystem: string;
  package: string;
  /** `affected[i]` of the record. */
  affectedIndex: number;
  via: 'range' | 'versions';
  /** For a range: its type and index in `ranges`, the scheme, the opening and closing events. */
  range?: { index: number; type: 'SEMVER' | 'ECOSYSTEM' };
  scheme?: { id: string; title: string };
  introduced?: string;
  closedBy?: { kind: 'fixed' | 'last_affected' | 'limit'; version: string };
  /** The component version as compared. */
  version: string;
  /** Refs from the primary component down to this one; empty when the graph does not connect them. */
  path: string[];
  /** Other records of the same group that also matched this component. */
  alsoMatchedBy: string[];
}

export interface UncheckedComponent {
  ref: string;
  name: string;
  version?: string;
  purl?: string;
  reason: string;
}

export interface ScanSummary {
  components: number;
  checked: number;
  unchecked: number;
  /** Unchecked components counted by reason. */
  uncheckedReasons: Record<string, number>;
  findings: number;
  byRating: Record<SeverityRating | 'unknown', number>;
  kev: number;
  /** Ranges of looked-up records that could not be evaluated, counted by reason (GIT ranges …). */
  skippedRanges: Record<string, number>;
  database: { records: number; withdrawn: number; superseded: number };
}

export interface VulnerabilityScan {
  findings: VulnerabilityFinding[];
  unchecked: UncheckedComponent[];
  summary: ScanSummary;
}
