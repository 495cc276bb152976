import type { DecisionScope } from '../model/decision.js';
import type { Exploitation } from '../model/usage-context.js';
import type { Confidence } from '../licenses/normalize/result.js';

export type StepNumber = 1 | 2 | 3 | 4 | 5 | 6;

export const STEP_NAMES: Record<StepNumber, string> = {
  1: 'Valid SPDX',
  2: 'Confirm ANDs',
  3: 'Exploitations',
  4: 'Licence choices',
  5: 'Policy',
  6: 'Compatibility',
};

/** Stable rule ids (SARIF rule ids, JUnit test names, API codes). */
export const STEP_RULES: Record<StepNumber, string> = {
  1: 'vigie/valid-spdx',
  2: 'vigie/confirm-and',
  3: 'vigie/exploitation',
  4: 'vigie/license-choice',
  5: 'vigie/policy',
  6: 'vigie/compatibility',
};

export type FixAction =
  | 'curate'
  | 'confirm-and'
  | 'set-exploitation'
  | 'choose-license'
  | 'add-derogation'
  | 'review-policy'
  | 'change-outbound'
  | 'set-outbound'
  | 'set-linking'
  /** Declare a fact of the release's use (commercial, fields of use, users…) a use restriction depends on. */
  | 'declare-use';

/** A scope at which the decision that clears a blocker could be recorded, most specific first. */
export interface Generalisation {
  /** `version`, `component`, `everything` (curations); `release`, `product`, `category`, `all` … */
  level: string;
  /** What the decision's scope would hold (fields left out mean "any"). */
  scope: Partial<DecisionScope>;
  description: string;
}

export interface Fix {
  action: FixAction;
  /** What to record: candidate expressions, licences, exploitations. Best first. */
  suggestions: string[];
  generalisations: Generalisation[];
  /** One sentence saying what to do. */
  hint: string;
  /** A decision that can be recorded as it stands (one click): the normaliser's answer as a curation. */
  proposal?: CurationProposal;
}

/** The normaliser's reading of a licence string, offered as the curation that would record it. */
export interface CurationProposal {
  type: 'curation';
  fromExpression: string;
  toExpression: string;
  confidence: Confidence;
  /** What the normaliser matched or assumed. */
  notes: string[];
}

/** Where a blocker sits: a usage (steps 1, 2, 4, 5, 6) or a (project, scope) of the release (step 3). */
export interface BlockerSubject {
  usageIds: number[];
  component: string | null;
  /** The component key decisions use (purl or name). */
  componentKey: string | null;
  version: string | null;
  purl: string | null;
  project: string;
  scope: string;
  exploitation: Exploitation | null;
}

export interface Blocker extends BlockerSubject {
  step: StepNumber;
  /** The rule broken, e.g. `vigie/policy/never-allowed`. */
  rule: string;
  /** Finer kind inside a step: `invalid-expression`, `conflicting-decisions`, `never-allowed` … */
  kind: string;
  license: string | null;
  message: string;
  fix: Fix;
  /** Ids of the decisions involved (the conflicting ones, or the one found invalid). */
  decisions: number[];
}

/**
 * The decisions of a blocker that names none: one frozen empty list shared by all such blockers (a
 * large release has ~100k of them; nothing adds to a blocker's list once it is made).
 */
export const NO_DECISIONS = Object.freeze([]) as unknown as number[];

export interface StepResult {
  step: StepNumber;
  name: string;
  passed: boolean;
  blockers: Blocker[];
  /** Usages this step could not judge because an earlier step blocks them. */
  pending: number;
  /** How many usages (or (project, scope) pairs for step 3) were checked and passed. */
  checked: number;
  notes: string[];
}
