import type { ReleaseSnapshot, ValidationSettings } from './snapshot.js';
import type { StepResult } from './finding.js';
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
}

/** The six steps of DESIGN.md, all computed (later steps on what earlier ones could resolve). */
export function validateRelease(snapshot: ReleaseSnapshot, options: ValidateOptions = {}): ReleaseValidation {
  const ctx = createContext(snapshot, options.namedGeneralisations ?? false);
  const steps = [
    stepValidSpdx(ctx),
    stepConfirmAnds(ctx),
    stepExploitations(ctx),
    stepChoices(ctx),
    stepPolicy(ctx),
    stepCompatibility(ctx),
  ];
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
