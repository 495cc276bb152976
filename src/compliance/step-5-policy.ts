import type { Allowed } from '../licenses/kb/types.js';
import { isAuthorisedContext } from '../model/decision.js';
import { NO_DECISIONS, STEP_NAMES, STEP_RULES, type Blocker } from './finding.js';
import { decisionLabel } from './decision-index.js';
import {
  STATES_PER_PAUSE,
  block,
  contextPhrase,
  usageBlocker,
  type UsageState,
  type ValidationContext,
  type StepInSlices,
} from './validation-context.js';
import { usageGeneralisations } from './generalisations.js';
import { rankAlternatives } from './policy-rank.js';
import { coveringDerogation, whyNotCovered } from './derogation-cover.js';
import { factsIndex, restrictionBlockers } from './use-restrictions.js';
import { lineageBlockers } from './lineage-blockers.js';

const KIND: Record<Exclude<Allowed, 'always'>, string> = {
  never: 'never-allowed',
  context: 'context-allowed-uncovered',
  'out-of-foss-policy': 'out-of-foss-policy',
  'not-reviewed': 'not-reviewed',
};

const WHY: Record<Exclude<Allowed, 'always'>, string> = {
  never: 'is never allowed by the licence policy',
  context: 'is allowed only in authorised contexts, and no derogation or authorised context covers this usage',
  'out-of-foss-policy':
    'is outside the FOSS policy (not an open-source licence under our policy) and no derogation covers this usage',
  'not-reviewed': 'has not been reviewed: the licence policy has no decision for it',
};

const RULE: Record<Exclude<Allowed, 'always'>, string> = {
  never: `${STEP_RULES[5]}/${KIND.never}`,
  context: `${STEP_RULES[5]}/${KIND.context}`,
  'out-of-foss-policy': `${STEP_RULES[5]}/${KIND['out-of-foss-policy']}`,
  'not-reviewed': `${STEP_RULES[5]}/${KIND['not-reviewed']}`,
};

/** The answers a policy review can give, suggested by every not-reviewed blocker. */
const REVIEW_ANSWERS = Object.freeze(['always', 'context', 'never', 'out-of-foss-policy']) as string[];

/** The hint of a policy blocker that only a policy decision or a derogation resolves. */
function policyHint(allowed: Exclude<Allowed, 'always'>, license: string): string {
  return allowed === 'not-reviewed'
    ? `Have the licence policy state whether ${license} is allowed.`
    : allowed === 'context'
      ? `Record an authorised context or a derogation for ${license} covering this usage.`
      : `Record a derogation (with its justification) for ${license} covering this usage, or remove the component.`;
}

/**
 * Step 5: every licence that applies is "always allowed", or covered by a derogation or an
 * authorised context. Never-allowed, context-allowed-but-uncovered, out-of-FOSS-policy and
 * unreviewed licences are reported apart; none of them passes (unlike Hermine, out of FOSS policy
 * does not slip through).
 */
export function* stepPolicy(ctx: ValidationContext): StepInSlices {
  const blockers = ctx.blockerList();
  let checked = 0;
  let pending = 0;
  let derogated = 0;
  let restrictionsCleared = 0;
  let factsMap: ReturnType<typeof factsIndex> | undefined;
  const facts = () => (factsMap ??= factsIndex(ctx));
  let seen = 0;
  for (const state of ctx.states) {
    if (++seen % STATES_PER_PAUSE === 0) yield;
    if (!state.effectiveLicenses) {
      pending++;
      continue;
    }
    let ok = true;
    for (const license of state.effectiveLicenses) {
      // Use restrictions bind whatever the policy says of the licence (use-restrictions.ts).
      const restricted = restrictionBlockers(
        ctx,
        state,
        license,
        facts(),
        () => !!coveringDerogation(ctx, state, license),
      );
      restrictionsCleared += restricted.cleared;
      if (restricted.blockers.length) {
        ok = false;
        blockers.push(...restricted.blockers);
      }
      const policy = ctx.policyOf(license);
      if (policy.allowed === 'always') continue;
      const allowed = policy.allowed;
      // Unreviewed licences need a policy decision first: a derogation would hide the missing review.
      if (allowed !== 'not-reviewed' && coveringDerogation(ctx, state, license)) {
        derogated++;
        continue;
      }
      ok = false;
      blockers.push(block(state, policyBlocker(ctx, state, license, allowed, policy.comment)));
    }
    if (ok) checked++;
  }
  const lineage = lineageBlockers(ctx);
  blockers.push(...lineage.blockers);
  derogated += lineage.derogated;
  const notes = derogated ? [`${derogated} licence use(s) allowed by derogations or authorised contexts.`] : [];
  if (restrictionsCleared) notes.push(`${restrictionsCleared} use restriction(s) accepted by derogations.`);
  return {
    step: 5,
    name: STEP_NAMES[5],
    passed: blockers.length === 0 && pending === 0,
    blockers,
    pending,
    checked,
    notes,
  };
}

const NO_ALTERNATIVES: readonly string[] = [];

function policyBlocker(
  ctx: ValidationContext,
  state: UsageState,
  license: string,
  allowed: Exclude<Allowed, 'always'>,
  comment: string | null,
): Blocker {
  const offered = state.confirmed?.alternatives;
  // Only an alternative the policy allows outright is worth switching to (most licences offer none).
  const better =
    offered && offered.length > 0
      ? rankAlternatives(
          offered.filter((alt) => alt.every((l) => ctx.policyOf(l).allowed === 'always')),
          ctx.policyOf,
        )
      : NO_ALTERNATIVES;
  const switchable = better.length > 0 && allowed !== 'not-reviewed';
  const fix: Blocker['fix'] = switchable
    ? {
        action: 'choose-license',
        suggestions: [...better],
        generalisations: usageGeneralisations(ctx, state),
        hint: `Choose another licence of '${state.confirmed!.canonical}' (${better[0]}), or record a derogation for ${license}.`,
      }
    : ctx.namedGeneralisations
      ? sharedPolicyFix(ctx, state, allowed, license)
      : policyFix(allowed, license, usageGeneralisations(ctx, state));
  const candidates = ctx.decisions.derogations.candidates(state.key);
  const derogations =
    candidates.length === 0 ? candidates : candidates.filter((d) => d.license.toLowerCase() === license.toLowerCase());
  const near = derogations.length
    ? ` Derogations for ${license} exist but not for this context: ${derogations.map((d) => `${decisionLabel(d)}${isAuthorisedContext(d) ? ' [authorised context]' : ''} ${whyNotCovered(d, state)}`).join('; ')}.`
    : '';
  return usageBlocker(state, {
    step: 5,
    rule: RULE[allowed],
    kind: KIND[allowed],
    license,
    message: `${state.label} (${contextPhrase(state)}): ${license} ${WHY[allowed]}${comment ? ` (policy: ${comment})` : ''}. Licence from ${state.chosenOrigin}.${near}`,
    decisions: NO_DECISIONS,
    fix,
  });
}

function policyFix(
  allowed: Exclude<Allowed, 'always'>,
  license: string,
  generalisations: Blocker['fix']['generalisations'],
): Blocker['fix'] {
  return allowed === 'not-reviewed'
    ? { action: 'review-policy', suggestions: [...REVIEW_ANSWERS], generalisations, hint: policyHint(allowed, license) }
    : { action: 'add-derogation', suggestions: [license], generalisations, hint: policyHint(allowed, license) };
}

/**
 * The fix of a policy blocker whose generalisations are named by recipe (a run being stored, ADR
 * 42): the same for every usage of a licence with one verdict, so one frozen object serves all of
 * them (a release's ~100k blockers had each their own, with its own list of suggestions).
 */
function sharedPolicyFix(
  ctx: ValidationContext,
  state: UsageState,
  allowed: Exclude<Allowed, 'always'>,
  license: string,
): Blocker['fix'] {
  const fixes = SHARED_FIXES[allowed];
  let fix = fixes.get(license);
  if (fix === undefined) {
    const made = policyFix(allowed, license, usageGeneralisations(ctx, state));
    fix = Object.freeze({ ...made, suggestions: Object.freeze(made.suggestions) as string[] });
    // A licence text of any spelling can reach here: the memory is bounded.
    if (fixes.size >= FIXES_KEPT) fixes.clear();
    fixes.set(license, fix);
  }
  return fix;
}

const FIXES_KEPT = 4096;
const SHARED_FIXES: Record<Exclude<Allowed, 'always'>, Map<string, Blocker['fix']>> = {
  never: new Map(),
  context: new Map(),
  'out-of-foss-policy': new Map(),
  'not-reviewed': new Map(),
};
