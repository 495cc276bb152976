/**
 * Reporting-case proposals (issue 12 item 4; CRA Art. 14(1), reference note §1.3 triggers): a
 * vulnerability listed in CISA KEV (known exploited), or marked exploited by the EUVD, that matches
 * a published release, where no analysis says the product is not affected and no case names it yet.
 * A proposal, not a decision: "actively exploited" is the manufacturer's call (Art. 3(42);
 * Commission FAQ 5.4 [S]). `openCaseFromProposal` turns one into a case in one step (the UI's
 * "Open case"), with the awareness time it is given.
 */
import type { Product } from '../model/portfolio.js';
import type { ReportingCase } from '../model/reporting-case.js';
import type { Store } from '../store/index.js';
import { releaseVulnerabilities } from './release-vulnerabilities.js';
import { openReportingCase } from './reporting-cases.js';
import { ServiceError, notFound } from './service-error.js';

export interface CaseProposal {
  product: string;
  productId: number;
  release: string;
  releaseId: number;
  vulnerability: string;
  aliases: string[];
  component: string;
  /** The stored finding (links to it). */
  findingId: number;
  kev: { dateAdded: string; dueDate: string; knownRansomwareCampaignUse: boolean } | null;
  /** The EUVD id that marks it exploited, when the loaded EUVD records do. */
  euvdExploited: string | null;
  /** The triage state that applies, when any (never not_affected or false_positive). */
  analysis: string | null;
  reason: string;
}

const NOT_AFFECTED = new Set(['not_affected', 'false_positive']);

/** EUVD ids the loaded EUVD sources mark as exploited (kept with each source's report, ADR 13 store). */
async function euvdExploitedIds(store: Store): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const s of await store.listVulnSources()) {
    if (s.kind !== 'euvd') continue;
    const list = (s.details as { exploitedIds?: unknown }).exploitedIds;
    if (Array.isArray(list)) for (const id of list) if (typeof id === 'string') ids.add(id.toUpperCase());
  }
  return ids;
}

export interface ProposalFilter {
  /** Only this product's releases. */
  productId?: number;
}

export async function reportingCaseProposals(store: Store, filter: ProposalFilter = {}): Promise<CaseProposal[]> {
  const products = new Map((await store.listProducts()).map((p) => [p.id, p.name]));
  const cases = await store.listReportingCases(filter.productId);
  const named = new Set(
    cases.filter((c) => c.vulnerabilityId).map((c) => `${c.productId}|${c.vulnerabilityId!.toUpperCase()}`),
  );
  const euvd = await euvdExploitedIds(store);
  const out: CaseProposal[] = [];
  for (const release of await store.listReleases(filter.productId)) {
    if (release.shipStatus !== 'published') continue;
    const view = await releaseVulnerabilities(store, release.id);
    for (const f of view.findings) {
      const v = f.vulnerability;
      const euvdId = v.aliases.find((a) => euvd.has(a.toUpperCase())) ?? (euvd.has(v.id.toUpperCase()) ? v.id : null);
      if (!v.kev && !euvdId) continue;
      if (f.analysis && NOT_AFFECTED.has(f.analysis.state)) continue;
      if ([v.id, ...v.aliases].some((id) => named.has(`${release.productId}|${id.toUpperCase()}`))) continue;
      const signal = v.kev
        ? `is in the CISA KEV catalogue since ${v.kev.dateAdded}`
        : `is marked exploited in the EUVD (${euvdId})`;
      out.push({
        product: products.get(release.productId) ?? `#${release.productId}`,
        productId: release.productId,
        release: release.number,
        releaseId: release.id,
        vulnerability: v.id,
        aliases: [...v.aliases],
        component: f.component.purl ?? f.component.name,
        findingId: f.id,
        kev: v.kev,
        euvdExploited: euvdId,
        analysis: f.analysis?.state ?? null,
        reason: `${v.id} ${signal} and ${f.component.name} ${f.component.version ?? ''} ships in published release ${release.number}${f.analysis ? ` (analysis: ${f.analysis.state})` : ' with no analysis'}: open an Art. 14 case if it is actively exploited in the product (CRA Art. 14(1))`,
      });
    }
  }
  return out.sort(
    (a, b) =>
      a.product.localeCompare(b.product) ||
      a.release.localeCompare(b.release) ||
      a.vulnerability.localeCompare(b.vulnerability) ||
      a.component.localeCompare(b.component),
  );
}

export interface OpenFromProposalInput {
  productId: number;
  release: string;
  vulnerability: string;
  /** Who opens it (the evidence log names them). */
  actor: string;
  /** The awareness time recorded: when the person decided the proposal is an actively exploited vulnerability. */
  awareAt: Date;
}

/**
 * Opens the Art. 14 case a current proposal suggests: title, vulnerability id and affected version
 * from the proposal, awareness now (the 24-hour early-warning clock starts). Refused when the
 * proposal no longer stands (analysed not affected, no longer KEV/EUVD-exploited, or a case names it).
 */
export async function openCaseFromProposal(store: Store, input: OpenFromProposalInput): Promise<ReportingCase> {
  const product = await store.getProduct(input.productId);
  if (!product) throw notFound(`product #${input.productId}`);
  // The check (does a proposal stand, does a case name it?) and the case are one step: requests
  // opening the same proposal at once run one after the other, and the later ones see the case.
  return store.transaction(async (tx) => {
    await tx.lockProduct(product.id);
    return openFromStandingProposal(tx, product, input);
  });
}

async function openFromStandingProposal(
  store: Store,
  product: Product,
  input: OpenFromProposalInput,
): Promise<ReportingCase> {
  const wanted = input.vulnerability.trim().toUpperCase();
  const matches = (await reportingCaseProposals(store, { productId: product.id })).filter(
    (p) => p.release === input.release && [p.vulnerability, ...p.aliases].some((id) => id.toUpperCase() === wanted),
  );
  if (matches.length === 0) {
    const existing = (await store.listReportingCases(product.id)).find(
      (c) => c.vulnerabilityId?.toUpperCase() === wanted,
    );
    if (existing)
      throw new ServiceError(
        'already-exists',
        `case #${existing.id} already names ${input.vulnerability} for ${product.name}`,
        { caseId: existing.id },
      );
    throw new ServiceError(
      'invalid-input',
      `no current case proposal for ${input.vulnerability} in ${product.name} ${input.release} (not KEV-listed or EUVD-exploited in a published release, or analysed not affected)`,
    );
  }
  const first = matches[0]!;
  const components = [...new Set(matches.map((m) => m.component))];
  return openReportingCase(store, {
    product: product.name,
    type: 'vulnerability',
    title: `${first.vulnerability} exploited in ${components.join(', ')}`.slice(0, 500),
    vulnerabilityId: first.vulnerability,
    awareAt: input.awareAt.toISOString(),
    facts: { affectedVersions: `${product.name} ${first.release} (${components.join(', ')})` },
    createdBy: input.actor,
  });
}
