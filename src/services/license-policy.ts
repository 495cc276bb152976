/** The organisation's licence policy (allowed: always / never / context / out-of-FOSS-policy / not reviewed). */
import { ALLOWED_VALUES, type LicensePolicy, type ReviewStatus } from '../licenses/kb/index.js';
import { lookupLicense } from '../licenses/spdx-list/index.js';
import type { Store } from '../store/index.js';
import { requireName } from './check-input.js';
import { ServiceError, notFound } from './service-error.js';

const REVIEW_STATUSES: readonly ReviewStatus[] = ['not-reviewed', 'to-check', 'checked'];

export type LicensePolicyInput = Pick<LicensePolicy, 'license' | 'allowed'> & Partial<Omit<LicensePolicy, 'license' | 'allowed'>>;

/** Sets the policy of one licence (an SPDX id, spelled as the list spells it, or a LicenseRef). */
export async function setLicensePolicy(store: Store, input: LicensePolicyInput): Promise<LicensePolicy> {
  const raw = requireName(input.license, 'licence');
  const license = lookupLicense(raw)?.id ?? raw;
  if (!ALLOWED_VALUES.includes(input.allowed)) {
    throw new ServiceError('invalid-input', `allowed must be one of ${ALLOWED_VALUES.join(', ')}, not "${input.allowed}"`);
  }
  const reviewStatus = input.reviewStatus ?? 'checked';
  if (!REVIEW_STATUSES.includes(reviewStatus)) throw new ServiceError('invalid-input', `review status must be one of ${REVIEW_STATUSES.join(', ')}`);
  const policy: LicensePolicy = { license, allowed: input.allowed, reviewStatus, comment: input.comment ?? null, categories: input.categories ?? [] };
  await store.setPolicy(policy);
  return policy;
}

export async function listLicensePolicies(store: Store): Promise<LicensePolicy[]> {
  return store.listPolicies();
}

export async function deleteLicensePolicy(store: Store, license: string): Promise<void> {
  if (!(await store.deletePolicy(lookupLicense(license)?.id ?? license))) throw notFound(`policy of ${license}`);
}
