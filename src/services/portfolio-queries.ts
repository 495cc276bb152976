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
  /**
   * `exact`: the name as displayed (`golang.org/x/net`), the bare name (`net`) or the identity key;
   * `partial`: any component whose displayed name or key contains the text; `auto` (default): exact,
   * else partial when nothing matches exactly. A purl always matches exactly.
   */
  match?: ComponentMatch;
}

export type ComponentMatch = 'auto' | 'exact' | 'partial';
export const COMPONENT_MATCHES: readonly ComponentMatch[] = ['auto', 'exact', 'partial'];

/** A release that ships the component, with the name people read and how the search matched it. */
export interface ComponentSearchHit extends ReleaseHit {
  /** `namespace/name` (golang.org/x/net, org.apache.logging.log4j/log4j-core), or the name. */
  displayName: string;
  match: 'exact' | 'partial';
}

const LICENSE_ROLES: readonly LicenseRole[] = ['declared', 'concluded', 'chosen'];

/** Throws ServiceError('invalid-input') for a purl or a range it cannot read. */
export async function releasesContaining(store: Store, search: ComponentSearch): Promise<ComponentSearchHit[]> {
  const text = search.component.trim();
  if (!text) throw new ServiceError('invalid-input', 'name the component (a name or a purl)');
  const match = search.match ?? 'auto';
  if (!COMPONENT_MATCHES.includes(match))
    throw new ServiceError(
      'invalid-input',
      `match must be one of ${COMPONENT_MATCHES.join(', ')}, not "${String(match)}"`,
    );
  const query: ComponentQuery = {};
  if (text.startsWith('pkg:')) {
    const purl = parsePurl(text);
    if (isPurlError(purl)) throw new ServiceError('invalid-input', `"${text}" is not a valid purl: ${purl.error}`);
    query.purl = formatPurl(purl);
    // A versioned purl without a range asks for that version.
    if (purl.version && !search.versionRange) query.versions = [purl.version];
  } else if (match === 'partial') {
    query.nameContains = text;
  } else {
    query.name = text;
  }
  if (search.versionRange?.trim()) {
    const predicate = parseVersionRange(search.versionRange.trim());
    if (typeof predicate === 'string') throw new ServiceError('invalid-input', `version range: ${predicate}`);
    query.versionMatches = predicate;
  }
  const exact = query.nameContains === undefined;
  let hits = await store.releasesContaining(query);
  let partial = !exact;
  if (hits.length === 0 && exact && match === 'auto' && query.name !== undefined) {
    hits = await store.releasesContaining({ ...query, name: undefined, nameContains: text });
    partial = true;
  }
  return hits.map((hit) => ({
    ...hit,
    displayName: displayNameOf(hit.component),
    match: partial ? 'partial' : 'exact',
  }));
}

function displayNameOf(c: ReleaseHit['component']): string {
  return c.namespace ? `${c.namespace}/${c.name}` : c.name;
}

export async function mostUsedComponents(store: Store, limit = 20): Promise<ComponentUsageCount[]> {
  if (!Number.isInteger(limit) || limit < 1)
    throw new ServiceError('invalid-input', `limit must be a positive integer, not ${limit}`);
  return store.mostUsedComponents(limit);
}

export async function licenseDistribution(
  store: Store,
  role: LicenseRole = 'declared',
  releaseId?: number,
): Promise<LicenseCount[]> {
  if (!LICENSE_ROLES.includes(role))
    throw new ServiceError('invalid-input', `licence role must be one of ${LICENSE_ROLES.join(', ')}`);
  if (releaseId !== undefined) await getRelease(store, releaseId);
  return store.licenseDistribution(role, releaseId);
}

export async function diffReleases(store: Store, fromReleaseId: number, toReleaseId: number): Promise<ReleaseDiff> {
  await getRelease(store, fromReleaseId);
  await getRelease(store, toReleaseId);
  return store.diffReleases(fromReleaseId, toReleaseId);
}
