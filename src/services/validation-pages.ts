/**
 * A release's validation with its blockers a page at a time (issue 13 item 6). The six steps of a
 * 100k-component release hold ~100k blockers: sent whole, GET …/validation answered 136 MB after
 * 8 s, during which the server answered nothing else (/health included), and grew to 1.5 GB. The
 * answer now lists the first blockers of each step beside each step's whole count, and the rest
 * come a page at a time (GET …/validation/steps/{step}/blockers). A stored run's bulky part is
 * decompressed and parsed on a worker thread and held there while its pages are asked for
 * (held-run-details.ts); only the blockers sent have their generalisations rebuilt (ADR 63).
 */
import type { Blocker, ReleaseValidation as EngineValidation, StepResult } from '../compliance/index.js';
import type { Store } from '../store/index.js';
import { rebuiltBlockers, type RunDetails } from './run-report.js';
import { heldRunDetails, heldRunKey } from './held-run-details.js';
import { recordValidationRun, validatedRelease, type ReleaseValidation } from './validation-runs.js';

/** A step as a validation answer gives it: its first blockers, and how many it has in all. */
export type StepPage = StepResult & { blockerCount: number };

/** The engine's report without its bulky part: its counts and settings, and how many usages it resolved. */
export type ReportSummary = Omit<EngineValidation, 'steps' | 'usages'> & { usageCount: number };

export interface ValidationPage extends Omit<ReleaseValidation, 'steps' | 'report'> {
  steps: StepPage[];
  report: ReportSummary;
}

/** The newest validation of a release with at most `shown` blockers per step; never writes. */
export async function releaseValidationPage(store: Store, releaseId: number, shown: number): Promise<ValidationPage> {
  const source = await validationSource(store, releaseId);
  const { summary, blockers } = source;
  const steps = await Promise.all(
    summary.steps.map(async (s, i) => {
      const first = await blockers.page(i, { offset: 0, limit: shown, kinds: null });
      return stepPage(s, first.items, first.total);
    }),
  );
  return {
    release: source.release,
    validationStep: summary.validationStep,
    steps,
    blockerCount: summary.blockerCount,
    report: reportSummary(summary, await blockers.usageCount()),
    run: source.run,
  };
}

/**
 * Validates the release now and stores the run (POST …/validation-runs), answered as the stored run
 * is read: its first blockers read on the worker, not 100k of them rebuilt on this thread.
 */
export async function validateReleasePage(store: Store, releaseId: number, shown: number): Promise<ValidationPage> {
  await recordValidationRun(store, releaseId, 'manual');
  return releaseValidationPage(store, releaseId, shown);
}

/** Which blockers of a step to give: `kinds` (null: every kind), then `offset` and `limit`. */
export interface BlockerPage {
  offset: number;
  limit: number;
  kinds: readonly string[] | null;
}

/**
 * One page of the blockers of one step (1–6) of the release's newest validation, and how many the
 * step has (of the kinds asked for).
 */
export async function releaseStepBlockers(
  store: Store,
  releaseId: number,
  step: number,
  page: BlockerPage,
): Promise<{ items: Blocker[]; total: number }> {
  const { summary, blockers } = await validationSource(store, releaseId);
  const index = summary.steps.findIndex((s) => s.step === step);
  return index < 0 ? { items: [], total: 0 } : blockers.page(index, page);
}

/** The step's fields in the engine's order, with the blockers given and their step's whole count. */
function stepPage(step: StepResult, blockers: Blocker[], blockerCount: number): StepPage {
  return {
    step: step.step,
    name: step.name,
    passed: step.passed,
    blockers,
    pending: step.pending,
    checked: step.checked,
    notes: step.notes,
    blockerCount,
  };
}

function reportSummary(report: EngineValidation, usageCount: number): ReportSummary {
  const { steps: _steps, usages: _usages, ...summary } = report;
  return { ...summary, usageCount };
}

/** The blockers of a validation, asked for a page at a time (by the step's index in the report). */
interface BlockerSource {
  page(index: number, page: BlockerPage): Promise<{ items: Blocker[]; total: number }>;
  usageCount(): Promise<number>;
}

interface ValidationSource {
  release: ReleaseValidation['release'];
  run: ReleaseValidation['run'];
  /** The engine's report; a stored run's has no blockers or usages in it (they are `blockers`). */
  summary: EngineValidation;
  blockers: BlockerSource;
}

/** The newest stored run, its bulky part read on the worker, else the release validated in memory. */
async function validationSource(store: Store, releaseId: number): Promise<ValidationSource> {
  const stored = await store.latestValidationRun(releaseId);
  const release = stored && (await store.getRelease(releaseId));
  if (stored && release) {
    const { report, details, detailsGzip, ...run } = stored;
    const summary = report as EngineValidation;
    // A run stored whole (before ADR 21) has its lists in its report.
    if (details === null) return { release, run, summary, blockers: inMemory(detailsOfReport(summary)) };
    if (!detailsGzip) return { release, run, summary, blockers: inMemory(details() as RunDetails) };
    return { release, run, summary, blockers: onWorker(heldRunKey(store, stored.id), detailsGzip) };
  }
  const { validation } = await validatedRelease(store, releaseId);
  return {
    release: validation.release,
    run: null,
    summary: validation.report,
    blockers: inMemory(detailsOfReport(validation.report)),
  };
}

function detailsOfReport(report: EngineValidation): RunDetails {
  return { blockers: report.steps.map((s) => s.blockers), usages: report.usages };
}

function inMemory(details: RunDetails): BlockerSource {
  return {
    page: async (index, { offset, limit, kinds }) => {
      const all = details.blockers[index] ?? [];
      const list = kinds ? all.filter((b) => kinds.includes(b.kind)) : all;
      return { items: rebuiltBlockers(list.slice(offset, offset + limit), details.places), total: list.length };
    },
    usageCount: async () => details.usages.length,
  };
}

function onWorker(key: string, gzip: Uint8Array): BlockerSource {
  return {
    page: async (index, page) => {
      const { places } = await heldRunDetails.counts(key, gzip);
      const { items, total } = await heldRunDetails.page(key, gzip, index, page);
      return { items: rebuiltBlockers(items, places), total };
    },
    usageCount: async () => (await heldRunDetails.counts(key, gzip)).usages,
  };
}
