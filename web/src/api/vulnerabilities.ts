// The vulnerability routes the UI calls (issue 11 item 9): stored findings of a release with their
// triage, a scan on request, a triage, the VEX download, "affected by" and the dashboard counts.
// Types from the API contract (ADR 0033).
import { download, get, post } from './client.js';
import { joinedPages } from './joined-pages.js';
import type {
  AffectedReleases,
  FindingAnalysis,
  FindingCounts,
  Rating,
  ReleaseFinding,
  ReleaseVulnerabilities,
  TriageBody,
  TriageResult,
  VexFormat,
  VulnerabilityDiff,
  VulnerabilitySummary,
} from '../../../src/api-contract/index.js';

export type {
  AffectedReleases,
  FindingAnalysis,
  FindingCounts,
  Rating,
  ReleaseFinding,
  ReleaseVulnerabilities,
  TriageBody,
  VexFormat,
  VulnerabilityDiff,
  VulnerabilitySummary,
};

export const vulnApi = {
  findings: (releaseId: number) => get<ReleaseVulnerabilities>(`/api/releases/${releaseId}/vulnerabilities`),
  scan: (releaseId: number) => post<ReleaseVulnerabilities>(`/api/releases/${releaseId}/vulnerabilities/scan`),
  triage: (releaseId: number, input: TriageBody) =>
    post<TriageResult>(`/api/releases/${releaseId}/vulnerabilities/triage`, input),
  downloadVex: (releaseId: number, format: VexFormat) =>
    download(`/api/releases/${releaseId}/vex?format=${format}`, `vex-${format}.json`),
  affected: (advisory: string) =>
    get<AffectedReleases>(`/api/vulnerabilities/${encodeURIComponent(advisory)}/affected`),
  summary: () => get<VulnerabilitySummary>('/api/vulnerabilities/summary'),
  /** The whole diff: its two lists are paged together, so pages are joined. */
  diff: (from: number, to: number) =>
    joinedPages<'introduced' | 'fixed', VulnerabilityDiff>('/api/vulnerabilities/diff', { from, to }, [
      'introduced',
      'fixed',
    ]),
};
