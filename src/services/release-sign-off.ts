/**
 * Release sign-off (issue 8 item 18): a release validated to step 6 is approved (legal or a
 * compliance officer: `decisions:write` on the API), then shipped (a project manager or a compliance
 * officer: `portfolio:write`), which publishes it. Both steps are recorded in the change history.
 * An approval holds for the validation run it saw: any later change (a decision, an import, a usage
 * edit) records a new run and the release must be approved again before it ships.
 */
import type { ChangeRecord } from '../model/change-history.js';
import type { Release } from '../model/portfolio.js';
import type { Store } from '../store/index.js';
import { recordChange, type ChangedBy } from './change-history.js';
import { getRelease } from './portfolio.js';
import { ServiceError } from './service-error.js';
import { releaseValidation } from './validation-runs.js';
import { craShipBlockers } from './cra-annex-computed.js';

export interface ReleaseSignOff {
  release: Release;
  validationStep: number;
  /** The newest stored run (null when none was stored yet). */
  runId: number | null;
  approval: ChangeRecord | null;
  /** The approval saw the newest run: nothing changed since. */
  approvalCurrent: boolean;
  shipped: ChangeRecord | null;
}

interface ApprovalState {
  runId: number | null;
  validationStep: number;
}

export async function releaseSignOff(store: Store, releaseId: number): Promise<ReleaseSignOff> {
  const release = await getRelease(store, releaseId);
  const validation = await releaseValidation(store, releaseId);
  const history = await store.listChanges({ subject: 'release', subjectId: String(releaseId), limit: 100 });
  const approval = history.find((c) => c.action === 'approved') ?? null;
  const shipped = history.find((c) => c.action === 'shipped') ?? null;
  const runId = validation.run?.id ?? null;
  const approvalCurrent =
    approval !== null && runId !== null && (approval.after as ApprovalState | null)?.runId === runId;
  return { release, validationStep: validation.validationStep, runId, approval, approvalCurrent, shipped };
}

export async function approveRelease(store: Store, releaseId: number, by: ChangedBy): Promise<ReleaseSignOff> {
  const state = await releaseSignOff(store, releaseId);
  const reason = by.reason?.trim();
  if (!reason) throw new ServiceError('invalid-input', 'say why the release may ship (the approval records a reason)');
  if (state.validationStep < 6 || state.runId === null) {
    throw new ServiceError(
      'invalid-input',
      `release ${state.release.number} passed step ${state.validationStep} of 6: clear its blockers before approving it`,
    );
  }
  await recordChange(store, {
    actor: by.actor,
    subject: 'release',
    subjectId: String(releaseId),
    action: 'approved',
    releaseId,
    reason,
    before: state.approval
      ? { approvalId: state.approval.id, runId: (state.approval.after as ApprovalState | null)?.runId ?? null }
      : null,
    after: { runId: state.runId, validationStep: state.validationStep } satisfies ApprovalState,
  });
  return releaseSignOff(store, releaseId);
}

export async function shipRelease(store: Store, releaseId: number, by: ChangedBy): Promise<ReleaseSignOff> {
  const state = await releaseSignOff(store, releaseId);
  if (!state.approval)
    throw new ServiceError(
      'invalid-input',
      `release ${state.release.number} is not approved: approve it before shipping`,
    );
  if (!state.approvalCurrent) {
    throw new ServiceError(
      'invalid-input',
      `release ${state.release.number} changed since it was approved (new validation run): approve it again before shipping`,
    );
  }
  if (state.release.shipStatus === 'published')
    throw new ServiceError('invalid-input', `release ${state.release.number} is already published`);
  const blockers = await craShipBlockers(store, state.release);
  if (blockers.length > 0) {
    throw new ServiceError(
      'invalid-input',
      `release ${state.release.number} does not pass the product's CRA release gate (Annex I requirements it must settle before shipping, CRA Art. 13(12)): ${blockers.join(' | ')}`,
      { blockers },
    );
  }
  await store.updateRelease(releaseId, { shipStatus: 'published' });
  await recordChange(store, {
    actor: by.actor,
    subject: 'release',
    subjectId: String(releaseId),
    action: 'shipped',
    releaseId,
    reason: by.reason?.trim() || null,
    before: { shipStatus: state.release.shipStatus },
    after: { shipStatus: 'published', approvalId: state.approval.id },
  });
  return releaseSignOff(store, releaseId);
}
