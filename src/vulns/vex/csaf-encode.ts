/**
 * Writes VEX statements as a CSAF 2.0 document with the VEX profile (`csaf_vex`, CSAF §4.5):
 * every product in /product_tree, one /vulnerabilities entry per flaw (CSAF test 6.1.23: a CVE
 * is used once), known_not_affected with a flag or an impact threat (6.1.27.9), known_affected
 * with a remediation (6.1.27.10), at most one justification flag per product (6.1.33).
 */
import type { Issue } from '../../model/issue.js';
import { productKey, productLabel, type VexProduct, type VexStatement } from './analysis.js';
import { productLink } from './bom-link.js';
import { lossy, missingRequired, withTag } from './fidelity.js';
import { fiveLabelForm } from './five-label.js';
import { distinctStatements, emptyOutput, groupBy } from './statements.js';
import { isCve, vulnerabilitySource } from './vulnerability-ids.js';
import { responseAction, responseToCsaf, stateToCsaf, type CsafProductStatus } from './vocabulary.js';

/** x_generic_uris namespace under which a CycloneDX BOM-Link names the product. */
export const BOM_LINK_NAMESPACE = 'https://cyclonedx.org/capabilities/bomlink/';

export interface CsafRevision {
  number: number;
  date: string;
  summary: string;
}

export interface CsafVexOptions {
  /** /document/tracking/id, e.g. `VIGIE-VEX-shop-1.2.0`. */
  trackingId: string;
  title: string;
  publisher: {
    name: string;
    namespace: string;
    category?: 'vendor' | 'coordinator' | 'discoverer' | 'other' | 'translator' | 'user';
  };
  timestamp: string;
  /** Revision history, oldest first; defaults to one initial revision at `timestamp`. */
  revisions?: CsafRevision[];
  toolVersion?: string;
  sbom?: { serialNumber: string; version: number };
}

export function encodeCsafVex(
  input: readonly VexStatement[],
  options: CsafVexOptions,
): { document: Record<string, unknown>; issues: Issue[] } {
  const { statements, issues } = distinctStatements(input);
  const products = new Map<string, { id: string; product: VexProduct }>();
  const productId = (p: VexProduct): string => {
    const key = productKey(p);
    let entry = products.get(key);
    if (!entry) {
      entry = { id: `CSAFPID-${String(products.size + 1).padStart(4, '0')}`, product: p };
      products.set(key, entry);
    }
    return entry.id;
  };
  const vulnerabilities: Record<string, unknown>[] = [];
  // One entry per flaw: a CVE alias names it when the main id is not a CVE.
  for (const group of groupBy(statements, (s) => cveOf(s) ?? s.vulnerability.id)) {
    const v = group[0]!.vulnerability;
    const status: Partial<Record<CsafProductStatus, string[]>> = {};
    const flags = new Map<string, string[]>();
    const threats: { category: 'impact'; details: string; product_ids: string[] }[] = [];
    const remediations: { category: string; details: string; product_ids: string[] }[] = [];
    for (const s of group) {
      const a = s.analysis;
      const where = { component: productLabel(s.product) };
      const list = stateToCsaf(a.state);
      const form = fiveLabelForm(a, 'CSAF', true);
      if (list === 'known_not_affected' && !form.label && !a.detail) {
        issues.push(
          missingRequired(
            `${v.id}: CSAF known_not_affected needs a justification flag or an impact statement; ${productLabel(s.product)} left out`,
            where,
          ),
        );
        continue;
      }
      if (list === 'known_affected' && a.responses.length === 0 && !a.actionStatement) {
        issues.push(
          missingRequired(
            `${v.id}: CSAF known_affected needs a remediation (record a response or an action); ${productLabel(s.product)} left out`,
            where,
          ),
        );
        continue;
      }
      for (const loss of form.losses) issues.push(lossy(`${v.id}: ${loss}`, where));
      const id = productId(s.product);
      (status[list] ??= []).push(id);
      const tag = form.losses.length > 0 ? form.tag : {};
      if (list === 'known_not_affected') {
        if (form.label) {
          const flagged = flags.get(form.label);
          if (flagged) flagged.push(id);
          else flags.set(form.label, [id]);
        }
        const details = withTag(a.detail, tag);
        if (details) threats.push({ category: 'impact', details, product_ids: [id] });
        // Responses recorded for a product that is not affected still say what the vendor does.
        for (const r of a.responses)
          remediations.push({
            category: responseToCsaf(r),
            details: a.actionStatement ?? responseAction(r),
            product_ids: [id],
          });
      } else {
        // Responses become remediations; an action without a response is a mitigation to apply.
        const categories =
          a.responses.length > 0
            ? a.responses.map((r) => ({ category: responseToCsaf(r), details: a.actionStatement ?? responseAction(r) }))
            : a.actionStatement
              ? [{ category: 'mitigation', details: a.actionStatement }]
              : [];
        categories.forEach((c, i) =>
          remediations.push({
            ...c,
            details: i === 0 ? (withTag(c.details, tag) ?? c.details) : c.details,
            product_ids: [id],
          }),
        );
        // The detail (why it is affected, what was investigated) is an impact threat, whatever the
        // status; the tag goes with it only when no remediation carries it.
        const details = categories.length === 0 ? withTag(a.detail, tag) : a.detail;
        if (details) threats.push({ category: 'impact', details, product_ids: [id] });
      }
    }
    if (Object.keys(status).length === 0) continue;
    const cve = cveOf(group[0]!);
    const otherIds = [v.id, ...v.aliases].filter((x, i, all) => x !== cve && all.indexOf(x) === i);
    vulnerabilities.push({
      ...(cve ? { cve } : {}),
      ...(otherIds.length > 0
        ? { ids: otherIds.map((text) => ({ system_name: vulnerabilitySource(text).name, text })) }
        : {}),
      notes: [
        {
          category: 'description',
          title: 'Vulnerability description',
          text: v.description ?? `${v.id}${v.aliases.length > 0 ? ` (also known as ${v.aliases.join(', ')})` : ''}`,
        },
      ],
      product_status: status,
      ...(flags.size > 0 ? { flags: [...flags].map(([label, ids]) => ({ label, product_ids: ids })) } : {}),
      ...(threats.length > 0 ? { threats } : {}),
      ...(remediations.length > 0 ? { remediations } : {}),
    });
  }
  issues.push(...emptyOutput(vulnerabilities.length, 'CSAF'));
  const revisions = options.revisions ?? [{ number: 1, date: options.timestamp, summary: 'Initial version.' }];
  const last = revisions.at(-1)!;
  return {
    document: {
      document: {
        category: 'csaf_vex',
        csaf_version: '2.0',
        publisher: {
          category: options.publisher.category ?? 'vendor',
          name: options.publisher.name,
          namespace: options.publisher.namespace,
        },
        title: options.title,
        tracking: {
          current_release_date: last.date,
          generator: {
            date: options.timestamp,
            engine: { name: 'Vigie', ...(options.toolVersion ? { version: options.toolVersion } : {}) },
          },
          id: options.trackingId,
          initial_release_date: revisions[0]!.date,
          revision_history: revisions.map((r) => ({ date: r.date, number: String(r.number), summary: r.summary })),
          status: 'final',
          version: String(last.number),
        },
      },
      product_tree: {
        full_product_names: [...products.values()].map(({ id, product }) => fullProductName(id, product, options.sbom)),
      },
      vulnerabilities,
    },
    issues,
  };
}

function cveOf(s: VexStatement): string | undefined {
  return [s.vulnerability.id, ...s.vulnerability.aliases].find(isCve);
}

function fullProductName(
  id: string,
  p: VexProduct,
  sbom?: { serialNumber: string; version: number },
): Record<string, unknown> {
  const link = productLink(p, sbom);
  const helper = {
    ...(p.cpe ? { cpe: p.cpe } : {}),
    ...(p.purl ? { purl: p.purl } : {}),
    ...(link ? { x_generic_uris: [{ namespace: BOM_LINK_NAMESPACE, uri: link }] } : {}),
  };
  const name = p.name ? [p.name, p.version].filter(Boolean).join(' ') : productLabel(p);
  return { name, product_id: id, ...(Object.keys(helper).length > 0 ? { product_identification_helper: helper } : {}) };
}
