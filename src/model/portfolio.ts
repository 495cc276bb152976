import type { Exploitation, Linking } from './usage-context.js';

/**
 * The portfolio: what an organisation ships. Ids are store-assigned integers. Licence expressions
 * are SPDX strings; raw strings are kept beside them where they came from a document.
 */

export interface Category {
  id: number;
  name: string;
  description: string | null;
  /** Licences under which products of this category are distributed. */
  outboundLicenses: string[];
}

export interface Product {
  id: number;
  name: string;
  description: string | null;
  owner: string | null;
  categoryIds: number[];
  outboundLicenses: string[];
}

export type ShipStatus = 'in-development' | 'published' | 'archived';
export const SHIP_STATUSES: readonly ShipStatus[] = ['in-development', 'published', 'archived'];

export interface Release {
  id: number;
  productId: number;
  number: string;
  shipStatus: ShipStatus;
  commit: string | null;
  /** Outbound licences of this release; empty means "those of the product". */
  outboundLicenses: string[];
  /** Last validation step passed, 0–6 (recomputed on demand, cached here). */
  validationStep: number;
}

/** A component shared across the whole portfolio (deduplicated by versionless canonical purl, else name). */
export interface ComponentRecord {
  id: number;
  /** purl type (`npm`, `maven`…), or null when the component has no purl. */
  purlType: string | null;
  namespace: string | null;
  name: string;
  /** Versionless canonical purl, the identity key when present. */
  purl: string | null;
  description: string | null;
  homepage: string | null;
  language: string | null;
}

/** One version of a component, with the three licence roles of DESIGN.md. */
export interface VersionRecord {
  id: number;
  componentId: number;
  number: string;
  purl: string | null;
  /** Declared licence string exactly as found. */
  declaredLicense: string | null;
  /** Concluded SPDX expression (what the distributor concluded). */
  concludedLicense: string | null;
  /** Corrected expression after a curation, when one applied. */
  correctedLicense: string | null;
  copyright: string | null;
}

export type UsageStatus = 'auto' | 'validated' | 'ignored';
export type UsageOrigin = 'import' | 'manual';

/** One version used in one release, in one (project, scope). */
export interface Usage {
  id: number;
  releaseId: number;
  versionId: number;
  /** Package-manager scope (`dependencies`, `devDependencies`, `prod`, `dev`…); '' when unknown. */
  scope: string;
  /** Sub-project or module; '' for the release's root project. */
  project: string;
  linking: Linking | null;
  modified: boolean | null;
  /** Explicit exploitation; null = derived from the release's exploitation rules. */
  exploitation: Exploitation | null;
  /** The licence expression chosen for this usage once ORs are resolved. */
  chosenLicense: string | null;
  status: UsageStatus;
  addedBy: UsageOrigin;
  /** Free text a person wrote about this usage (why it is there, how it is used). */
  description?: string | null;
}

/** (scope?, project?) → exploitation, for one release. Null fields mean "any". */
export interface ExploitationRule {
  id: number;
  releaseId: number;
  scope: string | null;
  project: string | null;
  exploitation: Exploitation;
}
