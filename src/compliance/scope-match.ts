import type { DecisionScope } from '../model/decision.js';
import type { Exploitation } from '../model/usage-context.js';

/** The facts of one usage that a decision scope is compared with. */
export interface UsageFacts {
  categoryIds: readonly number[];
  productId: number;
  releaseId: number;
  scope: string;
  project: string;
  exploitation: Exploitation | null;
  component: string;
  version: string;
}

const SCOPE_FIELDS = [
  'categoryId',
  'productId',
  'releaseId',
  'scope',
  'project',
  'exploitation',
  'component',
  'version',
] as const;

/** Hermine's generalisation: every non-null field of the scope must equal the usage's. */
export function scopeMatches(scope: DecisionScope, facts: UsageFacts): boolean {
  if (scope.categoryId !== null && !facts.categoryIds.includes(scope.categoryId)) return false;
  if (scope.productId !== null && scope.productId !== facts.productId) return false;
  if (scope.releaseId !== null && scope.releaseId !== facts.releaseId) return false;
  if (scope.scope !== null && scope.scope !== facts.scope) return false;
  if (scope.project !== null && scope.project !== facts.project) return false;
  if (scope.exploitation !== null && scope.exploitation !== facts.exploitation) return false;
  if (scope.component !== null && scope.component !== facts.component) return false;
  if (scope.version !== null && scope.version !== facts.version) return false;
  return true;
}

/** How specific a scope is: the number of fields it pins down. */
export function specificity(scope: DecisionScope): number {
  let n = 0;
  for (const f of SCOPE_FIELDS) if (scope[f] !== null) n++;
  return n;
}

export type MatchPick<D> =
  | { kind: 'none' }
  | { kind: 'decided'; decision: D; /** the other matches that agreed or were less specific */ alsoMatched: D[] }
  | { kind: 'conflict'; decisions: D[] };

const NONE = { kind: 'none' } as const;

/**
 * The most specific matching decision, when that is unambiguous. Matches at the top specificity
 * that give different answers are a conflict: never decided automatically.
 */
export function pickMostSpecific<D>(
  matches: readonly D[],
  rank: (d: D) => number,
  answer: (d: D) => string,
): MatchPick<D> {
  if (matches.length === 0) return NONE;
  if (matches.length === 1) return { kind: 'decided', decision: matches[0], alsoMatched: [] };
  let top = -1;
  for (const m of matches) top = Math.max(top, rank(m));
  const best = matches.filter((m) => rank(m) === top);
  const answers = new Set(best.map(answer));
  if (answers.size > 1) return { kind: 'conflict', decisions: best };
  return { kind: 'decided', decision: best[0], alsoMatched: matches.filter((m) => m !== best[0]) };
}

/** "scope devDependencies, product #3, component pkg:npm/x" — for explanations. */
export function describeScope(scope: Partial<DecisionScope>): string {
  const parts: string[] = [];
  if (scope.categoryId != null) parts.push(`category #${scope.categoryId}`);
  if (scope.productId != null) parts.push(`product #${scope.productId}`);
  if (scope.releaseId != null) parts.push(`release #${scope.releaseId}`);
  if (scope.project != null) parts.push(`project '${scope.project}'`);
  if (scope.scope != null) parts.push(`scope '${scope.scope}'`);
  if (scope.exploitation != null) parts.push(`exploitation ${scope.exploitation}`);
  if (scope.component != null) parts.push(`component ${scope.component}`);
  if (scope.version != null) parts.push(`version ${scope.version}`);
  return parts.length ? parts.join(', ') : 'everything';
}
