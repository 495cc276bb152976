import type { ReleaseData, ReleaseView, Store } from '../store/index.js';
import { notFound } from './service-error.js';
import { getRelease } from './portfolio.js';
import { reportOfRun } from './run-report.js';
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

/**
 * The BOM table's rows, with each usage's licence read from the newest validation run
 * (compliance/bom-license.ts), so the UI shows what validation concluded instead of working it out.
 */
export async function releaseBomRows(store: Store, releaseId: number): Promise<BomRow[]> {
  const [data, run] = await Promise.all([releaseBom(store, releaseId), store.latestValidationRun(releaseId)]);
  const resolved = new Map((run ? reportOfRun(run).usages : []).map((u) => [u.usageId, u]));
  const versions = new Map(data.versions.map((v) => [v.id, v]));
  const components = new Map(data.components.map((c) => [c.id, c]));
  const rows: BomRow[] = [];
  for (const usage of data.usages) {
    // The store's foreign keys give every usage its version and component.
    const version = versions.get(usage.versionId)!;
    const component = components.get(version.componentId)!;
    rows.push({ usage, version, component, license: bomLicense(resolved.get(usage.id), version.declaredLicense) });
  }
  return rows;
}
