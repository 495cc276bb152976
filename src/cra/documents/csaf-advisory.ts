// The user notification of CRA Art. 14(8) (and the public disclosure of Annex I Part II (4)) as a
// CSAF 2.0 security advisory (`csaf_security_advisory`, CSAF 2.0 §4.5 profile 4), from a reporting
// case and the product's CRA record. Dates come from the case (created, updated), never the clock;
// the file name follows CSAF 2.0 §5.1 (lower-case tracking id, runs of other characters as `_`).
import type { ReportingCase } from '../../model/reporting-case.js';
import type { CraRecord } from '../record/record.js';

export interface CsafAdvisoryResult {
  /** Null when a required input is missing (named in `missing`). */
  document: Record<string, unknown> | null;
  fileName: string;
  missing: string[];
}

const CVE = /^CVE-\d{4}-\d{4,}$/;

/** CSAF 2.0 §5.1: the file name of a document from its tracking id. */
export function csafFileName(trackingId: string): string {
  return `${trackingId.toLowerCase().replace(/[^+\-a-z0-9]+/g, '_')}.json`;
}

/** ISO instant as CSAF writes it (seconds precision, Z). */
const instant = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function csafAdvisory(c: ReportingCase, productName: string, record: CraRecord): CsafAdvisoryResult {
  const trackingId = `${productName}-cra-case-${c.id}`.replace(/[^A-Za-z0-9+._-]+/g, '-');
  const fileName = csafFileName(trackingId);
  const info = record.information;
  const missing: string[] = [];
  if (!info.manufacturerName?.trim()) missing.push('information.manufacturerName');
  if (!/^https:\/\//.test(info.manufacturerWebsite ?? ''))
    missing.push('information.manufacturerWebsite (https URL: the publisher namespace)');
  if (!c.facts.affectedVersions?.trim()) missing.push('facts.affectedVersions');
  const description = c.facts.exploitNature ?? c.facts.incidentNature ?? c.facts.severityImpact;
  if (!description?.trim()) missing.push('facts.exploitNature (or incidentNature, severityImpact)');
  if (!c.facts.userMeasures?.trim() && !c.facts.securityUpdate?.trim())
    missing.push('facts.userMeasures or facts.securityUpdate');
  if (missing.length) return { document: null, fileName, missing };

  const affected = 'CSAFPID-0001';
  const fixed = 'CSAFPID-0002';
  const fixVersion = c.facts.securityUpdate?.trim();
  const products = [{ product_id: affected, name: `${productName} ${c.facts.affectedVersions!.trim()}` }];
  if (fixVersion) products.push({ product_id: fixed, name: `${productName} ${fixVersion}` });
  const initial = instant(c.createdAt);
  const current = instant(c.updatedAt < c.createdAt ? c.createdAt : c.updatedAt);
  const vulnerability: Record<string, unknown> = {
    title: c.title,
    notes: [{ category: 'description', title: 'Description', text: description!.trim() }],
    product_status: fixVersion ? { known_affected: [affected], fixed: [fixed] } : { known_affected: [affected] },
    remediations: [
      fixVersion
        ? {
            category: 'vendor_fix',
            details: c.facts.userMeasures?.trim() || `Install ${fixVersion}.`,
            product_ids: [affected],
          }
        : { category: 'mitigation', details: c.facts.userMeasures!.trim(), product_ids: [affected] },
    ],
  };
  if (c.vulnerabilityId && CVE.test(c.vulnerabilityId)) vulnerability.cve = c.vulnerabilityId;
  else if (c.vulnerabilityId)
    vulnerability.ids = [{ system_name: c.vulnerabilityId.split('-')[0] || 'other', text: c.vulnerabilityId }];
  if (c.facts.severityImpact && c.facts.severityImpact !== description)
    vulnerability.notes = [
      ...(vulnerability.notes as object[]),
      { category: 'summary', title: 'Severity and impact', text: c.facts.severityImpact },
    ];

  const references = [record.cvd.policyUrl, record.cvd.csafUrl]
    .filter((u): u is string => !!u)
    .map((url) => ({
      category: 'external',
      summary: url === record.cvd.policyUrl ? 'Coordinated vulnerability disclosure policy' : 'CSAF provider metadata',
      url,
    }));
  const document: Record<string, unknown> = {
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      lang: 'en',
      title: `${productName}: ${c.title}`,
      publisher: {
        category: 'vendor',
        name: info.manufacturerName!.trim(),
        namespace: info.manufacturerWebsite!.trim(),
      },
      notes: [
        {
          category: 'summary',
          title: 'Summary',
          text: `${c.type === 'vulnerability' ? 'An actively exploited vulnerability' : 'A severe incident'} affects ${productName}. ${description!.trim()}`,
        },
        {
          category: 'general',
          title: 'Legal basis',
          text: 'Users are informed under Art. 14(8) of Regulation (EU) 2024/2847 (Cyber Resilience Act).',
        },
      ],
      ...(references.length ? { references } : {}),
      tracking: {
        id: trackingId,
        status: c.status === 'closed' ? 'final' : 'interim',
        version: '1',
        initial_release_date: initial,
        current_release_date: current,
        revision_history: [{ date: initial, number: '1', summary: 'Initial version' }],
      },
    },
    product_tree: { full_product_names: products },
    vulnerabilities: [vulnerability],
  };
  return { document, fileName, missing: [] };
}
