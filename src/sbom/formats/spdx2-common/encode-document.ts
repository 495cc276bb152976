import { issue, propertyOf, type Component, type Issue, type Sbom } from '../../../model/index.js';
import { runToEnd, type WorkInSteps } from '../../../model/work-in-steps.js';
import type { EncodeOptions } from '../../format.js';
import { formatActor, toolToActor } from './actor.js';
import {
  DOCUMENT_ID,
  type Spdx2Document,
  type Spdx2ExternalDocumentRef,
  type Spdx2File,
  type Spdx2Package,
  type Spdx2Relationship,
} from './document.js';
import { componentToFile, componentToPackage, fitsSpdxFile, type ElementEncoding } from './encode-element.js';
import { ExtractedLicenseCollector } from './license-field.js';
import { LossyTally } from './lossy-tally.js';
import { SPDX_PROPERTY } from './properties.js';
import { relationshipForScope } from './relationship-types.js';
import { SpdxIdAllocator } from './spdx-ids.js';

export interface Spdx2Encoding {
  document: Spdx2Document;
  issues: Issue[];
}

/** SPDX wants `YYYY-MM-DDThh:mm:ssZ`; other ISO forms are converted, unparseable text kept. */
function spdxTimestamp(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * FNV-1a (64 bit) over the text's UTF-16 code units, as hex: a stable, dependency-free digest for a
 * default document namespace. Worked in two 32-bit halves (BigInt arithmetic took ~0.1 s on the
 * ids of a 100k-component release): the prime is 2^40 + 0x1b3, so a product is the value times
 * 0x1b3 plus the value shifted left by 40.
 */
export function fnv1a64(text: string): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    lo = (lo ^ text.charCodeAt(i)) >>> 0;
    const low = lo * 0x1b3;
    hi = (Math.imul(hi, 0x1b3) + (lo << 8) + Math.floor(low / 0x100000000)) >>> 0;
    lo = low >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/**
 * The model as an SPDX 2.3 document. The primary component is DESCRIBED by the document; dependency
 * edges become DEPENDS_ON (or DEV_/OPTIONAL_/BUILD_/TEST_/PROVIDED_DEPENDENCY_OF when the
 * dependency's scope says so); file components nested under a component become SPDX files it
 * CONTAINS. What SPDX 2.3 cannot hold is reported as one `lossy-encode` Issue per kind.
 * The output depends only on the input and the options: no clock or random value when both the
 * timestamp and the namespace are given (by options or by the SBOM).
 */
export function encodeSpdx2Document(sbom: Sbom, options: EncodeOptions = {}): Spdx2Encoding {
  return runToEnd(encodeSpdx2DocumentInSteps(sbom, options));
}

/** Components (or edges) encoded between two pauses of encodeSpdx2DocumentInSteps. */
const STEP = 4_000;

/**
 * encodeSpdx2Document as a generator that pauses (yields) after every few thousand components and
 * edges: a caller that must keep answering (a server writing a 100k-component release, ~1 s of
 * work) resumes it between turns of its event loop; encodeSpdx2Document runs it to the end at once.
 */
export function* encodeSpdx2DocumentInSteps(sbom: Sbom, options: EncodeOptions = {}): WorkInSteps<Spdx2Encoding> {
  const issues: Issue[] = [];
  const lossy = new LossyTally();
  const meta = sbom.metadata;
  const created = spdxTimestamp(options.timestamp ?? meta.timestamp ?? new Date().toISOString());
  const licenses = new ExtractedLicenseCollector();
  const enc: ElementEncoding = { licenses, lossy, created };
  const ids = new SpdxIdAllocator();

  // Walk the tree once: allocate ids (first ref wins) and remember each nested component's parent.
  const walked: { component: Component; spdxId: string; parent?: string }[] = [];
  const idByRef = new Map<string, string>();
  const walk = (list: Component[] | undefined, parent?: string) => {
    for (const c of list ?? []) {
      const spdxId = ids.allocate(c.ref);
      if (!idByRef.has(c.ref)) idByRef.set(c.ref, spdxId);
      walked.push({ component: c, spdxId, ...(parent ? { parent } : {}) });
      walk(c.components, spdxId);
    }
  };
  if (meta.component) walk([meta.component]);
  walk(sbom.components);
  yield;

  const packages: Spdx2Package[] = [];
  const files: Spdx2File[] = [];
  const relationships: Spdx2Relationship[] = [];
  const primaryId = meta.component ? idByRef.get(meta.component.ref) : undefined;
  if (primaryId)
    relationships.push({ spdxElementId: DOCUMENT_ID, relationshipType: 'DESCRIBES', relatedSpdxElement: primaryId });
  else {
    issues.push(
      issue(
        'info',
        'no-primary-component',
        'the SBOM names no primary component, so the SPDX document DESCRIBES nothing',
      ),
    );
  }

  let done = 0;
  for (const { component, spdxId, parent } of walked) {
    if (++done % STEP === 0) yield;
    const asFile = fitsSpdxFile(component) && component !== meta.component;
    if (asFile) files.push(componentToFile(component, spdxId, enc));
    else packages.push(componentToPackage(component, spdxId, enc));
    if (parent) {
      relationships.push({ spdxElementId: parent, relationshipType: 'CONTAINS', relatedSpdxElement: spdxId });
      if (!asFile)
        lossy.note('nesting of non-file components (written as CONTAINS, read back as dependencies)', component.ref);
    }
  }

  const scopeOf = new Map(walked.map((w) => [w.component.ref, w.component.dependencyScope]));
  const reached = new Set<string>();
  const seen = new Set<string>();
  const dangling = new Set<string>();
  for (const dep of sbom.dependencies) {
    const from = idByRef.get(dep.ref);
    if (!from) dangling.add(dep.ref);
    for (const target of dep.dependsOn) {
      if (++done % STEP === 0) yield;
      const to = idByRef.get(target);
      if (!to) dangling.add(target);
      if (!from || !to || from === to) continue;
      const key = `${from} ${to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      reached.add(target);
      const rel = relationshipForScope(scopeOf.get(target));
      relationships.push(
        rel.inverse
          ? { spdxElementId: to, relationshipType: rel.type, relatedSpdxElement: from }
          : { spdxElementId: from, relationshipType: rel.type, relatedSpdxElement: to },
      );
    }
  }
  for (const ref of dangling) {
    issues.push(
      issue('warning', 'dangling-ref', `a dependency names ${ref}, which no component has; edge dropped`, {
        component: ref,
      }),
    );
  }
  // SPDX 2.3 has no AI or Dataset profile: trained-on, fine-tuned-from, derived-from… are not written.
  for (const edge of sbom.lineage ?? [])
    for (let i = 0; i < edge.to.length; i++) lossy.note(`AI lineage edges (${edge.kind})`, edge.from);
  for (const { component } of walked) {
    const scope = component.dependencyScope;
    if (scope && relationshipForScope(scope).inverse && !reached.has(component.ref)) {
      lossy.note('dependency scopes of components no edge reaches', component.ref);
    }
  }
  if (licenses.rawDropped) {
    for (let i = 0; i < licenses.rawDropped; i++) lossy.note('licence strings as found beside their SPDX expression');
  }

  const document: Spdx2Document = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: DOCUMENT_ID,
    name: meta.name ?? meta.component?.name ?? 'sbom',
    documentNamespace:
      options.serialNumber ??
      meta.serialNumber ??
      `https://spdx.org/spdxdocs/vigie-${fnv1a64(JSON.stringify([meta.name, walked.map((w) => w.spdxId)]))}`,
  };
  const externalDocumentRefs = externalDocumentRefsOf(sbom, lossy);
  if (externalDocumentRefs.length) document.externalDocumentRefs = externalDocumentRefs;
  document.creationInfo = { created, creators: creatorsOf(sbom) };
  const creatorComment = propertyOf(meta, SPDX_PROPERTY.creatorComment);
  if (creatorComment) document.creationInfo.comment = creatorComment;
  const listVersion = propertyOf(meta, SPDX_PROPERTY.licenseListVersion);
  if (listVersion) document.creationInfo.licenseListVersion = listVersion;
  if (meta.comment) document.comment = meta.comment;
  document.packages = packages;
  if (files.length) document.files = files;
  const extracted = licenses.list();
  if (extracted.length) document.hasExtractedLicensingInfos = extracted;
  document.relationships = relationships;

  noteMetadataLosses(sbom, lossy);
  issues.push(...lossy.issues('SPDX 2.3'));
  return { document, issues };
}

function creatorsOf(sbom: Sbom): string[] {
  const meta = sbom.metadata;
  const organisations = new Set(
    meta.properties.filter((p) => p.name === SPDX_PROPERTY.creatorOrganization).map((p) => p.value),
  );
  const creators: string[] = [];
  for (const a of meta.authors) {
    if (a.name) creators.push(formatActor(organisations.has(a.name) ? 'Organization' : 'Person', a.name, a.email));
  }
  for (const t of meta.tools) creators.push(toolToActor(t));
  // SPDX requires at least one creator; the encoder itself is the honest fallback.
  if (creators.length === 0) creators.push('Tool: vigie');
  return creators;
}

function externalDocumentRefsOf(sbom: Sbom, lossy: LossyTally): Spdx2ExternalDocumentRef[] {
  const out: Spdx2ExternalDocumentRef[] = [];
  for (const p of sbom.metadata.properties) {
    if (p.name !== SPDX_PROPERTY.externalDocumentRef) continue;
    const m = /^(\S+)\s+(\S+)(?:\s+([A-Za-z0-9-]+):\s*([0-9a-fA-F]+))?$/.exec(p.value.trim());
    // SPDX requires the referenced document's checksum; a reference without one cannot be written.
    if (!m?.[3] || !m[4]) {
      lossy.note('external document references without checksum');
      continue;
    }
    out.push({
      externalDocumentId: m[1],
      spdxDocument: m[2],
      checksum: { algorithm: m[3], checksumValue: m[4].toLowerCase() },
    });
  }
  return out;
}

function noteMetadataLosses(sbom: Sbom, lossy: LossyTally): void {
  const meta = sbom.metadata;
  if (meta.lifecycles.length) lossy.note('SBOM lifecycles');
  if (meta.supplier) lossy.note('the SBOM supplier');
  if (meta.manufacturer) lossy.note('the SBOM manufacturer');
  if (meta.version !== undefined) lossy.note('the SBOM version number');
  if (meta.dataLicense && meta.dataLicense.raw !== 'CC0-1.0') lossy.note('a data licence other than CC0-1.0');
  const known = new Set<string>(Object.values(SPDX_PROPERTY));
  if (meta.properties.some((p) => !known.has(p.name))) lossy.note('document properties');
  if (sbom.dependencyCompleteness !== 'not_specified') lossy.note('the completeness of the dependency graph');
}
