import { checkCompatibility, type CompatibilityResult } from '../licenses/compatibility/index.js';
import type { Linking } from '../model/usage-context.js';
import { STEP_NAMES, STEP_RULES, type Blocker, type FixAction, type StepResult } from './finding.js';
import { block, contextPhrase, subjectOf, type ValidationContext } from './validation-context.js';
import { usageGeneralisations } from './generalisations.js';
import { outboundLicensesOf } from './snapshot.js';
import { coveringDerogation } from './derogation-cover.js';
import { rankAlternatives } from './policy-rank.js';

/** Linking is often not recorded by SBOMs; package-manager dependencies are usually linked dynamically. */
const ASSUMED_LINKING: Linking = 'dynamic';

/**
 * Step 6: each licence that applies, against each outbound licence of the release, given the usage's
 * linking and exploitation; each pair explained by checkCompatibility.
 */
export function stepCompatibility(ctx: ValidationContext): StepResult {
  const outbound = outboundLicensesOf(ctx.snapshot);
  const blockers: Blocker[] = [];
  const notes: string[] = [];
  let checked = 0;
  let pending = 0;
  let assumed = 0;
  if (outbound.length === 0) notes.push('The release, its product and categories have no outbound licence: nothing to check compatibility against.');
  const cache = new Map<string, CompatibilityResult>();
  const kb = ctx.snapshot.knowledgeBase;
  for (const state of ctx.states) {
    if (!state.effectiveLicenses || !state.exploitation) {
      pending++;
      continue;
    }
    const linking = state.item.usage.linking ?? ASSUMED_LINKING;
    if (!state.item.usage.linking) assumed++;
    let ok = true;
    for (const inbound of state.effectiveLicenses) {
      for (const out of outbound) {
        const key = `${inbound}\u0000${out}\u0000${linking}\u0000${state.exploitation}`;
        let result = cache.get(key);
        if (!result) {
          result = checkCompatibility(inbound, out, { linking, exploitation: state.exploitation }, kb);
          cache.set(key, result);
        }
        if (result.verdict === 'compatible') continue;
        const derogation = coveringDerogation(ctx, state, inbound);
        if (derogation) continue;
        ok = false;
        const kind = result.verdict === 'incompatible' ? 'incompatible' : result.verdict === 'check-dependency' ? 'check-dependency' : 'compatibility-unknown';
        const alternatives = rankAlternatives((state.confirmed?.alternatives ?? []).filter((alt) => !alt.includes(inbound) && alt.every((l) => ctx.policyOf(l).allowed === 'always')), ctx.policyOf);
        const action: FixAction = alternatives.length ? 'choose-license' : kind === 'incompatible' ? 'change-outbound' : 'add-derogation';
        const hint =
          action === 'choose-license'
            ? `Choose another licence of '${state.confirmed!.canonical}' (${alternatives[0]}).`
            : action === 'change-outbound'
              ? `Change the release's outbound licence (${out}), replace the component, or record a derogation after legal review.`
              : `Have legal review ${inbound} inside a ${out} release and record a derogation if it is acceptable.`;
        blockers.push(
          block(state, {
            ...subjectOf(state),
            step: 6,
            rule: `${STEP_RULES[6]}/${kind}`,
            kind,
            license: inbound,
            message: `${state.label} (${contextPhrase(state)}${state.item.usage.linking ? '' : `, linking not recorded: assumed ${ASSUMED_LINKING}`}): ${inbound} with outbound ${out} is ${result.verdict}. ${result.explanation}`,
            decisions: [],
            fix: {
              action,
              suggestions: action === 'choose-license' ? alternatives : action === 'change-outbound' ? [inbound] : [inbound],
              generalisations: usageGeneralisations(state, ctx.snapshot),
              hint,
            },
          }),
        );
      }
    }
    if (ok) checked++;
  }
  if (assumed) notes.push(`${assumed} usage(s) have no recorded linking; ${ASSUMED_LINKING} linking was assumed for them.`);
  return { step: 6, name: STEP_NAMES[6], passed: blockers.length === 0 && pending === 0, blockers, pending, checked, notes };
}
