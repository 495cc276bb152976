/**
 * Triage memory and VEX in and out of the store (issue 11, items 5 and 6): record an analysis
 * (`vigie vex set`), import a CycloneDX VEX / OpenVEX / CSAF document into a release
 * (`vigie vex import`), and export what applies to a release in any of the three formats
 * (`vigie vex export`). Analyses are generalised like licence decisions and reused by every
 * release their scope covers; conflicting ones are reported, never chosen between.
 */
import { randomUUID } from 'node:crypto';
import { InputError } from '../io/input-error.js';
import { readDocumentFile } from '../io/read-document.js';
import type { Issue } from '../model/issue.js';
import { componentKey, componentReference } from '../model/component-identity.js';
import type { ComponentRecord, VersionRecord } from '../model/portfolio.js';
import type { NewTriageRecord, Store } from '../store/index.js';
import {
  ANALYSIS_RESPONSES,
  ANALYSIS_STATES,
  CDX_JUSTIFICATIONS,
  VEX_JUSTIFICATIONS,
  canonicalVulnerabilityId,
  isNotAffected,
  parseBomLink,
  productLabel,
  readVex,
  withinLimit,
  writeVex,
  type AnalysisResponse,
  type VexAnalysis,
  type VexFormat,
  type VexProduct,
  type VexStatement,
} from '../vulns/vex/index.js';
import {
  applicableTriage,
  currentTriage,
  describeTriageScope,
  type TriageRecord,
  type TriageScopeLevel,
} from '../vulns/vex/triage.js';
import { allComponents } from '../sbom/graph.js';
import { recordsById } from '../model/records-by-id.js';
import { decodeUpload } from './decode-upload.js';
import { findReleaseByName, type ReleaseRef } from './portfolio.js';
import { ServiceError, serviceErrorOfInput } from './service-error.js';

export { TRIAGE_SCOPES, type TriageScopeLevel } from '../vulns/vex/triage.js';

export interface SetAnalysisInput {
  product: string;
  release: string;
  /** purl (a versioned purl names the version) or name of a component of the release. */
  component: string;
  vulnerability: string;
  state: string;
  justification?: string;
  responses?: string[];
  detail?: string;
  actionStatement?: string;
  /** Where the analysis holds: this release (default), every release of the product, every product. */
  scope?: TriageScopeLevel;
  /** For every version of the component, not only the one in this release. */
  allVersions?: boolean;
  author: string;
  now: string;
}

interface ReleaseComponent {
  component: ComponentRecord;
  version: VersionRecord;
  key: string;
}

async function releaseComponents(store: Store, ref: ReleaseRef): Promise<ReleaseComponent[]> {
  const data = await store.loadReleaseData(ref.release.id);
  if (!data) throw new ServiceError('not-found', `release ${ref.release.number} not found`);
  const components = recordsById(data.components);
  const versions = recordsById(data.versions);
  const seen = new Set<number>();
  const out: ReleaseComponent[] = [];
  for (const u of data.usages) {
    if (seen.has(u.versionId)) continue;
    seen.add(u.versionId);
    // By id: a search of the versions per usage made a 100k-component release's VEX take 8 s.
    const version = versions.get(u.versionId);
    const component = version ? components.get(version.componentId) : undefined;
    if (version && component) out.push({ component, version, key: componentKey(component) });
  }
  return out;
}

/** The analysis as given, checked against the vocabularies and the per-status fields the VEX formats require. */
export function checkAnalysis(
  input: Pick<SetAnalysisInput, 'state' | 'justification' | 'responses' | 'detail' | 'actionStatement'>,
): VexAnalysis {
  if (!(ANALYSIS_STATES as readonly string[]).includes(input.state))
    throw new ServiceError('invalid-input', `state must be one of ${ANALYSIS_STATES.join(', ')}, not "${input.state}"`);
  const state = input.state as VexAnalysis['state'];
  const analysis: VexAnalysis = { state, responses: [] };
  if (input.justification !== undefined) {
    if ((CDX_JUSTIFICATIONS as readonly string[]).includes(input.justification))
      analysis.justification = input.justification as VexAnalysis['justification'];
    else if ((VEX_JUSTIFICATIONS as readonly string[]).includes(input.justification))
      analysis.vexJustification = input.justification as VexAnalysis['vexJustification'];
    else
      throw new ServiceError(
        'invalid-input',
        `justification must be one of ${[...CDX_JUSTIFICATIONS, ...VEX_JUSTIFICATIONS].join(', ')}, not "${input.justification}"`,
      );
    if (!isNotAffected(state))
      throw new ServiceError(
        'invalid-input',
        `a justification only goes with not_affected or false_positive, not ${state}`,
      );
  }
  for (const r of input.responses ?? []) {
    if (!(ANALYSIS_RESPONSES as readonly string[]).includes(r))
      throw new ServiceError('invalid-input', `response must be one of ${ANALYSIS_RESPONSES.join(', ')}, not "${r}"`);
    analysis.responses.push(r as AnalysisResponse);
  }
  if (input.detail?.trim()) analysis.detail = input.detail.trim();
  if (input.actionStatement?.trim()) analysis.actionStatement = input.actionStatement.trim();
  // OpenVEX and CSAF refuse these without the field; recording them incomplete would make exports drop them.
  if (isNotAffected(state) && !analysis.justification && !analysis.vexJustification && !analysis.detail) {
    throw new ServiceError(
      'invalid-input',
      `${state} needs a justification or a detail saying why (OpenVEX and CSAF require one)`,
    );
  }
  if (state === 'exploitable' && analysis.responses.length === 0 && !analysis.actionStatement) {
    throw new ServiceError(
      'invalid-input',
      'exploitable needs a response or an action statement (OpenVEX and CSAF require a remediation)',
    );
  }
  return analysis;
}

function findComponent(components: ReleaseComponent[], text: string, where: string): ReleaseComponent {
  const ref = componentReference(text);
  if ('error' in ref) throw new ServiceError('invalid-input', ref.error);
  const matches = components.filter(
    (c) => c.key === ref.key && (ref.version === null || c.version.number === ref.version),
  );
  if (matches.length === 0) throw new ServiceError('not-found', `${text} is not a component of ${where}`);
  if (matches.length > 1)
    throw new ServiceError(
      'invalid-input',
      `${text} names ${matches.length} versions in ${where} (${matches.map((m) => m.version.number).join(', ')}): give a versioned purl`,
    );
  return matches[0]!;
}

/** Records an analysis (a new record: the previous one of the same scope stays as history). */
export async function setVexAnalysis(
  store: Store,
  input: SetAnalysisInput,
): Promise<{ record: TriageRecord; scope: string }> {
  const analysis = checkAnalysis(input);
  const author = input.author.trim();
  if (!author) throw new ServiceError('invalid-input', 'the author is required');
  const vulnerability = canonicalVulnerabilityId(input.vulnerability);
  if (!/^[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9._:-]+$/.test(vulnerability))
    throw new ServiceError(
      'invalid-input',
      `"${input.vulnerability}" is not a vulnerability id (CVE-…, GHSA-…, PYSEC-…)`,
    );
  const ref = await findReleaseByName(store, input.product, input.release);
  const c = findComponent(
    await releaseComponents(store, ref),
    input.component,
    `${ref.product.name} ${ref.release.number}`,
  );
  const scope = input.scope ?? 'release';
  const aliases = (await store.aliasGroup([vulnerability])).filter((id) => id !== vulnerability);
  const [record] = await store.addTriageRecords([
    {
      vulnerabilityId: vulnerability,
      aliases,
      productId: scope === 'all' ? null : ref.product.id,
      releaseId: scope === 'release' ? ref.release.id : null,
      component: c.key,
      version: input.allVersions ? null : c.version.number,
      analysis,
      author,
      createdAt: input.now,
      origin: 'manual',
    },
  ]);
  return { record: record!, scope: describeTriageScope(record!) };
}

export interface VexImportResult {
  format: VexFormat;
  recorded: number;
  /** Statements about products that are not components of the release. */
  unmatched: { vulnerability: string; product: string }[];
  issues: Issue[];
}

/** Imports a VEX document's statements about the release's components as analyses of this release. */
export async function importVexDocument(
  store: Store,
  input: {
    text: string;
    fileName: string;
    product: string;
    release: string;
    author: string;
    now: string;
    scope?: TriageScopeLevel;
  },
): Promise<VexImportResult> {
  let read;
  try {
    read = readVex(input.text, input.fileName);
  } catch (err) {
    if (err instanceof Error && err.name === 'UnsupportedDocumentError')
      throw new ServiceError('unsupported-format', err.message);
    if (err instanceof Error && err.name === 'UnreadableDocumentError')
      throw new ServiceError('unreadable-document', err.message);
    throw err;
  }
  if (read.document.statements.length === 0) {
    // Nothing to record is not a success: the document was read and holds no statement at all.
    const first = read.issues.find((i) => i.severity !== 'info') ?? read.issues[0];
    throw new ServiceError(
      'invalid-input',
      `${input.fileName} (${read.document.format}) holds no VEX statement that can be recorded${first ? ` (${read.issues.length} skipped or said; first: ${first.message}${first.field ? ` at ${first.field}` : ''})` : ''}`,
    );
  }
  const ref = await findReleaseByName(store, input.product, input.release);
  const components = indexOf(await releaseComponents(store, ref));
  const scope = input.scope ?? 'release';
  const unmatched: VexImportResult['unmatched'] = [];
  const records: NewTriageRecord[] = [];
  const linked = await linkedComponents(store, ref.release.id, read.document.statements);
  for (const s of read.document.statements) {
    const matches = matchLimited(components, s.product, linked);
    if (matches.length === 0) {
      unmatched.push({ vulnerability: s.vulnerability.id, product: productLabel(s.product) });
      continue;
    }
    const aliases = (await store.aliasGroup([s.vulnerability.id, ...s.vulnerability.aliases])).filter(
      (id) => id !== s.vulnerability.id,
    );
    for (const match of matches)
      records.push({
        vulnerabilityId: s.vulnerability.id,
        aliases,
        productId: scope === 'all' ? null : ref.product.id,
        releaseId: scope === 'release' ? ref.release.id : null,
        component: match.component.key,
        version: match.allVersions ? null : match.component.version.number,
        analysis: s.analysis,
        author: input.author,
        createdAt: input.now,
        origin: `import ${read.document.format} ${input.fileName}`,
      });
  }
  await store.transaction((tx) => tx.addTriageRecords(records));
  return { format: read.document.format, recorded: records.length, unmatched, issues: read.issues };
}

/**
 * The components BOM-Links point at, read from the release's imported CycloneDX documents: a
 * standalone CycloneDX VEX names `urn:cdx:<serial>/<version>#<bom-ref>` of the SBOM it is about,
 * and the store keeps that SBOM as it was imported, not its bom-refs. The documents are read only
 * when a statement carries a BOM-Link.
 */
async function linkedComponents(
  store: Store,
  releaseId: number,
  statements: readonly VexStatement[],
): Promise<(p: VexProduct) => VexProduct | undefined> {
  const serials = new Set(
    statements.flatMap((s) => {
      const link = s.product.bomLink ? parseBomLink(s.product.bomLink) : undefined;
      return link?.ref !== undefined ? [link.serial] : [];
    }),
  );
  const bySerial = new Map<string, Map<string, VexProduct>>();
  if (serials.size > 0) {
    for (const imported of await store.listImports(releaseId)) {
      if (!imported.format.startsWith('cyclonedx')) continue;
      const doc = await store.getImportDocument(imported.id);
      if (!doc) continue;
      let sbom;
      try {
        sbom = (await decodeUpload(doc.content, doc.fileName ?? 'imported document')).sbom;
      } catch {
        continue; // an import's document that no longer reads names nothing
      }
      const serial = sbom.metadata.serialNumber?.replace(/^urn:uuid:/i, '').toLowerCase();
      if (!serial || !serials.has(serial)) continue;
      const refs = bySerial.get(serial) ?? new Map<string, VexProduct>();
      bySerial.set(serial, refs);
      for (const c of allComponents(sbom, true)) {
        refs.set(c.ref, {
          ...(c.purl ? { purl: c.purl } : {}),
          name: c.name,
          ...(c.version ? { version: c.version } : {}),
        });
      }
    }
  }
  return (p) => {
    const link = p.bomLink ? parseBomLink(p.bomLink) : undefined;
    const refs = link?.ref !== undefined ? bySerial.get(link.serial) : undefined;
    if (!refs || link?.ref === undefined) return undefined;
    // The fragment of a BOM-Link is the bom-ref percent-encoded.
    let decoded = link.ref;
    try {
      decoded = decodeURIComponent(link.ref);
    } catch {
      // not percent-encoded after all: the ref as written
    }
    return refs.get(link.ref) ?? refs.get(decoded);
  };
}

/**
 * A release's components by identity key, version id and name, each list in the release's order: a
 * VEX document's statements are matched by lookup, not by a search of every component for each
 * statement (a 1,000-statement VEX against a 100k-component release: 10^8 comparisons).
 */
interface ComponentIndex {
  byKey: Map<string, ReleaseComponent[]>;
  byVersionId: Map<number, ReleaseComponent>;
  byName: Map<string, ReleaseComponent[]>;
}

function indexOf(components: readonly ReleaseComponent[]): ComponentIndex {
  const index: ComponentIndex = { byKey: new Map(), byVersionId: new Map(), byName: new Map() };
  const add = <K>(map: Map<K, ReleaseComponent[]>, key: K, c: ReleaseComponent) => {
    const list = map.get(key);
    if (list) list.push(c);
    else map.set(key, [c]);
  };
  for (const c of components) {
    add(index.byKey, c.key, c);
    add(index.byName, c.component.name, c);
    if (!index.byVersionId.has(c.version.id)) index.byVersionId.set(c.version.id, c);
  }
  return index;
}

/**
 * The components a statement is about. A statement limited to some versions (CycloneDX
 * `affects[].versions[]`) is recorded for each version of the named component within the limit,
 * that version only; otherwise the product as named (`matchProduct`).
 */
function matchLimited(
  components: ComponentIndex,
  p: VexProduct,
  linked: (p: VexProduct) => VexProduct | undefined,
): { component: ReleaseComponent; allVersions: boolean }[] {
  const direct = matchProduct(components, p) ?? matchProduct(components, linked(p) ?? {});
  if (!p.only) return direct ? [direct] : [];
  if (!direct) return [];
  const only = p.only;
  return (components.byKey.get(direct.component.key) ?? [])
    .filter((c) => withinLimit(only, versionOfPurl(c.version.purl) ?? c.version.number))
    .map((component) => ({ component, allVersions: false }));
}

function versionOfPurl(purl: string | null | undefined): string | undefined {
  const ref = purl ? componentReference(purl) : undefined;
  return ref && !('error' in ref) && ref.version !== null ? ref.version : undefined;
}

/**
 * A VEX product to a component of the release: by purl (with or without version), Vigie's
 * `version-<id>` ref, or name@version. A product named without a version (`pkg:npm/semver`) is
 * about every version of the component: the analysis is recorded for all of them, as a scan
 * with `--vex` applies it.
 */
function matchProduct(
  components: ComponentIndex,
  p: VexProduct,
): { component: ReleaseComponent; allVersions: boolean } | undefined {
  if (p.purl) {
    const ref = componentReference(p.purl);
    if (!('error' in ref)) {
      const hit = components.byKey.get(ref.key)?.find((c) => ref.version === null || c.version.number === ref.version);
      if (hit) return { component: hit, allVersions: ref.version === null };
    }
  }
  const vigieRef = /^version-(\d+)$/.exec(p.ref ?? '');
  if (vigieRef) {
    const hit = components.byVersionId.get(Number(vigieRef[1]));
    return hit ? { component: hit, allVersions: false } : undefined;
  }
  if (p.name) {
    const hit = components.byName.get(p.name)?.find((c) => !p.version || c.version.number === p.version);
    return hit ? { component: hit, allVersions: !p.version } : undefined;
  }
  return undefined;
}

export interface ReleaseVexView {
  statements: (VexStatement & { record: TriageRecord; history: TriageRecord[]; scope: string })[];
  conflicts: { vulnerability: string; component: string; analyses: TriageRecord[] }[];
}

/** Every analysis that applies to a component version of the release, most specific first, conflicts apart. */
export async function releaseVex(store: Store, product: string, release: string): Promise<ReleaseVexView> {
  const ref = await findReleaseByName(store, product, release);
  const components = await releaseComponents(store, ref);
  const entries = currentTriage(
    await store.listTriageRecords({ components: components.map((c) => c.key), productId: ref.product.id }),
  );
  const historyOf = new Map(entries.map((e) => [e.current.id, e.history]));
  // The records of each component, found once (not a search of them all per component).
  const byComponent = new Map<string, TriageRecord[]>();
  for (const { current: r } of entries) {
    const list = byComponent.get(r.component);
    if (list) list.push(r);
    else byComponent.set(r.component, [r]);
  }
  const out: ReleaseVexView = { statements: [], conflicts: [] };
  for (const c of components) {
    const relevant = byComponent.get(c.key);
    if (!relevant) continue;
    // One decision per flaw: records naming the same alias group are weighed together.
    const groups: string[][] = [];
    for (const r of relevant) {
      const ids = [r.vulnerabilityId, ...r.aliases];
      const g = groups.find((x) => x.some((id) => ids.includes(id)));
      if (g) g.push(...ids.filter((id) => !g.includes(id)));
      else groups.push(ids);
    }
    for (const ids of groups) {
      const pick = applicableTriage(relevant, {
        productId: ref.product.id,
        releaseId: ref.release.id,
        component: c.key,
        version: c.version.number,
        vulnerabilityIds: ids,
      });
      if (pick.kind === 'conflict')
        out.conflicts.push({
          vulnerability: ids[0]!,
          component: `${c.key}@${c.version.number}`,
          analyses: pick.decisions,
        });
      if (pick.kind !== 'decided') continue;
      const r = pick.decision;
      out.statements.push({
        vulnerability: { id: r.vulnerabilityId, aliases: r.aliases },
        product: {
          ...(c.version.purl ? { purl: c.version.purl } : {}),
          ref: `version-${c.version.id}`,
          name: c.component.namespace ? `${c.component.namespace}/${c.component.name}` : c.component.name,
          ...(c.version.number ? { version: c.version.number } : {}),
        },
        analysis: r.analysis,
        timestamp: r.createdAt,
        record: r,
        history: historyOf.get(r.id) ?? [],
        scope: describeTriageScope(r),
      });
    }
  }
  return out;
}

export interface VexExportInput {
  product: string;
  release: string;
  format: VexFormat;
  now: string;
  author: string;
  /** CycloneDX 1.6 (default) or 1.7 for cyclonedx-vex. */
  specVersion?: '1.6' | '1.7';
  /** The release SBOM the VEX points into (serial number and version of the exported SBOM): BOM-Links. */
  sbom?: { serialNumber: string; version: number };
  /** CSAF publisher namespace (a URL of the organisation). */
  namespace?: string;
}

/** The release's analyses written as CycloneDX VEX, OpenVEX or CSAF, with what could not be written. */
export async function exportVex(
  store: Store,
  input: VexExportInput,
): Promise<{ document: Record<string, unknown>; issues: Issue[]; conflicts: ReleaseVexView['conflicts'] }> {
  const view = await releaseVex(store, input.product, input.release);
  const statements: VexStatement[] = view.statements.map(({ vulnerability, product, analysis, timestamp }) => ({
    vulnerability,
    product,
    analysis,
    ...(timestamp ? { timestamp } : {}),
  }));
  const uuid = randomUUID();
  const common = { timestamp: input.now, ...(input.sbom ? { sbom: input.sbom } : {}) };
  const title = `${input.product} ${input.release}`;
  const result =
    input.format === 'cyclonedx-vex'
      ? writeVex(statements, {
          format: 'cyclonedx-vex',
          specVersion: input.specVersion ?? '1.6',
          serialNumber: `urn:uuid:${uuid}`,
          subject: { name: input.product, version: input.release },
          author: input.author,
          ...common,
        })
      : input.format === 'openvex'
        ? writeVex(statements, { format: 'openvex', id: `urn:uuid:${uuid}`, author: input.author, ...common })
        : writeVex(statements, {
            format: 'csaf',
            trackingId: `VIGIE-VEX-${title.replace(/[^A-Za-z0-9.+-]+/g, '-')}`,
            title: `VEX for ${title}`,
            publisher: { name: input.author, namespace: input.namespace ?? 'https://vigie.invalid' },
            ...common,
          });
  return { ...result, conflicts: view.conflicts };
}

/** `vigie vex import <file>`: reads the file (size-limited, gzip-aware) and imports it. */
export async function importVexFile(
  store: Store,
  input: { path: string; product: string; release: string; author: string; now: string; scope?: TriageScopeLevel },
): Promise<VexImportResult> {
  let text: string;
  try {
    text = (await readDocumentFile(input.path)).text;
  } catch (err) {
    if (err instanceof InputError) throw serviceErrorOfInput(err);
    throw err;
  }
  return importVexDocument(store, { ...input, text, fileName: input.path });
}
