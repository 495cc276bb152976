// The CRA document bundle: every document of the record's role in Markdown and HTML, security.txt,
// the release SBOM when given, and a manifest of SHA-256 hashes. Deterministic: files sorted by path,
// no clock read (the date is an input), so the same inputs give the same bytes (Annex VII; reference
// note §1.9 reproducibility test).
import { createHash } from 'node:crypto';
import { annexII } from './annex-ii.js';
import { annexIMatrix } from './annex-i-matrix.js';
import { annexV, annexVI } from './declarations.js';
import { cvdPolicy } from './cvd-policy.js';
import { missingFields, renderHtml, renderMarkdown, type Document } from './document.js';
import { generateSecurityTxt } from './security-txt.js';
import { stewardPolicy } from './steward-policy.js';
import { roleIndex, technicalFileIndex } from './technical-file.js';
import { BUNDLE_FILES } from './bundle-files.js';
import { csafProviderFiles } from './csaf-provider.js';
import type { DocumentContext } from './context.js';

export interface BundleFile {
  path: string;
  content: Uint8Array;
}

export interface ManifestEntry {
  path: string;
  sha256: string;
  bytes: number;
}

export interface BundleManifest {
  format: 'vigie-cra-documents/1';
  product: string;
  release: string | null;
  date: string;
  role: string | null;
  files: ManifestEntry[];
  /** Per document, the record fields it lacks (printed as MISSING in it). */
  missing: Record<string, string[]>;
}

export interface DocumentBundle {
  /** Sorted by path; the manifest last. */
  files: BundleFile[];
  manifest: BundleManifest;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Security.txt Expires: the last second of the 364th day after the issue date (under one year, RFC 9116 §2.5.5). */
export function securityTxtExpiry(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + 364 * 86_400_000;
  return `${new Date(ms).toISOString().slice(0, 10)}T23:59:59Z`;
}

/**
 * `advisories`: CSAF security advisories of the product's fixed vulnerabilities, published in the
 * bundle as a CSAF provider's directory distribution under `csaf/` (csaf-provider.ts); the folder
 * is left out when there is no advisory and no CSAF URL recorded.
 */
export function buildDocumentBundle(
  ctx: DocumentContext,
  sbom?: { path: string; content: string },
  advisories: readonly Record<string, unknown>[] = [],
): DocumentBundle {
  const texts = new Map<string, string>();
  const missing: Record<string, string[]> = {};
  const addDoc = (mdPath: string, doc: Document) => {
    texts.set(mdPath, renderMarkdown(doc));
    texts.set(mdPath.replace(/\.md$/, '.html'), renderHtml(doc));
    const lacks = missingFields(doc);
    if (lacks.length) missing[mdPath] = lacks;
  };
  const role = ctx.assessment.scope?.role ?? null;
  const issuesDocuments = role === null || role === 'manufacturer';
  const steward = role === 'open-source-steward';

  if (issuesDocuments) {
    addDoc(`${BUNDLE_FILES.index}.md`, technicalFileIndex(ctx));
    addDoc(BUNDLE_FILES.annexII, annexII(ctx));
    addDoc(BUNDLE_FILES.annexV, annexV(ctx));
    addDoc(BUNDLE_FILES.annexI, annexIMatrix(ctx));
    const vi = annexVI(ctx);
    texts.set(BUNDLE_FILES.annexVI, vi.text);
    if (vi.missing.length) missing[BUNDLE_FILES.annexVI] = vi.missing;
  } else addDoc(`${BUNDLE_FILES.index}.md`, roleIndex(ctx));
  if (steward) addDoc(BUNDLE_FILES.stewardPolicy, stewardPolicy(ctx));
  if (issuesDocuments || steward) {
    addDoc(BUNDLE_FILES.cvdPolicy, cvdPolicy(ctx));
    const cvd = ctx.record.cvd;
    let txt = generateSecurityTxt({
      contacts: cvd.contacts,
      expires: securityTxtExpiry(ctx.date),
      policyUrl: cvd.policyUrl,
      canonicalUrl: cvd.securityTxtUrl,
      preferredLanguages: cvd.preferredLanguages,
      csafUrl: cvd.csafUrl,
    });
    if (cvd.contacts.length === 0) {
      txt = `# MISSING: Contact (record field cvd.contacts); RFC 9116 requires at least one\n${txt}`;
      missing[BUNDLE_FILES.securityTxt] = ['cvd.contacts'];
    }
    texts.set(BUNDLE_FILES.securityTxt, txt);
    if (advisories.length > 0 || cvd.csafUrl) {
      const csaf = csafProviderFiles({ advisories, record: ctx.record, date: ctx.date });
      for (const f of csaf.files) texts.set(f.path, f.text);
      Object.assign(missing, csaf.missing);
    }
  }
  const files: BundleFile[] = [...texts].map(([path, text]) => ({ path, content: utf8(text) }));
  if (sbom) files.push({ path: sbom.path, content: utf8(sbom.content) });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const sortedMissing = Object.fromEntries(Object.entries(missing).sort(([a], [b]) => (a < b ? -1 : 1)));
  const manifest: BundleManifest = {
    format: 'vigie-cra-documents/1',
    product: ctx.productName,
    release: ctx.release,
    date: ctx.date,
    role,
    files: files.map((f) => ({ path: f.path, sha256: sha256(f.content), bytes: f.content.length })),
    missing: sortedMissing,
  };
  files.push({ path: BUNDLE_FILES.manifest, content: utf8(JSON.stringify(manifest, null, 2) + '\n') });
  return { files, manifest };
}
