/**
 * AI models and datasets as components. A `machine-learning-model` component may carry a model card,
 * a `data` component dataset facts; lineage edges say what a model was trained, tested, fine-tuned
 * or quantised from. Field names follow CycloneDX's modelCard/componentData and SPDX 3's AI and
 * Dataset profiles (the encoders map each field to the one that can hold it, and report the rest as
 * lossy). The AI Act documents (Art. 53, Annex XII, the training-content summary) read these fields:
 * see ../shared/reference/regulation.md §5.
 */

/** How the model learns (CycloneDX `modelParameters.approach.type`). */
export type LearningApproach =
  'supervised' | 'unsupervised' | 'reinforcement-learning' | 'semi-supervised' | 'self-supervised' | (string & {});

/** Yes / no / not stated, for the SPDX 3 "presence" fields. */
export type Presence = 'yes' | 'no' | 'unknown';

/**
 * A dataset a model card names that is not a component of the document (known only by a name and a
 * link). Datasets that are components are lineage edges (`trained-on`), not references.
 */
export interface DatasetReference {
  name?: string;
  url?: string;
  description?: string;
}

export interface PerformanceMetric {
  type: string;
  value?: string;
  /** The subset of the data the figure was measured on. */
  slice?: string;
  lowerBound?: string;
  upperBound?: string;
}

export interface EthicalConsideration {
  name: string;
  mitigation?: string;
}

export interface ModelConsiderations {
  users: string[];
  useCases: string[];
  limitations: string[];
  performanceTradeoffs: string[];
  ethical: EthicalConsideration[];
  /** Energy use and other environmental notes, as text (training and inference). */
  environmental: string[];
}

export interface ModelCard {
  approach?: LearningApproach;
  /** The task the model performs (`text-generation`, `fill-mask`…; Hugging Face `pipeline_tag`). */
  task?: string;
  architectureFamily?: string;
  architecture?: string;
  /** Number of parameters, when stated (model config or card). */
  parameterCount?: number;
  /** Longest input the model accepts, in tokens. */
  contextSize?: number;
  inputs: { format: string }[];
  outputs: { format: string }[];
  /** Datasets known only by name; those that are components are `trained-on` lineage edges. */
  datasets: DatasetReference[];
  metrics: PerformanceMetric[];
  considerations: ModelConsiderations;
  /** Application domains (SPDX 3 `ai_domain`). */
  domains: string[];
  /** Languages the model handles (ISO 639 codes as found). */
  languages: string[];
  /** Software library the weights are made for (`transformers`, `llama.cpp`…). */
  library?: string;
  /** Free-form hub tags. */
  tags: string[];
  autonomy?: Presence;
  usesSensitivePersonalData?: Presence;
  /** Hyper-parameters as key → value text. */
  hyperparameters: { key: string; value: string }[];
  informationAboutTraining?: string;
  informationAboutApplication?: string;
}

/**
 * Where a dataset comes from, in the categories of the AI Office's training-content summary
 * template (sections 2.1–2.6).
 */
export const DATASET_ORIGINS = ['public', 'licensed', 'private', 'crawled', 'user', 'synthetic', 'other'] as const;
export type DatasetOrigin = (typeof DATASET_ORIGINS)[number];

/** Facts about a dataset (CycloneDX `componentData`, SPDX 3 `dataset_DatasetPackage`). */
export interface DatasetFacts {
  /** Origin category, when stated. */
  origin?: DatasetOrigin;
  /** What kind of data: `dataset`, `source-code`, `configuration`… (CycloneDX componentData.type). */
  kind?: string;
  /** Modalities (`text`, `image`, `audio`…; SPDX 3 `dataset_datasetType`). */
  modalities: string[];
  /** Where the contents are, or a description of them. */
  contentsUrl?: string;
  /** Size in bytes, when stated. */
  sizeBytes?: number;
  /** Size band as published by the hubs (`10M<n<100M`). */
  sizeCategory?: string;
  /** Where the data comes from and how it was gathered. */
  collectionProcess?: string;
  preprocessing: string[];
  sensitivePersonalData?: Presence;
  /** Kinds of sensitive data present (CycloneDX `sensitiveData`). */
  sensitiveData: string[];
  knownBias: string[];
  /** How the data can be obtained (`directDownload`, `registration`, `query`, `clickthrough`, `scrapingScript`). */
  availability?: string;
  intendedUse?: string;
  /** Data classification (CycloneDX `classification`, SPDX 3 `dataset_confidentialityLevel`). */
  classification?: string;
  governance: { owners: string[]; stewards: string[]; custodians: string[] };
  languages: string[];
}

/**
 * Model edges (trained-on, tested-on, fine-tuned-from, quantised-from) and one dataset edge:
 * `derived-from`, a dataset built from another dataset (extended, filtered, annotated, translated…).
 */
export const LINEAGE_KINDS = ['trained-on', 'tested-on', 'fine-tuned-from', 'quantised-from', 'derived-from'] as const;
export type LineageKind = (typeof LINEAGE_KINDS)[number];

/** `from` (a model) was trained / tested on, fine-tuned or quantised from each of `to`; or `from` (a dataset) was derived from each of `to`. */
export interface LineageEdge {
  from: string;
  kind: LineageKind;
  to: string[];
}

export function emptyModelCard(): ModelCard {
  return {
    inputs: [],
    outputs: [],
    datasets: [],
    metrics: [],
    considerations: {
      users: [],
      useCases: [],
      limitations: [],
      performanceTradeoffs: [],
      ethical: [],
      environmental: [],
    },
    domains: [],
    languages: [],
    tags: [],
    hyperparameters: [],
  };
}

export function emptyDatasetFacts(): DatasetFacts {
  return {
    modalities: [],
    preprocessing: [],
    sensitiveData: [],
    knownBias: [],
    governance: { owners: [], stewards: [], custodians: [] },
    languages: [],
  };
}
