// Stored release scan (ADR 13): the synthetic 10k-component release of vuln-match.bench.ts, imported
// into a SQLite store whose vulnerability database holds the whole OSV corpus (Go, PyPA, RustSec).
// Baseline, in the same run: reading what a scan matches, i.e. the release's component versions and
// the advisories of their packages (one indexed lookup by ecosystem and folded name per chunk of
// names), parsed. Timed beside it: matching those (scanSbom alone), the whole `scanRelease` (read,
// match, explain, replace the stored findings in one transaction) and the read of the stored
// findings with the triage applied.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchCase } from './case.js';
import { openStore, type Store } from '../src/store/index.js';
import {
  createProduct,
  createRelease,
  importDocument,
  importVulnDatabase,
  releaseScanInputs,
  releaseVulnerabilities,
  scanRelease,
} from '../src/services/index.js';
import { scanSbom, type VulnerabilityScan } from '../src/vulns/match/index.js';
import { corpora, loadCorpus, OSV, syntheticSbom } from './vuln-match.bench.js';

interface Prepared {
  store: Store;
  inputs?: Awaited<ReturnType<typeof releaseScanInputs>>;
  dir: string;
  releaseId: number;
  inside: Set<string>;
}

async function prepare(): Promise<Prepared> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-vuln-'));
  const store = await openStore({ sqlitePath: join(dir, 'bench.db') });
  await importVulnDatabase(
    store,
    OSV.map((o) => resolve(corpora, 'vulns/osv', o)),
    { now: new Date().toISOString() },
  );
  const synthetic = syntheticSbom(await loadCorpus());
  const product = await createProduct(store, { name: 'synthetic' });
  const release = await createRelease(store, { productId: product.id, number: '1.0.0' });
  await importDocument(store, release.id, { content: synthetic.text, fileName: 'synthetic.cdx.json' });
  return { store, dir, releaseId: release.id, inside: synthetic.inside };
}

async function dispose(p: Prepared): Promise<void> {
  await p.store.close();
  rmSync(p.dir, { recursive: true, force: true });
}

export function cases(): BenchCase[] {
  if (!existsSync(resolve(corpora, 'vulns/osv'))) return [];
  const group = 'stored release scan 10k × OSV corpus (SQLite)';
  let findings = 0;
  let scan: VulnerabilityScan | undefined;
  return [
    {
      group,
      name: 'read the release and its advisories from the store',
      baseline: true,
      setup: prepare,
      run: async (prepared) => {
        const p = prepared as Prepared;
        p.inputs = await releaseScanInputs(p.store, p.releaseId);
        return p.inputs.inventory.sbom.components.length;
      },
      after: async (prepared) => {
        const p = prepared as Prepared;
        await dispose(p);
        return `${p.inputs!.inventory.sbom.components.length} components, ${p.inputs!.data.records} advisories read`;
      },
    },
    {
      group,
      name: 'match them (scanSbom on what the store gave)',
      setup: async () => {
        const p = await prepare();
        p.inputs = await releaseScanInputs(p.store, p.releaseId);
        return p;
      },
      run: (prepared) => {
        const { inventory, data } = (prepared as Prepared).inputs!;
        scan = scanSbom(inventory.sbom, data.index, { kev: data.kev, epss: data.epss });
        return scan.summary.components;
      },
      after: async (prepared) => {
        await dispose(prepared as Prepared);
        return `${scan!.summary.components} components, ${scan!.summary.findings} findings`;
      },
    },
    {
      group,
      name: 'scanRelease (store lookup, match, explain, store findings)',
      setup: prepare,
      run: async (prepared) => {
        const p = prepared as Prepared;
        const outcome = await scanRelease(p.store, p.releaseId, 'bench', new Date().toISOString());
        findings = outcome.findings;
        return outcome.summary.components;
      },
      after: async (prepared) => {
        const p = prepared as Prepared;
        const view = await releaseVulnerabilities(p.store, p.releaseId);
        await dispose(p);
        if (view.findings.length !== findings)
          throw new Error(`${findings} findings stored, ${view.findings.length} read back`);
        return `${findings} findings stored for ${p.inside.size} components placed inside ranges`;
      },
    },
    {
      group,
      name: 'read the stored findings with triage (releaseVulnerabilities)',
      setup: prepare,
      run: async (prepared) =>
        (await releaseVulnerabilities((prepared as Prepared).store, (prepared as Prepared).releaseId)).findings.length,
      after: (prepared) => dispose(prepared as Prepared),
    },
  ];
}
