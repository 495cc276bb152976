// The JSON types of the SPDX 2 fields the decoder reads (json-shape.ts checks them before decoding;
// JSON and YAML only: the tag-value reader builds the document itself).
import { checkShape, listOf, objectWith, type Shape } from '../../json-shape.js';
import type { DecodeResult } from '../../format.js';
import { decodeSpdx2Document } from './decode-document.js';
import type { Spdx2Document } from './document.js';

const strings = listOf('string');
const checksum = objectWith({ algorithm: 'string', checksumValue: 'string' });
const annotation = objectWith({
  annotationDate: 'string',
  annotationType: 'string',
  annotator: 'string',
  comment: 'string',
});
const externalRef = objectWith({
  referenceCategory: 'string',
  referenceType: 'string',
  referenceLocator: 'string',
  comment: 'string',
});

const spdxPackage = objectWith({
  SPDXID: 'string',
  name: 'string',
  versionInfo: 'string',
  packageFileName: 'string',
  supplier: 'string',
  originator: 'string',
  downloadLocation: 'string',
  filesAnalyzed: 'boolean',
  packageVerificationCode: objectWith({
    packageVerificationCodeValue: 'string',
    packageVerificationCodeExcludedFiles: strings,
  }),
  checksums: listOf(checksum),
  homepage: 'string',
  sourceInfo: 'string',
  licenseConcluded: 'string',
  licenseInfoFromFiles: strings,
  licenseDeclared: 'string',
  licenseComments: 'string',
  copyrightText: 'string',
  summary: 'string',
  description: 'string',
  comment: 'string',
  externalRefs: listOf(externalRef),
  attributionTexts: strings,
  primaryPackagePurpose: 'string',
  releaseDate: 'string',
  builtDate: 'string',
  validUntilDate: 'string',
  hasFiles: strings,
  annotations: listOf(annotation),
});

const spdxFile = objectWith({
  SPDXID: 'string',
  fileName: 'string',
  fileTypes: strings,
  checksums: listOf(checksum),
  licenseConcluded: 'string',
  licenseInfoInFiles: strings,
  licenseComments: 'string',
  copyrightText: 'string',
  comment: 'string',
  noticeText: 'string',
  fileContributors: strings,
  attributionTexts: strings,
  annotations: listOf(annotation),
});

export const SPDX2_DOCUMENT_TYPES: Shape = objectWith({
  spdxVersion: 'string',
  dataLicense: 'string',
  SPDXID: 'string',
  name: 'string',
  documentNamespace: 'string',
  externalDocumentRefs: listOf(objectWith({ externalDocumentId: 'string', spdxDocument: 'string', checksum })),
  creationInfo: objectWith({ created: 'string', creators: strings, comment: 'string', licenseListVersion: 'string' }),
  comment: 'string',
  documentDescribes: strings,
  packages: listOf(spdxPackage),
  files: listOf(spdxFile),
  snippets: listOf(objectWith({ SPDXID: 'string' })),
  hasExtractedLicensingInfos: listOf(
    objectWith({ licenseId: 'string', extractedText: 'string', name: 'string', seeAlsos: strings, comment: 'string' }),
  ),
  relationships: listOf(
    objectWith({
      spdxElementId: 'string',
      relationshipType: 'string',
      relatedSpdxElement: 'string',
      comment: 'string',
    }),
  ),
  annotations: listOf(annotation),
});

/**
 * Decodes a parsed SPDX 2 JSON or YAML document after checking its types: a value of the wrong
 * type is an error at its JSON path and is left out (issue 13 item 2).
 */
export function decodeParsedSpdx2Document(doc: Spdx2Document, format: string): DecodeResult {
  const typed = checkShape(doc, SPDX2_DOCUMENT_TYPES);
  const result = decodeSpdx2Document(typed.value, format);
  if (typed.issues.length > 0) result.issues.unshift(...typed.issues);
  return result;
}
