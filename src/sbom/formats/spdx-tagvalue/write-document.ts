import type { Spdx2Annotation, Spdx2Checksum, Spdx2Document, Spdx2File, Spdx2Package } from '../spdx2-common/index.js';

/**
 * Writes an SPDX 2 document as tag-value. Files come before every package: a tag-value reader
 * puts a file that follows a package into that package, so containment is written only as explicit
 * CONTAINS relationships. Free text goes inside <text>…</text>.
 */
export function writeTagValue(doc: Spdx2Document): { text: string; unwritable: number } {
  const out: string[] = [];
  let unwritable = 0;
  const plain = (tag: string, value: string | undefined) => {
    if (value === undefined) return;
    // A single-line tag cannot hold a line break: such values go in <text> too.
    if (/[\r\n]/.test(value) || value.startsWith('<text>')) text(tag, value);
    else out.push(`${tag}: ${value}`);
  };
  const text = (tag: string, value: string | undefined) => {
    if (value === undefined) return;
    if (value.includes('</text>')) {
      unwritable++;
      return;
    }
    out.push(`${tag}: <text>${value}</text>`);
  };
  const checksum = (tag: string, c: Spdx2Checksum) => plain(tag, `${c.algorithm}: ${c.checksumValue}`);
  const annotations = (id: string | undefined, list: Spdx2Annotation[] | undefined) => {
    for (const a of list ?? []) {
      plain('Annotator', a.annotator);
      plain('AnnotationDate', a.annotationDate);
      plain('AnnotationType', a.annotationType);
      plain('SPDXREF', id);
      text('AnnotationComment', a.comment);
    }
  };

  plain('SPDXVersion', doc.spdxVersion);
  plain('DataLicense', doc.dataLicense);
  plain('SPDXID', doc.SPDXID);
  plain('DocumentName', doc.name);
  plain('DocumentNamespace', doc.documentNamespace);
  for (const r of doc.externalDocumentRefs ?? []) {
    plain(
      'ExternalDocumentRef',
      `${r.externalDocumentId} ${r.spdxDocument} ${r.checksum?.algorithm}: ${r.checksum?.checksumValue}`,
    );
  }
  text('DocumentComment', doc.comment);
  for (const c of doc.creationInfo?.creators ?? []) plain('Creator', c);
  plain('Created', doc.creationInfo?.created);
  text('CreatorComment', doc.creationInfo?.comment);
  plain('LicenseListVersion', doc.creationInfo?.licenseListVersion);
  annotations(doc.SPDXID, doc.annotations);

  for (const f of doc.files ?? []) {
    out.push('');
    writeFile(f, plain, text, checksum);
    annotations(f.SPDXID, f.annotations);
  }
  for (const p of doc.packages ?? []) {
    out.push('');
    writePackage(p, plain, text, checksum);
    annotations(p.SPDXID, p.annotations);
  }
  for (const l of doc.hasExtractedLicensingInfos ?? []) {
    out.push('');
    plain('LicenseID', l.licenseId);
    text('ExtractedText', l.extractedText);
    text('LicenseName', l.name);
    for (const url of l.seeAlsos ?? []) plain('LicenseCrossReference', url);
    text('LicenseComment', l.comment);
  }
  if (doc.relationships?.length) out.push('');
  for (const r of doc.relationships ?? []) {
    plain('Relationship', `${r.spdxElementId} ${r.relationshipType} ${r.relatedSpdxElement}`);
    text('RelationshipComment', r.comment);
  }
  return { text: `${out.join('\n')}\n`, unwritable };
}

type Put = (tag: string, value: string | undefined) => void;

function writeFile(f: Spdx2File, plain: Put, text: Put, checksum: (tag: string, c: Spdx2Checksum) => void): void {
  plain('FileName', f.fileName);
  plain('SPDXID', f.SPDXID);
  for (const t of f.fileTypes ?? []) plain('FileType', t);
  for (const c of f.checksums ?? []) checksum('FileChecksum', c);
  plain('LicenseConcluded', f.licenseConcluded);
  for (const l of f.licenseInfoInFiles ?? []) plain('LicenseInfoInFile', l);
  text('LicenseComments', f.licenseComments);
  text('FileCopyrightText', f.copyrightText);
  text('FileComment', f.comment);
  text('FileNotice', f.noticeText);
  for (const c of f.fileContributors ?? []) plain('FileContributor', c);
  for (const a of f.attributionTexts ?? []) text('FileAttributionText', a);
}

function writePackage(p: Spdx2Package, plain: Put, text: Put, checksum: (tag: string, c: Spdx2Checksum) => void): void {
  plain('PackageName', p.name);
  plain('SPDXID', p.SPDXID);
  plain('PackageVersion', p.versionInfo);
  plain('PackageFileName', p.packageFileName);
  plain('PackageSupplier', p.supplier);
  plain('PackageOriginator', p.originator);
  plain('PackageDownloadLocation', p.downloadLocation);
  if (p.filesAnalyzed !== undefined) plain('FilesAnalyzed', String(p.filesAnalyzed));
  const code = p.packageVerificationCode;
  if (code?.packageVerificationCodeValue) {
    const excluded = code.packageVerificationCodeExcludedFiles?.join(', ');
    plain(
      'PackageVerificationCode',
      excluded ? `${code.packageVerificationCodeValue} (excludes: ${excluded})` : code.packageVerificationCodeValue,
    );
  }
  for (const c of p.checksums ?? []) checksum('PackageChecksum', c);
  plain('PackageHomePage', p.homepage);
  text('PackageSourceInfo', p.sourceInfo);
  plain('PackageLicenseConcluded', p.licenseConcluded);
  for (const l of p.licenseInfoFromFiles ?? []) plain('PackageLicenseInfoFromFiles', l);
  plain('PackageLicenseDeclared', p.licenseDeclared);
  text('PackageLicenseComments', p.licenseComments);
  text('PackageCopyrightText', p.copyrightText);
  text('PackageSummary', p.summary);
  text('PackageDescription', p.description);
  text('PackageComment', p.comment);
  for (const r of p.externalRefs ?? []) {
    plain('ExternalRef', `${r.referenceCategory} ${r.referenceType} ${r.referenceLocator}`);
    text('ExternalRefComment', r.comment);
  }
  for (const a of p.attributionTexts ?? []) text('PackageAttributionText', a);
  plain('PrimaryPackagePurpose', p.primaryPackagePurpose?.replace(/_/g, '-'));
  plain('ReleaseDate', p.releaseDate);
  plain('BuiltDate', p.builtDate);
  plain('ValidUntilDate', p.validUntilDate);
}
