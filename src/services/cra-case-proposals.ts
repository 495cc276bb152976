/**
 * Reporting-case proposals (issue 12 item 4; CRA Art. 14(1), reference note §1.3 triggers): a
 * vulnerability listed in CISA KEV (known exploited) that matches a published release, where no
 * analysis says the product is not affected and no case names it yet. A proposal, not a decision:
 * "actively exploited" is the manufacturer's call (Art. 3(42); Commission FAQ 5.4 [S]).
 */
import type { Store } from '../store/index.js';
import { releaseVulnerabilities } from './release-vulnerabilities.js';

export interface CaseProposal {
  product: string;
  release: string;
  vulnerability: string;
  aliases: string[];
  component: string;
  kev: { dateAdded: string; dueDate: string; knownRansomwareCampaignUse: boolean };
  /** The triage state that applies, when any (never not_affected or false_positive). */
  analysis: string | null;
  reason: string;
}

const NOT_AFFECTED = new Set(['not_affected', 'false_positive']);

export async function reportingCaseProposals(store: Store): Promise<CaseProposal[]> {
  const products = new Map((await store.listProducts()).map((p) => [p.id, p.name]));
  const cases = await store.listReportingCases();
  const named = new Set(cases.filter((c) => c.vulnerabilityId).map((c) => `${c.productId}|${c.vulnerabilityId!.toUpperCase()}`));
  const out: CaseProposal[] = [];
  for (const release of await store.listReleases()) {
    if (release.shipStatus !== 'published') continue;
    const view = await releaseVulnerabilities(store, release.id);
    for (const f of view.findings) {
      const v = f.vulnerability;
      if (!v.kev) continue;
      if (f.analysis && NOT_AFFECTED.has(f.analysis.state)) continue;
      if ([v.id, ...v.aliases].some((id) => named.has(`${release.productId}|${id.toUpperCase()}`))) continue;
      out.push({
        product: products.get(release.productId) ?? `#${release.productId}`,
        release: release.number,
        vulnerability: v.id,
        aliases: [...v.aliases],
        component: f.component.purl ?? f.component.name,
        kev: v.kev,
        analysis: f.analysis?.state ?? null,
        reason: `${v.id} is in the CISA KEV catalogue since ${v.kev.dateAdded} and ${f.component.name} ${f.component.version ?? ''} ships in published release ${release.number}${f.analysis ? ` (analysis: ${f.analysis.state})` : ' with no analysis'}: open an Art. 14 case if it is actively exploited in the product (CRA Art. 14(1))`,
      });
    }
  }
  return out.sort((a, b) => a.product.localeCompare(b.product) || a.release.localeCompare(b.release) || a.vulnerability.localeCompare(b.vulnerability));
}
