/* eslint-disable no-restricted-syntax -- hand-written API shapes of route families not yet in src/api-contract (ADR 0033); they go as those families join */
// The vulnerability routes the UI calls (issue 11 item 9): stored findings of a release with their
// triage, a scan on request, a triage, the VEX download, "affected by" and the dashboard counts.
import { download, get, post } from './client.js';

export type Rating = 'critical' | 'high' | 'medium' | 'low' | 'none' | 'unknown';

export interface FindingCounts {
  total: number;
  open: number;
  kevOpen: number;
  byRating: Record<Rating, number>;
  byState: Record<string, number>;
}

export interface FindingAnalysis {
  state: string;
  justification?: string;
  detail?: string;
  responses: string[];
  scope: string;
  author: string;
  createdAt: string;
  origin: string;
  history: { state: string; justification?: string; author: string; createdAt: string }[];
}

export interface ReleaseFinding {
  id: number;
  versionId: number;
  vulnerability: {
    id: string;
    aliases: string[];
    summary?: string;
    severity: { rating: Rating; score?: number | null; vector?: string | null };
    kev: { dateAdded: string; dueDate: string; knownRansomwareCampaignUse: boolean } | null;
    epss: { probability: number; percentile: number } | null;
    fixed: string[];
  };
  component: { purl: string; name: string; version?: string; key: string };
  match: {
    record: string;
    modified: string;
    via: string;
    introduced?: string;
    closedBy?: { kind: string; version: string };
    scheme?: { id: string; title: string };
  };
  analysis: FindingAnalysis | null;
  conflict: { state: string; scope: string; author: string }[] | null;
  open: boolean;
  path: { reachable: boolean; omitted: number; length: number; steps: string[] };
}

export interface ReleaseVulnerabilities {
  releaseId: number;
  scan: {
    scannedAt: string;
    reason: string;
    stale: boolean;
    summary: { components: number; checked: number; unchecked: number; uncheckedReasons: Record<string, number> };
  } | null;
  counts: FindingCounts;
  findings: ReleaseFinding[];
}

export interface TriageInput {
  component: string;
  vulnerability: string;
  state: string;
  justification?: string;
  responses?: string[];
  detail?: string;
  scope?: 'release' | 'product' | 'all';
  allVersions?: boolean;
}

export interface AffectedReleases {
  advisory: string;
  ids: string[];
  releases: {
    product: { id: number; name: string };
    release: { id: number; number: string; shipStatus: string };
    components: {
      purl: string;
      name: string;
      version?: string;
      vulnerability: string;
      fixed: string[];
      state: string | null;
      open: boolean;
    }[];
  }[];
}

export interface VulnerabilitySummary {
  totals: FindingCounts;
  releases: {
    releaseId: number;
    productId: number;
    productName: string | null;
    releaseNumber: string | null;
    scannedAt: string;
    counts: FindingCounts;
  }[];
}

export interface VulnerabilityDiff {
  scanned: boolean;
  introduced: { vulnerability: string; aliases: string[]; rating: string; component: string; version?: string }[];
  fixed: { vulnerability: string; aliases: string[]; rating: string; component: string; version?: string }[];
  unchanged: number;
}

export type VexFormat = 'openvex' | 'cyclonedx-vex' | 'csaf';

export const vulnApi = {
  findings: (releaseId: number) => get<ReleaseVulnerabilities>(`/api/releases/${releaseId}/vulnerabilities`),
  scan: (releaseId: number) => post<ReleaseVulnerabilities>(`/api/releases/${releaseId}/vulnerabilities/scan`),
  triage: (releaseId: number, input: TriageInput) =>
    post<unknown>(`/api/releases/${releaseId}/vulnerabilities/triage`, input),
  downloadVex: (releaseId: number, format: VexFormat) =>
    download(`/api/releases/${releaseId}/vex?format=${format}`, `vex-${format}.json`),
  affected: (advisory: string) =>
    get<AffectedReleases>(`/api/vulnerabilities/${encodeURIComponent(advisory)}/affected`),
  summary: () => get<VulnerabilitySummary>('/api/vulnerabilities/summary'),
  diff: (from: number, to: number) => get<VulnerabilityDiff>('/api/vulnerabilities/diff', { from, to }),
};
