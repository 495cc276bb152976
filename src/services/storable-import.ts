import { findNulCharacter, textProblem, type TextKind } from '../model/input-limits.js';
import type { ImportPlan } from '../compliance/release-plan.js';
import { ServiceError } from './service-error.js';

/**
 * A document whose text cannot be stored the same way on both dialects (a NUL character anywhere,
 * an identifying field over its limit) is refused as a whole, before the import transaction starts,
 * naming the component and the field: nothing is half-written and SQLite does not accept what
 * PostgreSQL would refuse.
 */
export function assertStorable(plan: ImportPlan): void {
  // Where a problem is, in words, is spelled out only for a record that has one (the checks are
  // then run again, in the same order, to throw the first one).
  for (let i = 0; i < plan.components.length; i++) {
    const c = plan.components[i]!;
    if (!bad(c.name, 'name') && !bad(c.namespace, 'name') && !bad(c.purl, 'purl')) continue;
    const where = () => `component ${i + 1} ("${preview(c.name)}")`;
    check(where, 'name', c.name, 'name');
    check(where, 'namespace', c.namespace, 'name');
    check(where, 'purl', c.purl, 'purl');
  }
  for (let i = 0; i < plan.versions.length; i++) {
    const v = plan.versions[i]!;
    if (!bad(v.number, 'name') && !bad(v.purl, 'purl')) continue;
    const where = () =>
      `version ${i + 1} ("${preview(plan.components[v.component]?.name ?? '')}@${preview(v.number)}")`;
    check(where, 'version', v.number, 'name');
    check(where, 'purl', v.purl, 'purl');
  }
  for (const u of plan.usages) {
    if (!bad(u.scope, 'name') && !bad(u.project, 'name')) continue;
    check(() => `usage scope "${preview(u.scope)}"`, 'scope', u.scope, 'name');
    check(() => `usage project "${preview(u.project)}"`, 'project', u.project, 'name');
  }
  const nul = planHasNul(plan) ? findNulCharacter(plan) : null;
  if (nul !== null)
    throw new ServiceError(
      'unreadable-document',
      `The document holds a NUL character (U+0000) at ${nul} of its components: Vigie does not store it`,
    );
}

function bad(value: string | null | undefined, kind: TextKind): boolean {
  return typeof value === 'string' && textProblem(value, kind) !== null;
}

function check(where: () => string, field: string, value: string | null | undefined, kind: TextKind): void {
  if (typeof value !== 'string') return;
  const problem = textProblem(value, kind);
  if (problem) throw new ServiceError('unreadable-document', `${where()}: ${field} ${problem}`, { field });
}

function preview(text: string): string {
  const clean = text.replace(/\u0000/g, '\\0');
  return clean.length > 60 ? `${clean.slice(0, 60)}…` : clean;
}

const hasNul = (value: string | null | undefined): boolean => typeof value === 'string' && value.includes('\u0000');

/**
 * Whether any text of the plan holds a NUL character, read field by field over the planned records
 * (a 100k-component plan is 600k records: the generic search listed the keys of each), the AI facts
 * the generic way. Only a plan that has one is searched again for the path the message names.
 * Every text field of every record must be here (storable-import.test.ts puts a NUL in each).
 */
function planHasNul(plan: ImportPlan): boolean {
  for (const c of plan.components)
    if (
      hasNul(c.purlType) ||
      hasNul(c.namespace) ||
      hasNul(c.name) ||
      hasNul(c.purl) ||
      hasNul(c.description) ||
      hasNul(c.homepage) ||
      hasNul(c.language)
    )
      return true;
  for (const v of plan.versions)
    if (
      hasNul(v.number) ||
      hasNul(v.purl) ||
      hasNul(v.declaredLicense) ||
      hasNul(v.concludedLicense) ||
      hasNul(v.copyright)
    )
      return true;
  for (const u of plan.usages) if (hasNul(u.scope) || hasNul(u.project) || hasNul(u.linking)) return true;
  for (const e of plan.edges) if (hasNul(e.project)) return true;
  for (const l of plan.lineage) if (hasNul(l.kind)) return true;
  return findNulCharacter(plan.aiFacts) !== null;
}
