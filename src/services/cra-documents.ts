/**
 * CRA documents of a product (issue 12 item 5): the bundle (Annex II, V, VI, VII index, Annex I
 * matrix, CVD policy, security.txt, the release SBOM, manifest) built from the stored record, as files
 * or one zip. `issueCraDocuments` also records the manifest's hash in the evidence log; reading
 * (`craDocuments`) writes nothing.
 */
import { createHash } from 'node:crypto';
import {
  buildDocumentBundle,
  csafAdvisory,
  validateSecurityTxt,
  type DocumentBundle,
  type SecurityTxtVerdict,
} from '../cra/documents/index.js';
import { parseDay } from '../cra/product/index.js';
import { zipArchive } from '../reports/zip-archive.js';
import type { Store } from '../store/index.js';
import { craRecordView, type CraRecordView, type ProductRef } from './cra-records.js';
import { exportRelease } from './release-outputs.js';
import { ServiceError, notFound } from './service-error.js';

export interface CraDocumentsOptions {
  /** Release number: its version is the object of the declaration and its SBOM joins the bundle. */
  release?: string;
  /** Date of issue `YYYY-MM-DD`; default: today (UTC). */
  date?: string;
}

export interface CraDocuments {
  bundle: DocumentBundle;
  zip: Buffer;
  fileName: string;
  manifestSha256: string;
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');

/** A stable UUID-shaped serial for the bundled SBOM: the same product, release and date give the same one. */
function serialFor(product: string, release: string, date: string): string {
  const h = createHash('sha256').update(`${product}\n${release}\n${date}`).digest('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function craDocuments(
  store: Store,
  ref: ProductRef,
  options: CraDocumentsOptions = {},
  now: Date = new Date(),
): Promise<CraDocuments> {
  const date = options.date ?? now.toISOString().slice(0, 10);
  if (parseDay(date) === null)
    throw new ServiceError('invalid-input', `date "${date}" is not a date (YYYY-MM-DD)`, { field: 'date' });
  const view = await craRecordView(store, ref, { release: options.release });
  let sbom: { path: string; content: string } | undefined;
  if (options.release !== undefined) {
    const release = await store.findRelease(view.product.id, options.release);
    if (!release) throw notFound(`release "${options.release}" of product "${view.product.name}"`);
    const exported = await exportRelease(store, release.id, 'cyclonedx-1.6', {
      serialNumber: serialFor(view.product.name, release.number, date),
      timestamp: `${date}T00:00:00Z`,
    });
    sbom = { path: `sbom/${exported.fileName}`, content: exported.content };
  }
  const advisories = await fixedVulnerabilityAdvisories(store, view.product.id, view.product.name, view.record);
  const bundle = buildDocumentBundle(
    {
      productName: view.product.name,
      release: options.release ?? null,
      date,
      record: view.record,
      assessment: view.assessment,
      sbomFile: sbom?.path ?? null,
      computed: view.requirements.flatMap((r) => (r.computed ? [r.computed] : [])),
    },
    sbom,
    advisories,
  );
  const manifest = bundle.files.find((f) => f.path === 'manifest.json')!;
  return {
    bundle,
    zip: zipArchive(bundle.files),
    fileName: `${safe(view.product.name)}${options.release ? `-${safe(options.release)}` : ''}-cra-documents.zip`,
    manifestSha256: createHash('sha256').update(manifest.content).digest('hex'),
  };
}

/**
 * CSAF advisories for the product's vulnerability cases with a fix (Annex I Part II (4): fixed
 * vulnerabilities are disclosed once an update is available): a fix time or a security update
 * recorded. A case whose advisory lacks inputs is left out (`vigie cra case advisory` names them).
 */
async function fixedVulnerabilityAdvisories(
  store: Store,
  productId: number,
  productName: string,
  record: CraRecordView['record'],
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const c of await store.listReportingCases(productId)) {
    if (c.type !== 'vulnerability' || (c.fixAvailableAt === null && !c.facts.securityUpdate?.trim())) continue;
    const advisory = csafAdvisory(c, productName, record);
    if (advisory.document) out.push(advisory.document);
  }
  return out;
}

/** Builds the documents and records their issue (manifest hash, what is missing) in the evidence log. */
export async function issueCraDocuments(
  store: Store,
  ref: ProductRef,
  options: CraDocumentsOptions,
  actor: string,
  now: Date = new Date(),
): Promise<CraDocuments> {
  const docs = await craDocuments(store, ref, options, now);
  await store.appendEvidence({
    at: now.toISOString(),
    actor,
    kind: 'documents.generated',
    subject: `product:${docs.bundle.manifest.product}`,
    payload: {
      release: docs.bundle.manifest.release,
      date: docs.bundle.manifest.date,
      manifestSha256: docs.manifestSha256,
      missing: docs.bundle.manifest.missing,
    },
  });
  return docs;
}

/** Checks an existing security.txt (RFC 9116) at `now`. */
export function checkSecurityTxt(text: string, now: Date = new Date()): SecurityTxtVerdict {
  if (text.length > 64 * 1024)
    throw new ServiceError('too-large', `security.txt is ${text.length} characters; Vigie checks files up to 64 KiB`);
  return validateSecurityTxt(text, now);
}

/** The Art. 14(8) user notification of a reporting case as a CSAF 2.0 security advisory. */
export async function caseAdvisory(
  store: Store,
  caseId: number,
): Promise<{ document: Record<string, unknown>; fileName: string }> {
  const c = await store.getReportingCase(caseId);
  if (!c) throw notFound(`reporting case #${caseId}`);
  const product = await store.getProduct(c.productId);
  const view = await craRecordView(store, c.productId);
  const result = csafAdvisory(c, product?.name ?? `product-${c.productId}`, view.record);
  if (!result.document)
    throw new ServiceError('invalid-input', `the advisory of case #${caseId} lacks: ${result.missing.join(', ')}`, {
      missing: result.missing,
    });
  return { document: result.document, fileName: result.fileName };
}
