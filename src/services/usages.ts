/**
 * What a person records about one usage of a release (issue 8 item 3): how the component is linked,
 * whether it was modified, its status and a description. Linking and modification are what the
 * compatibility step and derogations/authorised contexts match on; SBOMs rarely say, so people do.
 */
import type { Usage, UsageStatus } from '../model/portfolio.js';
import { LINKINGS, MODIFICATIONS, type Linking, type Modification } from '../model/usage-context.js';
import type { Store } from '../store/index.js';
import { optionalText } from './check-input.js';
import { getRelease } from './portfolio.js';
import { ServiceError, notFound } from './service-error.js';
import { recordValidationRun } from './validation-runs.js';

export const USAGE_STATUSES: readonly UsageStatus[] = ['auto', 'validated', 'ignored'];

/** Fields left out are kept; null clears linking, modification or description ("not recorded"). */
export interface UsageEdit {
  linking?: Linking | null;
  modification?: Modification | null;
  status?: UsageStatus;
  description?: string | null;
}

export async function updateUsage(store: Store, releaseId: number, usageId: number, edit: UsageEdit): Promise<Usage> {
  await getRelease(store, releaseId);
  const usage = await store.getUsage(usageId);
  if (!usage || usage.releaseId !== releaseId) throw notFound(`usage ${usageId} of release ${releaseId}`);
  const patch: Partial<Usage> = {};
  if (edit.linking !== undefined) patch.linking = oneOf(edit.linking, LINKINGS, 'linking');
  if (edit.modification !== undefined) {
    const m = oneOf(edit.modification, MODIFICATIONS, 'modification');
    patch.modified = m === null ? null : m === 'modified';
  }
  if (edit.status !== undefined) patch.status = oneOf(edit.status, USAGE_STATUSES, 'status')!;
  if (edit.description !== undefined) {
    const text = edit.description === null ? null : edit.description.trim() || null;
    patch.description = optionalText(text, 'description');
  }
  if (Object.keys(patch).length === 0)
    throw new ServiceError('invalid-input', 'say what to change: linking, modification, status or description');
  const updated = await store.updateUsage(usageId, patch);
  if (!updated) throw notFound(`usage ${usageId}`);
  // The usage context changes what steps 5 and 6 conclude: a run is recorded (never on a read).
  await recordValidationRun(store, releaseId, 'usage');
  return updated;
}

/** A usage's modification in the vocabulary people use (the store keeps a boolean). */
export function modificationOf(usage: Pick<Usage, 'modified'>): Modification | null {
  return usage.modified === null ? null : usage.modified ? 'modified' : 'unmodified';
}

function oneOf<T extends string>(value: T | null, allowed: readonly T[], what: string): T | null {
  if (value === null) return null;
  if (!allowed.includes(value))
    throw new ServiceError(
      'invalid-input',
      `${what} must be one of ${allowed.join(', ')}${what === 'status' ? '' : ', or null (not recorded)'}, not "${value}"`,
    );
  return value;
}
