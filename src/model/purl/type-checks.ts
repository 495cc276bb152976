import type { Purl } from './purl.js';
import type { PurlTypeRule } from './type-rule.js';
import { PURL_TYPE_RULES } from './type-rules.generated.js';

export function typeRuleOf(type: string): PurlTypeRule | undefined {
  return Object.prototype.hasOwnProperty.call(PURL_TYPE_RULES, type) ? PURL_TYPE_RULES[type] : undefined;
}

/**
 * Types whose namespace is a single segment, the rest of the path belonging to the name: for `git`
 * the namespace is the host and the name the repository path on it ("codeberg.org" + "forgejo/forgejo").
 */
export const SINGLE_SEGMENT_NAMESPACE_TYPES: ReadonlySet<string> = new Set(['git']);

/**
 * Rules the type definitions state only in prose notes, so the generated data cannot carry them.
 * Each returns a problem message, or adjusts the purl in place.
 */
export function applyProseRules(p: Purl): string | undefined {
  if (p.type === 'cpan' && p.name.includes('::')) {
    return `cpan name "${p.name}" is a module name: a distribution name never contains "::" (use "-")`;
  }
  // mlflow names are case-insensitive on Databricks servers only (lower-cased there), kept elsewhere.
  if (p.type === 'mlflow' && /databricks\.(net|com)/i.test(p.qualifiers?.repository_url ?? '')) {
    p.name = p.name.toLowerCase();
  }
  return undefined;
}
