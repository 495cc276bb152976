import type { LicenseExpression, LicenseLeaf } from './ast.js';

/** Every licence leaf, left to right (duplicates kept). */
export function licenseLeaves(expr: LicenseExpression, out: LicenseLeaf[] = []): LicenseLeaf[] {
  if (expr.type === 'license') out.push(expr);
  else if (expr.type === 'and' || expr.type === 'or') for (const a of expr.args) licenseLeaves(a, out);
  return out;
}

/** True when the leaf lets the user pick a later version (`+` or an `-or-later` id). */
export function offersLaterVersions(leaf: LicenseLeaf): boolean {
  return leaf.orLater || leaf.id.endsWith('-or-later');
}
