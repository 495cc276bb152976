import type { ReleaseData, ReleaseView, Store } from '../store/index.js';
import { notFound } from './service-error.js';
import { getRelease } from './portfolio.js';
import { runLicences } from './run-licences.js';
import { bomLicense, type BomLicense } from '../compliance/bom-license.js';
import type { ComponentRecord, Usage, VersionRecord } from '../model/portfolio.js';

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

/** One row of a release's BOM: the usage, what it points at, and the licence validation settled. */
export interface BomRow {
  usage: Usage;
  version: VersionRecord;
  component: ComponentRecord;
  license: BomLicense;
}

/** One page of a release's BOM table and the release's usage count (X-Total-Count). */
export interface BomRowPage {
  total: number;
  rows: BomRow[];
}

/**
 * One page of the BOM table's rows, read from the store page by page (never the whole release), with
 * each usage's licence read from the newest validation run (compliance/bom-license.ts), so the UI
 * shows what validation concluded instead of working it out. The run's licences are read once per
 * run (run-licences.ts), not once per page.
 */
export async function releaseBomRows(
  store: Store,
  releaseId: number,
  page: { limit: number; offset: number },
): Promise<BomRowPage> {
  const found = await store.releaseBomPage(releaseId, page);
  if (!found) throw notFound(`release ${releaseId}`);
  const resolved = await runLicences(
    store,
    releaseId,
    found.latestRunId,
    found.entries.map((e) => e.usage.id),
  );
  const rows = found.entries.map(({ usage, version, component }) => ({
    usage,
    version,
    component,
    license: bomLicense(resolved.get(usage.id), version.declaredLicense),
  }));
  return { total: found.total, rows };
}
