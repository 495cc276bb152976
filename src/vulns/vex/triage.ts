/**
 * Triage memory (issue 11, item 5): an analysis is recorded once for a vulnerability (its alias
 * group) and a component, with a generalisation scope like the licence decisions — this version in
 * this release, or wider: all versions of the component (`version` null), all releases of the
 * product (`releaseId` null), all products (`productId` null). Every change is a new record; the
 * newest record of one (vulnerability, scope) is the current one, older ones are its history.
 * A new release reuses every analysis whose scope covers it; matching analyses that disagree at
 * the same specificity are a conflict, reported and never resolved automatically.
 */
import { pickMostSpecific, type MatchPick } from '../../compliance/scope-match.js';
import type { VexAnalysis } from './analysis.js';

/** Where a recorded analysis holds: this release (the default), every release of the product, every product. */
export const TRIAGE_SCOPES = ['release', 'product', 'all'] as const;
export type TriageScopeLevel = (typeof TRIAGE_SCOPES)[number];

export interface TriageScope {
  productId: number | null;
  releaseId: number | null;
  /** Component identity key (versionless canonical purl, or name). */
  component: string;
  version: string | null;
}

export interface TriageRecord extends TriageScope {
  id: number;
  vulnerabilityId: string;
  aliases: string[];
  analysis: VexAnalysis;
  author: string;
  createdAt: string;
  /** How it was recorded: `manual`, `import openvex shop.vex.json` … */
  origin: string;
}

/** The facts of one component version in one release, and the ids of one flaw (its alias group). */
export interface TriageFacts {
  productId: number;
  releaseId: number;
  component: string;
  version: string;
  vulnerabilityIds: readonly string[];
}

/** One key per (vulnerability, scope): the records sharing it are one analysis and its history. */
export function triageKey(
  r: Pick<TriageRecord, 'vulnerabilityId' | 'productId' | 'releaseId' | 'component' | 'version'>,
): string {
  return JSON.stringify([r.vulnerabilityId, r.productId, r.releaseId, r.component, r.version]);
}

/** The current record of each analysis (the newest), with the older ones as its history. */
export function currentTriage(records: readonly TriageRecord[]): { current: TriageRecord; history: TriageRecord[] }[] {
  const byKey = new Map<string, TriageRecord[]>();
  for (const r of [...records].sort((a, b) => a.id - b.id)) {
    const k = triageKey(r);
    const same = byKey.get(k);
    if (same) same.push(r);
    else byKey.set(k, [r]);
  }
  return [...byKey.values()].map((rs) => ({ current: rs.at(-1)!, history: rs.slice(0, -1).reverse() }));
}

export function triageCovers(r: TriageRecord, f: TriageFacts): boolean {
  if (r.productId !== null && r.productId !== f.productId) return false;
  if (r.releaseId !== null && r.releaseId !== f.releaseId) return false;
  if (r.component !== f.component) return false;
  if (r.version !== null && r.version !== f.version) return false;
  return [r.vulnerabilityId, ...r.aliases].some((id) => f.vulnerabilityIds.includes(id));
}

function specificity(r: TriageRecord): number {
  return (r.productId !== null ? 1 : 0) + (r.releaseId !== null ? 1 : 0) + (r.version !== null ? 1 : 0);
}

/** What the analyses say of one component version and one flaw: none, one (the most specific), or a conflict. */
export function applicableTriage(currentRecords: readonly TriageRecord[], facts: TriageFacts): MatchPick<TriageRecord> {
  const matches = currentRecords.filter((r) => triageCovers(r, facts));
  return pickMostSpecific(matches, specificity, (r) =>
    JSON.stringify([r.analysis.state, r.analysis.justification ?? null, r.analysis.vexJustification ?? null]),
  );
}

/** "this version in this release", "all versions, every release of the product" … for messages and the UI. */
export function describeTriageScope(s: TriageScope): string {
  const what = s.version === null ? `all versions of ${s.component}` : `${s.component} ${s.version}`;
  const where =
    s.releaseId !== null
      ? 'in this release'
      : s.productId !== null
        ? 'in every release of the product'
        : 'in every product';
  return `${what} ${where}`;
}

/**
 * What the analyses of the CVEs a distribution's advisory derives from (`upstream`, outside its
 * alias group) say of the advisory: they speak for it only when every one of those CVEs has an
 * analysis and they agree on the state (usually the one CVE of a DEBIAN-CVE or single-flaw RHSA);
 * an advisory fixing several flaws is not closed by the analysis of some of them.
 */
export function applicableUpstreamTriage(
  currentRecords: readonly TriageRecord[],
  facts: Omit<TriageFacts, 'vulnerabilityIds'>,
  upstream: readonly string[],
): MatchPick<TriageRecord> {
  const picks = upstream.map((cve) => applicableTriage(currentRecords, { ...facts, vulnerabilityIds: [cve] }));
  if (picks.length === 0 || picks.some((p) => p.kind === 'none')) return { kind: 'none' };
  const decided = picks.flatMap((p) => (p.kind === 'decided' ? [p.decision] : []));
  const states = new Set(decided.map((r) => r.analysis.state));
  if (decided.length < picks.length || states.size > 1)
    return {
      kind: 'conflict',
      decisions: picks.flatMap((p) => (p.kind === 'conflict' ? p.decisions : p.kind === 'decided' ? [p.decision] : [])),
    };
  return { kind: 'decided', decision: decided[0]!, alsoMatched: decided.slice(1) };
}

/** The warning for an advisory some of whose upstream CVEs are analysed and others not; undefined otherwise. */
export function upstreamTriageWarning(
  currentRecords: readonly TriageRecord[],
  facts: Omit<TriageFacts, 'vulnerabilityIds'>,
  advisory: string,
  upstream: readonly string[],
): string | undefined {
  const said = upstream.filter((cve) =>
    currentRecords.some((r) => triageCovers(r, { ...facts, vulnerabilityIds: [cve] })),
  );
  const missing = upstream.filter((cve) => !said.includes(cve));
  if (said.length === 0 || missing.length === 0) return undefined;
  return `VEX about ${said.join(', ')} not applied: ${advisory} also covers ${missing.join(', ')}, which no analysis covers`;
}
