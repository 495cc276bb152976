// Step 5, second half: the use restrictions of the licences that apply (RAIL fields of use, the
// Llama user threshold and acceptable use policy, non-commercial clauses) judged against the
// release's use declaration. A conflict blocks; so does a restriction whose fact is not declared
// (never assumed harmless). A derogation for the licence covering the usage clears both, as it
// clears a policy blocker: the organisation records why it accepts the use.
import { FIELDS_OF_USE, type UseDeclaration } from '../model/use-declaration.js';
import { useRestrictionsOf, type UseRestriction } from '../licenses/kb/use-restrictions.js';
import type { LicenseFacts } from '../licenses/kb/types.js';
import { STEP_RULES, type Blocker } from './finding.js';
import { block, contextPhrase, usageBlocker, type UsageState, type ValidationContext } from './validation-context.js';
import { usageGeneralisations } from './generalisations.js';

export type RestrictionVerdict =
  { verdict: 'clear' } | { verdict: 'conflict'; why: string } | { verdict: 'undeclared'; missing: string };

const USERS = (n: number) => n.toLocaleString('en');

/** One restriction against one declaration. Pure; the table test drives it through the step. */
export function judgeRestriction(r: UseRestriction, use: UseDeclaration | undefined): RestrictionVerdict {
  switch (r.kind) {
    case 'non-commercial':
      if (use?.commercial == null) return { verdict: 'undeclared', missing: 'whether the product is commercial' };
      return use.commercial
        ? { verdict: 'conflict', why: 'the release declares commercial use' }
        : { verdict: 'clear' };
    case 'field-of-use': {
      if (!use?.fieldsOfUse)
        return {
          verdict: 'undeclared',
          missing: `the fields of use (is the product used for ${r.fields.join(', ')}?)`,
        };
      const hit = r.fields.filter((f) => use.fieldsOfUse!.includes(f));
      return hit.length
        ? {
            verdict: 'conflict',
            why: `the release declares use for ${hit.map((f) => `${f} (${FIELDS_OF_USE[f]})`).join(', ')}`,
          }
        : { verdict: 'clear' };
    }
    case 'user-threshold':
      if (use?.monthlyActiveUsers == null)
        return { verdict: 'undeclared', missing: 'the monthly active users of the product' };
      return use.monthlyActiveUsers > r.monthlyActiveUsers
        ? {
            verdict: 'conflict',
            why: `the release declares ${USERS(use.monthlyActiveUsers)} monthly active users, above ${USERS(r.monthlyActiveUsers)}`,
          }
        : { verdict: 'clear' };
    case 'no-training-other-models':
      if (use?.outputsTrainOtherModels == null)
        return { verdict: 'undeclared', missing: 'whether model outputs train other models' };
      return use.outputsTrainOtherModels
        ? { verdict: 'conflict', why: 'the release declares that model outputs train other models' }
        : { verdict: 'clear' };
    case 'not-in-eu':
      if (use?.licenseeInEu == null)
        return { verdict: 'undeclared', missing: 'whether the licensee is established in the EU' };
      if (!use.licenseeInEu) return { verdict: 'clear' };
      return {
        verdict: 'conflict',
        why: r.multimodalOnly
          ? 'the licensee is established in the EU, and the licence grants no rights there for its multimodal models (a derogation can record that this model is text-only)'
          : 'the licensee is established in the EU, where the licence grants no rights',
      };
  }
}

/** Licence facts by lower-cased id, built once per validation. */
export function factsIndex(ctx: ValidationContext): Map<string, LicenseFacts> {
  return new Map(ctx.snapshot.knowledgeBase.licenses.map((l) => [l.id.toLowerCase(), l]));
}

/** What a licence without use restrictions gives every usage (nothing is ever added to it). */
const NO_RESTRICTION: { blockers: Blocker[]; cleared: number } = Object.freeze({
  blockers: Object.freeze([]) as unknown as Blocker[],
  cleared: 0,
});

/**
 * The use restrictions of a licence, worked out once per licence and facts index: a validation asks
 * for each licence of each usage (~100k questions of a few dozen licences in a large release).
 */
function restrictionsOf(license: string, facts: Map<string, LicenseFacts>): readonly UseRestriction[] {
  let known = restrictionsByFacts.get(facts);
  if (!known) restrictionsByFacts.set(facts, (known = new Map()));
  let restrictions = known.get(license);
  if (restrictions === undefined) {
    const base = license.toLowerCase().split(' with ')[0]!;
    known.set(license, (restrictions = useRestrictionsOf(license, facts.get(base))));
  }
  return restrictions;
}

const restrictionsByFacts = new WeakMap<Map<string, LicenseFacts>, Map<string, readonly UseRestriction[]>>();

/** The restriction blockers of one licence of one usage; `derogated` says whether a derogation covers it (asked only when needed). */
export function restrictionBlockers(
  ctx: ValidationContext,
  state: UsageState,
  license: string,
  facts: Map<string, LicenseFacts>,
  derogated: () => boolean,
): { blockers: Blocker[]; cleared: number } {
  const restrictions = restrictionsOf(license, facts);
  if (restrictions.length === 0) return NO_RESTRICTION;
  const blockers: Blocker[] = [];
  let cleared = 0;
  for (const r of restrictions) {
    const v = judgeRestriction(r, ctx.snapshot.useDeclaration);
    if (v.verdict === 'clear') continue;
    if (derogated()) {
      cleared++;
      continue;
    }
    const undeclared = v.verdict === 'undeclared';
    const kind = undeclared ? 'use-undeclared' : 'use-restriction-conflict';
    const what = undeclared
      ? `restricts use (${r.clause}) and the release does not declare ${v.missing}`
      : `restricts use (${r.clause}) and ${v.why}`;
    blockers.push(
      block(
        state,
        usageBlocker(state, {
          step: 5,
          rule: `${STEP_RULES[5]}/${kind}`,
          kind,
          license,
          message: `${state.label} (${contextPhrase(state)}): ${license} ${what}. Licence from ${state.chosenOrigin}.`,
          decisions: [],
          fix: undeclared
            ? {
                action: 'declare-use',
                suggestions: [r.kind],
                generalisations: [],
                hint: `Declare ${v.missing} in the release's use declaration (vigie check: the policy file's "use" section).`,
              }
            : {
                action: 'add-derogation',
                suggestions: [license],
                generalisations: usageGeneralisations(ctx, state),
                hint: `Change the declared use, remove the component, or record a derogation for ${license} saying why this use is acceptable (e.g. a separate licence from the licensor).`,
              },
        }),
      ),
    );
  }
  return { blockers, cleared };
}
