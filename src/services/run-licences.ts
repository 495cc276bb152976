/**
 * The licences a stored validation run resolved, by usage id, for a page of the BOM table (issue 8
 * item 13). The run's bulky part (gzip-compressed JSON covering every usage of the release, ADR 21)
 * is decompressed and parsed on the worker that holds runs (held-run-details.ts), which answers for
 * the page's usages only: read on the thread that serves requests, the first page after each new
 * run of a 100k-component release stopped the server for ~2 s (issue 13 item 6).
 *
 * A stored run is never changed once written (a newer run is a new record with a new id), so what
 * was read for one run id stays true: the cache needs no invalidation, and a reader that sees a
 * newer run id simply reads that run. It keeps what pages asked for, bounded by a number of usages;
 * one cache per store handle, since ids are only unique within one database.
 */
import type { ResolvedUsage } from '../compliance/index.js';
import type { Store, ValidationRun } from '../store/index.js';
import { reportOfRun } from './run-report.js';
import { heldRunDetails, heldRunKey } from './held-run-details.js';

export type RunLicence = Pick<ResolvedUsage, 'effective' | 'expression'>;
export type RunLicences = ReadonlyMap<number, RunLicence>;

/** Usages held across all cached runs (a 100k-component release fits, with room for a few more). */
export const RUN_LICENCE_CACHE_USAGES = 250_000;

/** What was read of one run: a licence, or null for a usage the run did not resolve. */
type Known = Map<number, RunLicence | null>;

const NONE: RunLicences = new Map();
const caches = new WeakMap<Store, Map<number, Known>>();

/**
 * The resolved licences of the usages `usageIds` in run `runId` of the release (the release's newest
 * run when it was read); a usage the run did not resolve is left out.
 */
export async function runLicences(
  store: Store,
  releaseId: number,
  runId: number | null,
  usageIds: readonly number[],
): Promise<RunLicences> {
  if (runId === null || usageIds.length === 0) return NONE;
  let runs = caches.get(store);
  if (!runs) caches.set(store, (runs = new Map()));
  const cached = runs.get(runId);
  const missing = cached ? usageIds.filter((id) => !cached.has(id)) : usageIds;
  if (cached && missing.length === 0) {
    // Least recently used last to go.
    runs.delete(runId);
    runs.set(runId, cached);
    return picked(cached, usageIds);
  }
  const run = await store.latestValidationRun(releaseId);
  if (!run) return NONE;
  const read = await licencesOf(store, run, missing);
  // A newer run landed between the two reads: serve it, but do not file it under the older id.
  if (run.id !== runId) return picked(read, usageIds);
  const known = runs.get(runId) ?? cached ?? new Map<number, RunLicence | null>();
  for (const [id, licence] of read) known.set(id, licence);
  runs.delete(runId);
  runs.set(runId, known);
  keepWithinBudget(runs, runId);
  return picked(known, usageIds);
}

/** The licences of the usages asked for: from the worker, or from a run small or old enough to be read here. */
async function licencesOf(store: Store, run: ValidationRun, ids: readonly number[]): Promise<Known> {
  const known: Known = new Map();
  if (run.details === null || !run.detailsGzip) {
    // A run stored whole (before ADR 21): every usage at once.
    for (const u of reportOfRun(run).usages) known.set(u.usageId, { effective: u.effective, expression: u.expression });
    for (const id of ids) if (!known.has(id)) known.set(id, null);
    return known;
  }
  const answers = await heldRunDetails.licences(heldRunKey(store, run.id), run.detailsGzip, ids);
  ids.forEach((id, i) => {
    const found = answers[i];
    known.set(id, found ? { effective: found[0], expression: found[1] } : null);
  });
  return known;
}

function picked(known: Known, ids: readonly number[]): RunLicences {
  const out = new Map<number, RunLicence>();
  for (const id of ids) {
    const licence = known.get(id);
    if (licence) out.set(id, licence);
  }
  return out;
}

function keepWithinBudget(runs: Map<number, Known>, runId: number): void {
  let held = 0;
  for (const known of runs.values()) held += known.size;
  // Least recently used first; the run just read stays even when it alone is over the budget.
  for (const [id, known] of runs) {
    if (held <= RUN_LICENCE_CACHE_USAGES) break;
    if (id === runId) continue;
    runs.delete(id);
    held -= known.size;
  }
}
