/**
 * A validation run is stored in two parts (ADR 21): the summary (steps with their counts and notes,
 * the step reached) and the bulky part (every blocker and every resolved usage). Most reads need
 * only the summary — the step reached, which steps pass, the counts — so the bulky part is parsed
 * the first time something reads a step's `blockers` or the report's `usages`, not before. The
 * report a reader gets has the same keys, in the same order, with the same values as the engine's.
 */
import type { ReleaseValidation as EngineValidation } from '../compliance/index.js';
import type { ValidationRun } from '../store/index.js';

/** The bulky part of a run: the blockers of each step (in step order) and the resolved usages. */
export interface RunDetails {
  blockers: EngineValidation['steps'][number]['blockers'][];
  usages: EngineValidation['usages'];
}

/** The report without its bulky part: `blockers` and `usages` are kept as null so that key order survives. */
export function splitReport(report: EngineValidation): { summary: unknown; details: RunDetails } {
  const summary = {
    ...report,
    steps: report.steps.map((s) => ({ ...s, blockers: null })),
    usages: null,
  };
  return { summary, details: { blockers: report.steps.map((s) => s.blockers), usages: report.usages } };
}

/** The report again from its summary, the bulky part read through `details()` on first use. */
export function joinReport(summary: unknown, details: () => unknown): EngineValidation {
  const report = summary as EngineValidation;
  let parsed: RunDetails | undefined;
  const read = (): RunDetails => (parsed ??= details() as RunDetails);
  report.steps.forEach((step, i) => lazyProperty(step, 'blockers', () => read().blockers[i] ?? []));
  lazyProperty(report, 'usages', () => read().usages);
  return report;
}

/** Turns an existing key into one computed on first read (then a plain value, writable as before). */
function lazyProperty<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  const settle = (value: T[K]) =>
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      settle(value);
      return value;
    },
    set(value: T[K]) {
      settle(value);
    },
  });
}

/** A stored run's report: whole (runs stored before ADR 21), or its summary with the bulky part read on first use. */
export function reportOfRun(stored: Pick<ValidationRun, 'report' | 'details'>): EngineValidation {
  return stored.details === null ? (stored.report as EngineValidation) : joinReport(stored.report, stored.details);
}
