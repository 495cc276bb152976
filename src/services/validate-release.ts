/**
 * Validates a release: loads its data, runs the six steps of src/compliance, stores the step reached
 * and returns the steps with their blockers and the decisions that clear them.
 */
import {
  releaseObligations as obligationsOf,
  validateRelease as runSteps,
  type ReleaseObligations,
  type ReleaseSnapshot,
  type ReleaseValidation as EngineValidation,
  type StepResult,
} from '../compliance/index.js';
import type { Release } from '../model/portfolio.js';
import type { Store } from '../store/index.js';
import { loadReleaseSnapshot } from './release-snapshot.js';

export interface ReleaseValidation {
  release: Release;
  /** 0–6: the last step passed in order, also stored on the release. */
  validationStep: number;
  steps: StepResult[];
  blockerCount: number;
  /** The engine's complete result (resolved licences of every usage). */
  report: EngineValidation;
}

export interface ValidatedRelease {
  snapshot: ReleaseSnapshot;
  validation: ReleaseValidation;
}

export async function validateRelease(store: Store, releaseId: number): Promise<ReleaseValidation> {
  return (await validateWithSnapshot(store, releaseId)).validation;
}

/** Validation plus the snapshot it ran on (outputs render from both). */
export async function validateWithSnapshot(store: Store, releaseId: number): Promise<ValidatedRelease> {
  const snapshot = await loadReleaseSnapshot(store, releaseId);
  const report = runSteps(snapshot);
  let release = snapshot.release;
  if (release.validationStep !== report.validationStep) {
    release = (await store.updateRelease(releaseId, { validationStep: report.validationStep })) ?? release;
  }
  return {
    snapshot,
    validation: { release, validationStep: report.validationStep, steps: report.steps, blockerCount: report.blockerCount, report },
  };
}

/** Obligations grouped by compliance action, with the usages that trigger each and core actions flagged. */
export async function releaseObligations(store: Store, releaseId: number): Promise<ReleaseObligations> {
  const { snapshot, validation } = await validateWithSnapshot(store, releaseId);
  return obligationsOf(snapshot, validation.report);
}
