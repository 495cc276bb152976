/** Portfolio-wide questions: who ships this component, what is used most, which licences, what changed. */
import { formatPurl, isPurlError, parsePurl } from '../model/purl/index.js';
import type {
  ComponentQuery,
  ComponentUsageCount,
  LicenseCount,
  LicenseRole,
  ReleaseDiff,
  ReleaseHit,
  Store,
} from '../store/index.js';
import { getRelease } from './portfolio.js';
import { ServiceError } from './service-error.js';
import { parseVersionRange } from './version-range.js';

export interface ComponentSearch {
  /** A component name or a purl (a versioned purl is matched without its version unless no range is given). */
  component: string;
  /** `>=2.0.0 <2.15.0`, `2.14.x`, `^1.2.0`, `~1.2.3`, or an exact version. */
  versionRange?: string;
}

const LICENSE_ROLES: readonly LicenseRole[] = ['declared', 'concluded', 'chosen'];

/** Throws ServiceError('invalid-input') for a purl or a range it cannot read. */
export async function releasesContaining(store: Store, search: ComponentSearch): Promise<ReleaseHit[]> {
  const text = search.component.trim();
  if (!text) throw new ServiceError('invalid-input', 'name the component (a name or a purl)');
  const query: ComponentQuery = {};
  if (text.startsWith('pkg:')) {
    const purl = parsePurl(text);
    if (isPurlError(purl)) throw new ServiceError('invalid-input', `"${text}" is not a valid purl: ${purl.error}`);
    query.purl = formatPurl(purl);
    // A versioned purl without a range asks for that version.
    if (purl.version && !search.versionRange) query.versions = [purl.version];
  } else {
    query.name = text;
  }
  if (search.versionRange?.trim()) {
    const predicate = parseVersionRange(search.versionRange.trim());
    if (typeof predicate === 'string') throw new ServiceError('invalid-input', `version range: ${predicate}`);
    query.versionMatches = predicate;
  }
  return store.releasesContaining(query);
}

export async function mostUsedComponents(store: Store, limit = 20): Promise<ComponentUsageCount[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new ServiceError('invalid-input', `limit must be a positive integer, not ${limit}`);
  return store.mostUsedComponents(limit);
}

export async function licenseDistribution(store: Store, role: LicenseRole = 'declared', releaseId?: number): Promise<LicenseCount[]> {
  if (!LICENSE_ROLES.includes(role)) throw new ServiceError('invalid-input', `licence role must be one of ${LICENSE_ROLES.join(', ')}`);
  if (releaseId !== undefined) await getRelease(store, releaseId);
  return store.licenseDistribution(role, releaseId);
}

export async function diffReleases(store: Store, fromReleaseId: number, toReleaseId: number): Promise<ReleaseDiff> {
  await getRelease(store, fromReleaseId);
  await getRelease(store, toReleaseId);
  return store.diffReleases(fromReleaseId, toReleaseId);
}
