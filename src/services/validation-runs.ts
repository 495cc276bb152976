/**
 * Validation runs are stored, not recomputed on read (DESIGN.md; issue 8 item 11). A run is recorded
 * whenever one of its inputs changes — the release (import, usages, exploitation rules, outbound
 * licences), a decision that can apply to it, the licence policy or the knowledge base — by the
 * service that made the change. Views, exports and counts read the newest run; a release that has
 * none yet (a store from before runs) is validated in memory and nothing is written.
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import {
  placesOf,
  validateRelease as runSteps,
  validationInSteps,
  type ReleaseSnapshot,
  type ReleaseValidation as EngineValidation,
} from '../compliance/index.js';
import type { Decision } from '../model/decision.js';
import type { Release } from '../model/portfolio.js';
import { PackedJson, type ReleaseData, type Store, type ValidationRunSummary } from '../store/index.js';
import { RunDetailsStream } from './run-details-stream.js';
import { reportOfParts, reportOfRun, reportOfRunRead, splitReport, type RunDetails } from './run-report.js';
import { loadReleaseSnapshot } from './release-snapshot.js';
import { eventLoopTurn } from '../io/event-loop-turn.js';

/** What changed, recorded with the run. */
export type RunReason =
  | 'import'
  | 'release'
  | 'usage'
  | 'exploitation-rule'
  | 'decision'
  | 'policy'
  | 'knowledge-base'
  | 'portfolio'
  | 'manual';

export interface ReleaseValidation {
  release: Release;
  /** 0–6: the last step passed in order, also stored on the release. */
  validationStep: number;
  steps: EngineValidation['steps'];
  blockerCount: number;
  /** The engine's complete result (resolved licences of every usage). */
  report: EngineValidation;
  /** The stored run this validation comes from; null when computed in memory (no run stored yet). */
  run: ValidationRunSummary | null;
}

export interface ValidatedRelease {
  snapshot: ReleaseSnapshot;
  validation: ReleaseValidation;
}

/**
 * Validates the release now and stores the run (and the step reached on the release). `loaded`: the
 * release's data as just read from the store (an import reads it once for this run and its scan).
 */
export async function recordValidationRun(
  store: Store,
  releaseId: number,
  reason: RunReason,
  loaded?: ReleaseData,
  options: PrepareRunOptions = {},
): Promise<ReleaseValidation> {
  const snapshot = await loadReleaseSnapshot(store, releaseId, loaded);
  return storeValidationRun(store, reason, await prepareValidationRun(snapshot, options));
}

export interface PrepareRunOptions {
  /**
   * The caller reads the run's blockers next (a validation asked for, which shows them): they are
   * kept in memory as well as written. Otherwise they are let go once written, and read back from
   * the compressed details if ever asked for.
   */
  keepBlockers?: boolean;
}

/** A run worked out and its details packed, not stored yet. */
export interface PreparedRun {
  snapshot: ReleaseSnapshot;
  /** The engine's validation; unless kept, its steps' blockers were let go once written (read them from `parts`). */
  engine: EngineValidation;
  parts: { summary: unknown; details: () => RunDetails };
  details: PackedJson;
}

/**
 * The six steps on a snapshot, a slice per turn of the event loop, the run's bulky part written and
 * compressed as the steps find its blockers (RunDetailsStream). Run beside an import's last writes
 * to PostgreSQL, the work fills the time this thread would wait for the server (ADR 59); on its own
 * it costs the same as doing it in one go.
 */
export async function prepareValidationRun(
  snapshot: ReleaseSnapshot,
  options: PrepareRunOptions = {},
): Promise<PreparedRun> {
  const keep = options.keepBlockers ?? false;
  const stream = new RunDetailsStream(!keep);
  try {
    // The lists of generalisations are named, not built: the run keeps only their recipe (ADR 42).
    const steps = validationInSteps(snapshot, { namedGeneralisations: true, stepLists: stream.stepLists });
    for (let next = steps.next(); ; next = steps.next()) {
      if (next.done) {
        const engine = next.value;
        const places = placesOf(snapshot);
        const gzip = await stream.finish(engine.usages, places);
        const split = splitReport(engine, places);
        // Unless kept, the details are in the compressed bytes only: read back from them if ever asked for.
        let details: RunDetails | undefined = keep ? split.details : undefined;
        const read = () => (details ??= JSON.parse(gunzipSync(gzip).toString('utf8')) as RunDetails);
        const parts = { summary: split.summary, details: read };
        return { snapshot, engine, parts, details: new PackedJson(read, gzip) };
      }
      await stream.drain();
      await eventLoopTurn();
    }
  } finally {
    stream.destroy();
  }
}

/** Stores a prepared run, and the step it reached on the release. */
export async function storeValidationRun(
  store: Store,
  reason: RunReason,
  prepared: PreparedRun,
): Promise<ReleaseValidation> {
  const { snapshot, engine, parts } = prepared;
  const releaseId = snapshot.release.id;
  const run = await store.insertValidationRun({
    releaseId,
    createdAt: new Date().toISOString(),
    reason,
    validationStep: engine.validationStep,
    blockerCount: engine.blockerCount,
    fingerprint: fingerprintOf(snapshot),
    licenseCounts: licenseCounts(engine),
    report: parts.summary,
    details: prepared.details,
  });
  let release = snapshot.release;
  if (release.validationStep !== engine.validationStep) {
    release = (await store.updateRelease(releaseId, { validationStep: engine.validationStep })) ?? release;
  }
  const { report: _stored, details: _details, ...stored } = run;
  // What the caller reads has the lists, rebuilt on first read of a step's blockers.
  const report = reportOfParts(parts);
  return {
    release,
    validationStep: report.validationStep,
    steps: report.steps,
    blockerCount: report.blockerCount,
    report,
    run: stored,
  };
}

/** Records a run for each release (one after the other: each loads a whole BOM). */
export async function recordValidationRuns(
  store: Store,
  releaseIds: Iterable<number>,
  reason: RunReason,
): Promise<number> {
  let count = 0;
  for (const id of new Set(releaseIds)) {
    await recordValidationRun(store, id, reason);
    count++;
  }
  return count;
}

/** After a change that concerns every release (policy, knowledge base, an unscoped decision). */
export async function recordAllValidationRuns(store: Store, reason: RunReason): Promise<number> {
  return recordValidationRuns(
    store,
    (await store.listReleases()).map((r) => r.id),
    reason,
  );
}

/** After a decision was recorded or removed: the releases it can apply to. */
export async function recordRunsForDecision(store: Store, decision: Decision): Promise<number> {
  // Curations are global: they apply to every release that uses what they correct.
  if (decision.type === 'curation') return recordAllValidationRuns(store, 'decision');
  if (decision.releaseId !== null) return recordValidationRuns(store, [decision.releaseId], 'decision');
  if (decision.productId !== null)
    return recordValidationRuns(
      store,
      (await store.listReleases(decision.productId)).map((r) => r.id),
      'decision',
    );
  if (decision.categoryId !== null)
    return recordValidationRuns(store, await releasesInCategory(store, decision.categoryId), 'decision');
  return recordAllValidationRuns(store, 'decision');
}

/** Releases of the products in a category. */
export async function releasesInCategory(store: Store, categoryId: number): Promise<number[]> {
  const ids: number[] = [];
  for (const p of (await store.listProducts()).filter((p) => p.categoryIds.includes(categoryId))) {
    ids.push(...(await store.listReleases(p.id)).map((r) => r.id));
  }
  return ids;
}

/** The newest stored validation of a release; never writes. */
export async function releaseValidation(store: Store, releaseId: number): Promise<ReleaseValidation> {
  const stored = await store.latestValidationRun(releaseId);
  if (stored) {
    const release = await store.getRelease(releaseId);
    if (release) {
      const report = reportOfRun(stored);
      const { report: _report, details: _details, detailsGzip: _detailsGzip, ...run } = stored;
      return {
        release,
        validationStep: run.validationStep,
        steps: report.steps,
        blockerCount: run.blockerCount,
        report,
        run,
      };
    }
  }
  return (await validatedRelease(store, releaseId)).validation;
}

/** The release's snapshot with its newest validation (what outputs render from); never writes. */
export async function validatedRelease(store: Store, releaseId: number): Promise<ValidatedRelease> {
  const snapshot = await loadReleaseSnapshot(store, releaseId);
  const stored = await store.latestValidationRun(releaseId);
  if (stored) {
    const report = await reportOfRunRead(stored);
    const { report: _report, details: _details, detailsGzip: _detailsGzip, ...run } = stored;
    return {
      snapshot,
      validation: {
        release: snapshot.release,
        validationStep: run.validationStep,
        steps: report.steps,
        blockerCount: run.blockerCount,
        report,
        run,
      },
    };
  }
  const report = runSteps(snapshot);
  return {
    snapshot,
    validation: {
      release: snapshot.release,
      validationStep: report.validationStep,
      steps: report.steps,
      blockerCount: report.blockerCount,
      report,
      run: null,
    },
  };
}

export async function listValidationRuns(store: Store, releaseId: number): Promise<ValidationRunSummary[]> {
  return store.listValidationRuns(releaseId);
}

/** Which knowledge base, policy and settings a run used. */
function fingerprintOf(snapshot: ReleaseSnapshot): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(snapshot.knowledgeBase));
  hash.update('\u0000');
  hash.update(JSON.stringify(snapshot.policy));
  hash.update('\u0000');
  hash.update(JSON.stringify(snapshot.settings));
  return `sha256:${hash.digest('hex')}`;
}

/** Usages per licence they are under once decisions apply (each licence of an effective expression counts). */
function licenseCounts(report: EngineValidation): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const u of report.usages) for (const license of u.licenses ?? []) counts[license] = (counts[license] ?? 0) + 1;
  return counts;
}
