/**
 * Where a component is used across the portfolio (issue 8 item 17): each release that ships it,
 * with the (project, scope) of every usage, the licence it is under once decisions apply (from the
 * release's newest validation run, never recomputed here) and the decisions that touch it. Also
 * the other way round: the releases whose usages are under a given licence.
 */
import { runLicences } from './run-licences.js';
import { componentReference, displayName } from '../model/component-identity.js';
import type { Decision } from '../model/decision.js';
import type { ComponentRecord, Release, VersionRecord } from '../model/portfolio.js';
import type { Store } from '../store/index.js';
import { ServiceError } from './service-error.js';

export interface ComponentUsageRow {
  usageId: number;
  project: string;
  scope: string;
  linking: string | null;
  modified: boolean | null;
  /** The effective licence after decisions (newest run), or null when not settled. */
  effective: string | null;
}

export interface ComponentReleaseUse {
  release: Release;
  productName: string;
  version: VersionRecord;
  usages: ComponentUsageRow[];
}

export interface ComponentUsage {
  /** The identity key the component is known by (identity purl, else `namespace/name`). */
  key: string;
  name: string;
  component: ComponentRecord | null;
  releases: ComponentReleaseUse[];
  /** Decisions naming the component, and curations of a licence string one of its versions declares. */
  decisions: Decision[];
}

export async function componentUsage(store: Store, text: string): Promise<ComponentUsage> {
  const ref = componentReference(text);
  if ('error' in ref) throw new ServiceError('invalid-input', `component: ${ref.error}`);
  const hits = await store.releasesContaining(ref.key.startsWith('pkg:') ? { purl: ref.key } : { name: ref.key });
  const component = hits[0]?.component ?? null;
  const key = component ? (component.purl ?? displayName(component)) : ref.key;
  const releases: ComponentReleaseUse[] = [];
  // Each release's newest run by its summary (one query): runLicences reads a run's bulky part only
  // when its cache does not hold these usages.
  const newestRun = new Map(
    hits.length === 0 ? [] : (await store.latestValidationRuns()).map((r) => [r.releaseId, r.id]),
  );
  for (const hit of hits) {
    const usages = await store.listUsages(hit.release.id, hit.version.id);
    // A stored run keeps its resolved usages apart (ADR 21): only these usages' are asked for, of
    // the worker that reads runs (a 100k-usage run parsed here held the server for ~2.5 s).
    const licences = await runLicences(
      store,
      hit.release.id,
      newestRun.get(hit.release.id) ?? null,
      usages.map((u) => u.id),
    );
    releases.push({
      release: hit.release,
      productName: hit.productName,
      version: hit.version,
      usages: usages.map((u) => ({
        usageId: u.id,
        project: u.project,
        scope: u.scope,
        linking: u.linking,
        modified: u.modified,
        effective: licences.get(u.id)?.effective ?? null,
      })),
    });
  }
  const declared = new Set(hits.map((h) => h.version.declaredLicense).filter((l): l is string => Boolean(l)));
  const keys = new Set([key, ref.key, ...(component ? [displayName(component)] : [])]);
  const decisions = (await store.listDecisions()).filter(
    (d) =>
      (d.component !== null && keys.has(d.component)) ||
      (d.type === 'curation' && d.component === null && d.fromExpression !== null && declared.has(d.fromExpression)),
  );
  return { key, name: component ? displayName(component) : ref.key, component, releases, decisions };
}

export interface LicenseReleaseUse {
  release: Release;
  productName: string;
  /** Usages of the release under the licence, once decisions apply (newest run). */
  usages: number;
}

/** Releases whose newest validation run counts usages under this licence, most usages first. */
export async function releasesUsingLicense(store: Store, license: string): Promise<LicenseReleaseUse[]> {
  const id = license.trim();
  if (!id) throw new ServiceError('invalid-input', 'name the licence (an SPDX id)');
  const runs = (await store.latestValidationRuns()).filter((r) => (r.licenseCounts[id] ?? 0) > 0);
  if (runs.length === 0) return [];
  const [releases, products] = await Promise.all([store.listReleases(), store.listProducts()]);
  const byId = new Map(releases.map((r) => [r.id, r]));
  const names = new Map(products.map((p) => [p.id, p.name]));
  return runs
    .filter((r) => byId.has(r.releaseId))
    .map((r) => {
      const release = byId.get(r.releaseId)!;
      return { release, productName: names.get(release.productId) ?? '', usages: r.licenseCounts[id]! };
    })
    .sort(
      (a, b) =>
        b.usages - a.usages ||
        a.productName.localeCompare(b.productName) ||
        a.release.number.localeCompare(b.release.number),
    );
}
