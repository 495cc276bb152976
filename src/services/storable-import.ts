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
  // Where a problem is, in words, is spelled out only for the field that has one.
  for (let i = 0; i < plan.components.length; i++) {
    const c = plan.components[i]!;
    const where = () => `component ${i + 1} ("${preview(c.name)}")`;
    check(where, 'name', c.name, 'name');
    check(where, 'namespace', c.namespace, 'name');
    check(where, 'purl', c.purl, 'purl');
  }
  for (let i = 0; i < plan.versions.length; i++) {
    const v = plan.versions[i]!;
    const where = () =>
      `version ${i + 1} ("${preview(plan.components[v.component]?.name ?? '')}@${preview(v.number)}")`;
    check(where, 'version', v.number, 'name');
    check(where, 'purl', v.purl, 'purl');
  }
  for (const u of plan.usages) {
    check(() => `usage scope "${preview(u.scope)}"`, 'scope', u.scope, 'name');
    check(() => `usage project "${preview(u.project)}"`, 'project', u.project, 'name');
  }
  const nul = findNulCharacter(plan);
  if (nul !== null)
    throw new ServiceError(
      'unreadable-document',
      `The document holds a NUL character (U+0000) at ${nul} of its components: Vigie does not store it`,
    );
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
