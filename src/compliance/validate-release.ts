import type { ReleaseSnapshot, ValidationSettings } from './snapshot.js';
import type { Blocker, StepResult } from './finding.js';
import { createContext, type NormalisedAnswer, type UsageState } from './validation-context.js';
import { stepValidSpdx } from './step-1-valid-spdx.js';
import { stepConfirmAnds } from './step-2-confirm-ands.js';
import { stepExploitations } from './step-3-exploitations.js';
import { stepChoices } from './step-4-choices.js';
import { stepPolicy } from './step-5-policy.js';
import { stepCompatibility } from './step-6-compatibility.js';
import type { Exploitation } from '../model/usage-context.js';

/** What validation concluded for one usage (the licences obligations and reports work from). */
export interface ResolvedUsage {
  usageId: number;
  /** Valid SPDX expression after curations and AND confirmations, or null. */
  expression: string | null;
  expressionOrigin: string;
  /** What the normaliser read in the licence string found (its canonical form when already SPDX); absent in runs stored before. */
  normalised?: NormalisedAnswer | null;
  /** The expression a recorded curation or AND confirmation gave; absent in runs stored before. */
  curated?: string | null;
  exploitation: Exploitation | null;
  /** The effective licence expression (no choice left), or null when not resolved yet. */
  effective: string | null;
  effectiveOrigin: string;
  /** Licences that apply (leaves of the effective expression). */
  licenses: string[] | null;
  /** First step that blocks this usage, or null. */
  blockedAt: number | null;
}

export interface ReleaseValidation {
  releaseId: number;
  steps: StepResult[];
  /** Last step passed, 0–6: steps only count in order. */
  validationStep: number;
  /** Every blocker of every step, in step order. */
  blockerCount: number;
  usages: ResolvedUsage[];
  /** The settings the run applied (absent in runs stored before they existed). */
  settings?: ValidationSettings;
}

export interface ValidateOptions {
  /**
   * Blockers name the recipe of their generalisations instead of listing them (ADR 42): for a run
   * about to be stored, which keeps only the name. Off by default: every other reader gets lists.
   */
  namedGeneralisations?: boolean;
  /**
   * Given, each step's list of blockers is added to it as the step starts, and the step adds its
   * blockers to that list as it finds them: a caller resuming validationInSteps slice by slice can
   * write out the blockers found so far and let go of them, replacing each by `undefined` (a step
   * reads only its list's length, so the counts and verdicts stay whole). Used to store a run of a
   * large release without holding all its blockers (validation-runs.ts).
   */
  stepLists?: Blocker[][];
}

/** The six steps of DESIGN.md, all computed (later steps on what earlier ones could resolve). */
export function validateRelease(snapshot: ReleaseSnapshot, options: ValidateOptions = {}): ReleaseValidation {
  const steps = validationInSteps(snapshot, options);
  let next = steps.next();
  while (!next.done) next = steps.next();
  return next.value;
}

const STEPS = [stepValidSpdx, stepConfirmAnds, stepExploitations, stepChoices, stepPolicy, stepCompatibility];

/**
 * validateRelease a slice at a time: the generator pauses before each step and every few thousand
 * usages within one (StepInSlices), and returns the same validation. A caller sharing its thread
 * with I/O (an import whose rows are on their way to a database server, ADR 59) resumes it between
 * turns of its event loop.
 */
export function* validationInSteps(
  snapshot: ReleaseSnapshot,
  options: ValidateOptions = {},
): Generator<void, ReleaseValidation, void> {
  const ctx = createContext(snapshot, options.namedGeneralisations ?? false, options.stepLists);
  const steps: StepResult[] = [];
  for (const step of STEPS) {
    yield;
    steps.push(yield* step(ctx));
  }
  let validationStep = 0;
  for (const s of steps) {
    if (!s.passed) break;
    validationStep = s.step;
  }
  return {
    releaseId: snapshot.release.id,
    steps,
    validationStep,
    blockerCount: steps.reduce((n, s) => n + s.blockers.length, 0),
    usages: ctx.states.map(resolved),
    settings: { ...snapshot.settings },
  };
}

function resolved(s: UsageState): ResolvedUsage {
  return {
    usageId: s.item.usage.id,
    expression: s.confirmed?.canonical ?? s.expression?.canonical ?? null,
    expressionOrigin: s.expressionOrigin,
    normalised: s.normalised,
    curated: s.curated,
    exploitation: s.exploitation,
    effective: s.chosen?.canonical ?? null,
    effectiveOrigin: s.chosenOrigin,
    licenses: s.effectiveLicenses,
    blockedAt: s.blockedAt,
  };
}
