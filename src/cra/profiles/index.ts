// The profile table. Adding a profile = one data file listed here (see profile.ts).
import { BSI_TR_03183_2 } from './bsi-tr-03183-2.js';
import { CISA_2026 } from './cisa-2026.js';
import { CRA_ANNEX_I } from './cra-annex-i.js';
import { NTIA_2021 } from './ntia-2021.js';
import { AI_G7_2026 } from './ai-g7-2026.js';
import type { QualityProfile } from './profile.js';

export const QUALITY_PROFILES: readonly QualityProfile[] = [
  NTIA_2021,
  CISA_2026,
  BSI_TR_03183_2,
  CRA_ANNEX_I,
  AI_G7_2026,
];

/** A profile by id; the version suffix may be left out while only one version is known. */
export function findProfile(id: string): QualityProfile | undefined {
  const wanted = id.trim().toLowerCase();
  return (
    QUALITY_PROFILES.find((p) => p.id === wanted) ??
    (QUALITY_PROFILES.filter((p) => p.id.split('@')[0] === wanted).length === 1
      ? QUALITY_PROFILES.find((p) => p.id.split('@')[0] === wanted)
      : undefined)
  );
}

export { evaluateProfile, evaluateProfiles, evaluateProfilesInSlices } from './evaluate.js';
export type {
  CheckDefinition,
  CheckLevel,
  CheckResult,
  ComponentKind,
  ProfileResult,
  QualityProfile,
} from './profile.js';
export { buildView, kindOf, type SbomView } from './view.js';
