// SBOM quality profiles are data: a profile is a list of check definitions, each naming a probe
// (a pure test over the document view) by id. A new profile (e.g. the G7 "SBOM for AI" elements) is a
// new data file; it only needs code when it asks for a property no probe reads yet.
import type { ProbeId } from './probes/index.js';
import type { ComponentKind } from './view.js';

export type { ComponentKind };

/** How binding a check is: BSI TR-03183-2's three words; NTIA/CISA minimum elements are "required". */
export type CheckLevel = 'required' | 'additional' | 'optional';

export interface CheckDefinition {
  /** Stable id, prefixed by the profile family: `bsi.component.deployable-hash`. */
  id: string;
  title: string;
  /** The clause the rule comes from, as cited in the reference note. */
  clause: string;
  level: CheckLevel;
  probe: ProbeId;
  /** What a passing component has, for "412/430 components <coverage>". */
  coverage: string;
  /** How to fix a failure; says [S] (secondary source) or [V] (verify) where the note does. */
  help: string;
  /** Component kinds the check applies to (component probes only); all kinds when absent. */
  kinds?: readonly ComponentKind[];
}

export interface QualityProfile {
  /** `ntia-2021`, `bsi-tr-03183-2@2.1.0`, … */
  id: string;
  title: string;
  source: string;
  checks: readonly CheckDefinition[];
}

/** The result of one check on one document (the `--json` shape, plus what the text view needs). */
export interface CheckResult {
  id: string;
  title: string;
  clause: string;
  level: CheckLevel;
  pass: boolean;
  /** Items that pass, over the items the check applies to (components, or 1 for the document). */
  covered: number;
  total: number;
  /** Refs of the components that fail (empty for document checks). */
  failing: string[];
}

export interface ProfileResult {
  profile: string;
  /** True when every required check passes. */
  pass: boolean;
  checks: CheckResult[];
}
