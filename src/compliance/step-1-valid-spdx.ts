import type { Curation } from '../model/decision.js';
import { NO_ASSERTION, NONE } from '../model/license-statement.js';
import type { NormaliserAcceptance } from '../model/policy-settings.js';
import type { Confidence } from '../licenses/normalize/result.js';
import { STEP_NAMES, STEP_RULES, type Blocker } from './finding.js';
import { pickMostSpecific } from './scope-match.js';
import { decisionLabel } from './decision-index.js';
import { sameExpression, type ExpressionCache, type ExpressionFacts } from './expression-cache.js';
import {
  STATES_PER_PAUSE,
  block,
  usageBlocker,
  type NormalisedAnswer,
  type UsageState,
  type ValidationContext,
  type StepInSlices,
} from './validation-context.js';
import { curationGeneralisations } from './generalisations.js';

/** Curations: version-level beats component-level beats global; a stated "from" beats "whatever". */
export function curationRank(c: Curation): number {
  return (c.version !== null ? 4 : 0) + (c.component !== null ? 2 : 0) + (c.fromExpression !== null ? 1 : 0);
}

/** Does a curation (or AND confirmation) apply to this usage, given the strings found for it? */
export function curationMatches(
  c: Curation,
  state: UsageState,
  found: readonly string[],
  cache: ExpressionCache,
): boolean {
  if (c.component !== null && c.component !== state.key) return false;
  if (c.version !== null && c.version !== state.item.version.number) return false;
  if (c.fromExpression === null) return true;
  return found.some((f) => sameExpression(cache, c.fromExpression!, f));
}

/** Normaliser confidences each `acceptNormaliser` setting lets through without a curation. */
const ACCEPTED_CONFIDENCES: Record<NormaliserAcceptance, readonly Confidence[]> = {
  off: [],
  exact: ['exact'],
  high: ['exact', 'high'],
};

/** Step 1: every usage has a valid SPDX expression, curations applied first. */
export function* stepValidSpdx(ctx: ValidationContext): StepInSlices {
  const blockers = ctx.blockerList();
  let checked = 0;
  let seen = 0;
  for (const state of ctx.states) {
    if (++seen % STATES_PER_PAUSE === 0) yield;
    const blocker = resolveExpression(ctx, state);
    if (blocker) blockers.push(block(state, blocker));
    else checked++;
  }
  return { step: 1, name: STEP_NAMES[1], passed: blockers.length === 0, blockers, pending: 0, checked, notes: [] };
}

const NO_MATCH = { kind: 'none' } as const;

/** A blocker of step 1: the usage's licence needs a curation. */
function curationBlocker(
  ctx: ValidationContext,
  state: UsageState,
  kind: string,
  license: string | null,
  message: string,
  suggestions: string[],
  decisions: number[] = [],
): Blocker {
  return usageBlocker(state, {
    step: 1,
    rule: `${STEP_RULES[1]}/${kind}`,
    kind,
    license,
    message,
    decisions,
    fix: {
      action: 'curate',
      suggestions,
      generalisations: curationGeneralisations(ctx, state),
      hint: `Record a curation mapping ${license === null ? 'this component' : `'${license}'`} to a valid SPDX expression.`,
    },
  });
}

function resolveExpression(ctx: ValidationContext, state: UsageState): Blocker | null {
  const { version } = state.item;
  const { cache } = ctx;
  const found: string[] = [];
  // SPDX's NOASSERTION (what syft, Trivy and sbom-tool write for every unknown licence) is no
  // licence string: curating the string itself would give every unknown component one licence.
  let noAssertion = false;
  for (const s of [version.correctedLicense, version.concludedLicense, version.declaredLicense]) {
    if (s !== null && s.trim() === NO_ASSERTION) noAssertion = true;
    else if (s !== null && s.trim() !== '') found.push(s);
  }
  const candidates = ctx.decisions.curations.candidates(state.key);
  const matches =
    candidates.length === 0 ? candidates : candidates.filter((c) => curationMatches(c, state, found, cache));
  // No closure is made for the usual usage, which no curation names.
  const pick =
    matches.length === 0
      ? NO_MATCH
      : pickMostSpecific(matches, curationRank, (c) => cache.get(c.toExpression).comparable ?? c.toExpression);
  if (pick.kind === 'conflict') {
    const answers = pick.decisions.map((d) => `${decisionLabel(d)} says '${d.toExpression}'`).join('; ');
    return curationBlocker(
      ctx,
      state,
      'conflicting-decisions',
      found[0] ?? null,
      `${state.label}: curations disagree at the same level (${answers}); none is applied.`,
      pick.decisions.map((d) => d.toExpression),
      pick.decisions.map((d) => d.id),
    );
  }
  if (pick.kind === 'decided') {
    const facts = cache.get(pick.decision.toExpression);
    if (facts.problem) {
      return curationBlocker(
        ctx,
        state,
        'invalid-curation',
        pick.decision.toExpression,
        `${state.label}: ${decisionLabel(pick.decision)} gives '${pick.decision.toExpression}', ${facts.problem}.`,
        [],
        [pick.decision.id],
      );
    }
    state.expression = facts;
    state.expressionOrigin = `${decisionLabel(pick.decision)}`;
    state.curated = facts.canonical;
    state.expressionByPerson = true;
    state.normalised = normalisedReading(cache, found);
    return null;
  }

  if (found.length === 0) {
    return curationBlocker(
      ctx,
      state,
      'no-license',
      null,
      noAssertion
        ? `${state.label} has no licence information (its licences are NOASSERTION: the document's author made no assertion).`
        : `${state.label} has no licence information (no declared or concluded licence).`,
      [],
    );
  }
  let raw = found[found.length - 1]!;
  for (const s of found) {
    const facts = cache.get(s);
    if (facts.problem && speaks(facts.canonical)) {
      // SPDX that names what the knowledge base does not know (the document's LicenseRef-…) still
      // says what the licence is: a lower role standing in for it dropped that licence unseen
      // (a concluded 'LicenseRef-2.0 AND Apache-2.0' passed as the declared 'Apache-2.0').
      raw = s;
      break;
    }
    if (!facts.problem) {
      state.expression = facts;
      state.normalised = exactReading(facts);
      state.expressionOrigin =
        s === version.declaredLicense
          ? 'declared licence'
          : s === version.concludedLicense
            ? 'concluded licence'
            : 'corrected licence';
      state.expressionByPerson = s === version.correctedLicense;
      return null;
    }
  }
  const normalized = cache.normalize(raw);
  const answer = normalized.expression ? cache.get(normalized.expression) : null;
  const notes = normalized.notes.length ? `: ${normalized.notes.join('; ')}` : '';
  if (answer && !answer.problem) {
    // Issue 8 item 6: the normaliser's answer is a proposal, not a decision, unless the organisation
    // recorded that it accepts answers of this confidence (policy settings, shown in the exports).
    state.normalised = { expression: answer.canonical!, confidence: normalized.confidence };
    const setting = ctx.snapshot.settings.acceptNormaliser;
    if (ACCEPTED_CONFIDENCES[setting].includes(normalized.confidence)) {
      state.expression = answer;
      state.expressionOrigin = `normalised from '${raw}' (${normalized.confidence} confidence${notes}; accepted by the setting acceptNormaliser=${setting})`;
      return null;
    }
    const blocker = curationBlocker(
      ctx,
      state,
      'normalised-needs-curation',
      raw,
      `${state.label}: licence '${raw}' is not an SPDX expression; the normaliser reads it as '${answer.canonical}' (${normalized.confidence} confidence${notes}). A curation must record it before it counts${setting === 'off' ? '' : ` (acceptNormaliser=${setting} accepts ${ACCEPTED_CONFIDENCES[setting].join(' and ')} answers only)`}.`,
      [answer.canonical!, ...normalized.candidates.filter((c) => c !== answer.canonical)],
    );
    blocker.fix.hint = `Accept the normaliser's answer '${answer.canonical}' as a curation of '${raw}', or record the expression it really is.`;
    blocker.fix.proposal = {
      type: 'curation',
      fromExpression: raw,
      toExpression: answer.canonical!,
      confidence: normalized.confidence,
      notes: normalized.notes,
    };
    return blocker;
  }
  // The reason is the named string's own: with a NOASSERTION conclusion beside a declared licence,
  // the first string found would blame the declared licence for saying nothing.
  const why = cache.get(raw).problem ?? 'not a valid SPDX expression';
  return curationBlocker(
    ctx,
    state,
    'invalid-expression',
    raw,
    `${state.label}: licence '${raw}' is ${why.startsWith('not ') ? why : `invalid (${why})`}.${notes ? ` Normaliser${notes}.` : ''}`,
    normalized.candidates,
  );
}

/**
 * The reading of a valid expression: one object per expression, shared by its usages (a large
 * release's ~100k usages read a few dozen expressions; nothing changes a reading once made).
 */
function exactReading(facts: ExpressionFacts): NormalisedAnswer {
  let reading = EXACT_READINGS.get(facts);
  if (!reading) EXACT_READINGS.set(facts, (reading = { expression: facts.canonical!, confidence: 'exact' }));
  return reading;
}

const EXACT_READINGS = new WeakMap<ExpressionFacts, NormalisedAnswer>();

/** What the found strings say without any decision: the first valid one, else the normaliser's reading of the last. */
function normalisedReading(cache: ExpressionCache, found: readonly string[]): NormalisedAnswer | null {
  for (const s of found) {
    const facts = cache.get(s);
    if (!facts.problem) return exactReading(facts);
  }
  if (found.length === 0) return null;
  const normalized = cache.normalize(found[found.length - 1]);
  const answer = normalized.expression ? cache.get(normalized.expression) : null;
  return answer && !answer.problem ? { expression: answer.canonical!, confidence: normalized.confidence } : null;
}

/** Whether a parsed statement names licences (NONE and NOASSERTION name none). */
function speaks(canonical: string | null): boolean {
  return canonical !== null && canonical !== NONE && canonical !== NO_ASSERTION;
}
