/**
 * The SPDX 2.x document as its JSON serialisation shapes it. JSON and YAML parse straight into it;
 * the tag-value reader builds it, and the tag-value writer reads it, so one mapping to and from the
 * Vigie model serves all three syntaxes. Every field is optional here because input documents break
 * the rules; the decoder reports what is missing.
 */
export interface Spdx2Checksum {
  algorithm?: string;
  checksumValue?: string;
}

export interface Spdx2ExternalRef {
  referenceCategory?: string;
  referenceType?: string;
  referenceLocator?: string;
  comment?: string;
}

export interface Spdx2Annotation {
  annotationDate?: string;
  annotationType?: string;
  annotator?: string;
  comment?: string;
}

export interface Spdx2Package {
  SPDXID?: string;
  name?: string;
  versionInfo?: string;
  packageFileName?: string;
  supplier?: string;
  originator?: string;
  downloadLocation?: string;
  filesAnalyzed?: boolean;
  packageVerificationCode?: { packageVerificationCodeValue?: string; packageVerificationCodeExcludedFiles?: string[] };
  checksums?: Spdx2Checksum[];
  homepage?: string;
  sourceInfo?: string;
  licenseConcluded?: string;
  licenseInfoFromFiles?: string[];
  licenseDeclared?: string;
  licenseComments?: string;
  copyrightText?: string;
  summary?: string;
  description?: string;
  comment?: string;
  externalRefs?: Spdx2ExternalRef[];
  attributionTexts?: string[];
  primaryPackagePurpose?: string;
  releaseDate?: string;
  builtDate?: string;
  validUntilDate?: string;
  hasFiles?: string[];
  annotations?: Spdx2Annotation[];
}

export interface Spdx2File {
  SPDXID?: string;
  fileName?: string;
  fileTypes?: string[];
  checksums?: Spdx2Checksum[];
  licenseConcluded?: string;
  licenseInfoInFiles?: string[];
  licenseComments?: string;
  copyrightText?: string;
  comment?: string;
  noticeText?: string;
  fileContributors?: string[];
  attributionTexts?: string[];
  annotations?: Spdx2Annotation[];
}

export interface Spdx2Snippet {
  SPDXID?: string;
  snippetFromFile?: string;
  name?: string;
  [field: string]: unknown;
}

export interface Spdx2ExtractedLicense {
  licenseId?: string;
  extractedText?: string;
  name?: string;
  seeAlsos?: string[];
  comment?: string;
}

export interface Spdx2Relationship {
  spdxElementId?: string;
  relationshipType?: string;
  relatedSpdxElement?: string;
  comment?: string;
}

export interface Spdx2ExternalDocumentRef {
  externalDocumentId?: string;
  spdxDocument?: string;
  checksum?: Spdx2Checksum;
}

export interface Spdx2CreationInfo {
  created?: string;
  creators?: string[];
  comment?: string;
  licenseListVersion?: string;
}

export interface Spdx2Document {
  spdxVersion?: string;
  dataLicense?: string;
  SPDXID?: string;
  name?: string;
  documentNamespace?: string;
  externalDocumentRefs?: Spdx2ExternalDocumentRef[];
  creationInfo?: Spdx2CreationInfo;
  comment?: string;
  documentDescribes?: string[];
  packages?: Spdx2Package[];
  files?: Spdx2File[];
  snippets?: Spdx2Snippet[];
  hasExtractedLicensingInfos?: Spdx2ExtractedLicense[];
  relationships?: Spdx2Relationship[];
  annotations?: Spdx2Annotation[];
}

/** Where each element was defined in the source text, for Issues (tag-value knows lines). */
export type LineLookup = (spdxId: string) => number | undefined;

export const DOCUMENT_ID = 'SPDXRef-DOCUMENT';
