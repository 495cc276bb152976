import type {
  ActionCategory,
  Allowed,
  Copyleft,
  DisclaimerExtent,
  Exploitation,
  FossStatus,
  ModificationTrigger,
  Passivity,
} from '../kb/types.js';

/** A two-way table between Hermine's stored values and ours. */
export interface Vocabulary<T extends string> {
  toOurs: ReadonlyMap<string, T>;
  toHermine: ReadonlyMap<T, string>;
}

function vocabulary<T extends string>(pairs: [hermine: string, ours: T][]): Vocabulary<T> {
  return { toOurs: new Map(pairs), toHermine: new Map(pairs.map(([h, o]) => [o, h])) };
}

// Hermine spells distribution in both forms as the concatenation of the two single forms; its
// triggering code relies on that (substring tests), and so does our triggering function's oracle.
export const EXPLOITATION = vocabulary<Exploitation>([
  ['DistributionSourceDistributionNonSource', 'distribution'],
  ['DistributionSource', 'distribution-source'],
  ['DistributionNonSource', 'distribution-binary'],
  ['NetworkAccess', 'network'],
  ['InternalUse', 'internal'],
]);

export const MODIFICATION_TRIGGER = vocabulary<ModificationTrigger>([
  ['Altered', 'modified'],
  ['Unmodified', 'unmodified'],
  ['AlteredUnmodified', 'either'],
]);

export const PASSIVITY = vocabulary<Passivity>([
  ['Active', 'do'],
  ['Passive', 'dont'],
]);

export const COPYLEFT = vocabulary<Copyleft>([
  ['None', 'none'],
  ['Weak', 'weak'],
  ['Strong', 'strong'],
  ['Network', 'network'],
  ['NetworkWeak', 'weak-network'],
]);

export const FOSS = vocabulary<FossStatus>([
  ['Yes', 'yes'],
  ['Yes-Auto', 'yes-auto'],
  ['No', 'no'],
]);

export const DISCLAIMER = vocabulary<DisclaimerExtent>([
  ['Full', 'full'],
  ['Partial', 'partial'],
]);

export const METACATEGORY = vocabulary<ActionCategory>([
  ['Communication', 'communication'],
  ['IPManagement', 'ip-management'],
  ['LicenseAgreement', 'license-agreement'],
  ['Mentions', 'mentions'],
  ['ProvidingSourceCode', 'providing-source-code'],
  ['TechnicalConstraints', 'technical-constraints'],
]);

export const ALLOWED = vocabulary<Allowed>([
  ['always', 'always'],
  ['never', 'never'],
  ['context', 'context'],
  ['notfoss', 'out-of-foss-policy'],
  ['', 'not-reviewed'],
]);
