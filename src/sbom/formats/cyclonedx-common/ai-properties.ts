// Model-card and dataset fields that CycloneDX has no field for travel as properties in Vigie's
// namespace, so that a document Vigie wrote reads back the same (decode-model-card.ts consumes them).
/** Model-card and dataset fields with no CycloneDX home, kept as `vigie:ai:*` properties. */
export const AI_PROPERTY = {
  parameterCount: 'vigie:ai:parameterCount',
  contextSize: 'vigie:ai:contextSize',
  domain: 'vigie:ai:domain',
  language: 'vigie:ai:language',
  library: 'vigie:ai:library',
  tag: 'vigie:ai:tag',
  autonomy: 'vigie:ai:autonomy',
  sensitivePersonalData: 'vigie:ai:sensitivePersonalData',
  hyperparameter: 'vigie:ai:hyperparameter:',
  informationAboutTraining: 'vigie:ai:informationAboutTraining',
  informationAboutApplication: 'vigie:ai:informationAboutApplication',
  environmental: 'vigie:ai:environmental',
  modality: 'vigie:ai:modality',
  sizeBytes: 'vigie:ai:sizeBytes',
  sizeCategory: 'vigie:ai:sizeCategory',
  collectionProcess: 'vigie:ai:collectionProcess',
  preprocessing: 'vigie:ai:preprocessing',
  knownBias: 'vigie:ai:knownBias',
  availability: 'vigie:ai:availability',
  origin: 'vigie:ai:origin',
  intendedUse: 'vigie:ai:intendedUse',
  /** A lineage edge other than trained-on: `<kind> <ref>` on the model card; `derived-from <ref>` on a data component. */
  lineage: 'vigie:ai:lineage',
} as const;
