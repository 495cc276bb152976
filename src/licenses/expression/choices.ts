import type { LicenseExpression } from './ast.js';
import { printLeaf } from './print.js';

/** Past this many alternatives the expansion stops (a pathological expression, not real data). */
export const MAX_CHOICES = 4096;

/**
 * The alternative sets of licences an expression offers (its disjunctive normal form): each inner
 * array is one way to comply, listing every licence (with its WITH exception) that then applies.
 * `MIT OR (Apache-2.0 AND BSD-3-Clause)` → [["MIT"], ["Apache-2.0", "BSD-3-Clause"]].
 * NONE and NOASSERTION offer no licence: [[]].
 */
export function choices(expr: LicenseExpression): string[][] {
  const sets = expand(expr);
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const set of sets) {
    const sorted = [...new Set(set)].sort();
    const key = sorted.join('\u0000');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(sorted);
    }
  }
  return out;
}

function expand(expr: LicenseExpression): string[][] {
  switch (expr.type) {
    case 'license':
      return [[printLeaf(expr)]];
    case 'none':
    case 'noassertion':
      return [[]];
    case 'or': {
      const out: string[][] = [];
      for (const a of expr.args) {
        for (const set of expand(a)) if (out.length < MAX_CHOICES) out.push(set);
      }
      return out;
    }
    case 'and': {
      let acc: string[][] = [[]];
      for (const a of expr.args) {
        const next: string[][] = [];
        const options = expand(a);
        for (const left of acc) {
          for (const right of options) if (next.length < MAX_CHOICES) next.push([...left, ...right]);
        }
        acc = next;
      }
      return acc;
    }
  }
}
