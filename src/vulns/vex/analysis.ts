/**
 * The VEX analysis model: one statement says what one vulnerability means for one product
 * (a component version of a release, or the release itself). The vocabulary is CycloneDX's, the
 * richest of the three formats; OpenVEX and CSAF are mapped to and from it through the one table
 * in vocabulary.ts (regulation.md §4.1).
 */

/** CycloneDX `analysis.state`. */
export const ANALYSIS_STATES = [
  'exploitable',
  'in_triage',
  'false_positive',
  'not_affected',
  'resolved',
  'resolved_with_pedigree',
] as const;
export type AnalysisState = (typeof ANALYSIS_STATES)[number];

/** CycloneDX `analysis.justification` (only meaningful for not_affected / false_positive). */
export const CDX_JUSTIFICATIONS = [
  'code_not_present',
  'code_not_reachable',
  'requires_configuration',
  'requires_dependency',
  'requires_environment',
  'protected_by_compiler',
  'protected_at_runtime',
  'protected_at_perimeter',
  'protected_by_mitigating_control',
] as const;
export type CdxJustification = (typeof CDX_JUSTIFICATIONS)[number];

/** The five justification labels shared by OpenVEX and the CSAF VEX flags. */
export const VEX_JUSTIFICATIONS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
] as const;
export type VexJustification = (typeof VEX_JUSTIFICATIONS)[number];

/** CycloneDX `analysis.response[]`. */
export const ANALYSIS_RESPONSES = [
  'can_not_fix',
  'will_not_fix',
  'update',
  'rollback',
  'workaround_available',
] as const;
export type AnalysisResponse = (typeof ANALYSIS_RESPONSES)[number];

export type VexFormat = 'cyclonedx-vex' | 'openvex' | 'csaf';
export const VEX_FORMATS: readonly VexFormat[] = ['cyclonedx-vex', 'openvex', 'csaf'];

/**
 * Which product a statement is about. Several identifiers may be known at once; `purl` is the
 * portable one, `ref`/`bomLink` tie the statement to one SBOM (CycloneDX BOM-Link,
 * `urn:cdx:<serial>/<version>#<bom-ref>`).
 */
export interface VexProduct {
  purl?: string;
  /** bom-ref inside the SBOM the statement is tied to. */
  ref?: string;
  /** Full BOM-Link, when the statement points into another BOM. */
  bomLink?: string;
  cpe?: string;
  name?: string;
  version?: string;
  /**
   * The versions of the product the statement holds for, when the document says so per version
   * (CycloneDX `affects[].versions[]`): one exact version, or a vers range. Without it, the
   * statement is about the product as named (a purl without version: every version).
   */
  only?: VersionLimit;
}

/** One version (compared as written) or a vers range (`vers:npm/>=1.0.0|<1.2.0`). */
export type VersionLimit = { version: string } | { range: string };

export function describeVersionLimit(limit: VersionLimit): string {
  return 'version' in limit ? `version ${limit.version}` : limit.range;
}

export interface VexVulnerability {
  /** Main identifier (CVE when there is one). */
  id: string;
  /** Other identifiers of the same flaw (GHSA, PYSEC, RUSTSEC, EUVD …). */
  aliases: string[];
  description?: string;
}

export interface VexAnalysis {
  state: AnalysisState;
  /** The CycloneDX justification: the richer form, kept when known. */
  justification?: CdxJustification;
  /**
   * The five-label justification as asserted by an OpenVEX/CSAF source, or as derived from
   * `justification`; kept so that `component_not_present` survives a trip through CycloneDX.
   */
  vexJustification?: VexJustification;
  responses: AnalysisResponse[];
  /** Free-text explanation (CycloneDX `detail`, OpenVEX `impact_statement`/`status_notes`, CSAF impact threat). */
  detail?: string;
  /** What to do about an affected product (OpenVEX `action_statement`, CSAF remediation details). */
  actionStatement?: string;
}

export interface VexStatement {
  vulnerability: VexVulnerability;
  product: VexProduct;
  analysis: VexAnalysis;
  /** When the statement was made or last updated (ISO 8601). */
  timestamp?: string;
}

export interface VexDocumentInfo {
  /** Document identifier: CycloneDX serialNumber, OpenVEX @id, CSAF tracking id. */
  id?: string;
  author?: string;
  timestamp?: string;
  version?: number;
  /** The SBOM the statements point into (CycloneDX BOM-Link target). */
  sbom?: { serialNumber: string; version: number };
}

export interface VexDocument {
  format: VexFormat;
  info: VexDocumentInfo;
  statements: VexStatement[];
}

/** The identity used to compare products across formats: purl first, then the SBOM links. */
export function productKey(p: VexProduct): string {
  const only = p.only ? `\u0000${describeVersionLimit(p.only)}` : '';
  if (p.purl) return `purl:${p.purl}${only}`;
  if (p.bomLink) return `bomlink:${p.bomLink}${only}`;
  if (p.ref) return `ref:${p.ref}${only}`;
  if (p.cpe) return `cpe:${p.cpe}${only}`;
  return `name:${p.name ?? ''}@${p.version ?? ''}${only}`;
}

/** A short readable name for messages. */
export function productLabel(p: VexProduct): string {
  const name =
    p.purl ?? p.bomLink ?? p.ref ?? p.cpe ?? ([p.name, p.version].filter(Boolean).join('@') || '(unnamed product)');
  return p.only ? `${name} (${describeVersionLimit(p.only)})` : name;
}

export function isNotAffected(state: AnalysisState): boolean {
  return state === 'not_affected' || state === 'false_positive';
}
