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

/** What a tag-value decode leaves for schema validation: the document in JSON's shape, and where its elements are. */
export type TagValueParsed = Pick<TagValueReading, 'document' | 'lines'>;

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
  LicenseCrossReference: (l, v) =>
    (l.seeAlsos ??= []).push(
      ...v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  LicenseComment: (l, v) => (l.comment = v),
};

/** Tags read without effect: deprecated in SPDX 2.x (reviews, artifactOf, file dependencies). */
const IGNORED_TAGS = new Set([
  'Reviewer',
  'ReviewDate',
  'ReviewComment',
  'ArtifactOfProjectName',
  'ArtifactOfProjectHomePage',
  'ArtifactOfProjectURI',
  'FileDependency',
]);

const ANNOTATION_TAGS = new Set(['Annotator', 'AnnotationDate', 'AnnotationType', 'AnnotationComment', 'SPDXREF']);

/** Tags this reader knows: a line starting with one ends a `<text>` block that never closes. */
const SECTION_TAGS = [
  'PackageName',
  'FileName',
  'SnippetSPDXID',
  'LicenseID',
  'SPDXID',
  'Relationship',
  'RelationshipComment',
  'ExternalDocumentRef',
  'PackageChecksum',
  'FileChecksum',
  'ExternalRef',
  'ExternalRefComment',
];
const KNOWN_TAGS = new Set([
  ...SECTION_TAGS,
  ...Object.keys(DOCUMENT_TAGS),
  ...Object.keys(PACKAGE_TAGS),
  ...Object.keys(FILE_TAGS),
  ...Object.keys(LICENSE_TAGS),
  ...IGNORED_TAGS,
  ...ANNOTATION_TAGS,
  'LicenseInfoInSnippet',
]);
const isKnownTag = (tag: string) => KNOWN_TAGS.has(tag) || tag.startsWith('Snippet');

function parseChecksum(value: string): Spdx2Checksum | undefined {
  const m = /^([A-Za-z0-9-]+)\s*:\s*([0-9a-fA-F]+)$/.exec(value);
  return m ? { algorithm: m[1], checksumValue: m[2] } : undefined;
}

type PendingAnnotation = { target?: string; annotation: Spdx2Annotation; line: number };

/** What reading a tag-value document keeps track of between lines. */
interface ReaderState {
  doc: Spdx2Document;
  /** SPDX id → line of the section that defines it. */
  lines: Map<string, number>;
  issues: Issue[];
  section: Section;
  sectionLine: number;
  lastPackage?: Spdx2Package;
  /** The annotation being read, while its tags follow one another. */
  annotation?: PendingAnnotation;
  pendingAnnotations: PendingAnnotation[];
  filesWithContainer: { file: Spdx2File; container: Spdx2Package }[];
}

const where = (t: TagLine) => ({ line: t.line, field: t.tag });

function warn(r: ReaderState, t: TagLine, code: string, message: string): void {
  r.issues.push(issue('warning', code, message, where(t)));
}

function misplaced(r: ReaderState, t: TagLine, expected: string): void {
  warn(r, t, 'misplaced-tag', `${t.tag} outside a ${expected} section; ignored`);
}

/** Tags that open a section, link elements or need parsing beyond a plain value. */
const STRUCTURAL_TAGS: Record<string, (r: ReaderState, t: TagLine) => void> = {
  PackageName(r, { value }) {
    const pkg: Spdx2Package = { name: value };
    (r.doc.packages ??= []).push(pkg);
    r.section = { kind: 'package', pkg };
    r.lastPackage = pkg;
  },
  FileName(r, { value }) {
    const file: Spdx2File = { fileName: value };
    (r.doc.files ??= []).push(file);
    const container = r.lastPackage;
    r.section = { kind: 'file', file, ...(container ? { container } : {}) };
    if (container) r.filesWithContainer.push({ file, container });
  },
  SnippetSPDXID(r, t) {
    const snippet: Spdx2Snippet = { SPDXID: t.value };
    (r.doc.snippets ??= []).push(snippet);
    r.section = { kind: 'snippet', snippet };
    r.lines.set(t.value, t.line);
  },
  LicenseID(r, { value }) {
    const license: Spdx2ExtractedLicense = { licenseId: value };
    (r.doc.hasExtractedLicensingInfos ??= []).push(license);
    r.section = { kind: 'license', license };
  },
  SPDXID(r, t) {
    const { section } = r;
    if (section.kind === 'document') r.doc.SPDXID = t.value;
    else if (section.kind === 'package') section.pkg.SPDXID = t.value;
    else if (section.kind === 'file') section.file.SPDXID = t.value;
    else return misplaced(r, t, 'document, package or file');
    r.lines.set(t.value, section.kind === 'document' ? t.line : r.sectionLine);
  },
  Relationship(r, t) {
    const parts = t.value.split(/\s+/);
    if (parts.length !== 3)
      return warn(r, t, 'invalid-relationship', `Relationship "${t.value}" is not "<id> <TYPE> <id>"; ignored`);
    (r.doc.relationships ??= []).push({
      spdxElementId: parts[0],
      relationshipType: parts[1],
      relatedSpdxElement: parts[2],
    });
  },
  RelationshipComment(r, t) {
    const last = r.doc.relationships?.at(-1);
    if (last) last.comment = t.value;
    else misplaced(r, t, 'relationship');
  },
  ExternalDocumentRef(r, t) {
    const m = /^(\S+)\s+(\S+)\s+(.+)$/.exec(t.value);
    const checksum = m ? parseChecksum(m[3]!.trim()) : undefined;
    if (!m || !checksum) {
      return warn(
        r,
        t,
        'invalid-external-document-ref',
        `ExternalDocumentRef "${t.value}" is not "<id> <URI> <ALG>: <hex>"; ignored`,
      );
    }
    (r.doc.externalDocumentRefs ??= []).push({ externalDocumentId: m[1], spdxDocument: m[2], checksum });
  },
  PackageChecksum(r, t) {
    readChecksum(r, t, r.section.kind === 'package' ? r.section.pkg : undefined, 'package');
  },
  FileChecksum(r, t) {
    readChecksum(r, t, r.section.kind === 'file' ? r.section.file : undefined, 'file');
  },
  ExternalRef(r, t) {
    if (r.section.kind !== 'package') return misplaced(r, t, 'package');
    const m = /^(\S+)\s+(\S+)\s+(.+)$/.exec(t.value);
    if (!m)
      return warn(
        r,
        t,
        'invalid-external-ref',
        `ExternalRef "${t.value}" is not "<category> <type> <locator>"; ignored`,
      );
    (r.section.pkg.externalRefs ??= []).push({
      referenceCategory: m[1],
      referenceType: m[2],
      referenceLocator: m[3]!.trim(),
    });
  },
  ExternalRefComment(r, t) {
    const last = r.section.kind === 'package' ? r.section.pkg.externalRefs?.at(-1) : undefined;
    if (last) last.comment = t.value;
    else misplaced(r, t, 'package external reference');
  },
};

function readChecksum(
  r: ReaderState,
  t: TagLine,
  target: { checksums?: Spdx2Checksum[] } | undefined,
  expected: string,
): void {
  if (!target) return misplaced(r, t, expected);
  const checksum = parseChecksum(t.value);
  if (checksum) (target.checksums ??= []).push(checksum);
  else warn(r, t, 'invalid-checksum', `${t.tag} "${t.value}" is not "<ALG>: <hex>"; ignored`);
}

/** Annotator opens an annotation; the other annotation tags fill the one being read. */
function readAnnotationTag(r: ReaderState, t: TagLine): void {
  if (t.tag === 'Annotator' || !r.annotation) {
    r.annotation = { annotation: {}, line: t.line };
    r.pendingAnnotations.push(r.annotation);
  }
  const { annotation } = r.annotation;
  if (t.tag === 'Annotator') annotation.annotator = t.value;
  else if (t.tag === 'AnnotationDate') annotation.annotationDate = t.value;
  else if (t.tag === 'AnnotationType') annotation.annotationType = t.value;
  else if (t.tag === 'AnnotationComment') annotation.comment = t.value;
  else r.annotation.target = t.value;
}

/** A tag holding one value of the current section, from the per-section tables. */
function readValueTag(r: ReaderState, t: TagLine): void {
  const { tag, value } = t;
  const { section } = r;
  if (tag in DOCUMENT_TAGS) {
    DOCUMENT_TAGS[tag]!(r.doc, value);
  } else if (tag in PACKAGE_TAGS) {
    if (section.kind === 'package') PACKAGE_TAGS[tag]!(section.pkg, value);
    else misplaced(r, t, 'package');
  } else if (tag in FILE_TAGS) {
    if (section.kind === 'file') FILE_TAGS[tag]!(section.file, value);
    else misplaced(r, t, 'file');
  } else if (tag in LICENSE_TAGS) {
    if (section.kind === 'license') LICENSE_TAGS[tag]!(section.license, value);
    else misplaced(r, t, 'licence');
  } else if (tag.startsWith('Snippet') || tag === 'LicenseInfoInSnippet') {
    if (section.kind === 'snippet') section.snippet[tag] = value;
    else misplaced(r, t, 'snippet');
  } else if (!IGNORED_TAGS.has(tag)) {
    warn(r, t, 'unknown-tag', `unknown tag ${tag}; ignored`);
  }
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
  const r: ReaderState = {
    doc: {},
    lines: new Map(),
    issues,
    section: { kind: 'document' },
    sectionLine: 0,
    pendingAnnotations: [],
    filesWithContainer: [],
  };
  for (const t of tags) {
    if (ANNOTATION_TAGS.has(t.tag)) {
      readAnnotationTag(r, t);
      continue;
    }
    r.annotation = undefined;
    if (t.tag === 'PackageName' || t.tag === 'FileName') r.sectionLine = t.line;
    const structural = Object.hasOwn(STRUCTURAL_TAGS, t.tag) ? STRUCTURAL_TAGS[t.tag] : undefined;
    if (structural) structural(r, t);
    else readValueTag(r, t);
  }
  for (const { file, container } of r.filesWithContainer) {
    if (file.SPDXID && container.SPDXID) (container.hasFiles ??= []).push(file.SPDXID);
  }
  attachAnnotations(r.doc, r.pendingAnnotations, issues);
  return { document: r.doc, lines: r.lines, issues };
}

function attachAnnotations(doc: Spdx2Document, pending: PendingAnnotation[], issues: Issue[]): void {
  const holders = new Map<string, { annotations?: Spdx2Annotation[] }>();
  for (const p of doc.packages ?? []) if (p.SPDXID) holders.set(p.SPDXID, p);
  for (const f of doc.files ?? []) if (f.SPDXID) holders.set(f.SPDXID, f);
  for (const { target, annotation, line } of pending) {
    const holder = target === undefined || target === doc.SPDXID ? doc : holders.get(target);
    if (!holder) {
      issues.push(
        issue('warning', 'dangling-ref', `annotation names ${target}, which the document does not define`, {
          line,
          field: 'SPDXREF',
        }),
      );
      continue;
    }
    (holder.annotations ??= []).push(annotation);
  }
}
