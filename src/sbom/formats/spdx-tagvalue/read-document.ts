import { issue, type Issue } from '../../../model/index.js';
import { UnreadableDocumentError } from '../../format.js';
import type {
  Spdx2Annotation,
  Spdx2Checksum,
  Spdx2Document,
  Spdx2ExtractedLicense,
  Spdx2File,
  Spdx2Package,
  Spdx2Snippet,
} from '../spdx2-common/index.js';
import { splitTagLines, type TagLine } from './tag-lines.js';

export interface TagValueReading {
  document: Spdx2Document;
  /** Line where each element (by SPDXID) was defined. */
  lines: Map<string, number>;
  issues: Issue[];
}

type Section =
  | { kind: 'document' }
  | { kind: 'package'; pkg: Spdx2Package }
  | { kind: 'file'; file: Spdx2File; container?: Spdx2Package }
  | { kind: 'snippet'; snippet: Spdx2Snippet }
  | { kind: 'license'; license: Spdx2ExtractedLicense };

const DOCUMENT_TAGS: Record<string, (d: Spdx2Document, v: string) => void> = {
  SPDXVersion: (d, v) => (d.spdxVersion = v),
  DataLicense: (d, v) => (d.dataLicense = v),
  DocumentName: (d, v) => (d.name = v),
  DocumentNamespace: (d, v) => (d.documentNamespace = v),
  DocumentComment: (d, v) => (d.comment = v),
  LicenseListVersion: (d, v) => ((d.creationInfo ??= {}).licenseListVersion = v),
  Creator: (d, v) => ((d.creationInfo ??= {}).creators ??= []).push(v),
  Created: (d, v) => ((d.creationInfo ??= {}).created = v),
  CreatorComment: (d, v) => ((d.creationInfo ??= {}).comment = v),
};

const PACKAGE_TAGS: Record<string, (p: Spdx2Package, v: string) => void> = {
  PackageVersion: (p, v) => (p.versionInfo = v),
  PackageFileName: (p, v) => (p.packageFileName = v),
  PackageSupplier: (p, v) => (p.supplier = v),
  PackageOriginator: (p, v) => (p.originator = v),
  PackageDownloadLocation: (p, v) => (p.downloadLocation = v),
  FilesAnalyzed: (p, v) => (p.filesAnalyzed = v.toLowerCase() !== 'false'),
  PackageVerificationCode: (p, v) => {
    const m = /^([0-9a-fA-F]+)\s*(?:\((?:excludes:\s*)?(.*)\))?$/.exec(v);
    p.packageVerificationCode = m
      ? { packageVerificationCodeValue: m[1], ...(m[2] ? { packageVerificationCodeExcludedFiles: [m[2].trim()] } : {}) }
      : { packageVerificationCodeValue: v };
  },
  PackageHomePage: (p, v) => (p.homepage = v),
  PackageSourceInfo: (p, v) => (p.sourceInfo = v),
  PackageLicenseConcluded: (p, v) => (p.licenseConcluded = v),
  PackageLicenseInfoFromFiles: (p, v) => (p.licenseInfoFromFiles ??= []).push(v),
  PackageLicenseDeclared: (p, v) => (p.licenseDeclared = v),
  PackageLicenseComments: (p, v) => (p.licenseComments = v),
  PackageCopyrightText: (p, v) => (p.copyrightText = v),
  PackageSummary: (p, v) => (p.summary = v),
  PackageDescription: (p, v) => (p.description = v),
  PackageComment: (p, v) => (p.comment = v),
  PackageAttributionText: (p, v) => (p.attributionTexts ??= []).push(v),
  PrimaryPackagePurpose: (p, v) => (p.primaryPackagePurpose = v),
  ReleaseDate: (p, v) => (p.releaseDate = v),
  BuiltDate: (p, v) => (p.builtDate = v),
  ValidUntilDate: (p, v) => (p.validUntilDate = v),
};

const FILE_TAGS: Record<string, (f: Spdx2File, v: string) => void> = {
  FileType: (f, v) => (f.fileTypes ??= []).push(v),
  LicenseConcluded: (f, v) => (f.licenseConcluded = v),
  LicenseInfoInFile: (f, v) => (f.licenseInfoInFiles ??= []).push(v),
  LicenseComments: (f, v) => (f.licenseComments = v),
  FileCopyrightText: (f, v) => (f.copyrightText = v),
  FileComment: (f, v) => (f.comment = v),
  FileNotice: (f, v) => (f.noticeText = v),
  FileContributor: (f, v) => (f.fileContributors ??= []).push(v),
  FileAttributionText: (f, v) => (f.attributionTexts ??= []).push(v),
};

const LICENSE_TAGS: Record<string, (l: Spdx2ExtractedLicense, v: string) => void> = {
  ExtractedText: (l, v) => (l.extractedText = v),
  LicenseName: (l, v) => (l.name = v),
  LicenseCrossReference: (l, v) => (l.seeAlsos ??= []).push(...v.split(',').map((s) => s.trim()).filter(Boolean)),
  LicenseComment: (l, v) => (l.comment = v),
};

/** Tags read without effect: deprecated in SPDX 2.x (reviews, artifactOf, file dependencies). */
const IGNORED_TAGS = new Set([
  'Reviewer', 'ReviewDate', 'ReviewComment', 'ArtifactOfProjectName', 'ArtifactOfProjectHomePage',
  'ArtifactOfProjectURI', 'FileDependency',
]);

const ANNOTATION_TAGS = new Set(['Annotator', 'AnnotationDate', 'AnnotationType', 'AnnotationComment', 'SPDXREF']);

/** Tags this reader knows: a line starting with one ends a `<text>` block that never closes. */
const SECTION_TAGS = [
  'PackageName', 'FileName', 'SnippetSPDXID', 'LicenseID', 'SPDXID', 'Relationship', 'RelationshipComment',
  'ExternalDocumentRef', 'PackageChecksum', 'FileChecksum', 'ExternalRef', 'ExternalRefComment',
];
const KNOWN_TAGS = new Set([
  ...SECTION_TAGS, ...Object.keys(DOCUMENT_TAGS), ...Object.keys(PACKAGE_TAGS), ...Object.keys(FILE_TAGS),
  ...Object.keys(LICENSE_TAGS), ...IGNORED_TAGS, ...ANNOTATION_TAGS, 'LicenseInfoInSnippet',
]);
const isKnownTag = (tag: string) => KNOWN_TAGS.has(tag) || tag.startsWith('Snippet');

function parseChecksum(value: string): Spdx2Checksum | undefined {
  const m = /^([A-Za-z0-9-]+)\s*:\s*([0-9a-fA-F]+)$/.exec(value);
  return m ? { algorithm: m[1], checksumValue: m[2] } : undefined;
}

/**
 * Reads a tag-value document into the SPDX 2 document shape. Tags attach to the element section
 * they follow (PackageName, FileName, SnippetSPDXID and LicenseID open sections). As the spec's
 * tag-value examples do, a file that follows a package belongs to that package (hasFiles).
 */
export function readTagValue(text: string): TagValueReading {
  const issues: Issue[] = [];
  const tags = splitTagLines(text, issues, isKnownTag);
  if (!tags.some((t) => t.tag === 'SPDXVersion')) {
    throw new UnreadableDocumentError('not an SPDX tag-value document: no SPDXVersion tag', tags[0]?.line);
  }
  const doc: Spdx2Document = {};
  const lines = new Map<string, number>();
  const pendingAnnotations: { target?: string; annotation: Spdx2Annotation; line: number }[] = [];
  let section: Section = { kind: 'document' };
  let sectionLine = 0;
  let lastPackage: Spdx2Package | undefined;
  let annotation: { target?: string; annotation: Spdx2Annotation; line: number } | undefined;
  const filesWithContainer: { file: Spdx2File; container: Spdx2Package }[] = [];

  const where = (t: TagLine) => ({ line: t.line, field: t.tag });
  const misplaced = (t: TagLine, expected: string) =>
    issues.push(issue('warning', 'misplaced-tag', `${t.tag} outside a ${expected} section; ignored`, where(t)));

  for (const t of tags) {
    const { tag, value } = t;
    if (ANNOTATION_TAGS.has(tag)) {
      if (tag === 'Annotator' || !annotation) {
        annotation = { annotation: {}, line: t.line };
        pendingAnnotations.push(annotation);
      }
      if (tag === 'Annotator') annotation.annotation.annotator = value;
      else if (tag === 'AnnotationDate') annotation.annotation.annotationDate = value;
      else if (tag === 'AnnotationType') annotation.annotation.annotationType = value;
      else if (tag === 'AnnotationComment') annotation.annotation.comment = value;
      else annotation.target = value;
      continue;
    }
    annotation = undefined;
    if (tag === 'PackageName' || tag === 'FileName') sectionLine = t.line;

    switch (tag) {
      case 'PackageName': {
        const pkg: Spdx2Package = { name: value };
        (doc.packages ??= []).push(pkg);
        section = { kind: 'package', pkg };
        lastPackage = pkg;
        continue;
      }
      case 'FileName': {
        const file: Spdx2File = { fileName: value };
        (doc.files ??= []).push(file);
        section = { kind: 'file', file, ...(lastPackage ? { container: lastPackage } : {}) };
        if (lastPackage) filesWithContainer.push({ file, container: lastPackage });
        continue;
      }
      case 'SnippetSPDXID': {
        const snippet: Spdx2Snippet = { SPDXID: value };
        (doc.snippets ??= []).push(snippet);
        section = { kind: 'snippet', snippet };
        lines.set(value, t.line);
        continue;
      }
      case 'LicenseID': {
        const license: Spdx2ExtractedLicense = { licenseId: value };
        (doc.hasExtractedLicensingInfos ??= []).push(license);
        section = { kind: 'license', license };
        continue;
      }
      case 'SPDXID': {
        if (section.kind === 'document') doc.SPDXID = value;
        else if (section.kind === 'package') section.pkg.SPDXID = value;
        else if (section.kind === 'file') section.file.SPDXID = value;
        else {
          misplaced(t, 'document, package or file');
          continue;
        }
        lines.set(value, section.kind === 'document' ? t.line : sectionLine);
        continue;
      }
      case 'Relationship': {
        const parts = value.split(/\s+/);
        if (parts.length !== 3) {
          issues.push(issue('warning', 'invalid-relationship', `Relationship "${value}" is not "<id> <TYPE> <id>"; ignored`, where(t)));
          continue;
        }
        (doc.relationships ??= []).push({ spdxElementId: parts[0], relationshipType: parts[1], relatedSpdxElement: parts[2] });
        continue;
      }
      case 'RelationshipComment': {
        const last = doc.relationships?.at(-1);
        if (last) last.comment = value;
        else misplaced(t, 'relationship');
        continue;
      }
      case 'ExternalDocumentRef': {
        const m = /^(\S+)\s+(\S+)\s+(.+)$/.exec(value);
        const checksum = m ? parseChecksum(m[3]!.trim()) : undefined;
        if (!m || !checksum) {
          issues.push(issue('warning', 'invalid-external-document-ref', `ExternalDocumentRef "${value}" is not "<id> <URI> <ALG>: <hex>"; ignored`, where(t)));
          continue;
        }
        (doc.externalDocumentRefs ??= []).push({ externalDocumentId: m[1], spdxDocument: m[2], checksum });
        continue;
      }
      case 'PackageChecksum':
      case 'FileChecksum': {
        const target = tag === 'PackageChecksum' ? (section.kind === 'package' ? section.pkg : undefined) : section.kind === 'file' ? section.file : undefined;
        if (!target) {
          misplaced(t, tag === 'PackageChecksum' ? 'package' : 'file');
          continue;
        }
        const checksum = parseChecksum(value);
        if (checksum) (target.checksums ??= []).push(checksum);
        else issues.push(issue('warning', 'invalid-checksum', `${tag} "${value}" is not "<ALG>: <hex>"; ignored`, where(t)));
        continue;
      }
      case 'ExternalRef': {
        if (section.kind !== 'package') {
          misplaced(t, 'package');
          continue;
        }
        const m = /^(\S+)\s+(\S+)\s+(.+)$/.exec(value);
        if (!m) {
          issues.push(issue('warning', 'invalid-external-ref', `ExternalRef "${value}" is not "<category> <type> <locator>"; ignored`, where(t)));
          continue;
        }
        (section.pkg.externalRefs ??= []).push({ referenceCategory: m[1], referenceType: m[2], referenceLocator: m[3]!.trim() });
        continue;
      }
      case 'ExternalRefComment': {
        const last = section.kind === 'package' ? section.pkg.externalRefs?.at(-1) : undefined;
        if (last) last.comment = value;
        else misplaced(t, 'package external reference');
        continue;
      }
    }

    if (tag in DOCUMENT_TAGS) {
      DOCUMENT_TAGS[tag]!(doc, value);
    } else if (tag in PACKAGE_TAGS) {
      if (section.kind === 'package') PACKAGE_TAGS[tag]!(section.pkg, value);
      else misplaced(t, 'package');
    } else if (tag in FILE_TAGS) {
      if (section.kind === 'file') FILE_TAGS[tag]!(section.file, value);
      else misplaced(t, 'file');
    } else if (tag in LICENSE_TAGS) {
      if (section.kind === 'license') LICENSE_TAGS[tag]!(section.license, value);
      else misplaced(t, 'licence');
    } else if (tag.startsWith('Snippet') || tag === 'LicenseInfoInSnippet') {
      if (section.kind === 'snippet') section.snippet[tag] = value;
      else misplaced(t, 'snippet');
    } else if (!IGNORED_TAGS.has(tag)) {
      issues.push(issue('warning', 'unknown-tag', `unknown tag ${tag}; ignored`, where(t)));
    }
  }

  for (const { file, container } of filesWithContainer) {
    if (file.SPDXID && container.SPDXID) (container.hasFiles ??= []).push(file.SPDXID);
  }
  attachAnnotations(doc, pendingAnnotations, issues);
  return { document: doc, lines, issues };
}

function attachAnnotations(
  doc: Spdx2Document,
  pending: { target?: string; annotation: Spdx2Annotation; line: number }[],
  issues: Issue[],
): void {
  const holders = new Map<string, { annotations?: Spdx2Annotation[] }>();
  for (const p of doc.packages ?? []) if (p.SPDXID) holders.set(p.SPDXID, p);
  for (const f of doc.files ?? []) if (f.SPDXID) holders.set(f.SPDXID, f);
  for (const { target, annotation, line } of pending) {
    const holder = target === undefined || target === doc.SPDXID ? doc : holders.get(target);
    if (!holder) {
      issues.push(issue('warning', 'dangling-ref', `annotation names ${target}, which the document does not define`, { line, field: 'SPDXREF' }));
      continue;
    }
    (holder.annotations ??= []).push(annotation);
  }
}
