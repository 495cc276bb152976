import type { LicenseChoice } from '../model/decision.js';
import { NO_DECISIONS, STEP_NAMES, STEP_RULES, type Blocker } from './finding.js';
import { pickMostSpecific, scopeMatches, specificity } from './scope-match.js';
import { decisionLabel } from './decision-index.js';
import { sameExpression, type ExpressionFacts } from './expression-cache.js';
import {
  STATES_PER_PAUSE,
  block,
  usageBlocker,
  type UsageState,
  type ValidationContext,
  type StepInSlices,
} from './validation-context.js';
import { usageGeneralisations } from './generalisations.js';
import { rankAlternatives } from './policy-rank.js';

/**
 * Step 4: every expression that offers a choice (OR, or an or-later licence) is resolved — by the
 * usage's own chosen licence, or by the most specific recorded licence choice.
 */
export function* stepChoices(ctx: ValidationContext): StepInSlices {
  const blockers = ctx.blockerList();
  let checked = 0;
  let pending = 0;
  const { cache } = ctx;
  // An expression's fix but for its generalisations: once per expression (a release's ~100k choice
  // blockers name a few dozen). With the generalisations named by recipe (a run being stored, ADR
  // 42) the whole fix is the same for each blocker of the expression: one frozen object serves all.
  const fixes = new Map<ExpressionFacts, Blocker['fix']>();
  const fixOf = (expr: ExpressionFacts, state: UsageState): Blocker['fix'] => {
    let fix = fixes.get(expr);
    if (!fix) {
      fix = {
        action: 'choose-license',
        suggestions: Object.freeze(rankAlternatives(expr.alternatives, ctx.policyOf)) as string[],
        generalisations: usageGeneralisations(ctx, state),
        hint: `Record which licence of '${expr.canonical!}' this release uses.`,
      };
      fixes.set(expr, Object.freeze(fix));
    }
    // A reader of a blocker with listed generalisations owns it whole (its lists are its own).
    return ctx.namedGeneralisations
      ? fix
      : { ...fix, suggestions: [...fix.suggestions], generalisations: usageGeneralisations(ctx, state) };
  };
  let seen = 0;
  for (const state of ctx.states) {
    if (++seen % STATES_PER_PAUSE === 0) yield;
    const expr = state.confirmed;
    if (!expr) {
      pending++;
      continue;
    }
    if (!expr.offersChoice) {
      settle(state, expr, state.expressionOrigin);
      checked++;
      continue;
    }
    const canonical = expr.canonical!;
    const make = (kind: string, message: string, decisions: number[]): Blocker =>
      block(
        state,
        usageBlocker(state, {
          step: 4,
          rule: `${STEP_RULES[4]}/${kind}`,
          kind,
          license: canonical,
          message,
          decisions,
          fix: fixOf(expr, state),
        }),
      );

    const own = state.item.usage.chosenLicense;
    if (own) {
      const facts = cache.get(own);
      const problem = choiceProblem(facts, expr);
      if (!problem) {
        settle(state, facts, 'licence chosen on the usage');
        checked++;
      } else
        blockers.push(
          make('invalid-choice', `${state.label}: the licence chosen on the usage, '${own}', ${problem}.`, []),
        );
      continue;
    }
    const matches = ctx.decisions.choices
      .candidates(state.key)
      .filter((d) => scopeMatches(d, state.facts) && sameExpression(cache, d.fromExpression, canonical));
    const pick = pickMostSpecific<LicenseChoice>(
      matches,
      specificity,
      (d) => cache.get(d.toExpression).comparable ?? d.toExpression,
    );
    if (pick.kind === 'conflict') {
      const answers = pick.decisions.map((d) => `${decisionLabel(d)} chose '${d.toExpression}'`).join('; ');
      blockers.push(
        make(
          'conflicting-decisions',
          `${state.label}: licence choices for '${canonical}' disagree at the same specificity (${answers}); none is applied.`,
          pick.decisions.map((d) => d.id),
        ),
      );
      continue;
    }
    if (pick.kind === 'none') {
      blockers.push(
        make(
          'unresolved-choice',
          `${state.label}: '${canonical}' (${state.expressionOrigin}) offers a choice and no recorded licence choice covers this usage (${state.item.usage.project || '(root)'}/${state.item.usage.scope || '(none)'}, ${state.exploitation ?? 'exploitation unknown'}).`,
          NO_DECISIONS,
        ),
      );
      continue;
    }
    const facts = cache.get(pick.decision.toExpression);
    const problem = choiceProblem(facts, expr);
    if (problem) {
      blockers.push(
        make(
          'invalid-choice',
          `${state.label}: ${decisionLabel(pick.decision)} chose '${pick.decision.toExpression}', which ${problem}.`,
          [pick.decision.id],
        ),
      );
      continue;
    }
    settle(state, facts, decisionLabel(pick.decision));
    checked++;
  }
  return {
    step: 4,
    name: STEP_NAMES[4],
    passed: blockers.length === 0 && pending === 0,
    blockers,
    pending,
    checked,
    notes: [],
  };
}

function settle(state: UsageState, chosen: ExpressionFacts, origin: string): void {
  state.chosen = chosen;
  state.chosenOrigin = origin;
  state.effectiveLicenses = chosen.licenses;
}

/** Why a chosen expression does not resolve the offered one, or null when it does. */
function choiceProblem(chosen: ExpressionFacts, offered: ExpressionFacts): string | null {
  if (chosen.problem) return `is not usable (${chosen.problem})`;
  if (chosen.offersChoice) return 'still offers a choice';
  const set = [...chosen.licenses].sort().join('\u0000').toLowerCase();
  if (offered.alternatives.some((alt) => alt.join('\u0000').toLowerCase() === set)) return null;
  // An or-later licence lets a later version be chosen, which the alternatives cannot list.
  if (offered.licenses.some((l) => /\+|-or-later/.test(l))) return null;
  return `is not one of the alternatives offered (${offered.alternatives.map((a) => a.join(' AND ')).join(' | ')})`;
}
