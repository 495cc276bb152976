import { checkCompatibility, type CompatibilityResult } from '../licenses/compatibility/index.js';
import { findLicense } from '../licenses/kb/index.js';
import { LINKINGS, type Exploitation, type Linking } from '../model/usage-context.js';
import { STEP_NAMES, STEP_RULES, type Blocker, type FixAction } from './finding.js';
import {
  STATES_PER_PAUSE,
  block,
  contextPhrase,
  subjectOf,
  type UsageState,
  type ValidationContext,
  type StepInSlices,
} from './validation-context.js';
import { usageGeneralisations } from './generalisations.js';
import { outboundLicensesOf } from './snapshot.js';
import { coveringDerogation } from './derogation-cover.js';
import { rankAlternatives } from './policy-rank.js';

/** Order the linkings are offered in: package-manager dependencies are most often linked dynamically. */
const SUGGESTED_ORDER: readonly Linking[] = ['dynamic', 'static', 'mingled', 'aggregation'];

type Check = (inbound: string, out: string, linking: Linking, exploitation: Exploitation) => CompatibilityResult;

/**
 * Step 6: each licence that applies, against each outbound licence of the release (release ∪
 * product ∪ categories), given the usage's linking and exploitation; each pair explained by
 * checkCompatibility. A release without outbound licence does not pass; a usage whose linking is
 * not recorded passes only when the verdict is the same for every linking (nothing is assumed).
 */
export function* stepCompatibility(ctx: ValidationContext): StepInSlices {
  const outbound = outboundLicensesOf(ctx.snapshot);
  const blockers = ctx.blockerList();
  const notes: string[] = [];
  let checked = 0;
  let pending = 0;
  const cache = new Map<string, CompatibilityResult>();
  const kb = ctx.snapshot.knowledgeBase;
  const check: Check = (inbound, out, linking, exploitation) => {
    const key = `${inbound}\u0000${out}\u0000${linking}\u0000${exploitation}`;
    let result = cache.get(key);
    if (!result) {
      result = checkCompatibility(inbound, out, { linking, exploitation }, kb);
      cache.set(key, result);
    }
    return result;
  };
  if (outbound.length === 0) {
    // Nothing can be checked, which the blocker says; pending still counts only the usages an
    // earlier step blocks (a release whose steps 1-5 pass has none waiting on them).
    blockers.push(noOutbound(ctx));
    for (const state of ctx.states) if (!state.effectiveLicenses || !state.exploitation) pending++;
    return { step: 6, name: STEP_NAMES[6], passed: false, blockers, pending, checked: 0, notes };
  }
  let unknownLinking = 0;
  let seen = 0;
  for (const state of ctx.states) {
    if (++seen % STATES_PER_PAUSE === 0) yield;
    if (!state.effectiveLicenses || !state.exploitation) {
      pending++;
      continue;
    }
    if (!state.item.usage.linking) unknownLinking++;
    let ok = true;
    for (const inbound of state.effectiveLicenses) {
      for (const out of outbound) {
        const blocker = pairBlocker(ctx, state, inbound, out, check);
        if (!blocker) continue;
        ok = false;
        blockers.push(block(state, blocker));
      }
    }
    if (ok) checked++;
  }
  if (unknownLinking)
    notes.push(
      `${unknownLinking} usage(s) have no recorded linking: they pass only where every linking gives the same verdict.`,
    );
  return {
    step: 6,
    name: STEP_NAMES[6],
    passed: blockers.length === 0 && pending === 0,
    blockers,
    pending,
    checked,
    notes,
  };
}

function noOutbound(ctx: ValidationContext): Blocker {
  const { release, product } = ctx.snapshot;
  return {
    usageIds: [],
    component: null,
    componentKey: null,
    version: null,
    purl: null,
    project: '',
    scope: '',
    exploitation: null,
    step: 6,
    rule: `${STEP_RULES[6]}/no-outbound-license`,
    kind: 'no-outbound-license',
    license: null,
    message: `Release ${release.number} of ${product.name} has no outbound licence (none on the release, its product or its categories): compatibility cannot be checked.`,
    decisions: [],
    fix: {
      action: 'set-outbound',
      suggestions: [],
      generalisations: [],
      hint: `Set the licence the release is distributed under: \`vigie release update ${shellWord(product.name)} ${shellWord(release.number)} --outbound <spdx>\` (for a file, \`vigie check … --outbound <spdx>\`), the product's with \`vigie product create … --outbound\`, or the release page.`,
    },
  };
}

/** The blocker for one (inbound, outbound) pair of one usage, or null when it passes. */
function pairBlocker(
  ctx: ValidationContext,
  state: UsageState,
  inbound: string,
  out: string,
  check: Check,
): Blocker | null {
  const exploitation = state.exploitation!;
  const recorded = state.item.usage.linking;
  const results = recorded
    ? [{ linking: recorded, result: check(inbound, out, recorded, exploitation) }]
    : LINKINGS.map((linking) => ({ linking, result: check(inbound, out, linking, exploitation) }));
  if (results.every((r) => r.result.verdict === 'compatible')) return null;
  if (coveringDerogation(ctx, state, inbound)) return null;
  const base = { ...subjectOf(state), step: 6 as const, license: inbound, decisions: [] };
  if (!recorded) {
    const fine = SUGGESTED_ORDER.filter((l) =>
      results.some((r) => r.linking === l && r.result.verdict === 'compatible'),
    );
    if (fine.length > 0) {
      const bad = results.find((r) => r.result.verdict !== 'compatible')!;
      return {
        ...base,
        rule: `${STEP_RULES[6]}/linking-unknown`,
        kind: 'linking-unknown',
        message: `${state.label} (${contextPhrase(state)}): the linking is not recorded and ${inbound} with outbound ${out} depends on it: compatible with ${fine.join(', ')} linking, ${bad.result.verdict} with ${bad.linking} (${bad.result.explanation})`,
        fix: {
          action: 'set-linking',
          suggestions: fine,
          generalisations: usageGeneralisations(ctx, state),
          hint: `Record how the component is linked: \`vigie usage set <product> <release> ${state.item.usage.id} --linking <${fine.join('|')}|…>\`, or record a derogation after legal review.`,
        },
      };
    }
  }
  const { linking, result } = results.find((r) => r.result.verdict !== 'compatible')!;
  const kind =
    result.verdict === 'incompatible'
      ? 'incompatible'
      : result.verdict === 'check-dependency'
        ? 'check-dependency'
        : 'compatibility-unknown';
  const alternatives = rankAlternatives(
    (state.confirmed?.alternatives ?? []).filter(
      (alt) => !alt.includes(inbound) && alt.every((l) => ctx.policyOf(l).allowed === 'always'),
    ),
    ctx.policyOf,
  );
  const action: FixAction = alternatives.length
    ? 'choose-license'
    : kind === 'incompatible'
      ? 'change-outbound'
      : 'add-derogation';
  const hint =
    action === 'choose-license'
      ? `Choose another licence of '${state.confirmed!.canonical}' (${alternatives[0]}).`
      : action === 'change-outbound'
        ? `Change the release's outbound licence (${out}), replace the component, or record a derogation after legal review.`
        : `Have legal review ${inbound} inside a ${out} release and record a derogation if it is acceptable.`;
  return {
    ...base,
    rule: `${STEP_RULES[6]}/${kind}`,
    kind,
    message: `${state.label} (${contextPhrase(state)}${recorded ? '' : ', linking not recorded: verdict for every linking'}): ${inbound} with outbound ${out} is ${result.verdict}${recorded ? '' : ` (${linking} linking)`}. ${result.explanation}${kind === 'compatibility-unknown' ? copyleftNote(ctx, inbound) : ''}`,
    fix: {
      action,
      suggestions: action === 'choose-license' ? alternatives : [inbound],
      generalisations: usageGeneralisations(ctx, state),
      hint,
    },
  };
}

/** Why no rule could decide: the knowledge base does not say how strong the licence's copyleft is. */
function copyleftNote(ctx: ValidationContext, inbound: string): string {
  const facts = findLicense(ctx.snapshot.knowledgeBase, inbound);
  if (!facts)
    return ` ${inbound} is not in the knowledge base, so its copyleft (none, weak, strong, network) is unknown: add it (\`vigie kb import\`) or have legal review it.`;
  if (facts.copyleft === null || facts.copyleft === undefined)
    return ` The knowledge base does not record the copyleft of ${inbound} (none, weak, strong, network): record it, or have legal review it.`;
  return '';
}

/**
 * A name as one shell word, so that the command of a hint can be pasted as it is: a product named
 * "Main Application" was two arguments.
 */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
