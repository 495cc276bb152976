/**
 * The organisation's recorded compliance settings (model/policy-settings.ts): who changed them and
 * when, shown with every verdict. Changing one re-validates every release (a run with reason
 * `policy`), since the setting decides what step 1 lets through (issue 8 item 6).
 */
import { NORMALISER_ACCEPTANCES, type NormaliserAcceptance, type PolicySettings } from '../model/policy-settings.js';
import type { Store } from '../store/index.js';
import { ServiceError } from './service-error.js';
import { recordAllValidationRuns } from './validation-runs.js';

export interface PolicySettingsEdit {
  acceptNormaliser?: NormaliserAcceptance;
}

export async function getPolicySettings(store: Store): Promise<PolicySettings> {
  return store.getPolicySettings();
}

/** Records the settings given (fields left out are kept), signed by `author`; returns them all. */
export async function updatePolicySettings(
  store: Store,
  edit: PolicySettingsEdit,
  author: string,
): Promise<PolicySettings> {
  const patch: PolicySettingsEdit = {};
  if (edit.acceptNormaliser !== undefined) {
    if (!NORMALISER_ACCEPTANCES.includes(edit.acceptNormaliser)) {
      throw new ServiceError(
        'invalid-input',
        `acceptNormaliser must be one of ${NORMALISER_ACCEPTANCES.join(', ')}, not "${String(edit.acceptNormaliser)}"`,
        { field: 'acceptNormaliser' },
      );
    }
    patch.acceptNormaliser = edit.acceptNormaliser;
  }
  if (Object.keys(patch).length === 0)
    throw new ServiceError('invalid-input', 'say which setting to change: acceptNormaliser');
  const before = await store.getPolicySettings();
  if (patch.acceptNormaliser === before.acceptNormaliser) return before;
  await store.setPolicySettings(patch, author, new Date().toISOString());
  await recordAllValidationRuns(store, 'policy');
  return store.getPolicySettings();
}
