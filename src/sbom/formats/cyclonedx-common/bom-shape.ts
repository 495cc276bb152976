/**
 * The CycloneDX object shape as the JSON format spells it. The XML reader converts its tree into
 * this shape, and the XML writer prints it, so one mapping to and from the Vigie model serves both.
 * Every field is optional and loosely typed: this is what a document MAY contain, checked as read.
 */
export type CdxAcknowledgement = 'declared' | 'concluded';

export interface CdxAttachment {
  content?: string;
  contentType?: string;
  encoding?: string;
}

export interface CdxLicense {
  id?: string;
  name?: string;
  text?: CdxAttachment;
  url?: string;
  acknowledgement?: string;
  'bom-ref'?: string;
  /** CycloneDX 1.5+; ORT says there which role the licence has (`ort:origin`). */
  properties?: CdxProperty[];
}

export interface CdxLicenseChoice {
  license?: CdxLicense;
  expression?: string;
  acknowledgement?: string;
  'bom-ref'?: string;
}

export interface CdxContact {
  name?: string;
  email?: string;
  phone?: string;
}

export interface CdxOrganization {
  name?: string;
  url?: string[];
  contact?: CdxContact[];
}

export interface CdxHash {
  alg?: string;
  content?: string;
}

export interface CdxExternalReference {
  type?: string;
  url?: string;
  comment?: string;
  hashes?: CdxHash[];
}

export interface CdxProperty {
  name?: string;
  value?: string;
}

export interface CdxComponent {
  type?: string;
  'bom-ref'?: string;
  supplier?: CdxOrganization;
  manufacturer?: CdxOrganization;
  authors?: CdxContact[];
  author?: string;
  publisher?: string;
  group?: string;
  name?: string;
  version?: string;
  description?: string;
  scope?: string;
  hashes?: CdxHash[];
  licenses?: CdxLicenseChoice[];
  copyright?: string;
  cpe?: string;
  purl?: string;
  omniborId?: string[];
  swhid?: string[];
  swid?: { tagId?: string; name?: string };
  externalReferences?: CdxExternalReference[];
  properties?: CdxProperty[];
  components?: CdxComponent[];
  evidence?: {
    occurrences?: { location?: string }[];
    copyright?: { text?: string }[];
    licenses?: CdxLicenseChoice[];
  };
  modelCard?: CdxModelCard;
  data?: CdxComponentData[];
}

export interface CdxLegacyTool {
  vendor?: string;
  name?: string;
  version?: string;
}

export interface CdxService {
  'bom-ref'?: string;
  name?: string;
  version?: string;
  group?: string;
  provider?: CdxOrganization;
  services?: CdxService[];
}

export interface CdxMetadata {
  timestamp?: string;
  lifecycles?: { phase?: string; name?: string }[];
  tools?: CdxLegacyTool[] | { components?: CdxComponent[]; services?: CdxService[] };
  authors?: CdxContact[];
  component?: CdxComponent;
  manufacturer?: CdxOrganization;
  manufacture?: CdxOrganization;
  supplier?: CdxOrganization;
  licenses?: CdxLicenseChoice[];
  properties?: CdxProperty[];
}

export interface CdxDependency {
  ref?: string;
  dependsOn?: string[];
}

export interface CdxComposition {
  aggregate?: string;
  assemblies?: string[];
  dependencies?: string[];
}

export interface CdxBom {
  bomFormat?: string;
  specVersion?: string;
  serialNumber?: string;
  version?: number;
  metadata?: CdxMetadata;
  components?: CdxComponent[];
  services?: CdxService[];
  dependencies?: CdxDependency[];
  compositions?: CdxComposition[];
  /** Only counted (SBOM quality), never decoded. */
  vulnerabilities?: unknown[];
  signature?: unknown;
}

// CycloneDX 1.5+ `modelCard` and `componentData` (AI models and datasets).
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
  governance?: {
    owners?: CdxDataGovernanceParty[];
    stewards?: CdxDataGovernanceParty[];
    custodians?: CdxDataGovernanceParty[];
  };
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
    performanceMetrics?: {
      type?: string;
      value?: string;
      slice?: string;
      confidenceInterval?: { lowerBound?: string; upperBound?: string };
    }[];
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
