/** Portfolio-wide questions: who ships this component, what is used most, which licences, what changed. */
import type {
  ComponentUsageCount,
  LicenseCount,
  LicenseRole,
  ReleaseDiff,
  ReleaseHit,
  Store,
} from '../store/index.js';

export interface ComponentSearch {
  /** A component name or a purl (a versioned purl is matched without its version). */
  component: string;
  /** `>=2.0.0 <2.15.0`, `2.14.x`, `^1.2.0`, `~1.2.3`, or an exact version. */
  versionRange?: string;
}

const TODO = (): never => {
  throw new Error('services: implementation in progress');
};

/** Throws ServiceError('invalid-input') for a range it cannot read. */
export async function releasesContaining(store: Store, search: ComponentSearch): Promise<ReleaseHit[]> { void store; void search; return TODO(); }
export async function mostUsedComponents(store: Store, limit?: number): Promise<ComponentUsageCount[]> { void store; void limit; return TODO(); }
export async function licenseDistribution(store: Store, role: LicenseRole, releaseId?: number): Promise<LicenseCount[]> { void store; void role; void releaseId; return TODO(); }
export async function diffReleases(store: Store, fromReleaseId: number, toReleaseId: number): Promise<ReleaseDiff> { void store; void fromReleaseId; void toReleaseId; return TODO(); }
