import { isPurlError, parsePurl, formatPurl, purlWithoutVersion } from '../../model/purl/index.js';
import type { Sbom } from '../../model/index.js';
import { compareTimestamps, parseBomLink, withinLimit, type VexStatement } from '../vex/index.js';
import type { VulnerabilityFinding, VulnerabilityScan } from './finding.js';

/**
 * VEX applied to a scan: a statement covers a finding when it names the same flaw (its id or an
 * alias, against the finding's whole alias group) and the same component — by purl (canonical
 * spelling; a purl without version covers every version), by bom-ref, or by a BOM-Link into this
 * SBOM. Statements that disagree about one finding are reported as a conflict and none of them is
 * applied: a triage is never resolved silently.
 */
export interface VexConflict {
  vulnerability: string;
  component: string;
  states: string[];
}

function canonical(purl: string | undefined): { full: string; bare: string } | undefined {
  if (!purl) return undefined;
  const p = parsePurl(purl);
  if (isPurlError(p)) return undefined;
  const { qualifiers: _q, subpath: _s, ...core } = p;
  return { full: formatPurl(core), bare: formatPurl(purlWithoutVersion(core)) };
}

function covers(s: VexStatement, f: VulnerabilityFinding, serial: string | undefined): boolean {
  if (!namesComponent(s, f, serial)) return false;
  // A statement the document limits to some versions (CycloneDX affects[].versions[]) holds for those only.
  return !s.product.only || withinLimit(s.product.only, componentVersion(f));
}

/** The component's version as its purl writes it (the form VEX ranges use), else as the SBOM gives it. */
function componentVersion(f: VulnerabilityFinding): string | undefined {
  const p = f.component.purl ? parsePurl(f.component.purl) : undefined;
  return (p && !isPurlError(p) ? p.version : undefined) ?? f.component.version ?? f.match.version;
}

function namesComponent(s: VexStatement, f: VulnerabilityFinding, serial: string | undefined): boolean {
  const product = s.product;
  // A BOM-Link names a component of one SBOM: its bom-ref says nothing about another SBOM's
  // components (bom-refs such as `1` or `component-1` recur from one SBOM to the next).
  const link = product.bomLink ? parseBomLink(product.bomLink) : undefined;
  if (link) {
    if (link.ref === f.component.ref && (serial === undefined || link.serial === serial)) return true;
  } else if (product.ref !== undefined && product.ref === f.component.ref) return true;
  const mine = canonical(f.component.purl);
  const theirs = canonical(product.purl);
  if (!mine || !theirs) return false;
  return theirs.full === mine.full || (theirs.full === theirs.bare && theirs.bare === mine.bare);
}

export function applyVex(
  scan: VulnerabilityScan,
  statements: readonly VexStatement[],
  sbom: Sbom,
): { scan: VulnerabilityScan; conflicts: VexConflict[]; applied: number } {
  const byId = new Map<string, VexStatement[]>();
  for (const s of statements) {
    for (const id of [s.vulnerability.id, ...s.vulnerability.aliases]) {
      const list = byId.get(id);
      if (list) list.push(s);
      else byId.set(id, [s]);
    }
  }
  const serial = sbom.metadata.serialNumber?.replace(/^urn:uuid:/i, '').toLowerCase();
  const conflicts: VexConflict[] = [];
  let applied = 0;
  const findings = scan.findings.map((f) => {
    const candidates = new Set<VexStatement>();
    for (const id of [f.vulnerability.id, ...f.vulnerability.aliases])
      for (const s of byId.get(id) ?? []) if (covers(s, f, serial)) candidates.add(s);
    if (candidates.size === 0) {
      const upstream = upstreamStatements(f, (id) => (byId.get(id) ?? []).filter((s) => covers(s, f, serial)));
      if ('warning' in upstream) return { ...f, warnings: [...(f.warnings ?? []), upstream.warning] };
      for (const s of upstream.statements) candidates.add(s);
    }
    if (candidates.size === 0) return f;
    const states = [...new Set([...candidates].map((s) => s.analysis.state))];
    if (states.length > 1) {
      conflicts.push({
        vulnerability: f.vulnerability.id,
        component: f.component.purl || f.component.ref,
        states: states.sort(),
      });
      return f;
    }
    applied++;
    // The newest statement speaks for the group when they agree on the state.
    const chosen = [...candidates].sort((a, b) => compareTimestamps(b.timestamp, a.timestamp))[0]!;
    const a = chosen.analysis;
    const justification = a.justification ?? a.vexJustification;
    return {
      ...f,
      analysis: {
        state: a.state,
        ...(justification ? { justification } : {}),
        ...(a.responses.length > 0 ? { responses: [...a.responses] } : {}),
        ...(a.detail ? { detail: a.detail } : {}),
        ...(a.actionStatement ? { actionStatement: a.actionStatement } : {}),
      },
    };
  });
  return { scan: { ...scan, findings }, conflicts, applied };
}

/**
 * Statements about the CVEs a distribution's advisory derives from (`upstream`, outside its alias
 * group). They speak for the advisory when they cover every such CVE — usually the one CVE of a
 * DEBIAN-CVE, UBUNTU-CVE or single-flaw RHSA. An advisory that fixes several flaws (a DSA, an RHSA
 * for three CVEs) is not closed by a statement about some of them: the finding says which CVEs
 * no statement covers.
 */
function upstreamStatements(
  f: VulnerabilityFinding,
  covering: (id: string) => VexStatement[],
): { statements: VexStatement[] } | { warning: string } {
  const cves = f.vulnerability.upstream ?? [];
  const per = cves.map((cve) => ({ cve, statements: covering(cve) }));
  const said = per.filter((p) => p.statements.length > 0);
  if (said.length === 0) return { statements: [] };
  const missing = per.filter((p) => p.statements.length === 0).map((p) => p.cve);
  if (missing.length > 0)
    return {
      warning: `VEX about ${said.map((p) => p.cve).join(', ')} not applied: ${f.vulnerability.id} also covers ${missing.join(', ')}, which no statement covers`,
    };
  return { statements: said.flatMap((p) => p.statements) };
}
