import type { LineageEdge } from './ai.js';
import type { Component, Contact, OrganizationalEntity, Property } from './component.js';
import type { LicenseStatement } from './license-statement.js';

/** The format a document came from, or will be written as. */
export interface FormatRef {
  /** Format id from the format table: `cyclonedx-json`, `spdx-tagvalue`, … */
  id: string;
  /** Specification version as the document states it: `1.6`, `2.3`, `3.0.1`. */
  specVersion: string;
}

export interface Tool {
  name: string;
  version?: string;
  vendor?: string;
}

/** CycloneDX 1.5+ lifecycle phases; SPDX 3 `software_sbomType` maps onto the same words. */
export type LifecyclePhase =
  'design' | 'pre-build' | 'build' | 'post-build' | 'operations' | 'discovery' | 'decommission' | (string & {});

/** How complete the dependency graph claims to be (CycloneDX compositions aggregate). */
export type Completeness =
  | 'complete'
  | 'incomplete'
  | 'incomplete_first_party_only'
  | 'incomplete_third_party_only'
  | 'unknown'
  | 'not_specified';

export interface SbomMetadata {
  /** CycloneDX serialNumber (urn:uuid:…) or SPDX documentNamespace / SPDX 3 document id. */
  serialNumber?: string;
  /** CycloneDX BOM version (increments on each revision of the same serial number). */
  version?: number;
  /** Creation time, ISO 8601. */
  timestamp?: string;
  /** Document name (SPDX `name`); CycloneDX has none, the primary component names it. */
  name?: string;
  authors: Contact[];
  tools: Tool[];
  lifecycles: LifecyclePhase[];
  /** What the SBOM describes; not repeated in `Sbom.components`. */
  component?: Component;
  supplier?: OrganizationalEntity;
  manufacturer?: OrganizationalEntity;
  /** Licence of the SBOM document itself (SPDX dataLicense, CycloneDX metadata.licenses). */
  dataLicense?: LicenseStatement;
  properties: Property[];
  comment?: string;
  /**
   * How many vulnerability records the document itself carries (CycloneDX `vulnerabilities`, SPDX 3
   * security elements). Vigie keeps none of them as inventory; SBOM quality profiles need the count
   * (BSI TR-03183-2 §3.1: an SBOM carries no vulnerability data).
   */
  embeddedVulnerabilities?: number;
  /** True when the document carries an enveloped signature (CycloneDX JSF `signature`); not verified. */
  signed?: boolean;
}

/** Direct dependency edges of one component. */
export interface Dependency {
  ref: string;
  dependsOn: string[];
}

export interface Sbom {
  /** Where the document came from (for a generated SBOM: the generator's own format id). */
  source: FormatRef;
  metadata: SbomMetadata;
  /** Top-level components; nested ones hang under `Component.components`. */
  components: Component[];
  dependencies: Dependency[];
  /** AI lineage: what each model was trained, tested, fine-tuned or quantised from (absent: none). */
  lineage?: LineageEdge[];
  /** What the document says of its graph's completeness ('not_specified' when it says nothing). */
  dependencyCompleteness: Completeness;
}

export function emptySbom(source: FormatRef): Sbom {
  return {
    source,
    metadata: { authors: [], tools: [], lifecycles: [], properties: [] },
    components: [],
    dependencies: [],
    dependencyCompleteness: 'not_specified',
  };
}
