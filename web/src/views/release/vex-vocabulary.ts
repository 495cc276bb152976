// The triage vocabulary shown in the form, with help text in plain words (CycloneDX analysis states,
// justifications and responses; OpenVEX and CSAF exports map them, docs/vex-vocabularies.md). The
// values are typed by the vocabulary the server validates (vulns/vex), so a value it refuses does not compile.
import type { AnalysisResponse, AnalysisState, CdxJustification } from '../../../../src/vulns/vex/analysis.js';
import type { TriageScopeLevel } from '../../../../src/vulns/vex/triage.js';

export const STATES: { value: AnalysisState; label: string; help: string }[] = [
  { value: 'in_triage', label: 'In triage', help: 'Being investigated; no conclusion yet.' },
  {
    value: 'exploitable',
    label: 'Exploitable',
    help: 'The product is affected: say what will be done (a response or an action).',
  },
  {
    value: 'not_affected',
    label: 'Not affected',
    help: 'The component is present but the flaw cannot be exploited here: say why.',
  },
  {
    value: 'false_positive',
    label: 'False positive',
    help: 'The match is wrong (not this component or not this version).',
  },
  { value: 'resolved', label: 'Resolved', help: 'Fixed in this release (e.g. the component was patched or upgraded).' },
  {
    value: 'resolved_with_pedigree',
    label: 'Resolved with pedigree',
    help: 'Fixed, and the SBOM pedigree records the patch.',
  },
];

export const JUSTIFICATIONS: { value: CdxJustification; label: string; help: string }[] = [
  {
    value: 'code_not_present',
    label: 'Code not present',
    help: 'The vulnerable code was removed or never compiled in.',
  },
  {
    value: 'code_not_reachable',
    label: 'Code not reachable',
    help: 'The vulnerable code is shipped but never called by the product.',
  },
  {
    value: 'requires_configuration',
    label: 'Requires configuration',
    help: 'Only exploitable with a configuration the product does not use.',
  },
  {
    value: 'requires_dependency',
    label: 'Requires dependency',
    help: 'Only exploitable with another component the product does not ship.',
  },
  {
    value: 'requires_environment',
    label: 'Requires environment',
    help: 'Only exploitable in an environment the product does not run in.',
  },
  {
    value: 'protected_by_compiler',
    label: 'Protected by compiler',
    help: 'Compiler flags or the language prevent exploitation.',
  },
  { value: 'protected_at_runtime', label: 'Protected at runtime', help: 'A runtime mechanism prevents exploitation.' },
  {
    value: 'protected_at_perimeter',
    label: 'Protected at perimeter',
    help: 'Network controls in front of the product prevent exploitation.',
  },
  {
    value: 'protected_by_mitigating_control',
    label: 'Protected by mitigating control',
    help: 'Another control in the product prevents exploitation.',
  },
];

export const RESPONSES: { value: AnalysisResponse; label: string }[] = [
  { value: 'update', label: 'Update the component' },
  { value: 'workaround_available', label: 'Workaround available' },
  { value: 'rollback', label: 'Roll back' },
  { value: 'will_not_fix', label: 'Will not fix' },
  { value: 'can_not_fix', label: 'Cannot fix' },
];

export const SCOPES: { value: TriageScopeLevel; label: string }[] = [
  { value: 'release', label: 'This release' },
  { value: 'product', label: 'Every release of the product' },
  { value: 'all', label: 'Every product' },
];

export const stateLabel = (state: string | null | undefined): string =>
  STATES.find((s) => s.value === state)?.label ?? (state ? state : 'Untriaged');
