import type { LicenseExpression, LicenseLeaf } from './ast.js';
import { printLeaf } from './print.js';

export type PolicyAnswer = 'allowed' | 'denied' | 'unknown';

/**
 * Called once per licence leaf with its printed form (`MIT`, `GPL-2.0-only WITH Classpath-exception-2.0`,
 * `LicenseRef-x`); the leaf itself is passed too for policies that treat exceptions apart.
 */
export type LicensePolicy = (license: string, leaf: LicenseLeaf) => PolicyAnswer;

export interface Evaluation {
  /** allowed: some choice is fully allowed; denied: every choice hits a denied licence; else unknown. */
  verdict: PolicyAnswer;
  /** The best allowed choice (fewest licences, then leftmost), or null when nothing is allowed. */
  choice: string[] | null;
}

const NOTHING_ALLOWED: Evaluation = { verdict: 'unknown', choice: null };

/**
 * Evaluates an expression against a policy: OR needs one allowed branch, AND needs all of them.
 * NONE and NOASSERTION give "unknown": there is no licence to judge.
 */
export function evaluate(expr: LicenseExpression, policy: LicensePolicy): Evaluation {
  switch (expr.type) {
    case 'license': {
      const license = printLeaf(expr);
      const verdict = policy(license, expr);
      return { verdict, choice: verdict === 'allowed' ? [license] : null };
    }
    case 'none':
    case 'noassertion':
      return NOTHING_ALLOWED;
    case 'or': {
      let best: string[] | null = null;
      let anyUnknown = false;
      for (const a of expr.args) {
        const r = evaluate(a, policy);
        if (r.verdict === 'allowed') {
          if (!best || r.choice!.length < best.length) best = r.choice;
        } else if (r.verdict === 'unknown') anyUnknown = true;
      }
      if (best) return { verdict: 'allowed', choice: best };
      return anyUnknown ? NOTHING_ALLOWED : { verdict: 'denied', choice: null };
    }
    case 'and': {
      const all: string[] = [];
      let anyUnknown = false;
      for (const a of expr.args) {
        const r = evaluate(a, policy);
        if (r.verdict === 'denied') return { verdict: 'denied', choice: null };
        if (r.verdict === 'unknown') anyUnknown = true;
        else for (const l of r.choice!) if (!all.includes(l)) all.push(l);
      }
      return anyUnknown ? NOTHING_ALLOWED : { verdict: 'allowed', choice: all };
    }
  }
}
