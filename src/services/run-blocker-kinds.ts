/**
 * How many blockers of each kind each step of a stored validation run has (the portfolio
 * overview's counts). A stored run keeps its blockers in its bulky part (ADR 21): counted on the
 * worker that reads runs (held-run-details.ts), not parsed and rebuilt here, where a 100k-blocker
 * run held the server for ~2.5 s at every overview (issue 13 item 6). A run never changes once
 * stored, so its counts are kept by run.
 */
import type { ReleaseValidation as EngineValidation } from '../compliance/index.js';
import type { Store, ValidationRun } from '../store/index.js';
import { reportOfRun } from './run-report.js';
import { heldRunDetails, heldRunKey } from './held-run-details.js';

export interface BlockerKindCount {
  step: number;
  kind: string;
  count: number;
}

/** Runs whose counts are kept (a few numbers each). */
const KEPT_RUNS = 1_000;
const kept = new Map<string, BlockerKindCount[]>();

/** Per step and kind, how many blockers the run has, in the run's step order. */
export async function runBlockerKinds(store: Store, run: ValidationRun): Promise<BlockerKindCount[]> {
  if (run.details === null || !run.detailsGzip) return countedHere(reportOfRun(run));
  const key = heldRunKey(store, run.id);
  const hit = kept.get(key);
  if (hit) return hit;
  const { kinds } = await heldRunDetails.counts(key, run.detailsGzip);
  const steps = (run.report as EngineValidation).steps;
  const counts = steps.flatMap((s, i) =>
    Object.entries(kinds[i] ?? {}).map(([kind, count]) => ({ step: s.step, kind, count })),
  );
  if (kept.size >= KEPT_RUNS) kept.delete(kept.keys().next().value!);
  kept.set(key, counts);
  return counts;
}

/** A run stored whole (before ADR 21): its blockers are in its report. */
function countedHere(report: EngineValidation): BlockerKindCount[] {
  const counts = new Map<string, BlockerKindCount>();
  for (const s of report.steps) {
    for (const b of s.blockers) {
      const key = `${s.step}\u0000${b.kind}`;
      const entry = counts.get(key) ?? { step: s.step, kind: b.kind, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
  }
  return [...counts.values()];
}
