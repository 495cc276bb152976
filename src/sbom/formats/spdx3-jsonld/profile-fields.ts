// AI and Dataset profile fields kept as `spdx3:<field>` properties, with the shape the schema gives them.

export type FieldShape = 'text' | 'texts' | 'entries' | 'integer' | 'json';

const PRESENCE = ['yes', 'no', 'noAssertion'];

export interface ProfileField {
  shape: FieldShape;
  /** Allowed values when the schema restricts them. */
  values?: readonly string[];
}

export const AI_FIELDS: Readonly<Record<string, ProfileField>> = {
  ai_autonomyType: { shape: 'text', values: PRESENCE },
  ai_domain: { shape: 'texts' },
  ai_energyConsumption: { shape: 'json' },
  ai_hyperparameter: { shape: 'entries' },
  ai_informationAboutApplication: { shape: 'text' },
  ai_informationAboutTraining: { shape: 'text' },
  ai_limitation: { shape: 'text' },
  ai_metric: { shape: 'entries' },
  ai_metricDecisionThreshold: { shape: 'entries' },
  ai_modelDataPreprocessing: { shape: 'texts' },
  ai_modelExplainability: { shape: 'texts' },
  ai_safetyRiskAssessment: { shape: 'text', values: ['serious', 'high', 'medium', 'low'] },
  ai_standardCompliance: { shape: 'texts' },
  ai_typeOfModel: { shape: 'texts' },
  ai_useSensitivePersonalInformation: { shape: 'text', values: PRESENCE },
};

export const DATASET_TYPES = [
  'audio',
  'categorical',
  'graph',
  'image',
  'noAssertion',
  'numeric',
  'other',
  'sensor',
  'structured',
  'syntactic',
  'text',
  'timeseries',
  'timestamp',
  'video',
] as const;

export const DATASET_FIELDS: Readonly<Record<string, ProfileField>> = {
  dataset_anonymizationMethodUsed: { shape: 'texts' },
  dataset_confidentialityLevel: { shape: 'text', values: ['red', 'amber', 'green', 'clear'] },
  dataset_dataCollectionProcess: { shape: 'text' },
  dataset_dataPreprocessing: { shape: 'texts' },
  dataset_datasetAvailability: {
    shape: 'text',
    values: ['clickthrough', 'directDownload', 'query', 'registration', 'scrapingScript'],
  },
  dataset_datasetNoise: { shape: 'text' },
  dataset_datasetSize: { shape: 'integer' },
  dataset_datasetType: { shape: 'texts', values: DATASET_TYPES },
  dataset_datasetUpdateMechanism: { shape: 'text' },
  dataset_hasSensitivePersonalInformation: { shape: 'text', values: PRESENCE },
  dataset_intendedUse: { shape: 'text' },
  dataset_knownBias: { shape: 'texts' },
  dataset_sensor: { shape: 'entries' },
};

/** Other element fields worth a property: why the artifact exists, and when. */
export const ARTIFACT_FIELDS: Readonly<Record<string, ProfileField>> = {
  software_primaryPurpose: { shape: 'text' },
  software_additionalPurpose: { shape: 'texts' },
  software_fileKind: { shape: 'text', values: ['directory', 'file'] },
  builtTime: { shape: 'text' },
  releaseTime: { shape: 'text' },
  validUntilTime: { shape: 'text' },
  summary: { shape: 'text' },
  comment: { shape: 'text' },
  software_attributionText: { shape: 'texts' },
};

export const PROPERTY_PREFIX = 'spdx3:';

/** On a package: the spdxId of a file it `hasDistributionArtifact` (one property per artefact). */
export const DISTRIBUTION_ARTIFACT_PROPERTY = `${PROPERTY_PREFIX}hasDistributionArtifact`;
