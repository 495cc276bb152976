// Vulnerability matching: a synthetic 10k-component SBOM whose purls are drawn from the packages of
// the OSV corpus (Go vulndb, PyPA, RustSec), a third of them at a version inside an affected range,
// matched against every record of the corpus. Baseline, in the same run: merely loading those
// records (read, parse, OSV-schema check, index insert), which any scan pays first.
import { existsSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from './case.js';
import { readSbom } from '../src/sbom/read.js';
import { loadOsvFiles, type OsvLoad } from '../src/services/vulnerability-sources.js';
import { scanSbom, type VulnerabilityScan } from '../src/vulns/match/index.js';
import type { OsvRecord } from '../src/vulns/osv/record.js';
import type { Sbom } from '../src/model/index.js';

const here = dirname(fileURLToPath(import.meta.url));
export const corpora = process.env.CORPORA_DIR ?? resolve(here, '..', '..', 'shared', 'corpora');
export const OSV = ['go', 'pypa', 'rustsec'];
const SIZE = 10_000;

const PURL_TYPE: Record<string, string> = { Go: 'golang', PyPI: 'pypi', 'crates.io': 'cargo' };

function purlOf(ecosystem: string, name: string, version: string): string | undefined {
  const type = PURL_TYPE[ecosystem];
  if (!type) return undefined;
  const v = ecosystem === 'Go' ? `v${version}` : version;
  if (type === 'golang') {
    const slash = name.lastIndexOf('/');
    if (slash === -1) return undefined; // stdlib, toolchain: no module path
    return `pkg:golang/${name.slice(0, slash)}/${name.slice(slash + 1)}@${encodeURIComponent(v)}`;
  }
  return `pkg:${type}/${name}@${encodeURIComponent(v)}`;
}

export interface Synthetic {
  sbom: Sbom;
  /** The same SBOM as CycloneDX JSON text (what an import reads). */
  text: string;
  load: OsvLoad;
  inside: Set<string>;
}

/** Versions inside an affected range of the entry (explicit openings, listed versions). */
function insideVersions(a: NonNullable<OsvRecord['affected']>[number]): string[] {
  const out: string[] = [];
  for (const r of a.ranges ?? []) {
    if (r.type === 'GIT') continue;
    const events = r.events ?? [];
    for (const e of events) {
      if (!('introduced' in e) || e.introduced === '0' || e.introduced.includes('-0')) continue;
      if (!events.some((f) => 'fixed' in f && f.fixed === e.introduced)) out.push(e.introduced);
    }
  }
  return [...out, ...(a.versions ?? [])];
}

/** Candidate versions outside that entry's ranges: its fixes (other records may still cover them). */
function outsideVersions(a: NonNullable<OsvRecord['affected']>[number]): string[] {
  const out: string[] = [];
  for (const r of a.ranges ?? [])
    for (const e of r.events ?? []) if ('fixed' in e && r.type !== 'GIT') out.push(e.fixed);
  return out;
}

/**
 * 10k components (or `size`): every package of the corpus in turn (so a package with 400 advisories
 * is no likelier than one with a single advisory), a third at a version placed inside a range.
 */
export function syntheticSbom(load: OsvLoad, size = SIZE): Synthetic {
  const packages = new Map<string, { ecosystem: string; name: string; inside: string[]; outside: string[] }>();
  for (const record of (load.index as unknown as { records: Map<string, OsvRecord> }).records.values()) {
    for (const a of record.affected ?? []) {
      const ecosystem = a.package?.ecosystem ?? '';
      if (!PURL_TYPE[ecosystem]) continue;
      const key = `${ecosystem}/${a.package!.name}`;
      let p = packages.get(key);
      if (!p) packages.set(key, (p = { ecosystem, name: a.package!.name, inside: [], outside: [] }));
      p.inside.push(...insideVersions(a));
      p.outside.push(...outsideVersions(a));
    }
  }
  const pool = [...packages.values()];
  const components: Record<string, unknown>[] = [];
  const inside = new Set<string>();
  const seen = new Set<string>();
  const add = (p: (typeof pool)[number], version: string, isInside: boolean) => {
    const purl = purlOf(p.ecosystem, p.name, version);
    if (!purl || seen.has(purl)) return;
    seen.add(purl);
    const ref = `c${components.length}`;
    if (isInside) inside.add(ref);
    components.push({ type: 'library', 'bom-ref': ref, name: p.name, version, purl });
  };
  // A third inside ranges, packages taken in turn; then releases outside them: the listed fixes,
  // then later releases no advisory names (the common case in a real product).
  for (let round = 0; components.length < size / 3 && round < 100; round++) {
    for (const p of pool) if (components.length < size / 3 && p.inside[round]) add(p, p.inside[round]!, true);
  }
  for (let round = 0; components.length < size; round++) {
    for (const p of pool) if (components.length < size) add(p, p.outside[round] ?? `99.${round}.0`, false);
  }
  // A graph: the product depends on 100 top-level components, each of those on the next ones.
  const top = components.slice(0, 100).map((c) => c['bom-ref'] as string);
  const dependencies = [
    { ref: 'product', dependsOn: top },
    ...top.map((ref, t) => ({
      ref,
      dependsOn: components.filter((_, j) => j >= 100 && j % 100 === t).map((c) => c['bom-ref'] as string),
    })),
  ];
  const bom = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: { component: { type: 'application', 'bom-ref': 'product', name: 'synthetic-product', version: '1.0.0' } },
    components,
    dependencies,
  };
  const text = JSON.stringify(bom);
  return { sbom: readSbom(text, 'synthetic.json').sbom, text, load, inside };
}

export const loadCorpus = () => loadOsvFiles(OSV, { cwd: resolve(corpora, 'vulns/osv') });

export function cases(): BenchCase[] {
  if (!existsSync(resolve(corpora, 'vulns/osv'))) return [];
  let scan: VulnerabilityScan | undefined;
  let loaded: OsvLoad | undefined;
  return [
    {
      group: 'vuln match 10k × OSV corpus',
      name: 'load the OSV corpus (read, parse, schema, index)',
      baseline: true,
      run: async () => {
        loaded = await loadCorpus();
        return loaded.read;
      },
      after: () => `${loaded!.read} records, ${loaded!.invalid.length} invalid`,
    },
    {
      group: 'vuln match 10k × OSV corpus',
      name: 'scanSbom (index build, match, explain)',
      setup: async () => syntheticSbom(await loadCorpus()),
      run: (prepared) => {
        const { sbom, load } = prepared as Synthetic;
        scan = scanSbom(sbom, load.index);
        return scan.summary.components;
      },
      after: (prepared) => {
        const { inside } = prepared as Synthetic;
        const hit = new Set(scan!.findings.map((f) => f.component.ref));
        const missed = [...inside].filter((r) => !hit.has(r));
        if (missed.length > 0)
          throw new Error(`${missed.length} components placed inside a range were not found (first ${missed[0]})`);
        return `${scan!.summary.components} components, ${inside.size} placed inside ranges, ${scan!.summary.findings} findings on ${hit.size} components`;
      },
    },
  ];
}
