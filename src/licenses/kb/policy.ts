import type { Allowed, LicensePolicy } from './types.js';

/** The policy of a licence nobody has reviewed yet: never silently "allowed". */
export function defaultPolicy(license: string): LicensePolicy {
  return { license, allowed: 'not-reviewed', reviewStatus: 'not-reviewed', comment: null, categories: [] };
}

/** An organisation's licence policy: licence id (any case) -> decision; missing means not reviewed. */
export interface LicensePolicyTable {
  entries: LicensePolicy[];
}

export function policyFor(table: LicensePolicyTable | undefined, license: string): LicensePolicy {
  const lower = license.toLowerCase();
  return table?.entries.find((p) => p.license.toLowerCase() === lower) ?? defaultPolicy(license);
}

export const ALLOWED_VALUES: readonly Allowed[] = ['always', 'never', 'context', 'out-of-foss-policy', 'not-reviewed'];
