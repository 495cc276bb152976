/** The organisation's licence policy (allowed: always / never / context / out-of-FOSS-policy / not reviewed). */
import { ALLOWED_VALUES, findLicense, type LicensePolicy, type ReviewStatus } from '../licenses/kb/index.js';
import { normalizeLicense } from '../licenses/normalize/index.js';
import { lookupLicense, nearestLicenseIds } from '../licenses/spdx-list/index.js';
import type { Store } from '../store/index.js';
import { requireName } from './check-input.js';
import { knowledgeBaseOf } from './release-snapshot.js';
import { LOCAL_ACTOR, recordChange, type ChangedBy } from './change-history.js';
import { ServiceError, notFound } from './service-error.js';
import { recordAllValidationRuns } from './validation-runs.js';

const REVIEW_STATUSES: readonly ReviewStatus[] = ['not-reviewed', 'to-check', 'checked'];

export type LicensePolicyInput = Pick<LicensePolicy, 'license' | 'allowed'> &
  Partial<Omit<LicensePolicy, 'license' | 'allowed'>>;

export interface PolicyChangeOptions {
  /**
   * `now` (default): every release is validated again before returning; `job`: a re-validation job
   * is recorded in the same transaction as the policy (issue 13 item 4) and its id returned.
   */
  revalidation?: 'now' | 'job';
}

/** Sets the policy of one licence (an SPDX id, spelled as the list spells it, or a LicenseRef). */
export async function setLicensePolicy(
  store: Store,
  input: LicensePolicyInput,
  by: ChangedBy = { actor: LOCAL_ACTOR },
  options: PolicyChangeOptions = {},
): Promise<LicensePolicy & { revalidationJobId?: number }> {
  const raw = requireName(input.license, 'licence');
  const license = await knownLicenseId(store, raw);
  if (!ALLOWED_VALUES.includes(input.allowed)) {
    throw new ServiceError(
      'invalid-input',
      `allowed must be one of ${ALLOWED_VALUES.join(', ')}, not "${input.allowed}"`,
    );
  }
  const reviewStatus = input.reviewStatus ?? 'checked';
  if (!REVIEW_STATUSES.includes(reviewStatus))
    throw new ServiceError('invalid-input', `review status must be one of ${REVIEW_STATUSES.join(', ')}`);
  const policy: LicensePolicy = {
    license,
    allowed: input.allowed,
    reviewStatus,
    comment: input.comment ?? null,
    categories: input.categories ?? [],
  };
  if (options.revalidation === 'job') {
    return store.transaction(async (tx) => {
      const before = await tx.getPolicy(license);
      await tx.setPolicy(policy);
      await recordChange(tx, {
        actor: by.actor,
        subject: 'policy',
        subjectId: license,
        action: before ? 'updated' : 'created',
        releaseId: null,
        reason: by.reason?.trim() || policy.comment,
        before,
        after: policy,
      });
      const job = await tx.createJob({
        kind: 'revalidate',
        releaseId: null,
        params: { releaseIds: null, reason: 'policy' },
        createdBy: by.actor,
      });
      return { ...policy, revalidationJobId: job.id };
    });
  }
  const before = await store.getPolicy(license);
  await store.setPolicy(policy);
  await recordChange(store, {
    actor: by.actor,
    subject: 'policy',
    subjectId: license,
    action: before ? 'updated' : 'created',
    releaseId: null,
    reason: by.reason?.trim() || policy.comment,
    before,
    after: policy,
  });
  await recordAllValidationRuns(store, 'policy');
  return policy;
}

/** SPDX's user-defined licence reference: `LicenseRef-` and an idstring (SPDX 2.3 annex D). */
const LICENSE_REF = /^LicenseRef-[A-Za-z0-9.-]+$/;

/**
 * A policy speaks of a licence Vigie knows: an SPDX list id or a licence of the knowledge base,
 * spelled as they spell it, or the organisation's own `LicenseRef-…` (curations may point at it).
 * Anything else is refused with the normaliser's best guesses, so a typo does not become a policy
 * no usage will ever meet.
 */
async function knownLicenseId(store: Store, raw: string): Promise<string> {
  const listed = lookupLicense(raw)?.id;
  if (listed) return listed;
  const own = findLicense(await knowledgeBaseOf(store), raw)?.id;
  if (own) return own;
  if (LICENSE_REF.test(raw)) return raw;
  const guesses = [
    ...new Set([
      ...normalizeLicense(raw).candidates.filter((c) => lookupLicense(c) !== undefined),
      ...nearestLicenseIds(raw),
    ]),
  ].slice(0, 3);
  const hint =
    guesses.length > 0
      ? `; did you mean ${guesses.map((g) => `"${g}"`).join(' or ')}?`
      : '; use an SPDX id, a licence of the knowledge base or a LicenseRef-…';
  throw new ServiceError('invalid-input', `"${raw}" is not a licence Vigie knows${hint}`, {
    field: 'license',
    suggestions: guesses,
  });
}

export async function listLicensePolicies(store: Store): Promise<LicensePolicy[]> {
  return store.listPolicies();
}

export async function deleteLicensePolicy(store: Store, license: string): Promise<void> {
  if (!(await store.deletePolicy(lookupLicense(license)?.id ?? license))) throw notFound(`policy of ${license}`);
  await recordAllValidationRuns(store, 'policy');
}
