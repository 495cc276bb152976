/**
 * THE mapping between the three VEX vocabularies (regulation.md §4.1, documented in
 * docs/vex-vocabularies.md). Every encoder and decoder goes through these tables; nothing else in
 * the code knows how a CycloneDX state or justification is spelled in OpenVEX or CSAF.
 *
 * A row marked `back: true` is the one used when reading the other format into CycloneDX terms;
 * a CycloneDX value whose row is not the `back` row of its target is lossy in that direction
 * (writing it and reading it back gives another value), and encoders report it.
 */
import type { AnalysisResponse, AnalysisState, CdxJustification, VexJustification } from './analysis.js';

export type OpenVexStatus = 'not_affected' | 'affected' | 'fixed' | 'under_investigation';
export type CsafProductStatus = 'known_not_affected' | 'known_affected' | 'fixed' | 'under_investigation';
export type CsafRemediationCategory = 'vendor_fix' | 'workaround' | 'mitigation' | 'no_fix_planned' | 'none_available';

interface StateRow {
  cyclonedx: AnalysisState;
  openvex: OpenVexStatus;
  csaf: CsafProductStatus;
  /** This row is the one read back from OpenVEX/CSAF. */
  back: boolean;
}

export const STATE_TABLE: readonly StateRow[] = [
  { cyclonedx: 'exploitable', openvex: 'affected', csaf: 'known_affected', back: true },
  { cyclonedx: 'in_triage', openvex: 'under_investigation', csaf: 'under_investigation', back: true },
  { cyclonedx: 'not_affected', openvex: 'not_affected', csaf: 'known_not_affected', back: true },
  { cyclonedx: 'false_positive', openvex: 'not_affected', csaf: 'known_not_affected', back: false },
  { cyclonedx: 'resolved', openvex: 'fixed', csaf: 'fixed', back: true },
  { cyclonedx: 'resolved_with_pedigree', openvex: 'fixed', csaf: 'fixed', back: false },
];

/** CSAF product-status lists that only occur in CSAF, read as their nearest VEX status. */
export const CSAF_EXTRA_STATUSES: Readonly<Record<string, CsafProductStatus>> = {
  first_affected: 'known_affected',
  last_affected: 'known_affected',
  first_fixed: 'fixed',
};

interface JustificationRow {
  cyclonedx: CdxJustification;
  /** The OpenVEX justification / CSAF flag label. */
  vex: VexJustification;
  /** Written for this CycloneDX value (one per CycloneDX value). */
  forth: boolean;
  /** Read back for this label (one per label). */
  back: boolean;
}

export const JUSTIFICATION_TABLE: readonly JustificationRow[] = [
  { cyclonedx: 'code_not_present', vex: 'vulnerable_code_not_present', forth: true, back: true },
  // CycloneDX has no "component not present"; the code is absent with it, the closest value.
  { cyclonedx: 'code_not_present', vex: 'component_not_present', forth: false, back: true },
  { cyclonedx: 'code_not_reachable', vex: 'vulnerable_code_not_in_execute_path', forth: true, back: true },
  {
    cyclonedx: 'requires_environment',
    vex: 'vulnerable_code_cannot_be_controlled_by_adversary',
    forth: true,
    back: true,
  },
  {
    cyclonedx: 'requires_configuration',
    vex: 'vulnerable_code_cannot_be_controlled_by_adversary',
    forth: true,
    back: false,
  },
  {
    cyclonedx: 'requires_dependency',
    vex: 'vulnerable_code_cannot_be_controlled_by_adversary',
    forth: true,
    back: false,
  },
  { cyclonedx: 'protected_by_mitigating_control', vex: 'inline_mitigations_already_exist', forth: true, back: true },
  { cyclonedx: 'protected_by_compiler', vex: 'inline_mitigations_already_exist', forth: true, back: false },
  { cyclonedx: 'protected_at_runtime', vex: 'inline_mitigations_already_exist', forth: true, back: false },
  { cyclonedx: 'protected_at_perimeter', vex: 'inline_mitigations_already_exist', forth: true, back: false },
];

interface ResponseRow {
  cyclonedx: AnalysisResponse;
  csaf: CsafRemediationCategory;
  back: boolean;
  /** Action text used when no action statement was recorded (OpenVEX needs one for affected). */
  action: string;
}

export const RESPONSE_TABLE: readonly ResponseRow[] = [
  { cyclonedx: 'update', csaf: 'vendor_fix', back: true, action: 'Update to a version that fixes the vulnerability.' },
  {
    cyclonedx: 'rollback',
    csaf: 'vendor_fix',
    back: false,
    action: 'Roll back to a version without the vulnerability.',
  },
  { cyclonedx: 'workaround_available', csaf: 'workaround', back: true, action: 'Apply the documented workaround.' },
  { cyclonedx: 'will_not_fix', csaf: 'no_fix_planned', back: true, action: 'No fix is planned.' },
  { cyclonedx: 'can_not_fix', csaf: 'none_available', back: true, action: 'No fix is available.' },
];

/** CSAF `mitigation` has no CycloneDX response of its own; a workaround is the nearest. */
const CSAF_MITIGATION_RESPONSE: AnalysisResponse = 'workaround_available';

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`VEX vocabulary table has no row for ${what}`);
  return value;
}

export function stateToOpenVex(state: AnalysisState): OpenVexStatus {
  return must(
    STATE_TABLE.find((r) => r.cyclonedx === state),
    state,
  ).openvex;
}
export function stateToCsaf(state: AnalysisState): CsafProductStatus {
  return must(
    STATE_TABLE.find((r) => r.cyclonedx === state),
    state,
  ).csaf;
}
export function stateFromOpenVex(status: OpenVexStatus): AnalysisState {
  return must(
    STATE_TABLE.find((r) => r.back && r.openvex === status),
    status,
  ).cyclonedx;
}
export function stateFromCsaf(status: CsafProductStatus): AnalysisState {
  return must(
    STATE_TABLE.find((r) => r.back && r.csaf === status),
    status,
  ).cyclonedx;
}
/** True when writing `state` to OpenVEX/CSAF and reading it back gives another state. */
export function stateIsLossy(state: AnalysisState): boolean {
  return !must(
    STATE_TABLE.find((r) => r.cyclonedx === state),
    state,
  ).back;
}

export function justificationToVex(j: CdxJustification): VexJustification {
  return must(
    JUSTIFICATION_TABLE.find((r) => r.forth && r.cyclonedx === j),
    j,
  ).vex;
}
export function justificationFromVex(j: VexJustification): CdxJustification {
  return must(
    JUSTIFICATION_TABLE.find((r) => r.back && r.vex === j),
    j,
  ).cyclonedx;
}
/** True when the five-label form of `j` reads back as another CycloneDX value. */
export function justificationIsLossy(j: CdxJustification): boolean {
  return justificationFromVex(justificationToVex(j)) !== j;
}

export function responseToCsaf(r: AnalysisResponse): CsafRemediationCategory {
  return must(
    RESPONSE_TABLE.find((row) => row.cyclonedx === r),
    r,
  ).csaf;
}
export function responseFromCsaf(c: CsafRemediationCategory): AnalysisResponse {
  if (c === 'mitigation') return CSAF_MITIGATION_RESPONSE;
  return must(
    RESPONSE_TABLE.find((row) => row.back && row.csaf === c),
    c,
  ).cyclonedx;
}
export function responseAction(r: AnalysisResponse): string {
  return must(
    RESPONSE_TABLE.find((row) => row.cyclonedx === r),
    r,
  ).action;
}
