import {
  issue,
  NO_ASSERTION,
  NONE,
  type Component,
  type ExternalReference,
  type Issue,
  type LicenseStatement,
  type Property,
} from '../../../model/index.js';
import { buildPurl } from '../../../model/purl/index.js';
import { EXTERNAL_REFERENCE_TYPES } from '../cyclonedx-common/vocabulary.js';
import { actorToContact, actorToEntity, parseActor } from './actor.js';
import { hashFromSpdx } from './checksum.js';
import type {
  Spdx2Annotation,
  Spdx2Checksum,
  Spdx2ExtractedLicense,
  Spdx2File,
  Spdx2Package,
  LineLookup,
} from './document.js';
import { decodeLicenseField } from './license-field.js';
import { EFFECTIVE_LICENSE_ANNOTATION, SPDX_PROPERTY } from './properties.js';
import { isPurpose, normalisePurpose, typeFromPurpose } from './purpose.js';

/** What element decoding needs from the document around it. */
export interface ElementContext {
  specVersion: string | undefined;
  extracted: ReadonlyMap<string, Spdx2ExtractedLicense>;
  issues: Issue[];
  lineOf: LineLookup;
}

const isUnset = (v: string | undefined): v is undefined =>
  v === undefined || v.trim() === '' || v.trim() === NO_ASSERTION || v.trim() === NONE;

/** CycloneDX 1.6 external reference types: an SPDX reference of one of these types keeps it. */
const CDX_REFERENCE_TYPES = EXTERNAL_REFERENCE_TYPES['1.6'];

function licenseOf(
  ctx: ElementContext,
  value: string | undefined,
  where: { component: string; field: string; line?: number },
): LicenseStatement | undefined {
  const decoded = decodeLicenseField(value, ctx.extracted);
  if (decoded.invalid) {
    ctx.issues.push(
      issue(
        'warning',
        'invalid-license-expression',
        `"${value}" is not a well-formed SPDX licence expression; kept as text`,
        where,
      ),
    );
  }
  for (const id of decoded.undefinedRefs ?? []) {
    ctx.issues.push(
      issue(
        'warning',
        'undefined-license-ref',
        `${id} is used but not defined: the document has no hasExtractedLicensingInfos entry (ExtractedText) for it`,
        where,
      ),
    );
  }
  return decoded.statement;
}

/** Vigie's encoder writes the effective licence as an annotation; this reads it back. */
function readEffectiveLicense(
  ctx: ElementContext,
  annotations: Spdx2Annotation[] | undefined,
  licenses: Component['licenses'],
  where: { component: string; field: string; line?: number },
): void {
  for (const a of annotations ?? []) {
    const comment = a.comment?.trim();
    if (!comment?.startsWith(EFFECTIVE_LICENSE_ANNOTATION)) continue;
    const effective = licenseOf(ctx, comment.slice(EFFECTIVE_LICENSE_ANNOTATION.length), where);
    if (effective) licenses.effective = effective;
  }
}

function hashesOf(ctx: ElementContext, checksums: Spdx2Checksum[] | undefined, component: string, field: string) {
  const out = [];
  for (const c of checksums ?? []) {
    if (!c.algorithm || !c.checksumValue) {
      ctx.issues.push(
        issue('warning', 'invalid-checksum', 'checksum without algorithm or value skipped', {
          component,
          field,
          line: ctx.lineOf(component),
        }),
      );
      continue;
    }
    out.push(hashFromSpdx(c.algorithm, c.checksumValue));
  }
  return out;
}

function pushProperty(props: Property[], name: string, value: string | undefined): void {
  if (value !== undefined && value !== '') props.push({ name, value });
}

type Where = (field: string) => { component: string; field: string; line?: number };

/** An SPDX 2 package as a model component (type from primaryPackagePurpose, library by default). */
export function packageToComponent(pkg: Spdx2Package, ref: string, ctx: ElementContext): Component {
  const line = ctx.lineOf(ref);
  const where: Where = (field) => ({ component: ref, field, ...(line ? { line } : {}) });
  const properties: Property[] = [];
  const type = packageType(pkg, properties, ctx, where);
  const refs = readExternalRefs(pkg, properties, ctx, where);
  const { supplier, originator } = readActors(pkg, ctx, where);
  const licenses = packageLicenses(pkg, ctx, where);
  const description = pkg.description ?? pkg.summary;
  pushPackageProperties(pkg, properties);

  const component: Component = {
    ref,
    type,
    name: pkg.name?.trim() || ref,
    hashes: hashesOf(ctx, pkg.checksums, ref, 'checksums'),
    licenses,
    externalReferences: refs.externalReferences,
    properties,
  };
  if (!isUnset(pkg.versionInfo)) component.version = pkg.versionInfo.trim();
  if (description) component.description = description;
  if (refs.purl) component.purl = refs.purl;
  if (refs.cpe) component.cpe = refs.cpe;
  if (refs.otherIdentifiers.length) component.otherIdentifiers = refs.otherIdentifiers;
  if (supplier) component.supplier = actorToEntity(supplier);
  // The originator made the package: an organisation is its manufacturer, a person its author.
  if (originator?.kind === 'organization') component.manufacturer = actorToEntity(originator);
  else if (originator?.kind === 'person') component.authors = [actorToContact(originator)];
  if (!isUnset(pkg.copyrightText)) component.copyright = pkg.copyrightText.trim();
  checkRequiredPackageFields(pkg, ctx, where);
  return component;
}

/** The component type from primaryPackagePurpose (kept as a property); an unknown purpose reads as library. */
function packageType(pkg: Spdx2Package, properties: Property[], ctx: ElementContext, where: Where): Component['type'] {
  const purpose = pkg.primaryPackagePurpose;
  if (purpose === undefined) return 'library';
  if (!isPurpose(purpose)) {
    ctx.issues.push(
      issue(
        'warning',
        'unknown-package-purpose',
        `unknown primaryPackagePurpose "${purpose}"; read as library`,
        where('primaryPackagePurpose'),
      ),
    );
    return 'library';
  }
  pushProperty(properties, SPDX_PROPERTY.primaryPackagePurpose, normalisePurpose(purpose));
  return typeFromPurpose(purpose) ?? 'library';
}

interface PackageRefs {
  purl?: string;
  cpe?: string;
  otherIdentifiers: string[];
  externalReferences: ExternalReference[];
}

/**
 * externalRefs: the first purl and CPE identify the package, further ones and SWID / persistent ids
 * are other identifiers, other package-manager refs become properties, the rest external references;
 * then homepage and downloadLocation.
 */
function readExternalRefs(pkg: Spdx2Package, properties: Property[], ctx: ElementContext, where: Where): PackageRefs {
  const out: PackageRefs = { otherIdentifiers: [], externalReferences: [] };
  let derived: string | undefined;
  for (const r of pkg.externalRefs ?? []) {
    const category = (r.referenceCategory ?? '').toUpperCase().replace(/_/g, '-');
    const refType = r.referenceType ?? '';
    const locator = r.referenceLocator?.trim();
    if (!locator) {
      ctx.issues.push(
        issue('warning', 'invalid-external-ref', 'external reference without locator skipped', where('externalRefs')),
      );
      continue;
    }
    if (category === 'PACKAGE-MANAGER' && refType === 'purl') {
      if (out.purl === undefined) out.purl = locator;
      else out.otherIdentifiers.push(locator);
    } else if (category === 'SECURITY' && (refType === 'cpe23Type' || refType === 'cpe22Type')) {
      if (out.cpe === undefined) out.cpe = locator;
      else out.otherIdentifiers.push(locator);
    } else if ((category === 'SECURITY' && refType === 'swid') || category === 'PERSISTENT-ID') {
      out.otherIdentifiers.push(locator);
    } else if (category === 'PACKAGE-MANAGER') {
      pushProperty(properties, `${SPDX_PROPERTY.packageManagerRef}:${refType}`, locator);
      derived ??= purlFromLocator(refType, locator);
    } else {
      const type =
        category === 'SECURITY' && refType === 'advisory'
          ? 'advisories'
          : CDX_REFERENCE_TYPES.has(refType)
            ? refType
            : 'other';
      out.externalReferences.push({ type, url: locator, ...(r.comment ? { comment: r.comment } : {}) });
    }
  }
  // A package named only by a maven-central / npm / nuget locator is identified by the purl that locator spells.
  if (out.purl === undefined && derived !== undefined) out.purl = derived;
  if (!isUnset(pkg.homepage)) out.externalReferences.push({ type: 'website', url: pkg.homepage.trim() });
  if (!isUnset(pkg.downloadLocation))
    out.externalReferences.push({ type: 'distribution', url: pkg.downloadLocation.trim() });
  return out;
}

/**
 * The purl a PACKAGE-MANAGER locator of SPDX 2's listed types spells (spec annex F): maven-central
 * `group:artifact:version`, npm `name@version` (`@scope/name@version`), nuget `Name/version`. Anything that
 * does not have that shape gives none (the locator stays a property either way).
 */
export function purlFromLocator(refType: string, locator: string): string | undefined {
  let parts: { type: string; namespace?: string; name?: string; version?: string } | undefined;
  if (refType === 'maven-central') {
    const m = /^([^:\s]+):([^:\s]+)(?::([^:\s]+))?$/.exec(locator);
    if (m) parts = { type: 'maven', namespace: m[1], name: m[2], version: m[3] };
  } else if (refType === 'npm') {
    const m = /^(?:(@[^/@\s]+)\/)?([^/@\s]+)(?:@([^@\s]+))?$/.exec(locator);
    if (m) parts = { type: 'npm', namespace: m[1], name: m[2], version: m[3] };
  } else if (refType === 'nuget') {
    const m = /^([^/\s]+)(?:\/([^/\s]+))?$/.exec(locator);
    if (m) parts = { type: 'nuget', name: m[1], version: m[2] };
  }
  if (!parts) return undefined;
  const built = buildPurl(parts);
  return typeof built === 'string' ? built : undefined;
}

/** Supplier and originator; a value that is no "Person: …" / "Organization: …" is reported and ignored. */
function readActors(pkg: Spdx2Package, ctx: ElementContext, where: Where) {
  const supplier = parseActor(pkg.supplier);
  const originator = parseActor(pkg.originator);
  for (const [field, value, actor] of [
    ['supplier', pkg.supplier, supplier],
    ['originator', pkg.originator, originator],
  ] as const) {
    if (!isUnset(value) && !actor) {
      ctx.issues.push(
        issue(
          'warning',
          'invalid-actor',
          `${field} "${value}" is not "Person: …" or "Organization: …"; ignored`,
          where(field),
        ),
      );
    }
  }
  return { supplier, originator };
}

function packageLicenses(pkg: Spdx2Package, ctx: ElementContext, where: Where): Component['licenses'] {
  const licenses: Component['licenses'] = {};
  const declared = licenseOf(ctx, pkg.licenseDeclared, where('licenseDeclared'));
  const concluded = licenseOf(ctx, pkg.licenseConcluded, where('licenseConcluded'));
  if (declared) licenses.declared = declared;
  if (concluded) licenses.concluded = concluded;
  readEffectiveLicense(ctx, pkg.annotations, licenses, where('annotations'));
  return licenses;
}

/** The package fields the model has no place for, as spdx: properties (the summary when a description exists). */
function pushPackageProperties(pkg: Spdx2Package, properties: Property[]): void {
  if (pkg.description !== undefined) pushProperty(properties, SPDX_PROPERTY.summary, pkg.summary);
  pushProperty(properties, SPDX_PROPERTY.packageFileName, pkg.packageFileName);
  pushProperty(properties, SPDX_PROPERTY.comment, pkg.comment);
  pushProperty(properties, SPDX_PROPERTY.sourceInfo, pkg.sourceInfo);
  pushProperty(properties, SPDX_PROPERTY.licenseComments, pkg.licenseComments);
  pushProperty(properties, SPDX_PROPERTY.releaseDate, pkg.releaseDate);
  pushProperty(properties, SPDX_PROPERTY.builtDate, pkg.builtDate);
  pushProperty(properties, SPDX_PROPERTY.validUntilDate, pkg.validUntilDate);
  for (const t of pkg.attributionTexts ?? []) pushProperty(properties, SPDX_PROPERTY.attributionText, t);
  for (const l of pkg.licenseInfoFromFiles ?? []) pushProperty(properties, SPDX_PROPERTY.licenseInfoFromFiles, l);
}

/** Fields the spec requires: a name, a downloadLocation, and before 2.3 the licence and copyright fields. */
function checkRequiredPackageFields(pkg: Spdx2Package, ctx: ElementContext, where: Where): void {
  if (!pkg.name?.trim())
    ctx.issues.push(issue('error', 'missing-field', 'package has no name; its SPDXID stands in', where('name')));
  if (pkg.downloadLocation === undefined) {
    ctx.issues.push(
      issue(
        'warning',
        'missing-field',
        'package has no downloadLocation (required; NOASSERTION if unknown)',
        where('downloadLocation'),
      ),
    );
  }
  if (ctx.specVersion === '2.3') return;
  for (const field of ['licenseConcluded', 'licenseDeclared', 'copyrightText'] as const) {
    if (pkg[field] === undefined) {
      ctx.issues.push(
        issue('warning', 'missing-field', `package has no ${field} (required before SPDX 2.3)`, where(field)),
      );
    }
  }
}

/** An SPDX 2 file as a model component of type `file`; licenseInfoInFiles reads as its declared licence. */
export function fileToComponent(file: Spdx2File, ref: string, ctx: ElementContext): Component {
  const line = ctx.lineOf(ref);
  const where = (field: string) => ({ component: ref, field, ...(line ? { line } : {}) });
  const properties: Property[] = [];
  for (const t of file.fileTypes ?? []) pushProperty(properties, SPDX_PROPERTY.fileType, t);
  pushProperty(properties, SPDX_PROPERTY.comment, file.comment);
  pushProperty(properties, SPDX_PROPERTY.noticeText, file.noticeText);
  pushProperty(properties, SPDX_PROPERTY.licenseComments, file.licenseComments);
  for (const t of file.attributionTexts ?? []) pushProperty(properties, SPDX_PROPERTY.attributionText, t);

  const licenses: Component['licenses'] = {};
  const concluded = licenseOf(ctx, file.licenseConcluded, where('licenseConcluded'));
  if (concluded) licenses.concluded = concluded;
  readEffectiveLicense(ctx, file.annotations, licenses, where('annotations'));
  const found = (file.licenseInfoInFiles ?? []).map((l) => l.trim()).filter((l) => !isUnset(l));
  if (found.length) {
    const joined = found.length === 1 ? found[0] : found.map((l) => (/\s/.test(l) ? `(${l})` : l)).join(' AND ');
    const declared = licenseOf(ctx, joined, where('licenseInfoInFiles'));
    if (declared) licenses.declared = declared;
  }

  const hashes = hashesOf(ctx, file.checksums, ref, 'checksums');
  if (!hashes.some((h) => h.alg === 'SHA-1')) {
    ctx.issues.push(issue('warning', 'missing-field', 'file has no SHA1 checksum (required)', where('checksums')));
  }
  if (!file.fileName?.trim())
    ctx.issues.push(issue('error', 'missing-field', 'file has no fileName; its SPDXID stands in', where('fileName')));

  const component: Component = {
    ref,
    type: 'file',
    name: file.fileName?.trim() || ref,
    hashes,
    licenses,
    externalReferences: [],
    properties,
  };
  if (!isUnset(file.copyrightText)) component.copyright = file.copyrightText.trim();
  const contributors = (file.fileContributors ?? []).filter((c) => c.trim());
  if (contributors.length) component.authors = contributors.map((name) => ({ name: name.trim() }));
  return component;
}
