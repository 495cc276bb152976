import type { LicenseExpression } from './ast.js';
import { licenseLeaves, offersLaterVersions } from './leaves.js';
import { printExpression, printLeaf } from './print.js';
import { simplifyExpression } from './simplify.js';

/**
 * "Several licences joined by AND and no choice anywhere": such expressions often come from lists
 * ("MIT, Apache-2.0") that really meant a choice, so the release validation asks a human to confirm
 * them (Hermine's "confirm ANDs" step). An `-or-later` licence is already a choice.
 */
export function isAmbiguous(expr: LicenseExpression): boolean {
  if (!hasOperator(expr, 'and') || hasOperator(expr, 'or')) return false;
  const leaves = licenseLeaves(expr);
  if (leaves.some(offersLaterVersions)) return false;
  const distinct = new Set(leaves.map(printLeaf));
  return distinct.size > 1;
}

function hasOperator(expr: LicenseExpression, op: 'and' | 'or'): boolean {
  if (expr.type === op) return true;
  return (expr.type === 'and' || expr.type === 'or') && expr.args.some((a) => hasOperator(a, op));
}

/**
 * The AND→OR rewrites worth offering for confirmation: every AND turned into OR at once, then each
 * AND node of the simplified tree alone (when there are several), without repeats.
 */
export function andToOrCandidates(original: LicenseExpression): string[] {
  // Nested ANDs of one chain are one choice to confirm, not several.
  const expr = simplifyExpression(original);
  const andCount = countAnds(expr);
  if (andCount === 0) return [];
  const out = new Set<string>();
  out.add(printExpression(simplifyExpression(rewrite(expr, () => true))));
  if (andCount > 1) {
    for (let target = 0; target < andCount; target++) {
      let index = 0;
      out.add(printExpression(simplifyExpression(rewrite(expr, () => index++ === target))));
    }
  }
  out.delete(printExpression(simplifyExpression(expr)));
  return [...out];
}

function countAnds(expr: LicenseExpression): number {
  if (expr.type !== 'and' && expr.type !== 'or') return 0;
  let n = expr.type === 'and' ? 1 : 0;
  for (const a of expr.args) n += countAnds(a);
  return n;
}

/** Copies the tree, turning the AND nodes for which `pick` (called in pre-order) says yes into OR. */
function rewrite(expr: LicenseExpression, pick: () => boolean): LicenseExpression {
  if (expr.type !== 'and' && expr.type !== 'or') return expr;
  const type = expr.type === 'and' && pick() ? 'or' : expr.type;
  return { type, args: expr.args.map((a) => rewrite(a, pick)) };
}
