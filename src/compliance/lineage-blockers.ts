// Step 5, lineage part: a model shared (distributed or offered over a network) that was built from a
// no-derivatives dataset or base model breaks that licence (e.g. CC-BY-ND data fine-tuned into a
// shared model). Blocks the model's usage, explained by the edge, unless a derogation for the far
// end's licence covers the model's usage. Other inherited clauses are obligations (obligations.ts);
// non-commercial and use restrictions are already judged on the far end's own usage.
import { forbidsAdaptation } from '../licenses/obligations/index.js';
import { STEP_RULES, type Blocker } from './finding.js';
import { inheritedObligations } from './lineage.js';
import { block, contextPhrase, subjectOf, type ValidationContext } from './validation-context.js';
import { coveringDerogation } from './derogation-cover.js';
import { usageGeneralisations } from './generalisations.js';

export function lineageBlockers(ctx: ValidationContext): { blockers: Blocker[]; derogated: number } {
  if (!ctx.snapshot.lineage?.length) return { blockers: [], derogated: 0 };
  const states = new Map(ctx.states.map((s) => [s.item.usage.id, s]));
  const resolved = ctx.states.map((s) => ({
    usageId: s.item.usage.id,
    licenses: s.effectiveLicenses,
    exploitation: s.exploitation,
  }));
  const blockers: Blocker[] = [];
  const seen = new Set<string>();
  let derogated = 0;
  for (const inh of inheritedObligations(ctx.snapshot, resolved)) {
    if (!forbidsAdaptation(inh.obligation) || inh.exploitation === 'internal') continue;
    const state = states.get(inh.target.usage.id);
    if (!state) continue;
    const key = `${state.item.usage.id}\u0000${inh.via}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (coveringDerogation(ctx, state, inh.license)) {
      derogated++;
      continue;
    }
    // A derived-from edge starts at a dataset, every other kind at a model.
    const derivedData = inh.kind === 'derived-from';
    const what = derivedData ? 'dataset' : 'model';
    blockers.push(
      block(state, {
        ...subjectOf(state),
        step: 5,
        rule: `${STEP_RULES[5]}/lineage-no-derivatives`,
        kind: 'lineage-no-derivatives',
        license: inh.license,
        message: `${state.label} (${contextPhrase(state)}) is ${inh.via}: ${inh.license} forbids sharing adapted material ("${inh.obligation.name}"), and the ${what} built from it is shared (${inh.exploitation}). ${inh.reason[0]!.toUpperCase()}${inh.reason.slice(1)}.`,
        decisions: [],
        fix: {
          action: 'add-derogation',
          suggestions: [inh.license],
          generalisations: usageGeneralisations(ctx, state),
          hint: derivedData
            ? `Keep the dataset internal, rebuild it without ${inh.source.component.name}, or record a derogation for ${inh.license} on this dataset (e.g. a separate permission from the rights holder).`
            : `Keep the model internal, retrain it without ${inh.source.component.name}, or record a derogation for ${inh.license} on this model (e.g. a separate permission from the rights holder).`,
        },
      }),
    );
  }
  return { blockers, derogated };
}
