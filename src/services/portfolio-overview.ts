/**
 * The portfolio at a glance (issue 8 item 19): per release, the step reached, the open blockers by
 * kind and the trend of step and blocker count over its stored validation runs. Everything is read
 * from stored runs (DESIGN.md: derived results are stored, reads never write nor validate).
 */
import { runBlockerKinds, type BlockerKindCount } from './run-blocker-kinds.js';
import type { Release } from '../model/portfolio.js';
import type { Store } from '../store/index.js';

/** Runs kept in a trend: enough to see a direction without shipping every run of a busy release. */
export const TREND_RUNS = 30;

export type { BlockerKindCount };

export interface TrendPoint {
  at: string;
  reason: string;
  validationStep: number;
  blockerCount: number;
}

export interface ReleaseOverview {
  release: Release;
  productName: string;
  validationStep: number;
  blockerCount: number;
  /** Open blockers of the newest run, by step and kind, in step order. */
  blockers: BlockerKindCount[];
  /** Oldest first, at most TREND_RUNS of the newest runs; empty when the release was never validated. */
  trend: TrendPoint[];
}

export async function portfolioOverview(store: Store): Promise<ReleaseOverview[]> {
  const [releases, products] = await Promise.all([store.listReleases(), store.listProducts()]);
  const names = new Map(products.map((p) => [p.id, p.name]));
  const out: ReleaseOverview[] = [];
  // One release at a time: the newest run carries the whole report.
  for (const release of releases) {
    const [latest, runs] = await Promise.all([
      store.latestValidationRun(release.id),
      store.listValidationRuns(release.id),
    ]);
    const counts = latest ? await runBlockerKinds(store, latest) : [];
    const newestFirst = [...runs]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
      .slice(0, TREND_RUNS);
    out.push({
      release,
      productName: names.get(release.productId) ?? '',
      validationStep: latest?.validationStep ?? release.validationStep,
      blockerCount: latest?.blockerCount ?? 0,
      blockers: [...counts].sort((a, b) => a.step - b.step || b.count - a.count || a.kind.localeCompare(b.kind)),
      trend: newestFirst.reverse().map((r) => ({
        at: r.createdAt,
        reason: r.reason,
        validationStep: r.validationStep,
        blockerCount: r.blockerCount,
      })),
    });
  }
  return out.sort(
    (a, b) =>
      a.productName.localeCompare(b.productName) ||
      a.release.number.localeCompare(b.release.number, 'en', { numeric: true }),
  );
}
