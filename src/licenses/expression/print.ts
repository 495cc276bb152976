import type { LicenseExpression, LicenseLeaf } from './ast.js';

/** The licence of a leaf with its `+` and WITH, e.g. `GPL-2.0-or-later WITH Classpath-exception-2.0`. */
export function printLeaf(leaf: LicenseLeaf): string {
  let out = leaf.documentRef ? `${leaf.documentRef}:${leaf.id}` : leaf.id;
  if (leaf.orLater) out += '+';
  if (leaf.exception) out += ` WITH ${leaf.exception}`;
  return out;
}

/**
 * Prints an expression with the fewest parentheses that keep its meaning: AND binds tighter than
 * OR, so only an OR inside an AND needs them.
 */
export function printExpression(expr: LicenseExpression): string {
  switch (expr.type) {
    case 'license':
      return printLeaf(expr);
    case 'none':
      return 'NONE';
    case 'noassertion':
      return 'NOASSERTION';
    case 'or':
      return expr.args.map(printExpression).join(' OR ');
    case 'and':
      return expr.args.map((a) => (a.type === 'or' ? `(${printExpression(a)})` : printExpression(a))).join(' AND ');
  }
}
