/**
 * The computed Annex I requirements of a release (issue 12 item 3): Part I (2)(a) from the release's
 * stored findings with the VEX analyses that apply now, Part II (1) from the stored cra-annex-i
 * results of the SBOM documents of its current inventory. A read: nothing is written.
 */
import {
  DEFAULT_EXPLOITABLE_THRESHOLD,
  noKnownExploitableVulnerabilities,
  sbomCoversTopLevelDependencies,
  type ComputedEntry,
  type CraRecord,
  type SbomDocumentQuality,
} from '../cra/record/index.js';
import { CRA_ANNEX_I } from '../cra/profiles/cra-annex-i.js';
import type { Release } from '../model/portfolio.js';
import type { Store } from '../store/index.js';
import { releaseVulnerabilities } from './release-vulnerabilities.js';
import { notFound } from './service-error.js';

export interface ComputedAnnex {
  release: { id: number; number: string; shipStatus: string } | null;
  entries: ComputedEntry[];
}

/** The release a product's matrix shows by default: its newest published release, else its newest one. */
export async function defaultAnnexRelease(store: Store, productId: number): Promise<Release | null> {
  const releases = (await store.listReleases(productId)).sort((a, b) => b.id - a.id);
  return releases.find((r) => r.shipStatus === 'published') ?? releases[0] ?? null;
}

/** The SBOM documents behind the release's inventory: the imports since the last one that replaced it. */
async function currentDocuments(store: Store, releaseId: number): Promise<SbomDocumentQuality[]> {
  const imports = (await store.listImports(releaseId))
    .filter((i) => i.status === 'succeeded')
    .sort((a, b) => a.id - b.id);
  const lastReplace = imports.map((i) => i.mode).lastIndexOf('replace');
  const current = lastReplace < 0 ? imports : imports.slice(lastReplace);
  const results = new Map(
    (await store.listImportQuality(current.map((i) => i.id)))
      .filter((q) => q.result.profile === CRA_ANNEX_I.id)
      .map((q) => [q.importId, q.result]),
  );
  return current.map((i) => ({
    importId: i.id,
    document: `import #${i.id} (${i.fileName ?? i.format})`,
    result: results.get(i.id) ?? null,
  }));
}

export async function computeAnnexForRelease(
  store: Store,
  release: Release | null,
  record: CraRecord,
): Promise<ComputedAnnex> {
  if (!release)
    return {
      release: null,
      entries: [
        noKnownExploitableVulnerabilities({
          release: null,
          scan: null,
          findings: [],
          threshold: DEFAULT_EXPLOITABLE_THRESHOLD,
        }),
        sbomCoversTopLevelDependencies(null, []),
      ],
    };
  const ref = { id: release.id, number: release.number };
  const vulns = await releaseVulnerabilities(store, release.id);
  const partIa = noKnownExploitableVulnerabilities({
    release: ref,
    scan: vulns.scan
      ? {
          scannedAt: vulns.scan.scannedAt,
          stale: vulns.scan.stale,
          databaseRecords: vulns.scan.summary.database.records,
        }
      : null,
    findings: vulns.findings.map((f) => ({
      id: f.id,
      vulnerability: f.vulnerability.id,
      aliases: f.vulnerability.aliases,
      component: f.component.key || f.component.name,
      ...(f.component.version !== undefined ? { version: f.component.version } : {}),
      rating: f.vulnerability.severity.rating,
      kev: f.vulnerability.kev !== null,
      state: f.analysis?.state ?? null,
      conflict: f.conflict !== null,
    })),
    threshold: record.exploitableThreshold ?? DEFAULT_EXPLOITABLE_THRESHOLD,
  });
  const partII1 = sbomCoversTopLevelDependencies(ref, await currentDocuments(store, release.id));
  return { release: { ...ref, shipStatus: release.shipStatus }, entries: [partIa, partII1] };
}

/** For a product's release by number, or its default release (see defaultAnnexRelease). */
export async function computeAnnex(
  store: Store,
  product: { id: number; name: string },
  record: CraRecord,
  releaseNumber?: string,
): Promise<ComputedAnnex> {
  let release: Release | null;
  if (releaseNumber !== undefined) {
    release = await store.findRelease(product.id, releaseNumber);
    if (!release) throw notFound(`release "${releaseNumber}" of product "${product.name}"`);
  } else release = await defaultAnnexRelease(store, product.id);
  return computeAnnexForRelease(store, release, record);
}

/**
 * The CRA release gate (CRA Art. 13(12); reference note §1.2 CLS-10): the Annex I requirements the
 * product's record lists in `shipRequires` must be settled for this release. A computed requirement
 * counts only with its computed value for this release (never a value recorded by hand); the others
 * must be met with evidence or not applicable with a reason. Returns what blocks, one line each.
 */
export async function craShipBlockers(store: Store, release: Release): Promise<string[]> {
  const record = (await store.getCraRecord(release.productId))?.record;
  const required = record?.shipRequires ?? [];
  if (!record || required.length === 0) return [];
  const computed = new Map(
    (await computeAnnexForRelease(store, release, record)).entries.map((e) => [e.requirement as string, e]),
  );
  const blockers: string[] = [];
  for (const id of required) {
    const c = computed.get(id);
    if (c) {
      if (c.status !== 'met') blockers.push(`${id} (computed) is ${c.status}: ${c.reasons.join('; ')}`);
      continue;
    }
    const status = record.annexI[id]?.status ?? 'not-assessed';
    if (status !== 'met' && status !== 'not-applicable')
      blockers.push(`${id} is ${status}: record it as met with evidence, or not applicable with a reason`);
  }
  return blockers;
}
