/**
 * Organisation-wide compliance settings, recorded (who, when) and shown in exports because they
 * change what validation lets through.
 */

/**
 * Whether step 1 accepts a licence the normaliser rewrote (a string that is not an exact SPDX id or
 * expression) without a recorded curation: `off` (every rewrite needs a curation, the default),
 * `exact` (only rewrites the normaliser is exactly sure of), `high` (exact and high confidence).
 */
export type NormaliserAcceptance = 'off' | 'exact' | 'high';
export const NORMALISER_ACCEPTANCES: readonly NormaliserAcceptance[] = ['off', 'exact', 'high'];

export interface PolicySettings {
  acceptNormaliser: NormaliserAcceptance;
  /** Who last changed a setting, and when (ISO 8601); null while every setting is the default. */
  updatedBy: string | null;
  updatedAt: string | null;
}

export const DEFAULT_POLICY_SETTINGS: PolicySettings = { acceptNormaliser: 'off', updatedBy: null, updatedAt: null };
