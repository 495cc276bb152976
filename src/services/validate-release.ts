/**
 * Validates a release on request (`vigie validate`, POST …/validation-runs): runs the six steps of
 * src/compliance, stores the run and the step reached. Reading a validation never runs it: see
 * validation-runs.ts.
 */
import { releaseObligations as obligationsOf, type ReleaseObligations } from '../compliance/index.js';
import type { Store } from '../store/index.js';
import { recordValidationRun, validatedRelease, type ReleaseValidation } from './validation-runs.js';

export async function validateRelease(store: Store, releaseId: number): Promise<ReleaseValidation> {
  // Asked for to be shown: the run's blockers are kept for the caller, not read back from the stored bytes.
  return recordValidationRun(store, releaseId, 'manual', undefined, { keepBlockers: true });
}

/** Obligations grouped by compliance action, from the newest run, with the usages that trigger each and core actions flagged. */
export async function releaseObligations(store: Store, releaseId: number): Promise<ReleaseObligations> {
  const { snapshot, validation } = await validatedRelease(store, releaseId);
  return obligationsOf(snapshot, validation.report);
}
