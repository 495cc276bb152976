import type { ReleaseData, ReleaseView, Store } from '../store/index.js';
import { notFound } from './service-error.js';
import { getRelease } from './portfolio.js';

/** How many consulted releases the dashboard lists. */
export const RECENT_RELEASES = 20;

/** Releases consulted last, newest first (the dashboard's "continue where you left off"). */
export async function recentReleases(store: Store, limit = RECENT_RELEASES): Promise<ReleaseView[]> {
  return store.listRecentReleaseViews(limit);
}

/** Opens a release for a reader and records that it was consulted. */
export async function consultRelease(store: Store, releaseId: number, viewedBy: string | null) {
  const release = await getRelease(store, releaseId);
  await store.recordReleaseView(release.id, viewedBy);
  return release;
}

/** Everything shown in a release's BOM table: usages with their versions and components. */
export async function releaseBom(store: Store, releaseId: number): Promise<ReleaseData> {
  const data = await store.loadReleaseData(releaseId);
  if (!data) throw notFound(`release ${releaseId}`);
  return data;
}
