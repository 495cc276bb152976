/**
 * Vulnerabilities of the portfolio's releases (issue 11, item 8): a release is scanned against the
 * store's vulnerability database and its findings are stored (reads never re-match); the reads
 * apply the triage memory (VEX) as it stands, tell whether the stored scan is stale (the release's
 * components or the database changed since), answer "which releases ship CVE-…" from the store for
 * any alias, and compare two releases. CRA Annex I Part I (2)(a): no product on the market with
 * known exploitable vulnerabilities — this is what shows them per release.
 */
import { createHash } from 'node:crypto';
import { componentKey } from '../model/component-identity.js';
import { inTextOrder, recordsById, type RecordsById } from '../model/records-by-id.js';
import { emptySbom, type Component, type Sbom } from '../model/index.js';
import type { ReleaseData, ReleaseScanRecord, Store, StoredReleaseFinding } from '../store/index.js';
import { scanSbom, type VulnerabilityScan } from '../vulns/match/index.js';
import type { VulnerabilityFinding } from '../vulns/match/finding.js';
import { ANALYSIS_STATES, canonicalVulnerabilityId, type VexFormat } from '../vulns/vex/index.js';
import {
  applicableTriage,
  applicableUpstreamTriage,
  upstreamTriageWarning,
  currentTriage,
  describeTriageScope,
  type TriageRecord,
} from '../vulns/vex/triage.js';
import type { SeverityRating } from '../vulns/severity/index.js';
import { dependencyPaths, type DependencyPath, type DependencyPathStep } from './dependency-paths.js';
import { getRelease } from './portfolio.js';
import { ServiceError, notFound } from './service-error.js';
import { vulnerabilityDataForSbom, type StoredVulnerabilityData } from './vulnerability-store-source.js';
import { exportVex, setVexAnalysis, type SetAnalysisInput } from './vex-triage.js';
import { eventLoopTurn } from '../io/event-loop-turn.js';

/** States after which a finding no longer needs work; the rest (none, in_triage, exploitable) are open. */
const CLOSED_STATES = new Set(['not_affected', 'false_positive', 'resolved', 'resolved_with_pedigree']);
const RATINGS: (SeverityRating | 'unknown')[] = ['critical', 'high', 'medium', 'low', 'none', 'unknown'];

export interface ReleaseInventory {
  sbom: Sbom;
  /** versionId → component identity key (worked out when asked: a scan asks only for its findings). */
  keyOf(versionId: number): string | undefined;
  fingerprint: string;
}

/**
 * What a component of the scan's SBOM has no use for (the matcher reads refs, names, versions and
 * purls): one frozen empty list or object shared by all, instead of four new ones per component
 * (100k components made 400k objects for nothing; issue 13 item 5).
 */
const NO_LIST = Object.freeze([]) as unknown as never[];
const NO_LICENSES = Object.freeze({}) as Component['licenses'];

/** The release's component versions as an SBOM the matcher reads (refs `version-<id>`), and the fingerprint of the scan inputs. */
async function releaseInventory(store: Store, releaseId: number, loaded?: ReleaseData): Promise<ReleaseInventory> {
  const data = loaded ?? (await store.loadReleaseData(releaseId));
  if (!data) throw notFound(`release ${releaseId}`);
  const sbom = emptySbom({ id: 'vigie-release', specVersion: '1' });
  sbom.metadata.component = {
    ref: `release-${releaseId}`,
    type: 'application',
    name: data.product.name,
    version: data.release.number,
    hashes: [],
    licenses: {},
    externalReferences: [],
    properties: [],
  };
  const components = componentsById(data);
  for (const v of distinctById(data.versions)) {
    const c = components.get(v.componentId);
    if (!c) continue;
    sbom.components.push({
      ref: `version-${v.id}`,
      type: 'library',
      name: c.name,
      group: c.namespace ?? undefined,
      version: v.number || undefined,
      purl: v.purl ?? undefined,
      hashes: NO_LIST,
      licenses: NO_LICENSES,
      externalReferences: NO_LIST,
      properties: NO_LIST,
    });
  }
  // Asked only for the findings' versions: the map is made on the first question.
  let versions: RecordsById<ReleaseData['versions'][number]> | undefined;
  const keyOf = (versionId: number) => {
    versions ??= recordsById(data.versions);
    const c = components.get(versions.get(versionId)?.componentId ?? -1);
    return c ? componentKey(c) : undefined;
  };
  return { sbom, keyOf, fingerprint: await fingerprintOf(store, data, components) };
}

/**
 * The versions, each id once, in their order. The store lists a release's versions by id, so the
 * list itself usually serves; only a list out of order or with a repeat is copied.
 */
function distinctById<T extends { id: number }>(versions: T[]): T[] {
  let last = -Infinity;
  for (const v of versions) {
    if (v.id <= last) {
      const seen = new Set<number>();
      return versions.filter((x) => seen.size < seen.add(x.id).size);
    }
    last = v.id;
  }
  return versions;
}

function componentsById(data: ReleaseData): RecordsById<ReleaseData['components'][number]> {
  return recordsById(data.components);
}

/** What a stored scan was made from: the release's versions (id, purl, number) and the database's sources. */
async function fingerprintOf(
  store: Store,
  data: ReleaseData,
  components: RecordsById<ReleaseData['components'][number]>,
): Promise<string> {
  // The lines sorted as texts: a line starts with its version's id and a tab, and ids are distinct,
  // so the ids in text order put the lines in that order (inTextOrder: a numeric sort).
  const listed = distinctById(data.versions).filter((v) => components.get(v.componentId));
  const versionById = recordsById(listed);
  // The lines joined by newlines go to the hash a piece at a time: the same digest as the whole
  // text, without 100k line texts kept until the last is made (they outlived the young generation).
  const hash = createHash('sha256');
  let piece = '';
  const ids = inTextOrder(listed.map((v) => v.id));
  for (let i = 0; i < ids.length; i++) {
    const v = versionById.get(ids[i]!)!;
    piece += `${i > 0 ? '\n' : ''}${v.id}\t${v.purl ?? ''}\t${v.number}`;
    if (piece.length >= FINGERPRINT_PIECE) {
      hash.update(piece);
      piece = '';
    }
  }
  const sources = (await store.listVulnSources()).map((s) => `${s.name}\t${s.loadedAt}\t${s.records}`);
  return hash.update(piece).update('\u0000').update(sources.sort().join('\n')).digest('hex');
}

/** Characters of fingerprint lines handed to the hash at a time. */
const FINGERPRINT_PIECE = 64 * 1024;

/** What a dependency path shows of each of the release's versions. */
function pathSteps(
  data: ReleaseData,
  components: RecordsById<ReleaseData['components'][number]>,
): Map<number, DependencyPathStep> {
  const steps = new Map<number, DependencyPathStep>();
  for (const v of data.versions) {
    const c = components.get(v.componentId);
    if (!c || steps.has(v.id)) continue;
    steps.set(v.id, {
      versionId: v.id,
      componentId: c.id,
      name: c.name,
      namespace: c.namespace,
      version: v.number,
      purl: v.purl,
    });
  }
  return steps;
}

/**
 * What a release scan reads before it matches: the release's component versions (as an SBOM) and
 * the advisories, KEV entries and EPSS scores of their packages, looked up by (ecosystem, name).
 */
export async function releaseScanInputs(
  store: Store,
  releaseId: number,
  loaded?: ReleaseData,
): Promise<{ inventory: ReleaseInventory; data: StoredVulnerabilityData }> {
  const inventory = await releaseInventory(store, releaseId, loaded);
  // Each is a long piece of work on a large release (the inventory and its fingerprint, the
  // packages' lookup): the event loop turns between them (issue 13 item 6).
  await eventLoopTurn();
  const data = await vulnerabilityDataForSbom(store, inventory.sbom);
  await eventLoopTurn();
  return { inventory, data };
}

export interface ReleaseScanOutcome {
  releaseId: number;
  findings: number;
  summary: ReleaseScanRecord['summary'];
}

/**
 * Scans one release against the store's database and replaces its stored findings (one
 * transaction). `reason` says why (`import`, `database`, `on demand` …). `loaded`: the release's
 * data when the caller has just read it (an import reads it once for the validation run and the scan).
 */
export async function scanRelease(
  store: Store,
  releaseId: number,
  reason: string,
  now: string,
  loaded?: ReleaseData,
): Promise<ReleaseScanOutcome> {
  return storeScan(store, releaseId, reason, now, await prepareScan(store, releaseId, loaded));
}

/** A release's scan worked out, its findings not stored yet. */
export interface PreparedScan {
  inventory: ReleaseInventory;
  scan: VulnerabilityScan;
}

/**
 * The matching of scanRelease without its writes: an import on PostgreSQL works it out while its
 * own rows go to the server (ADR 59), reading the vulnerability database on another connection.
 */
export async function prepareScan(store: Store, releaseId: number, loaded?: ReleaseData): Promise<PreparedScan> {
  const { inventory, data } = await releaseScanInputs(store, releaseId, loaded);
  return { inventory, scan: scanSbom(inventory.sbom, data.index, { kev: data.kev, epss: data.epss }) };
}

/** Replaces the release's stored findings by a prepared scan's (one transaction). */
export async function storeScan(
  store: Store,
  releaseId: number,
  reason: string,
  now: string,
  prepared: PreparedScan,
): Promise<ReleaseScanOutcome> {
  const { inventory, scan } = prepared;
  await addEuvdAliases(store, scan.findings);
  const findings = scan.findings.map((finding) => {
    const versionId = Number(finding.component.ref.replace(/^version-/, ''));
    return { versionId, component: inventory.keyOf(versionId) ?? finding.component.name, finding };
  });
  await store.transaction(async (tx) => {
    await tx.lockRelease(releaseId);
    await tx.replaceReleaseFindings(
      {
        releaseId,
        scannedAt: now,
        reason,
        fingerprint: inventory.fingerprint,
        summary: scan.summary,
        unchecked: scan.unchecked,
      },
      findings,
    );
  });
  return { releaseId, findings: findings.length, summary: scan.summary };
}

/**
 * EUVD ids are not in OSV records: when EUVD records were loaded, the store's alias groups add
 * them to the findings' aliases (one batched lookup for all the findings), so the UI and exports show them.
 */
async function addEuvdAliases(store: Store, findings: VulnerabilityFinding[]): Promise<void> {
  if (findings.length === 0 || !(await store.listVulnSources()).some((s) => s.kind === 'euvd')) return;
  const ids = new Set<string>();
  for (const f of findings) for (const id of [f.vulnerability.id, ...f.vulnerability.aliases]) ids.add(id);
  const euvdOf = new Map<string, string[]>();
  for (const group of await store.aliasGroupsOf([...ids])) {
    const euvd = group.filter((id) => id.startsWith('EUVD-'));
    if (euvd.length > 0) for (const id of group) euvdOf.set(id, euvd);
  }
  for (const f of findings) {
    const v = f.vulnerability;
    const add = new Set<string>();
    for (const id of [v.id, ...v.aliases]) for (const e of euvdOf.get(id) ?? []) if (!v.aliases.includes(e)) add.add(e);
    if (add.size) v.aliases = [...v.aliases, ...add].sort();
  }
}

/** Re-scans every release (after the database changed); returns how many findings were stored in all. */
export async function scanAllReleases(
  store: Store,
  reason: string,
  now: string,
): Promise<{ releases: number; findings: number }> {
  let findings = 0;
  const releases = await store.listReleases();
  for (const r of releases) findings += (await scanRelease(store, r.id, reason, now)).findings;
  return { releases: releases.length, findings };
}

export interface FindingAnalysis {
  state: string;
  justification?: string;
  detail?: string;
  responses: string[];
  /** "all versions of pkg:npm/x in every release of the product" … */
  scope: string;
  author: string;
  createdAt: string;
  origin: string;
  /** Older records of the same analysis, newest first. */
  history: { state: string; justification?: string; author: string; createdAt: string }[];
}

export interface ReleaseFindingView {
  id: number;
  versionId: number;
  vulnerability: VulnerabilityFinding['vulnerability'];
  component: VulnerabilityFinding['component'] & { key: string };
  match: VulnerabilityFinding['match'];
  analysis: FindingAnalysis | null;
  /** Analyses that disagree at the same scope: none applies until one is recorded for this finding. */
  conflict: { state: string; scope: string; author: string }[] | null;
  /** What applying the triage could not do (analyses of some of a distribution advisory's upstream CVEs). */
  warnings?: string[];
  /** Still needs work: no analysis, in_triage or exploitable. */
  open: boolean;
  /** From the top-level dependency down to the component (bounded). */
  path: Pick<DependencyPath, 'reachable' | 'omitted' | 'length'> & { steps: string[] };
}

export interface FindingCounts {
  total: number;
  open: number;
  kevOpen: number;
  /** Open findings by rating. */
  byRating: Record<SeverityRating | 'unknown', number>;
  /** Every finding by its VEX state (`untriaged` while none applies, `conflict` when analyses disagree). */
  byState: Record<string, number>;
}

export interface ReleaseVulnerabilities {
  releaseId: number;
  scan: {
    scannedAt: string;
    reason: string;
    stale: boolean;
    summary: ReleaseScanRecord['summary'];
    unchecked: ReleaseScanRecord['unchecked'];
  } | null;
  counts: FindingCounts;
  findings: ReleaseFindingView[];
}

function emptyCounts(): FindingCounts {
  const byState: Record<string, number> = { untriaged: 0, conflict: 0 };
  for (const s of ANALYSIS_STATES) byState[s] = 0;
  return {
    total: 0,
    open: 0,
    kevOpen: 0,
    byRating: Object.fromEntries(RATINGS.map((r) => [r, 0])) as FindingCounts['byRating'],
    byState,
  };
}

function count(
  counts: FindingCounts,
  f: { finding: VulnerabilityFinding; state: string | null; conflict: boolean },
): boolean {
  counts.total++;
  const key = f.conflict ? 'conflict' : (f.state ?? 'untriaged');
  counts.byState[key] = (counts.byState[key] ?? 0) + 1;
  const open = f.state === null || !CLOSED_STATES.has(f.state);
  if (open) {
    counts.open++;
    counts.byRating[f.finding.vulnerability.severity.rating]++;
    if (f.finding.vulnerability.kev) counts.kevOpen++;
  }
  return open;
}

interface Triaged {
  stored: StoredReleaseFinding;
  record: TriageRecord | null;
  history: TriageRecord[];
  conflict: TriageRecord[] | null;
  /** Why an analysis of some of a distribution advisory's upstream CVEs does not apply to it. */
  warning?: string;
}

/** The triage memory applied to stored findings of releases of one product. */
async function triage(
  store: Store,
  productId: number,
  releaseId: number,
  findings: StoredReleaseFinding[],
): Promise<Triaged[]> {
  if (findings.length === 0) return [];
  const entries = currentTriage(
    await store.listTriageRecords({ components: findings.map((f) => f.component), productId }),
  );
  const current = entries.map((e) => e.current);
  const historyOf = new Map(entries.map((e) => [e.current.id, e.history]));
  return findings.map((stored) => {
    const v = stored.finding.vulnerability;
    const facts = {
      productId,
      releaseId,
      component: stored.component,
      version: stored.finding.component.version ?? '',
    };
    let pick = applicableTriage(current, { ...facts, vulnerabilityIds: [v.id, ...v.aliases] });
    // A distribution's advisory (RHSA, DSA …) names its CVEs in `upstream`: their analyses speak for it when they cover them all.
    if (pick.kind === 'none' && v.upstream) pick = applicableUpstreamTriage(current, facts, v.upstream);
    if (pick.kind === 'decided')
      return { stored, record: pick.decision, history: historyOf.get(pick.decision.id) ?? [], conflict: null };
    if (pick.kind === 'conflict') return { stored, record: null, history: [], conflict: pick.decisions };
    const warning = v.upstream ? upstreamTriageWarning(current, facts, v.id, v.upstream) : undefined;
    return { stored, record: null, history: [], conflict: null, ...(warning ? { warning } : {}) };
  });
}

function analysisView(r: TriageRecord, history: TriageRecord[]): FindingAnalysis {
  const justification = r.analysis.justification ?? r.analysis.vexJustification;
  return {
    state: r.analysis.state,
    ...(justification ? { justification } : {}),
    ...(r.analysis.detail ? { detail: r.analysis.detail } : {}),
    responses: [...r.analysis.responses],
    scope: describeTriageScope(r),
    author: r.author,
    createdAt: r.createdAt,
    origin: r.origin,
    history: history.map((h) => {
      const j = h.analysis.justification ?? h.analysis.vexJustification;
      return { state: h.analysis.state, ...(j ? { justification: j } : {}), author: h.author, createdAt: h.createdAt };
    }),
  };
}

/** The stored findings of a release with the triage that applies now, the counts, and whether the scan is stale. */
export async function releaseVulnerabilities(store: Store, releaseId: number): Promise<ReleaseVulnerabilities> {
  const release = await getRelease(store, releaseId);
  const scan = await store.getReleaseScan(releaseId);
  const counts = emptyCounts();
  if (!scan) return { releaseId, scan: null, counts, findings: [] };
  const data = await store.loadReleaseData(releaseId);
  if (!data) throw notFound(`release ${releaseId}`);
  const components = componentsById(data);
  const fingerprint = await fingerprintOf(store, data, components);
  const stored = await store.listReleaseFindings([releaseId]);
  const triaged = await triage(store, release.productId, releaseId, stored);
  const paths =
    stored.length === 0
      ? new Map<number, DependencyPath>()
      : await dependencyPaths(store, releaseId, [...new Set(stored.map((s) => s.versionId))], {
          maxSteps: 12,
          known: pathSteps(data, components),
        });
  const findings = triaged.map(({ stored: s, record, history, conflict, warning }) => {
    const open = count(counts, {
      finding: s.finding,
      state: record?.analysis.state ?? null,
      conflict: conflict !== null,
    });
    const path = paths.get(s.versionId);
    return {
      id: s.id,
      versionId: s.versionId,
      vulnerability: s.finding.vulnerability,
      component: { ...s.finding.component, key: s.component },
      match: s.finding.match,
      analysis: record ? analysisView(record, history) : null,
      conflict: conflict
        ? conflict.map((c) => ({ state: c.analysis.state, scope: describeTriageScope(c), author: c.author }))
        : null,
      ...(warning ? { warnings: [warning] } : {}),
      open,
      path: {
        reachable: path?.reachable ?? false,
        omitted: path?.omitted ?? 0,
        length: path?.length ?? 0,
        steps: (path?.steps ?? []).map(
          (st) => `${st.namespace ? `${st.namespace}/` : ''}${st.name}${st.version ? `@${st.version}` : ''}`,
        ),
      },
    };
  });
  return {
    releaseId,
    scan: {
      scannedAt: scan.scannedAt,
      reason: scan.reason,
      stale: scan.fingerprint !== fingerprint,
      summary: scan.summary,
      unchecked: scan.unchecked,
    },
    counts,
    findings,
  };
}

/** Open findings per release (by rating, KEV) and every finding by VEX state, for the dashboard. */
export async function findingCountsByRelease(
  store: Store,
): Promise<{ releaseId: number; productId: number; scannedAt: string; counts: FindingCounts }[]> {
  const scans = await store.listReleaseScans();
  if (scans.length === 0) return [];
  const releases = new Map((await store.listReleases()).map((r) => [r.id, r]));
  const byRelease = new Map<number, StoredReleaseFinding[]>();
  for (const f of await store.listReleaseFindings(scans.map((s) => s.releaseId))) {
    const ofRelease = byRelease.get(f.releaseId);
    if (ofRelease) ofRelease.push(f);
    else byRelease.set(f.releaseId, [f]);
  }
  const out = [];
  for (const s of scans) {
    const release = releases.get(s.releaseId);
    if (!release) continue;
    const counts = emptyCounts();
    for (const t of await triage(store, release.productId, release.id, byRelease.get(s.releaseId) ?? [])) {
      count(counts, {
        finding: t.stored.finding,
        state: t.record?.analysis.state ?? null,
        conflict: t.conflict !== null,
      });
    }
    out.push({ releaseId: s.releaseId, productId: release.productId, scannedAt: s.scannedAt, counts });
  }
  return out;
}

const VULNERABILITY_ID = /^[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9._:-]+$/;

export interface AffectedRelease {
  product: { id: number; name: string };
  release: { id: number; number: string; shipStatus: string };
  components: {
    purl: string;
    name: string;
    version?: string;
    vulnerability: string;
    fixed: string[];
    state: string | null;
    open: boolean;
  }[];
}

/** Which releases ship a version affected by the advisory (any id of its alias group), from the stored findings. */
export async function releasesAffectedBy(
  store: Store,
  advisory: string,
): Promise<{ advisory: string; ids: string[]; releases: AffectedRelease[] }> {
  const id = canonicalVulnerabilityId(advisory);
  if (id.length > 100 || !VULNERABILITY_ID.test(id))
    throw new ServiceError(
      'invalid-input',
      `"${advisory.slice(0, 100)}" is not a vulnerability id (CVE-…, GHSA-…, PYSEC-…, GO-…)`,
    );
  const ids = await store.aliasGroup([id]);
  const found = await store.findingsForVulnerabilities(ids);
  const byRelease = new Map<number, StoredReleaseFinding[]>();
  for (const f of found) {
    const ofRelease = byRelease.get(f.releaseId);
    if (ofRelease) ofRelease.push(f);
    else byRelease.set(f.releaseId, [f]);
  }
  const products = new Map((await store.listProducts()).map((p) => [p.id, p]));
  const releases: AffectedRelease[] = [];
  for (const [releaseId, findings] of byRelease) {
    const release = await store.getRelease(releaseId);
    const product = release ? products.get(release.productId) : undefined;
    if (!release || !product) continue;
    const triaged = await triage(store, product.id, release.id, findings);
    releases.push({
      product: { id: product.id, name: product.name },
      release: { id: release.id, number: release.number, shipStatus: release.shipStatus },
      components: triaged.map((t) => {
        const f = t.stored.finding;
        const state = t.record?.analysis.state ?? null;
        return {
          purl: f.component.purl,
          name: f.component.name,
          ...(f.component.version !== undefined ? { version: f.component.version } : {}),
          vulnerability: f.vulnerability.id,
          fixed: f.vulnerability.fixed,
          state,
          open: state === null || !CLOSED_STATES.has(state),
        };
      }),
    });
  }
  releases.sort(
    (a, b) =>
      a.product.name.localeCompare(b.product.name) ||
      a.release.number.localeCompare(b.release.number, undefined, { numeric: true }),
  );
  return { advisory: id, ids, releases };
}

export interface VulnerabilityDiffEntry {
  vulnerability: string;
  aliases: string[];
  rating: string;
  component: string;
  version?: string;
}

/** Flaws introduced and fixed between two releases' stored scans: one flaw in one component (by identity), whatever the version. */
export async function vulnerabilityDiff(
  store: Store,
  fromReleaseId: number,
  toReleaseId: number,
): Promise<{
  scanned: boolean;
  introduced: VulnerabilityDiffEntry[];
  fixed: VulnerabilityDiffEntry[];
  unchanged: number;
}> {
  await getRelease(store, fromReleaseId);
  await getRelease(store, toReleaseId);
  const scanned =
    (await store.getReleaseScan(fromReleaseId)) !== null && (await store.getReleaseScan(toReleaseId)) !== null;
  const all = await store.listReleaseFindings([fromReleaseId, toReleaseId]);
  const from = all.filter((f) => f.releaseId === fromReleaseId);
  const to = all.filter((f) => f.releaseId === toReleaseId);
  const same = (a: StoredReleaseFinding, b: StoredReleaseFinding) => {
    if (a.component !== b.component) return false;
    const ids = new Set([a.finding.vulnerability.id, ...a.finding.vulnerability.aliases]);
    return [b.finding.vulnerability.id, ...b.finding.vulnerability.aliases].some((i) => ids.has(i));
  };
  const entry = (f: StoredReleaseFinding): VulnerabilityDiffEntry => ({
    vulnerability: f.finding.vulnerability.id,
    aliases: f.finding.vulnerability.aliases,
    rating: f.finding.vulnerability.severity.rating,
    component: f.component,
    ...(f.finding.component.version !== undefined ? { version: f.finding.component.version } : {}),
  });
  const introduced = to.filter((b) => !from.some((a) => same(a, b))).map(entry);
  const fixed = from.filter((a) => !to.some((b) => same(a, b))).map(entry);
  return { scanned, introduced, fixed, unchanged: to.length - introduced.length };
}

export type TriageInput = Omit<SetAnalysisInput, 'product' | 'release'>;

/** Records a triage for a finding of a release addressed by id (API); the same rules as `vigie vex set`. */
export async function triageReleaseFinding(store: Store, releaseId: number, input: TriageInput) {
  const release = await getRelease(store, releaseId);
  const product = await store.getProduct(release.productId);
  if (!product) throw notFound(`product ${release.productId}`);
  return setVexAnalysis(store, { ...input, product: product.name, release: release.number });
}

/** The release's analyses as a VEX document to download (CycloneDX VEX, OpenVEX or CSAF). */
export async function releaseVexDocument(
  store: Store,
  releaseId: number,
  format: VexFormat,
  author: string,
  now: string,
): Promise<{ content: string; mediaType: string; fileName: string }> {
  const release = await getRelease(store, releaseId);
  const product = await store.getProduct(release.productId);
  if (!product) throw notFound(`product ${release.productId}`);
  const result = await exportVex(store, { product: product.name, release: release.number, format, author, now });
  const base = `${product.name}-${release.number}`.replace(/[^A-Za-z0-9._-]+/g, '_');
  const suffix = format === 'cyclonedx-vex' ? 'cdx.vex.json' : format === 'openvex' ? 'openvex.json' : 'csaf.json';
  return {
    content: JSON.stringify(result.document, null, 2) + '\n',
    mediaType: format === 'cyclonedx-vex' ? 'application/vnd.cyclonedx+json' : 'application/json',
    fileName: `${base}.${suffix}`,
  };
}

/** The dashboard's vulnerability panel: per scanned release (with names) and totals over the portfolio. */
export async function vulnerabilitySummary(store: Store) {
  const perRelease = await findingCountsByRelease(store);
  const products = new Map((await store.listProducts()).map((p) => [p.id, p.name]));
  const releases = new Map((await store.listReleases()).map((r) => [r.id, r.number]));
  const totals = emptyCounts();
  for (const { counts } of perRelease) {
    totals.total += counts.total;
    totals.open += counts.open;
    totals.kevOpen += counts.kevOpen;
    for (const [k, n] of Object.entries(counts.byRating)) totals.byRating[k as SeverityRating | 'unknown'] += n;
    for (const [k, n] of Object.entries(counts.byState)) totals.byState[k] = (totals.byState[k] ?? 0) + n;
  }
  return {
    totals,
    releases: perRelease
      .map((r) => ({
        ...r,
        productName: products.get(r.productId) ?? null,
        releaseNumber: releases.get(r.releaseId) ?? null,
      }))
      .sort((a, b) => b.counts.open - a.counts.open || a.releaseId - b.releaseId),
  };
}
