/**
 * Which obligations of a licence at the far end of an AI lineage edge bind the model at the near end
 * (issue 10 item 5). A fine-tuned or quantised model is a derivative of its base model: every
 * obligation of the base model's licence binds it, as a modified copy. Training data binds the model
 * only where the data licence reaches the results: share-alike and no-derivatives clauses (the model
 * treated as an adaptation of its training data — legally unsettled, [V]), non-commercial clauses and
 * use restrictions (training is a use). Test data is used, not built in: only its use clauses bind.
 * A permissive data licence (CDLA-Permissive-2.0 says so expressly; CC-BY, MIT…) adds nothing.
 * A dataset derived from another (extended, filtered, annotated) is an adaptation of its source, so
 * every obligation of the source binds it, as for a fine-tune. Edges are not followed transitively:
 * a model trained on a derived dataset inherits what the derived dataset's own licence says.
 */
import type { LineageKind } from '../../model/ai.js';
import type { Obligation } from '../kb/types.js';

const ADAPTATION_ACTIONS = ['License derived work under the same terms', 'Do not share adapted material'];
const USE_ACTIONS = [
  'No commercial use',
  'Use only for permitted purposes',
  'Pass the use restrictions on to recipients',
];

const REASONS: Record<LineageKind, string> = {
  'fine-tuned-from':
    'a fine-tuned model is a derivative of its base model: the base licence binds it as a modified copy',
  'quantised-from': 'a quantised model is a derivative of its base model: the base licence binds it as a modified copy',
  'trained-on': 'training data binds the model through its share-alike, no-derivatives, non-commercial and use clauses',
  'tested-on': 'test data is used, not built in: only its non-commercial and use clauses bind',
  'derived-from': 'a dataset built from another is an adaptation of it: the source licence binds it as a modified copy',
};

export interface PropagatedObligation {
  obligation: Obligation;
  reason: string;
}

/** The obligations (of one licence) that travel along an edge of this kind onto the model. */
export function propagatedObligations(kind: LineageKind, obligations: readonly Obligation[]): PropagatedObligation[] {
  const travels = (o: Obligation): boolean => {
    if (kind === 'fine-tuned-from' || kind === 'quantised-from' || kind === 'derived-from') return true;
    if (o.action === null) return false;
    if (kind === 'trained-on') return ADAPTATION_ACTIONS.includes(o.action) || USE_ACTIONS.includes(o.action);
    return USE_ACTIONS.includes(o.action) && o.action !== 'Pass the use restrictions on to recipients';
  };
  return obligations.filter(travels).map((obligation) => ({ obligation, reason: REASONS[kind] }));
}

/** True for the no-derivatives clause: sharing a model built from such data or model breaks it. */
export function forbidsAdaptation(o: Obligation): boolean {
  return o.action === 'Do not share adapted material';
}
