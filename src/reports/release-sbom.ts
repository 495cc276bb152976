import { emptySbom, licenseFromExpression, type Component, type LicenseRoles, type Sbom } from '../model/index.js';
import { runToEnd, type WorkInSteps } from '../model/work-in-steps.js';
import type { EncodedDocument, EncodeOptions, EncodeResult } from '../sbom/format.js';
import { formatById } from '../sbom/formats/index.js';
import type { ReleaseSnapshot } from '../compliance/snapshot.js';
import type { ReleaseValidation } from '../compliance/validate-release.js';

/**
 * The release as an Sbom: one component per version, the licence as found kept as declared, the
 * validated expression as concluded and the chosen one as effective.
 */
export function releaseToSbom(snapshot: ReleaseSnapshot, validation: ReleaseValidation): Sbom {
  return runToEnd(releaseToSbomInSteps(snapshot, validation));
}

/** Usages turned into components between two pauses of releaseToSbomInSteps. */
const STEP = 5_000;

/** releaseToSbom in steps (model/work-in-steps.ts): it pauses after every few thousand usages. */
export function* releaseToSbomInSteps(snapshot: ReleaseSnapshot, validation: ReleaseValidation): WorkInSteps<Sbom> {
  const resolved = new Map(validation.usages.map((u) => [u.usageId, u]));
  const sbom = emptySbom({ id: 'vigie-release', specVersion: '1' });
  sbom.metadata.name = `${snapshot.product.name} ${snapshot.release.number}`;
  sbom.metadata.tools = [{ name: 'vigie' }];
  const rootRef = `release-${snapshot.release.id}`;
  sbom.metadata.component = {
    ref: rootRef,
    type: 'application',
    name: snapshot.product.name,
    version: snapshot.release.number,
    hashes: [],
    licenses: outboundRoles(snapshot),
    externalReferences: [],
    properties: [],
  };
  const seen = new Map<number, Component>();
  let done = 0;
  for (const item of snapshot.usages) {
    if (++done % STEP === 0) yield;
    const r = resolved.get(item.usage.id);
    const existing = seen.get(item.version.id);
    if (existing) continue;
    const { component, version } = item;
    const licenses: LicenseRoles = {};
    if (version.declaredLicense)
      licenses.declared = { raw: version.declaredLicense, entries: [{ name: version.declaredLicense }] };
    const concluded = r?.expression ?? version.concludedLicense;
    if (concluded) licenses.concluded = licenseFromExpression(concluded);
    if (r?.effective) licenses.effective = licenseFromExpression(r.effective);
    const c: Component = {
      ref: `version-${version.id}`,
      type: 'library',
      name: component.name,
      group: component.namespace ?? undefined,
      version: version.number || undefined,
      purl: version.purl ?? undefined,
      description: component.description ?? undefined,
      copyright: version.copyright ?? undefined,
      hashes: [],
      licenses,
      externalReferences: component.homepage ? [{ type: 'website', url: component.homepage }] : [],
      properties: [
        ...(item.usage.scope ? [{ name: 'vigie:scope', value: item.usage.scope }] : []),
        ...(r?.exploitation ? [{ name: 'vigie:exploitation', value: r.exploitation }] : []),
      ],
      language: component.language ?? undefined,
    };
    seen.set(version.id, c);
    sbom.components.push(c);
  }
  sbom.dependencies = [{ ref: rootRef, dependsOn: sbom.components.map((c) => c.ref) }];
  return sbom;
}

function outboundRoles(snapshot: ReleaseSnapshot): LicenseRoles {
  const out = snapshot.release.outboundLicenses.length
    ? snapshot.release.outboundLicenses
    : snapshot.product.outboundLicenses;
  return out.length
    ? { concluded: licenseFromExpression(out.map((l) => (out.length > 1 ? `(${l})` : l)).join(' AND ')) }
    : {};
}

/** The release written as CycloneDX JSON 1.6 or SPDX 2.3 JSON (or any other format Vigie encodes). */
export function encodeRelease(
  snapshot: ReleaseSnapshot,
  validation: ReleaseValidation,
  format: 'cyclonedx-json' | 'spdx-json' | string,
  specVersion: string,
  options?: EncodeOptions,
): EncodeResult {
  const f = formatById(format);
  if (!f?.encode) throw new Error(`no encoder for ${format}`);
  return f.encode(releaseToSbom(snapshot, validation), specVersion, options);
}

/**
 * The release's SBOM in a JSON format as the value its text is written from: written with
 * `jsonChunks` (two spaces) and a line break, it is the text `encodeRelease` gives. In steps where
 * the format builds its document in steps (SPDX), else in one.
 */
export function* encodeReleaseDocument(
  sbom: Sbom,
  format: 'cyclonedx-json' | 'spdx-json' | string,
  specVersion: string,
  options?: EncodeOptions,
): WorkInSteps<EncodedDocument> {
  const f = formatById(format);
  if (f?.encodeDocumentInSteps) return yield* f.encodeDocumentInSteps(sbom, specVersion, options);
  if (!f?.encodeDocument) throw new Error(`no JSON document encoder for ${format}`);
  return f.encodeDocument(sbom, specVersion, options);
}
