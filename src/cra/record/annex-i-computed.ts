// The two Annex I requirements Vigie can decide from data rather than from evidence a person records
// (issue 12 item 3; reference note §1.4 VULN-01 and §1.5 SBOM-02, [N]):
// - Part I (2)(a) "made available without known exploitable vulnerabilities": from a release's
//   stored vulnerability findings and the VEX analyses that apply to them;
// - Part II (1) "an SBOM … covering at the very least the top-level dependencies": from the stored
//   cra-annex-i quality result of the release's SBOM documents.
// Both are per release and pure: the service reads the store and hands the facts in.
import type { CheckResult, ProfileResult } from '../profiles/profile.js';

export const COMPUTED_REQUIREMENT_IDS = ['I.a', 'II.1'] as const;
export type ComputedRequirementId = (typeof COMPUTED_REQUIREMENT_IDS)[number];

export function isComputedRequirement(id: string): id is ComputedRequirementId {
  return (COMPUTED_REQUIREMENT_IDS as readonly string[]).includes(id);
}

/** met: the data shows it; not-met: the data shows it is not (reasons name what); not-evaluated: no data to decide on. */
export type ComputedStatus = 'met' | 'not-met' | 'not-evaluated';

/** Ratings a threshold may name, lowest first. */
export const EXPLOITABLE_THRESHOLDS = ['low', 'medium', 'high', 'critical'] as const;
export type ExploitableThreshold = (typeof EXPLOITABLE_THRESHOLDS)[number];
export const DEFAULT_EXPLOITABLE_THRESHOLD: ExploitableThreshold = 'high';

/** Analysis states that settle a finding for Part I (a): the product is not affected, or the flaw is fixed in it. */
export const SETTLED_STATES: readonly string[] = [
  'not_affected',
  'false_positive',
  'resolved',
  'resolved_with_pedigree',
];

export interface ComputedFindingInput {
  /** The stored finding's id (links to it). */
  id: number;
  vulnerability: string;
  aliases: readonly string[];
  component: string;
  version?: string;
  rating: string;
  kev: boolean;
  /** The analysis state that applies, null when none (or when analyses conflict). */
  state: string | null;
  /** Analyses at the same scope disagree: none applies. */
  conflict: boolean;
}

export interface BlockingFinding {
  id: number;
  vulnerability: string;
  component: string;
  version?: string;
  rating: string;
  kev: boolean;
  state: string | null;
  /** Why it blocks: "listed in CISA KEV", "analysed as exploitable", "rated high (threshold high)". */
  why: string;
}

export interface FailingCheck {
  importId: number;
  document: string;
  check: string;
  title: string;
  clause: string;
  covered: number;
  total: number;
  /** Failing component refs, as stored (bounded). */
  failing: string[];
}

export interface ComputedEntry {
  requirement: ComputedRequirementId;
  status: ComputedStatus;
  /** The release the value was computed for; null when the product has none. */
  release: { id: number; number: string } | null;
  /** Why, one sentence each; first the verdict. */
  reasons: string[];
  /** Part I (a): the findings that keep it from being met. */
  findings: BlockingFinding[];
  /** Part II (1): the required checks that fail, per document. */
  failingChecks: FailingCheck[];
}

const RANK: Record<string, number> = { none: 0, low: 1, medium: 2, high: 3, critical: 4 };

/** Why a finding stands in the way of Part I (a), or null when it does not. */
export function blockingReason(f: ComputedFindingInput, threshold: ExploitableThreshold): string | null {
  if (f.state !== null && SETTLED_STATES.includes(f.state)) return null;
  const reasons: string[] = [];
  if (f.kev) reasons.push('listed in CISA KEV (known exploited)');
  if (f.state === 'exploitable') reasons.push('analysed as exploitable');
  if (f.rating === 'unknown') reasons.push('no known severity (an unscored flaw is not a safe one)');
  else if ((RANK[f.rating] ?? 0) >= RANK[threshold]!) reasons.push(`rated ${f.rating} (threshold ${threshold})`);
  if (reasons.length === 0) return null;
  const triage = f.conflict ? 'analyses conflict' : f.state === null ? 'not triaged' : `analysis ${f.state}`;
  return `${reasons.join(', ')}; ${triage}`;
}

export interface ExploitableInput {
  release: { id: number; number: string } | null;
  /** The stored scan; null when the release was never scanned. `databaseRecords`: advisories the scan matched against. */
  scan: { scannedAt: string; stale: boolean; databaseRecords: number } | null;
  findings: readonly ComputedFindingInput[];
  threshold: ExploitableThreshold;
}

const CLAUSE_I_A = 'CRA Annex I Part I (2)(a)';
const CLAUSE_II_1 = 'CRA Annex I Part II (1)';

/** Part I (2)(a) for one release. */
export function noKnownExploitableVulnerabilities(input: ExploitableInput): ComputedEntry {
  const base = { requirement: 'I.a' as const, release: input.release, findings: [], failingChecks: [] };
  if (!input.release) return { ...base, status: 'not-evaluated', reasons: ['the product has no release to check'] };
  if (!input.scan)
    return {
      ...base,
      status: 'not-evaluated',
      reasons: [`release ${input.release.number} has not been scanned for vulnerabilities (vigie vuln release scan)`],
    };
  if (input.scan.databaseRecords === 0)
    return {
      ...base,
      status: 'not-evaluated',
      reasons: [
        `release ${input.release.number} was scanned against an empty vulnerability database (load one: vigie vuln db import or update)`,
      ],
    };
  const findings: BlockingFinding[] = [];
  for (const f of input.findings) {
    const why = blockingReason(f, input.threshold);
    if (why)
      findings.push({
        id: f.id,
        vulnerability: f.vulnerability,
        component: f.component,
        ...(f.version !== undefined ? { version: f.version } : {}),
        rating: f.rating,
        kev: f.kev,
        state: f.state,
        why,
      });
  }
  findings.sort(
    (a, b) =>
      Number(b.kev) - Number(a.kev) ||
      (RANK[b.rating] ?? 5) - (RANK[a.rating] ?? 5) ||
      a.vulnerability.localeCompare(b.vulnerability) ||
      a.component.localeCompare(b.component),
  );
  const reasons: string[] = [];
  if (findings.length === 0) {
    const settled = input.findings.length;
    reasons.push(
      settled === 0
        ? `no known vulnerability matches release ${input.release.number} (scan of ${input.scan.scannedAt})`
        : `none of the ${settled} findings of release ${input.release.number} is known exploitable: each is settled by its analysis (not_affected, false_positive, resolved) or below the ${input.threshold} threshold without KEV listing or exploitable analysis`,
    );
  } else {
    reasons.push(
      `${findings.length} finding${findings.length === 1 ? '' : 's'} of release ${input.release.number} may be exploitable and ${findings.length === 1 ? 'is' : 'are'} not settled by an analysis (${CLAUSE_I_A}): ${findings
        .slice(0, 5)
        .map((f) => `${f.vulnerability} in ${f.component}`)
        .join(', ')}${findings.length > 5 ? ` and ${findings.length - 5} more` : ''}`,
    );
    reasons.push('record not_affected (with a justification) or resolved for each, or ship a version without it');
  }
  if (input.scan.stale)
    reasons.push(
      `the scan of ${input.scan.scannedAt} is stale (components or the vulnerability database changed since): re-scan the release`,
    );
  return {
    ...base,
    status: findings.length > 0 ? 'not-met' : input.scan.stale ? 'not-evaluated' : 'met',
    reasons,
    findings,
  };
}

export interface SbomDocumentQuality {
  importId: number;
  /** File name or format: how a person recognises the document. */
  document: string;
  /** The stored cra-annex-i result; null when the document was imported before results were stored. */
  result: ProfileResult | null;
}

/** Part II (1) for one release: every SBOM document of the release's current inventory passes the cra-annex-i profile. */
export function sbomCoversTopLevelDependencies(
  release: { id: number; number: string } | null,
  documents: readonly SbomDocumentQuality[],
): ComputedEntry {
  const base = { requirement: 'II.1' as const, release, findings: [] };
  if (!release)
    return { ...base, status: 'not-evaluated', reasons: ['the product has no release to check'], failingChecks: [] };
  if (documents.length === 0)
    return {
      ...base,
      status: 'not-met',
      reasons: [`no SBOM has been imported into release ${release.number} (${CLAUSE_II_1})`],
      failingChecks: [],
    };
  const failingChecks: FailingCheck[] = [];
  const unevaluated: string[] = [];
  for (const d of documents) {
    if (!d.result) {
      unevaluated.push(d.document);
      continue;
    }
    for (const c of d.result.checks.filter((c: CheckResult) => c.level === 'required' && !c.pass)) {
      failingChecks.push({
        importId: d.importId,
        document: d.document,
        check: c.id,
        title: c.title,
        clause: c.clause,
        covered: c.covered,
        total: c.total,
        failing: c.failing,
      });
    }
  }
  const reasons: string[] = [];
  let status: ComputedStatus;
  if (failingChecks.length > 0) {
    status = 'not-met';
    reasons.push(
      `the SBOM of release ${release.number} fails the cra-annex-i profile (${CLAUSE_II_1}): ${failingChecks.map((f) => `${f.check} "${f.title}" in ${f.document} (${f.covered}/${f.total})`).join('; ')}`,
    );
  } else if (unevaluated.length > 0) {
    status = 'not-evaluated';
    reasons.push(
      `no stored quality result for ${unevaluated.join(', ')} (imported before results were kept): import the SBOM again`,
    );
  } else {
    status = 'met';
    reasons.push(
      `the SBOM of release ${release.number} passes every required check of the cra-annex-i profile (${documents.map((d) => d.document).join(', ')})`,
    );
  }
  if (failingChecks.length > 0 && unevaluated.length > 0)
    reasons.push(`no stored quality result for ${unevaluated.join(', ')}`);
  return { ...base, status, reasons, failingChecks };
}

/** How a computed status counts in the matrix summary: only met settles the requirement. */
export function matrixStatusOf(status: ComputedStatus): 'met' | 'in-progress' | 'not-assessed' {
  return status === 'met' ? 'met' : status === 'not-met' ? 'in-progress' : 'not-assessed';
}
