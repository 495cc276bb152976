/** Hermine's JSON records as stored in its data set (per-file layout; shared.json wraps the same fields). */
export type HermineRecord = Record<string, unknown>;

/** The per-file layout once read: licences (with embedded obligations) and generics, in file order. */
export interface HermineFiles {
  licenses: HermineRecord[];
  generics: HermineRecord[];
}

/** Hermine's bundled layout (`to_dist.py`): generics, then licences, then obligations. */
export interface HermineShared {
  date: string;
  version: string;
  objects: { model: string; fields: HermineRecord }[];
}

export const LICENSE_FIELDS = [
  'spdx_id',
  'long_name',
  'steward',
  'copyleft',
  'url',
  'osi_approved',
  'fsf_approved',
  'foss',
  'patent_grant',
  'ethical_clause',
  'non_commercial',
  'non_tivoisation',
  'liability',
  'warranty',
  'law_choice',
  'venue_choice',
  'comment',
  'verbatim',
] as const;
/** Licence fields Hermine's shared export carries (it leaves out liability, warranty and venue). */
export const SHARED_LICENSE_FIELDS = LICENSE_FIELDS.filter(
  (f) => !['liability', 'warranty', 'venue_choice'].includes(f),
);
/** Policy fields found in the oldest exports; they go to the licence policy, not the facts. */
export const POLICY_FIELDS = ['allowed', 'allowed_explanation'] as const;
export const OBLIGATION_FIELDS = [
  'license',
  'generic',
  'name',
  'verbatim',
  'passivity',
  'trigger_expl',
  'trigger_mdf',
] as const;
export const GENERIC_FIELDS = ['name', 'description', 'metacategory', 'passivity', 'in_core', 'team'] as const;
