/**
 * The licences a stored validation run resolved, by usage id, for the BOM table (issue 8 item 13)
 * without unpacking the run's whole report on every page read (issue 13 item 6: the report's bulky
 * part is gzip-compressed JSON covering every usage of the release).
 *
 * A stored run is never changed once written (a newer run is a new record with a new id), so what
 * was read for one run id stays true: the cache needs no invalidation, and a reader that sees a
 * newer run id simply reads that run. Bounded by the usages it holds; one cache per store handle,
 * since ids are only unique within one database.
 */
import type { ResolvedUsage } from '../compliance/index.js';
import type { Store } from '../store/index.js';
import { reportOfRun } from './run-report.js';

export type RunLicence = Pick<ResolvedUsage, 'effective' | 'expression'>;
export type RunLicences = ReadonlyMap<number, RunLicence>;

/** Usages held across all cached runs (a 100k-component release fits, with room for a few more). */
export const RUN_LICENCE_CACHE_USAGES = 250_000;

interface Cached {
  licences: Promise<RunLicences>;
  usages: number;
}

const NONE: RunLicences = new Map();
const caches = new WeakMap<Store, Map<number, Cached>>();

/** The resolved licences of run `runId` of the release (the release's newest run when it was read). */
export async function runLicences(store: Store, releaseId: number, runId: number | null): Promise<RunLicences> {
  if (runId === null) return NONE;
  let runs = caches.get(store);
  if (!runs) caches.set(store, (runs = new Map()));
  const hit = runs.get(runId);
  if (hit) {
    runs.delete(runId);
    runs.set(runId, hit);
    return hit.licences;
  }
  // Concurrent readers of one run share one read (the promise is cached, not only its result).
  const entry: Cached = { usages: 0, licences: Promise.resolve(NONE) };
  entry.licences = readRun(store, releaseId).then(
    ({ id, licences }) => {
      // A newer run landed between the two reads: serve it, but do not file it under the older id.
      if (id !== runId) runs.delete(runId);
      else keepWithinBudget(runs, runId, entry, licences.size);
      return licences;
    },
    (err: unknown) => {
      runs.delete(runId);
      throw err;
    },
  );
  runs.set(runId, entry);
  return entry.licences;
}

async function readRun(store: Store, releaseId: number): Promise<{ id: number | null; licences: RunLicences }> {
  const run = await store.latestValidationRun(releaseId);
  if (!run) return { id: null, licences: NONE };
  const licences = new Map<number, RunLicence>();
  for (const u of reportOfRun(run).usages)
    licences.set(u.usageId, { effective: u.effective, expression: u.expression });
  return { id: run.id, licences };
}

function keepWithinBudget(runs: Map<number, Cached>, runId: number, entry: Cached, usages: number): void {
  entry.usages = usages;
  let held = 0;
  for (const cached of runs.values()) held += cached.usages;
  // Least recently used first; the run just read stays even when it alone is over the budget.
  for (const [id, cached] of runs) {
    if (held <= RUN_LICENCE_CACHE_USAGES) break;
    if (id === runId) continue;
    runs.delete(id);
    held -= cached.usages;
  }
}
