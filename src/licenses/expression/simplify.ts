import type { LicenseExpression } from './ast.js';
import { printExpression } from './print.js';

/**
 * Flattens nested AND/AND and OR/OR, removes duplicate operands, and sorts operands in one
 * canonical order (single licences first, then groups; each by printed form, case-insensitively),
 * so that equal expressions print equal. Returns a new tree; the input is left alone.
 */
export function simplifyExpression(expr: LicenseExpression): LicenseExpression {
  if (expr.type !== 'and' && expr.type !== 'or') return expr;
  const flat: LicenseExpression[] = [];
  collect(expr.type, expr.args, flat);
  const seen = new Map<string, LicenseExpression>();
  for (const arg of flat) {
    const key = printExpression(arg);
    if (!seen.has(key)) seen.set(key, arg);
  }
  if (seen.size === 1) return seen.values().next().value!;
  const sorted = [...seen.entries()].sort(([ka, a], [kb, b]) => {
    const ga = a.type === 'license' ? 0 : 1;
    const gb = b.type === 'license' ? 0 : 1;
    if (ga !== gb) return ga - gb;
    const la = ka.toLowerCase();
    const lb = kb.toLowerCase();
    return la < lb ? -1 : la > lb ? 1 : ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return { type: expr.type, args: sorted.map(([, e]) => e) };
}

function collect(op: 'and' | 'or', args: LicenseExpression[], out: LicenseExpression[]): void {
  for (const arg of args) {
    const simple = simplifyExpression(arg);
    if (simple.type === op) out.push(...simple.args);
    else out.push(simple);
  }
}
