import { NO_ASSERTION, propertyOf, type Component } from '../../../model/index.js';
import { entityToActor, formatActor } from './actor.js';
import { hashAlgorithmToSpdx } from './checksum.js';
import type { Spdx2Annotation, Spdx2Checksum, Spdx2ExternalRef, Spdx2File, Spdx2Package } from './document.js';
import type { ExtractedLicenseCollector } from './license-field.js';
import type { LossyTally } from './lossy-tally.js';
import { EFFECTIVE_LICENSE_ANNOTATION, SPDX_PROPERTY } from './properties.js';
import { isPurpose, normalisePurpose, purposeFromType, typeFromPurpose } from './purpose.js';

export interface ElementEncoding {
  licenses: ExtractedLicenseCollector;
  lossy: LossyTally;
  /** Annotation date for the effective-licence annotations. */
  created: string;
}

const propertiesOf = (c: Component, name: string) => c.properties.filter((p) => p.name === name).map((p) => p.value);

/** Properties the SPDX 2 encoder turns back into fields; any other property is lost. */
function isSpdxProperty(name: string): boolean {
  return Object.values(SPDX_PROPERTY).includes(name as never) || name.startsWith(`${SPDX_PROPERTY.packageManagerRef}:`);
}

/** A component SPDX 2 can write as a file: file-typed, hashed, and with nothing only packages hold. */
export function fitsSpdxFile(c: Component): boolean {
  return (
    c.type === 'file' &&
    c.hashes.some((h) => hashAlgorithmToSpdx(h.alg) !== undefined) &&
    !c.purl &&
    !c.cpe &&
    !c.version &&
    !c.supplier &&
    !c.manufacturer &&
    !c.description &&
    !c.otherIdentifiers?.length &&
    c.externalReferences.length === 0 &&
    !c.components?.some((child) => !fitsSpdxFile(child)) &&
    propertyOf(c, SPDX_PROPERTY.primaryPackagePurpose) === undefined
  );
}

function checksumsOf(c: Component, enc: ElementEncoding): Spdx2Checksum[] {
  const out: Spdx2Checksum[] = [];
  for (const h of c.hashes) {
    const algorithm = hashAlgorithmToSpdx(h.alg);
    if (algorithm) out.push({ algorithm, checksumValue: h.content.toLowerCase() });
    else enc.lossy.note(`${h.alg} hashes`, c.ref);
  }
  return out;
}

function noteCommonLosses(c: Component, enc: ElementEncoding): void {
  if (c.scope) enc.lossy.note('component scope (required/optional/excluded)', c.ref);
  if (c.publisher) enc.lossy.note('publishers', c.ref);
  if (c.language) enc.lossy.note('programming languages', c.ref);
  if (c.evidence?.length) enc.lossy.note('evidence', c.ref);
  if (c.group && !c.purl) enc.lossy.note('groups of components without purl', c.ref);
  const foreign = c.properties.filter((p) => !isSpdxProperty(p.name));
  if (foreign.length) enc.lossy.note('component properties', c.ref);
}

function effectiveAnnotation(c: Component, enc: ElementEncoding): Spdx2Annotation[] | undefined {
  const effective = c.licenses.effective;
  const value = effective?.expression ?? effective?.raw;
  if (!value) return undefined;
  return [
    {
      annotationDate: enc.created,
      annotationType: 'OTHER',
      annotator: 'Tool: vigie',
      comment: `${EFFECTIVE_LICENSE_ANNOTATION}${value}`,
    },
  ];
}

export function componentToPackage(c: Component, spdxId: string, enc: ElementEncoding): Spdx2Package {
  noteCommonLosses(c, enc);
  const externalRefs = identifierRefs(c);
  const { homepage, downloadLocation } = addLinkRefs(c, enc, externalRefs);
  const purpose = packagePurpose(c, enc);
  const originator = packageOriginator(c, enc);

  // Key order is the output's: it follows the SPDX 2.3 package field order.
  const pkg: Spdx2Package = { SPDXID: spdxId, name: c.name };
  if (c.version) pkg.versionInfo = c.version;
  const fileName = propertyOf(c, SPDX_PROPERTY.packageFileName);
  if (fileName) pkg.packageFileName = fileName;
  const supplier = entityToActor(c.supplier);
  if (supplier) pkg.supplier = supplier;
  if (originator) pkg.originator = originator;
  pkg.downloadLocation = downloadLocation ?? NO_ASSERTION;
  // No package verification code is computed, so the files are not claimed as analysed.
  pkg.filesAnalyzed = false;
  const checksums = checksumsOf(c, enc);
  if (checksums.length) pkg.checksums = checksums;
  if (homepage) pkg.homepage = homepage;
  const sourceInfo = propertyOf(c, SPDX_PROPERTY.sourceInfo);
  if (sourceInfo) pkg.sourceInfo = sourceInfo;
  setLicenceFields(pkg, c, enc);
  setTextFields(pkg, c);
  if (externalRefs.length) pkg.externalRefs = externalRefs;
  const attributions = propertiesOf(c, SPDX_PROPERTY.attributionText);
  if (attributions.length) pkg.attributionTexts = attributions;
  // The JSON schema spells the enum with an underscore; the tag-value writer turns it back.
  pkg.primaryPackagePurpose = purpose.replace('OPERATING-SYSTEM', 'OPERATING_SYSTEM');
  for (const field of ['releaseDate', 'builtDate', 'validUntilDate'] as const) {
    const value = propertyOf(c, SPDX_PROPERTY[field]);
    if (value) pkg[field] = value;
  }
  const annotations = effectiveAnnotation(c, enc);
  if (annotations) pkg.annotations = annotations;
  return pkg;
}

/** The refs that identify the package: purl, CPE, other identifiers by their prefix, other package-manager refs. */
function identifierRefs(c: Component): Spdx2ExternalRef[] {
  const externalRefs: Spdx2ExternalRef[] = [];
  if (c.purl)
    externalRefs.push({ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: c.purl });
  if (c.cpe) {
    externalRefs.push({
      referenceCategory: 'SECURITY',
      referenceType: c.cpe.startsWith('cpe:2.3:') ? 'cpe23Type' : 'cpe22Type',
      referenceLocator: c.cpe,
    });
  }
  for (const id of c.otherIdentifiers ?? []) externalRefs.push(otherIdentifierRef(id));
  for (const p of c.properties) {
    if (p.name.startsWith(`${SPDX_PROPERTY.packageManagerRef}:`)) {
      externalRefs.push({
        referenceCategory: 'PACKAGE-MANAGER',
        referenceType: p.name.slice(SPDX_PROPERTY.packageManagerRef.length + 1),
        referenceLocator: p.value,
      });
    }
  }
  return externalRefs;
}

function otherIdentifierRef(id: string): Spdx2ExternalRef {
  if (id.startsWith('pkg:'))
    return { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: id };
  if (id.startsWith('cpe:2.3:'))
    return { referenceCategory: 'SECURITY', referenceType: 'cpe23Type', referenceLocator: id };
  if (id.startsWith('cpe:/'))
    return { referenceCategory: 'SECURITY', referenceType: 'cpe22Type', referenceLocator: id };
  if (id.startsWith('gitoid:'))
    return { referenceCategory: 'PERSISTENT-ID', referenceType: 'gitoid', referenceLocator: id };
  if (id.startsWith('swh:')) return { referenceCategory: 'PERSISTENT-ID', referenceType: 'swh', referenceLocator: id };
  return { referenceCategory: 'SECURITY', referenceType: 'swid', referenceLocator: id };
}

/** The first website is the homepage, the first distribution the download location; the others become refs. */
function addLinkRefs(
  c: Component,
  enc: ElementEncoding,
  externalRefs: Spdx2ExternalRef[],
): { homepage?: string; downloadLocation?: string } {
  let homepage: string | undefined;
  let downloadLocation: string | undefined;
  for (const r of c.externalReferences) {
    if (r.type === 'website' && homepage === undefined) homepage = r.url;
    else if (r.type === 'distribution' && downloadLocation === undefined) downloadLocation = r.url;
    else if (/\s/.test(r.url)) enc.lossy.note('external references whose URL contains spaces', c.ref);
    else {
      const security = r.type === 'advisories';
      externalRefs.push({
        referenceCategory: security ? 'SECURITY' : 'OTHER',
        referenceType: security ? 'advisory' : r.type,
        referenceLocator: r.url,
        ...(r.comment ? { comment: r.comment } : {}),
      });
    }
  }
  return { homepage, downloadLocation };
}

/** The purpose read from the document when it still fits the type, else the type's; OTHER when none fits. */
function packagePurpose(c: Component, enc: ElementEncoding): string {
  const declaredPurpose = propertyOf(c, SPDX_PROPERTY.primaryPackagePurpose);
  const purpose =
    declaredPurpose && isPurpose(declaredPurpose) && typeFromPurpose(declaredPurpose) === c.type
      ? normalisePurpose(declaredPurpose)
      : purposeFromType(c.type);
  if (purpose) return purpose;
  enc.lossy.note(`component types without an SPDX purpose (written as OTHER)`, c.ref);
  return 'OTHER';
}

/** The manufacturer, else the first author, as the originator; further authors are lost. */
function packageOriginator(c: Component, enc: ElementEncoding): string | undefined {
  let originator = entityToActor(c.manufacturer);
  const authors = c.authors?.filter((a) => a.name) ?? [];
  if (!originator && authors[0]) originator = formatActor('Person', authors[0].name!, authors[0].email);
  if (authors.length > (c.manufacturer ? 0 : 1))
    enc.lossy.note('more than one originator (authors beyond the first)', c.ref);
  return originator;
}

function setLicenceFields(pkg: Spdx2Package, c: Component, enc: ElementEncoding): void {
  pkg.licenseConcluded = enc.licenses.encode(c.licenses.concluded);
  const fromFiles = propertiesOf(c, SPDX_PROPERTY.licenseInfoFromFiles);
  if (fromFiles.length) pkg.licenseInfoFromFiles = fromFiles;
  pkg.licenseDeclared = enc.licenses.encode(c.licenses.declared);
  const licenseComments = propertyOf(c, SPDX_PROPERTY.licenseComments);
  if (licenseComments) pkg.licenseComments = licenseComments;
  pkg.copyrightText = c.copyright ?? NO_ASSERTION;
}

function setTextFields(pkg: Spdx2Package, c: Component): void {
  const summary = propertyOf(c, SPDX_PROPERTY.summary);
  if (summary) pkg.summary = summary;
  if (c.description) pkg.description = c.description;
  const comment = propertyOf(c, SPDX_PROPERTY.comment);
  if (comment) pkg.comment = comment;
}

export function componentToFile(c: Component, spdxId: string, enc: ElementEncoding): Spdx2File {
  noteCommonLosses(c, enc);
  const file: Spdx2File = { SPDXID: spdxId, fileName: c.name };
  const types = propertiesOf(c, SPDX_PROPERTY.fileType);
  if (types.length) file.fileTypes = types;
  file.checksums = checksumsOf(c, enc);
  file.licenseConcluded = enc.licenses.encode(c.licenses.concluded);
  if (c.licenses.declared) file.licenseInfoInFiles = [enc.licenses.encode(c.licenses.declared)];
  const licenseComments = propertyOf(c, SPDX_PROPERTY.licenseComments);
  if (licenseComments) file.licenseComments = licenseComments;
  file.copyrightText = c.copyright ?? NO_ASSERTION;
  const comment = propertyOf(c, SPDX_PROPERTY.comment);
  if (comment) file.comment = comment;
  const notice = propertyOf(c, SPDX_PROPERTY.noticeText);
  if (notice) file.noticeText = notice;
  const contributors = (c.authors ?? []).map((a) => a.name).filter((n): n is string => !!n);
  if (contributors.length) file.fileContributors = contributors;
  const attributions = propertiesOf(c, SPDX_PROPERTY.attributionText);
  if (attributions.length) file.attributionTexts = attributions;
  const annotations = effectiveAnnotation(c, enc);
  if (annotations) file.annotations = annotations;
  return file;
}
