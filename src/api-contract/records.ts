/** The portfolio's records as the API answers them (several route families return them). */
import {
  ID,
  NULLABLE_BOOLEAN,
  NULLABLE_EXPLOITATION,
  NULLABLE_LINKING,
  NULLABLE_MODIFICATION,
  STRING,
  STRING_LIST,
  STRING_OR_NULL,
  closed,
  type Infer,
} from './json-schema.js';

export const SHIP_STATUS = { type: 'string', enum: ['in-development', 'published', 'archived'] } as const;

export const RELEASE = closed(
  {
    id: ID,
    productId: ID,
    number: STRING,
    shipStatus: SHIP_STATUS,
    commit: STRING_OR_NULL,
    outboundLicenses: STRING_LIST,
    validationStep: { type: 'integer', minimum: 0, maximum: 6 },
  },
  ['id', 'productId', 'number', 'shipStatus', 'commit', 'outboundLicenses', 'validationStep'],
);

/** A component shared by the whole portfolio (versionless identity). */
export const COMPONENT = closed(
  {
    id: ID,
    purlType: STRING_OR_NULL,
    namespace: STRING_OR_NULL,
    name: STRING,
    purl: STRING_OR_NULL,
    description: STRING_OR_NULL,
    homepage: STRING_OR_NULL,
    language: STRING_OR_NULL,
  },
  ['id', 'purlType', 'namespace', 'name', 'purl', 'description', 'homepage', 'language'],
);

/** One version of a component, with its licence roles (declared as found, concluded, corrected). */
export const VERSION = closed(
  {
    id: ID,
    componentId: ID,
    number: STRING,
    purl: STRING_OR_NULL,
    declaredLicense: STRING_OR_NULL,
    concludedLicense: STRING_OR_NULL,
    correctedLicense: STRING_OR_NULL,
    copyright: STRING_OR_NULL,
  },
  ['id', 'componentId', 'number', 'purl', 'declaredLicense', 'concludedLicense', 'correctedLicense', 'copyright'],
);

const USAGE_PROPERTIES = {
  id: ID,
  releaseId: ID,
  versionId: ID,
  scope: STRING,
  project: STRING,
  linking: NULLABLE_LINKING,
  modified: NULLABLE_BOOLEAN,
  exploitation: NULLABLE_EXPLOITATION,
  chosenLicense: STRING_OR_NULL,
  status: { type: 'string', enum: ['auto', 'validated', 'ignored'] },
  addedBy: { type: 'string', enum: ['import', 'manual'] },
  description: STRING_OR_NULL,
} as const;
const USAGE_REQUIRED = [
  'id',
  'releaseId',
  'versionId',
  'scope',
  'project',
  'linking',
  'modified',
  'exploitation',
  'chosenLicense',
  'status',
  'addedBy',
] as const;

/** One version used in one release, in one (project, scope). */
export const USAGE = closed(USAGE_PROPERTIES, USAGE_REQUIRED);

/** A usage after an edit, with its modification spelled as the edit form takes it. */
export const EDITED_USAGE = closed({ ...USAGE_PROPERTIES, modification: NULLABLE_MODIFICATION }, [
  ...USAGE_REQUIRED,
  'modification',
]);

/** Where a BOM row's licence comes from (compliance/bom-license.ts). */
export const BOM_LICENSE = closed(
  { license: STRING_OR_NULL, basis: { type: 'string', enum: ['effective', 'expression', 'declared', 'none'] } },
  ['license', 'basis'],
);

/** One row of a release's BOM: the usage, its version and component, and the licence validation settled. */
export const BOM_ROW = closed({ usage: USAGE, version: VERSION, component: COMPONENT, license: BOM_LICENSE }, [
  'usage',
  'version',
  'component',
  'license',
]);

export type Release = Infer<typeof RELEASE>;
export type ComponentRecord = Infer<typeof COMPONENT>;
export type VersionRecord = Infer<typeof VERSION>;
export type Usage = Infer<typeof USAGE>;
export type BomRow = Infer<typeof BOM_ROW>;
export type EditedUsage = Infer<typeof EDITED_USAGE>;
