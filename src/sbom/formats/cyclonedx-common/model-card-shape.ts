// CycloneDX 1.5+ `modelCard` and `componentData` as they appear in JSON (every field optional: the
// decoder checks types). Fields the model keeps that CycloneDX has no place for travel as properties
// of the model card in Vigie's namespace (AI_PROPERTY), so that a document Vigie wrote reads back
// the same.
import type { CdxContact, CdxOrganization, CdxProperty } from './bom-shape.js';

export interface CdxDataGovernanceParty {
  organization?: CdxOrganization;
  contact?: CdxContact;
}

export interface CdxComponentData {
  'bom-ref'?: string;
  type?: string;
  name?: string;
  contents?: { url?: string; properties?: CdxProperty[] };
  classification?: string;
  sensitiveData?: string[];
  description?: string;
  governance?: { owners?: CdxDataGovernanceParty[]; stewards?: CdxDataGovernanceParty[]; custodians?: CdxDataGovernanceParty[] };
}

export interface CdxModelCard {
  'bom-ref'?: string;
  modelParameters?: {
    approach?: { type?: string };
    task?: string;
    architectureFamily?: string;
    modelArchitecture?: string;
    datasets?: (CdxComponentData | { ref?: string })[];
    inputs?: { format?: string }[];
    outputs?: { format?: string }[];
  };
  quantitativeAnalysis?: {
    performanceMetrics?: { type?: string; value?: string; slice?: string; confidenceInterval?: { lowerBound?: string; upperBound?: string } }[];
  };
  considerations?: {
    users?: string[];
    useCases?: string[];
    technicalLimitations?: string[];
    performanceTradeoffs?: string[];
    ethicalConsiderations?: { name?: string; mitigationStrategy?: string }[];
    environmentalConsiderations?: { properties?: CdxProperty[] };
  };
  properties?: CdxProperty[];
}

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
  intendedUse: 'vigie:ai:intendedUse',
  /** A lineage edge other than trained-on: `<kind> <ref>` on the model card. */
  lineage: 'vigie:ai:lineage',
} as const;
