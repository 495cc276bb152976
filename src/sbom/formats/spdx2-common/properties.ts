/**
 * Property names under which the decoders keep SPDX 2 fields that the model has no slot for, so that
 * encoding the model back to SPDX 2 restores them.
 */
export const SPDX_PROPERTY = {
  primaryPackagePurpose: 'spdx:primaryPackagePurpose',
  packageFileName: 'spdx:packageFileName',
  summary: 'spdx:summary',
  comment: 'spdx:comment',
  sourceInfo: 'spdx:sourceInfo',
  licenseComments: 'spdx:licenseComments',
  releaseDate: 'spdx:releaseDate',
  builtDate: 'spdx:builtDate',
  validUntilDate: 'spdx:validUntilDate',
  attributionText: 'spdx:attributionText',
  licenseInfoFromFiles: 'spdx:licenseInfoFromFiles',
  fileType: 'spdx:fileType',
  noticeText: 'spdx:noticeText',
  /** Followed by `:<referenceType>`: a PACKAGE-MANAGER locator that is not a purl (maven-central, npm, …). */
  packageManagerRef: 'spdx:externalRef',
  creatorComment: 'spdx:creatorComment',
  licenseListVersion: 'spdx:licenseListVersion',
  /** Tag-value form: `DocumentRef-x <document URI> <ALG>: <hex>`. */
  externalDocumentRef: 'spdx:externalDocumentRef',
  /** Names of document creators that were organisations (the model's authors are contacts). */
  creatorOrganization: 'spdx:creatorOrganization',
} as const;

export const EFFECTIVE_LICENSE_ANNOTATION = 'vigie:license:effective=';
