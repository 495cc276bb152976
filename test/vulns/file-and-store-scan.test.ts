// The two ways Vigie matches an SBOM give the same findings (issue 11 item 7, 8): from OSV files
// (`vigie vuln scan --osv`: every record loaded, indexed by ecosystem and folded package name) and
// from the store's database (`vigie vuln scan` without --osv, and the stored release scan: only the
// records of the SBOM's packages are read back, by one indexed lookup per chunk of names). Input: the
// whole OSV corpus and a synthetic SBOM drawn from its packages (the bench's generator, 900
// components, a third at versions inside affected ranges), with the KEV catalogue. Alias groups
// are the delicate part: the store reads only the records of the SBOM's packages, yet a flaw must
// show the ids that records of other packages join to it (GO-2022-0636 ↔ PYSEC-2014-80 through
// CVE-2014-5277: the PyPA record is about docker-py, not the Go module).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpus, needsCorpora } from '../support/corpora.js';
import { syntheticSbom, type Synthetic } from '../../bench/vuln-match.bench.js';
import { openStore, type Store } from '../../src/store/index.js';
import {
  createProduct,
  createRelease,
  importDocument,
  importVulnDatabase,
  releaseVulnerabilities,
  scanRelease,
} from '../../src/services/index.js';
import { loadKevFile, loadOsvFiles } from '../../src/services/vulnerability-sources.js';
import { vulnerabilityDataForSbom } from '../../src/services/vulnerability-store-source.js';
import { scanSbom, type VulnerabilityFinding, type VulnerabilityScan } from '../../src/vulns/match/index.js';

const OSV = ['go', 'pypa', 'rustsec'];
const KEV = () => corpus('vulns/kev/known_exploited_vulnerabilities.json');

describe('file path and store path: the same findings', needsCorpora, () => {
  let dir: string;
  let store: Store;
  let synthetic: Synthetic;
  let fromFiles: VulnerabilityScan;

  before(async () => {
    const load = await loadOsvFiles(OSV, { cwd: corpus('vulns/osv') });
    synthetic = syntheticSbom(load, 900);
    fromFiles = scanSbom(synthetic.sbom, load.index, { kev: await loadKevFile(KEV()) });
    dir = mkdtempSync(join(tmpdir(), 'vigie-file-store-'));
    store = await openStore({ sqlitePath: join(dir, 'vigie.db') });
    await importVulnDatabase(store, [...OSV.map((o) => corpus('vulns/osv', o)), KEV()], {
      now: '2026-12-04T08:00:00Z',
    });
  });
  after(async () => {
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the file scan finds every component placed inside a range (the input is not trivial)', () => {
    const hit = new Set(fromFiles.findings.map((f) => f.component.ref));
    assert.equal(synthetic.inside.size, 300);
    for (const ref of synthetic.inside) assert.ok(hit.has(ref), `${ref} was placed inside a range`);
    assert.ok(fromFiles.findings.length > 1000, `${fromFiles.findings.length} findings`);
  });

  test('the same SBOM against the store: identical findings and unchecked list', async () => {
    const data = await vulnerabilityDataForSbom(store, synthetic.sbom);
    const fromStore = scanSbom(synthetic.sbom, data.index, { kev: data.kev, epss: data.epss });
    assert.ok(
      data.records < fromFiles.summary.database.records,
      'the store reads only the records of the SBOM’s packages',
    );
    assert.equal(fromStore.findings.length, fromFiles.findings.length);
    assert.deepEqual(fromStore.findings, fromFiles.findings);
    assert.deepEqual(fromStore.unchecked, fromFiles.unchecked);
    assert.deepEqual(fromStore.summary.skippedRanges, fromFiles.summary.skippedRanges);
    const docker = fromStore.findings.find((f) => f.match.record === 'GO-2022-0636');
    assert.deepEqual(docker?.vulnerability.aliases, ['GHSA-8w94-cf6g-c8mg', 'GO-2022-0636', 'PYSEC-2014-80']);
  });

  test('the stored release scan of that SBOM: the same flaws, matches and severities per purl', async () => {
    const product = await createProduct(store, { name: 'synthetic' });
    const release = await createRelease(store, { productId: product.id, number: '1.0.0' });
    await importDocument(store, release.id, { content: synthetic.text, fileName: 'synthetic.cdx.json' });
    const outcome = await scanRelease(store, release.id, 'test', '2026-12-04T08:01:00Z');
    assert.equal(outcome.findings, fromFiles.findings.length);
    const view = await releaseVulnerabilities(store, release.id);
    // The release scan names components by their stored version (refs `version-<id>`, no graph),
    // so the component ref and dependency path differ; everything else is the same finding.
    const comparable = (f: Pick<VulnerabilityFinding, 'vulnerability' | 'component' | 'match'>) => {
      const { path: _path, ...match } = f.match;
      return JSON.stringify({
        purl: f.component.purl,
        version: f.component.version,
        vulnerability: f.vulnerability,
        match,
      });
    };
    const stored = view.findings.map(comparable).sort();
    const files = fromFiles.findings.map(comparable).sort();
    assert.deepEqual(stored, files);
  });
});
