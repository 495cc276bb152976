import type { Decision } from '../../model/decision.js';
import { isAuthorisedContext } from '../../model/decision.js';

/** Adds `authorisedContext` so clients need not know the rule that defines one. */
export function presentDecision(d: Decision) {
  return d.type === 'derogation' ? { ...d, authorisedContext: isAuthorisedContext(d) } : { ...d };
}
