/** Decisions: curations (incl. AND confirmations), licence choices, derogations, authorised contexts. */
import type { Decision } from '../model/decision.js';
import { EXPLOITATIONS, LINKINGS } from '../model/usage-context.js';
import type { DecisionFilter, NewDecision, Store } from '../store/index.js';
import { requireExpression, requireName } from './check-input.js';
import { getCategory, getProduct, getRelease } from './portfolio.js';
import { ServiceError, notFound } from './service-error.js';
import { recordAllValidationRuns, recordRunsForDecision } from './validation-runs.js';

/**
 * Checks the decision (author and explanation given, expressions valid, scope ids existing) and
 * records it. A curation's "from" is the string as found and may be anything; its "to" must be SPDX.
 */
export async function recordDecision(store: Store, input: NewDecision): Promise<Decision> {
  const decision = await createDecision(store, input);
  await recordRunsForDecision(store, decision);
  return decision;
}

async function createDecision(store: Store, input: NewDecision): Promise<Decision> {
  const author = requireName(input.author, 'author');
  const explanation = requireName(input.explanation, 'explanation', 'text');
  switch (input.type) {
    case 'curation':
      if (!['curation', 'and-confirmation'].includes(input.kind)) throw invalid(`curation kind must be curation or and-confirmation, not "${input.kind}"`);
      if (input.version !== null && input.component === null) throw invalid('a curation for one version must name its component');
      return store.createDecision({
        ...input,
        author,
        explanation,
        fromExpression: input.fromExpression?.trim() || null,
        toExpression: requireExpression(input.toExpression, 'to'),
      });
    case 'choice':
      await requireScope(store, input);
      return store.createDecision({
        ...input,
        author,
        explanation,
        fromExpression: requireExpression(input.fromExpression, 'from'),
        toExpression: requireExpression(input.toExpression, 'to'),
      });
    case 'derogation':
      await requireScope(store, input);
      if (input.linking !== null && !(LINKINGS as readonly string[]).includes(input.linking)) {
        throw invalid(`linking must be one of ${LINKINGS.join(', ')}`);
      }
      return store.createDecision({ ...input, author, explanation, license: requireExpression(input.license, 'licence') });
    default:
      throw invalid(`unknown decision type "${(input as { type: string }).type}"`);
  }
}

export async function listDecisions(store: Store, filter?: DecisionFilter): Promise<Decision[]> {
  return store.listDecisions(filter);
}

export async function getDecision(store: Store, id: number): Promise<Decision> {
  const decision = await store.getDecision(id);
  if (!decision) throw notFound(`decision ${id}`);
  return decision;
}

export async function deleteDecision(store: Store, id: number): Promise<void> {
  const decision = await getDecision(store, id);
  if (!(await store.deleteDecision(id))) throw notFound(`decision ${id}`);
  await recordRunsForDecision(store, decision);
}

/** Deletes every decision matching the filter (all of them when there is none); returns how many. */
export async function resetDecisions(store: Store, filter?: DecisionFilter): Promise<number> {
  const removed = await store.transaction(async (tx) => {
    const decisions = await tx.listDecisions(filter);
    for (const d of decisions) await tx.deleteDecision(d.id);
    return decisions.length;
  });
  if (removed > 0) await recordAllValidationRuns(store, 'decision');
  return removed;
}

async function requireScope(
  store: Store,
  scope: { categoryId: number | null; productId: number | null; releaseId: number | null; exploitation: string | null; version: string | null; component: string | null },
): Promise<void> {
  if (scope.categoryId !== null) await getCategory(store, scope.categoryId);
  if (scope.productId !== null) await getProduct(store, scope.productId);
  if (scope.releaseId !== null) {
    const release = await getRelease(store, scope.releaseId);
    if (scope.productId !== null && release.productId !== scope.productId) {
      throw invalid(`release ${scope.releaseId} does not belong to product ${scope.productId}`);
    }
  }
  if (scope.exploitation !== null && !(EXPLOITATIONS as readonly string[]).includes(scope.exploitation)) {
    throw invalid(`exploitation must be one of ${EXPLOITATIONS.join(', ')}`);
  }
  if (scope.version !== null && scope.component === null) throw invalid('a decision for one version must name its component');
}

function invalid(message: string): ServiceError {
  return new ServiceError('invalid-input', message);
}
