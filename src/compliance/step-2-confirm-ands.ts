import { STEP_NAMES, STEP_RULES } from './finding.js';
import { pickMostSpecific } from './scope-match.js';
import { decisionLabel } from './decision-index.js';
import { STATES_PER_PAUSE, block, subjectOf, type ValidationContext, type StepInSlices } from './validation-context.js';
import { curationGeneralisations } from './generalisations.js';
import { curationMatches, curationRank } from './step-1-valid-spdx.js';

/**
 * Step 2: an expression joining several licences by AND without any OR is often a list that meant a
 * choice; it needs a recorded AND confirmation (kept as AND, or rewritten to OR). An AND that a
 * person already wrote (a curation, the version's corrected licence) is not asked again (issue 8
 * item 7): that person chose AND when an OR was one keystroke away. An AND confirmation that
 * matches still wins over it (it is the later, more specific word on the AND).
 */
export function* stepConfirmAnds(ctx: ValidationContext): StepInSlices {
  const blockers = ctx.blockerList();
  let checked = 0;
  let pending = 0;
  const { cache } = ctx;
  let seen = 0;
  for (const state of ctx.states) {
    if (++seen % STATES_PER_PAUSE === 0) yield;
    const expr = state.expression;
    if (!expr) {
      pending++;
      continue;
    }
    if (!expr.ambiguousAnd) {
      state.confirmed = expr;
      checked++;
      continue;
    }
    const canonical = expr.canonical!;
    const matches = ctx.decisions.andConfirmations
      .candidates(state.key)
      .filter((c) => curationMatches(c, state, [canonical], cache));
    const pick = pickMostSpecific(matches, curationRank, (c) => cache.get(c.toExpression).comparable ?? c.toExpression);
    const base = () => ({
      ...subjectOf(state),
      step: 2 as const,
      license: canonical,
      fix: {
        action: 'confirm-and' as const,
        suggestions: [canonical, ...cache.andToOr(expr)],
        generalisations: curationGeneralisations(ctx, state),
        hint: `Confirm '${canonical}' as AND (all licences apply) or record the OR it really meant.`,
      },
    });
    if (pick.kind === 'none' && state.expressionByPerson) {
      state.confirmed = expr;
      state.expressionOrigin += '; the AND was stated there, not inferred';
      checked++;
      continue;
    }
    if (pick.kind === 'decided') {
      const to = cache.get(pick.decision.toExpression);
      if (!to.problem) {
        state.confirmed = to;
        state.curated = to.canonical;
        state.expressionOrigin += `; ANDs confirmed by ${decisionLabel(pick.decision)}`;
        checked++;
        continue;
      }
      blockers.push(
        block(state, {
          ...base(),
          rule: `${STEP_RULES[2]}/invalid-confirmation`,
          kind: 'invalid-confirmation',
          decisions: [pick.decision.id],
          message: `${state.label}: ${decisionLabel(pick.decision)} gives '${pick.decision.toExpression}', ${to.problem}.`,
        }),
      );
      continue;
    }
    if (pick.kind === 'conflict') {
      const answers = pick.decisions.map((d) => `${decisionLabel(d)} says '${d.toExpression}'`).join('; ');
      blockers.push(
        block(state, {
          ...base(),
          rule: `${STEP_RULES[2]}/conflicting-decisions`,
          kind: 'conflicting-decisions',
          decisions: pick.decisions.map((d) => d.id),
          message: `${state.label}: AND confirmations of '${canonical}' disagree (${answers}); none is applied.`,
        }),
      );
      continue;
    }
    blockers.push(
      block(state, {
        ...base(),
        rule: `${STEP_RULES[2]}/unconfirmed-and`,
        kind: 'unconfirmed-and',
        decisions: [],
        message: `${state.label}: '${canonical}' (${state.expressionOrigin}) joins several licences with AND; confirm that all of them apply, or that the list meant a choice.`,
      }),
    );
  }
  return {
    step: 2,
    name: STEP_NAMES[2],
    passed: blockers.length === 0 && pending === 0,
    blockers,
    pending,
    checked,
    notes: [],
  };
}
