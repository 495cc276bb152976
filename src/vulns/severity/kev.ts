/**
 * The CISA Known Exploited Vulnerabilities catalogue (JSON, schema in
 * ../shared/corpora/vulns/kev). KEV membership is the strongest "actively exploited" signal the
 * CRA Art. 14(2) clock can watch; the ransomware flag says whether CISA knows of its use in
 * ransomware campaigns.
 */
export interface KevEntry {
  cve: string;
  vendorProject: string;
  product: string;
  name: string;
  /** YYYY-MM-DD the entry was added to the catalogue. */
  dateAdded: string;
  /** YYYY-MM-DD remediation deadline for US federal agencies. */
  dueDate: string;
  requiredAction: string;
  knownRansomwareCampaignUse: boolean;
  notes?: string;
  cwes: string[];
}

export interface KevCatalogue {
  catalogVersion?: string;
  dateReleased?: string;
  entries: Map<string, KevEntry>;
  /** Entries that could not be read: `vulnerabilities[i]: why`. */
  problems: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Reads a decoded KEV JSON document; returns an error when it is not a KEV catalogue at all. */
export function parseKev(doc: unknown): KevCatalogue | { error: string } {
  if (
    typeof doc !== 'object' ||
    doc === null ||
    !Array.isArray((doc as { vulnerabilities?: unknown }).vulnerabilities)
  ) {
    return { error: 'not a CISA KEV catalogue: no "vulnerabilities" array' };
  }
  const d = doc as { catalogVersion?: unknown; dateReleased?: unknown; vulnerabilities: unknown[] };
  const out: KevCatalogue = { entries: new Map(), problems: [] };
  if (typeof d.catalogVersion === 'string') out.catalogVersion = d.catalogVersion;
  if (typeof d.dateReleased === 'string') out.dateReleased = d.dateReleased;
  d.vulnerabilities.forEach((raw, i) => {
    const v = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const where = `vulnerabilities[${i}]`;
    const cve = text(v.cveID);
    if (!/^CVE-\d{4}-\d{4,}$/.test(cve)) return void out.problems.push(`${where}: cveID "${cve}" is not a CVE id`);
    if (!DATE.test(text(v.dateAdded))) return void out.problems.push(`${where} (${cve}): dateAdded is not YYYY-MM-DD`);
    const ransomware = text(v.knownRansomwareCampaignUse);
    if (ransomware !== 'Known' && ransomware !== 'Unknown') {
      return void out.problems.push(`${where} (${cve}): knownRansomwareCampaignUse must be Known or Unknown`);
    }
    const entry: KevEntry = {
      cve,
      vendorProject: text(v.vendorProject),
      product: text(v.product),
      name: text(v.vulnerabilityName),
      dateAdded: text(v.dateAdded),
      dueDate: text(v.dueDate),
      requiredAction: text(v.requiredAction),
      knownRansomwareCampaignUse: ransomware === 'Known',
      cwes: Array.isArray(v.cwes) ? v.cwes.filter((c): c is string => typeof c === 'string') : [],
    };
    if (text(v.notes) !== '') entry.notes = text(v.notes);
    out.entries.set(cve, entry);
  });
  return out;
}
