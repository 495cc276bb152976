/** Decisions: curations (incl. AND confirmations), licence choices, derogations, authorised contexts. */
import type { Decision } from '../model/decision.js';
import type { DecisionFilter, NewDecision, Store } from '../store/index.js';

/** Checks the expressions and the scope (ids exist), then records the decision. */
export async function recordDecision(store: Store, input: NewDecision): Promise<Decision> {
  void store; void input;
  throw new Error('services: implementation in progress');
}

export async function listDecisions(store: Store, filter?: DecisionFilter): Promise<Decision[]> {
  void store; void filter;
  throw new Error('services: implementation in progress');
}

export async function deleteDecision(store: Store, id: number): Promise<void> {
  void store; void id;
  throw new Error('services: implementation in progress');
}

/** Deletes every decision matching the filter (all when none); returns how many. */
export async function resetDecisions(store: Store, filter?: DecisionFilter): Promise<number> {
  void store; void filter;
  throw new Error('services: implementation in progress');
}
