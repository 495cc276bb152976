import { issue, type Issue } from '../../model/issue.js';
import { productKey, productLabel, type VexStatement } from './analysis.js';
import { analysisKey } from './five-label.js';

/**
 * One statement per (vulnerability, product): a second, different statement about the same pair is
 * a conflict — reported, never silently resolved — and left out of the output (the formats cannot
 * say two things about one product, CSAF test 6.1.6). Identical repeats are dropped quietly.
 */
export function distinctStatements(statements: readonly VexStatement[]): {
  statements: VexStatement[];
  issues: Issue[];
} {
  const seen = new Map<string, VexStatement>();
  const conflicted = new Set<string>();
  const issues: Issue[] = [];
  for (const s of statements) {
    const key = `${s.vulnerability.id}\u0000${productKey(s.product)}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, s);
    } else if (analysisKey(first.analysis) !== analysisKey(s.analysis) && !conflicted.has(key)) {
      conflicted.add(key);
      issues.push(
        issue(
          'error',
          'vex-conflict',
          `${s.vulnerability.id}: conflicting analyses for ${productLabel(s.product)} (${first.analysis.state} and ${s.analysis.state}); neither is written`,
          {
            component: productLabel(s.product),
          },
        ),
      );
    }
  }
  return { statements: [...seen.entries()].filter(([k]) => !conflicted.has(k)).map(([, s]) => s), issues };
}

/** Groups items by a key, keeping first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** An encoder left with no statement says so: the formats have no valid empty document (OpenVEX, CSAF need ≥ 1). */
export function emptyOutput(count: number, format: string): Issue[] {
  return count > 0
    ? []
    : [issue('error', 'vex-empty', `no statement can be written as ${format}; the document would be empty`)];
}

/**
 * Orders timestamps by the instant they name: VEX documents write offsets (`-06:00`) as often as
 * `Z`, and text order then puts 21:55-06:00 (03:55Z the next day) before 01:00Z. Text that is not
 * a date sorts by itself, before the dates; a missing one first of all.
 */
export function compareTimestamps(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  const x = Date.parse(a);
  const y = Date.parse(b);
  if (Number.isNaN(x) || Number.isNaN(y)) {
    if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return x - y || (a < b ? -1 : a > b ? 1 : 0);
}

/** The newest of some timestamps (by instant), or undefined when there is none. */
export function newestTimestamp(timestamps: readonly (string | undefined)[]): string | undefined {
  return timestamps
    .filter((t): t is string => t !== undefined)
    .sort(compareTimestamps)
    .at(-1);
}
