import { componentLabel, type Component, type Sbom } from '../../model/index.js';
import { allComponents } from '../../sbom/graph.js';
import { affectedHit, type AffectedHit } from '../osv/range.js';
import type { EpssFile, KevCatalogue } from '../severity/index.js';
import { DependencyPaths } from './dependency-paths.js';
import type {
  MatchExplanation,
  ScanSummary,
  UncheckedComponent,
  VulnerabilityFinding,
  VulnerabilityScan,
} from './finding.js';
import { componentOsvPackage, type OsvPackageRef } from './purl-package.js';
import { VulnerabilityIndex, type IndexedAffected } from './vulnerability-index.js';
import { findingSeverity, type FindingSeverity } from './vulnerability-severity.js';
import type { OsvRecord } from '../osv/record.js';

export interface ScanContext {
  kev?: KevCatalogue;
  epss?: EpssFile;
}

interface Hit {
  entry: IndexedAffected;
  hit: AffectedHit;
}

/** The version as a record lists it: Go records write `1.2.3` for the module version `v1.2.3`. */
function listedVersion(pkg: OsvPackageRef): string {
  return pkg.ecosystem === 'Go' && pkg.version.startsWith('v') ? pkg.version.slice(1) : pkg.version;
}

/**
 * The RHEL major release of a Red Hat stream: `enterprise_linux:9::appstream`,
 * `rhel_aus:8.6::appstream`, `openshift:4.13::el9`. A stream that names none matches any release.
 */
function redHatMajor(stream: string): string | undefined {
  return /(?:^|:)el(\d+)(?:$|[^\d])/.exec(stream)?.[1] ?? /(?:enterprise_linux|rhel[a-z_]*):(\d+)/.exec(stream)?.[1];
}

function releaseMatches(entry: IndexedAffected, pkg: OsvPackageRef): boolean {
  if (pkg.release === undefined || entry.release === undefined)
    return pkg.release === undefined || entry.release === undefined;
  if (pkg.ecosystem === 'Red Hat') {
    const major = redHatMajor(entry.release);
    return major === undefined || major === pkg.release;
  }
  // `Ubuntu:22.04:LTS` and `Ubuntu:Pro:22.04:LTS` are releases 22.04 of Ubuntu.
  return entry.release === pkg.release || entry.release.split(':').includes(pkg.release);
}

/**
 * Matches every component of the SBOM against the index: one finding per (alias group,
 * component), each explained; components that cannot be checked are listed with the reason.
 */
export function scanSbom(sbom: Sbom, index: VulnerabilityIndex, context: ScanContext = {}): VulnerabilityScan {
  const paths = new DependencyPaths(sbom);
  const flaws = new FlawParts(index, context);
  const findings: VulnerabilityFinding[] = [];
  const unchecked: UncheckedComponent[] = [];
  const skippedRanges: Record<string, number> = {};
  const components = allComponents(sbom);
  for (const component of components) {
    // The matching is the last time a scan maps the component (vulnerabilityDataForSbom was the first).
    const mapped = componentOsvPackage(component, false);
    if ('unchecked' in mapped) {
      unchecked.push(uncheckedEntry(component, mapped.unchecked));
      continue;
    }
    const pkg = mapped.package;
    const entries = index.lookup(pkg.ecosystem, pkg.key);
    if (entries.length === 0) continue;
    const listed = listedVersion(pkg);
    const byGroup = new Map<string, Hit[]>();
    for (const entry of entries) {
      if (!releaseMatches(entry, pkg)) continue;
      const compiled = index.compiled(entry);
      for (const s of compiled.skipped) skippedRanges[s.reason] = (skippedRanges[s.reason] ?? 0) + 1;
      const hit = affectedHit(compiled, pkg.version, listed);
      if (!hit) continue;
      const group = entry.group;
      const list = byGroup.get(group);
      if (list) list.push({ entry, hit });
      else byGroup.set(group, [{ entry, hit }]);
    }
    if (byGroup.size === 0) continue;
    // What every finding of this component shares: worked out once, not once per flaw.
    const shown: FindingComponent = {
      purl: component.purl ?? '',
      name: componentLabel({ ...component, version: undefined }),
      ...(component.version !== undefined ? { version: component.version } : {}),
      ref: component.ref,
    };
    const path = paths.pathTo(component.ref) ?? [];
    for (const hits of byGroup.values()) findings.push(finding(shown, path, pkg, hits, flaws));
  }
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  findings.sort((a, b) => text(a.component.ref, b.component.ref) || text(a.vulnerability.id, b.vulnerability.id));
  return { findings, unchecked, summary: summarise(components.length, findings, unchecked, skippedRanges, index) };
}

function uncheckedEntry(c: Component, reason: string): UncheckedComponent {
  const out: UncheckedComponent = { ref: c.ref, name: c.group ? `${c.group}/${c.name}` : c.name, reason };
  if (c.version) out.version = c.version;
  if (c.purl) out.purl = c.purl;
  return out;
}

type FindingComponent = VulnerabilityFinding['component'];
type FlawPart = Omit<VulnerabilityFinding['vulnerability'], 'severity'> & {
  severity: FindingSeverity;
  first: OsvRecord;
  alsoMatchedBy: string[];
};

/**
 * What a finding says of the flaw depends only on the matched entries (in the order the finding
 * lists them), not on the component: many components hit the same entries (one package at several
 * versions, the same advisory group), so a scan works it out once per distinct list.
 */
class FlawParts {
  private readonly cache = new Map<string, FlawPart>();

  constructor(
    private readonly index: VulnerabilityIndex,
    private readonly context: ScanContext,
  ) {}

  of(hits: Hit[]): FlawPart {
    let key = '';
    for (const h of hits) key += `${h.entry.serial},`;
    let part = this.cache.get(key);
    if (!part) {
      part = this.compute(hits);
      this.cache.set(key, part);
    }
    return part;
  }

  private compute(hits: Hit[]): FlawPart {
    const { index, context } = this;
    const first = hits[0]!.entry.record;
    const { ids, id } = index.aliases.group(first.id);
    const fixed = [...new Set(hits.flatMap((h) => index.compiled(h.entry).fixed))];
    const records = [...new Map(hits.map((h) => [h.entry.record.id, h.entry.record])).values()];
    const severity = findingSeverity(
      records.map((record) => ({
        record,
        affectedIndexes: hits.filter((h) => h.entry.record === record).map((h) => h.entry.affectedIndex),
      })),
    );
    // A distribution's advisory (RHSA, DEBIAN-CVE, UBUNTU-CVE …) names the CVE it derives from in
    // `upstream`, not in `aliases`: KEV and EPSS are about that CVE. (Upstream ids do not join the
    // alias group: one advisory may fix several flaws.)
    const upstream = records.flatMap((r) => r.upstream ?? []);
    const cves = [...new Set([...ids, ...upstream])].filter((i) => i.startsWith('CVE-'));
    const upstreamCves = [...new Set(upstream)].filter((i) => i.startsWith('CVE-') && !ids.includes(i)).sort();
    const kevEntry = cves.map((c) => context.kev?.entries.get(c)).find((e) => e !== undefined);
    const epss = cves
      .map((c) => context.epss?.scores.get(c))
      .filter((e) => e !== undefined)
      .sort((a, b) => b.epss - a.epss)[0];
    const summary = records.map((r) => r.summary).find((s) => s !== undefined && s !== '');
    return {
      id,
      aliases: ids.filter((i) => i !== id),
      ...(summary !== undefined ? { summary } : {}),
      severity,
      kev: kevEntry
        ? {
            dateAdded: kevEntry.dateAdded,
            dueDate: kevEntry.dueDate,
            knownRansomwareCampaignUse: kevEntry.knownRansomwareCampaignUse,
          }
        : null,
      epss: epss ? { probability: epss.epss, percentile: epss.percentile } : null,
      fixed,
      ...(upstreamCves.length > 0 ? { upstream: upstreamCves } : {}),
      first,
      alsoMatchedBy: records.map((r) => r.id).filter((r) => r !== first.id),
    };
  }
}

function finding(
  shown: FindingComponent,
  path: readonly string[],
  pkg: OsvPackageRef,
  hits: Hit[],
  flaws: FlawParts,
): VulnerabilityFinding {
  // Range matches explain better than list matches; then the record id decides, for stable output.
  hits.sort((a, b) =>
    a.hit.via !== b.hit.via ? (a.hit.via === 'range' ? -1 : 1) : a.entry.record.id < b.entry.record.id ? -1 : 1,
  );
  const first = hits[0]!;
  const flaw = flaws.of(hits);
  const match: MatchExplanation = {
    record: flaw.first.id,
    modified: flaw.first.modified,
    ecosystem: first.entry.affected.package?.ecosystem ?? pkg.ecosystem,
    package: first.entry.affected.package?.name ?? pkg.name,
    affectedIndex: first.entry.affectedIndex,
    via: first.hit.via,
    version: pkg.version,
    path: [...path],
    alsoMatchedBy: [...flaw.alsoMatchedBy],
  };
  if (first.hit.via === 'range') {
    match.range = first.hit.range;
    match.scheme = first.hit.scheme;
    match.introduced = first.hit.introduced;
    if (first.hit.closedBy) match.closedBy = first.hit.closedBy;
  }
  // Fresh objects per finding (callers may extend one finding's aliases): only the values are shared.
  return {
    vulnerability: {
      id: flaw.id,
      aliases: [...flaw.aliases],
      ...(flaw.summary !== undefined ? { summary: flaw.summary } : {}),
      severity: { ...flaw.severity },
      kev: flaw.kev ? { ...flaw.kev } : null,
      epss: flaw.epss ? { ...flaw.epss } : null,
      fixed: [...flaw.fixed],
      ...(flaw.upstream ? { upstream: [...flaw.upstream] } : {}),
    },
    component: { ...shown },
    match,
    analysis: null,
  };
}

function summarise(
  components: number,
  findings: VulnerabilityFinding[],
  unchecked: UncheckedComponent[],
  skippedRanges: Record<string, number>,
  index: VulnerabilityIndex,
): ScanSummary {
  const uncheckedReasons: Record<string, number> = {};
  for (const u of unchecked) uncheckedReasons[u.reason] = (uncheckedReasons[u.reason] ?? 0) + 1;
  const byRating: ScanSummary['byRating'] = { critical: 0, high: 0, medium: 0, low: 0, none: 0, unknown: 0 };
  for (const f of findings) byRating[f.vulnerability.severity.rating]++;
  const stats = index.stats();
  return {
    components,
    checked: components - unchecked.length,
    unchecked: unchecked.length,
    uncheckedReasons,
    findings: findings.length,
    byRating,
    kev: findings.filter((f) => f.vulnerability.kev !== null).length,
    skippedRanges,
    database: { records: stats.records, withdrawn: stats.withdrawn, superseded: stats.superseded },
  };
}
