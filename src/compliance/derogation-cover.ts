import type { Derogation } from '../model/decision.js';
import { scopeMatches } from './scope-match.js';
import type { UsageState, ValidationContext } from './validation-context.js';

function sameLicense(derogated: string, license: string): boolean {
  const a = derogated.toLowerCase();
  const b = license.toLowerCase();
  // A derogation for `GPL-2.0-only` covers `GPL-2.0-only WITH Classpath-exception-2.0` too.
  return a === b || b.startsWith(`${a} with `);
}

/** A derogation (or authorised context) that allows this licence for this usage, if any. */
export function coveringDerogation(ctx: ValidationContext, state: UsageState, license: string): Derogation | undefined {
  const { linking, modified } = state.item.usage;
  return ctx.decisions.derogations
    .candidates(state.key)
    .find(
      (d) =>
        sameLicense(d.license, license) &&
        (d.linking === null || d.linking === linking) &&
        modificationMatches(d, modified) &&
        scopeMatches(d, state.facts),
    );
}

/** A derogation bound to modified (or unmodified) components covers only usages recorded so. */
function modificationMatches(d: Derogation, modified: boolean | null): boolean {
  if (d.modification === null || d.modification === undefined) return true;
  if (modified === null) return false;
  return (d.modification === 'modified') === modified;
}

/**
 * Why a derogation for the licence does not cover this usage, in words: its linking or modification
 * against what the usage records (issue 8 item 3), else its scope (release, product, scope…).
 */
export function whyNotCovered(d: Derogation, state: UsageState): string {
  const { linking, modified } = state.item.usage;
  if (d.linking !== null && d.linking !== linking) {
    return linking === null
      ? `covers ${d.linking} linking, and this usage's linking is not recorded`
      : `covers ${d.linking} linking, not ${linking}`;
  }
  if (!modificationMatches(d, modified)) {
    return modified === null
      ? `covers ${d.modification} components, and this usage does not say whether it was modified`
      : `covers ${d.modification} components only`;
  }
  return 'its scope does not include this usage';
}
