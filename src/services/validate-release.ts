/**
 * Validates a release: loads its data, builds the compliance snapshot, runs the six steps of
 * src/compliance, stores the step reached and returns the steps with their blockers and fixes.
 */
import type { Release } from '../model/portfolio.js';
import type { Store } from '../store/index.js';

/**
 * One validation step as the compliance engine reports it. The full type is src/compliance's; this
 * names the fields the services rely on.
 */
export interface StepReport {
  step: number;
  name: string;
  passed: boolean;
  blockers: unknown[];
}

export interface ReleaseValidation {
  release: Release;
  /** 0–6: the last step passed, also stored on the release. */
  validationStep: number;
  steps: StepReport[];
  /** The compliance engine's complete result. */
  report: unknown;
}

export async function validateRelease(store: Store, releaseId: number): Promise<ReleaseValidation> {
  void store; void releaseId;
  throw new Error('services: implementation in progress');
}
