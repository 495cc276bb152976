// Stored per-release findings (issue 11 item 8), on SQLite and PostgreSQL: a release is scanned
// when imported and when the database changes, its findings are stored and read back without
// re-matching (a changed database makes the stored scan stale, not different), a re-scan replaces
// them in one transaction, the triage memory applies on read, "which releases ship CVE-…" answers
// for any alias, and package names are compared as OSV's ecosystems compare them.
//
// The OSV records below are written for this test in the shape of the real ones (PyPA writes
// `Django` capitalised; the Go vulndb writes module paths as the module declares them).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { targets } from '../store/support/databases.js';
import { runContract, type ContractCase } from '../store/support/contract.js';
import {
  createProduct,
  createRelease,
  findingCountsByRelease,
  importDocument,
  importVulnDatabase,
  releasesAffectedBy,
  releaseVulnerabilities,
  scanAllReleases,
  scanRelease,
  setVexAnalysis,
  vulnerabilityDiff,
  type Store,
} from '../../src/services/index.js';

function sbom(components: { name: string; version: string; purl?: string }[]): string {
  return JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: { component: { type: 'application', name: 'shop', 'bom-ref': 'shop' } },
    components: components.map((c) => ({
      type: 'library',
      'bom-ref': `${c.name}@${c.version}`,
      name: c.name,
      version: c.version,
      ...(c.purl ? { purl: c.purl } : {}),
    })),
    dependencies: [{ ref: 'shop', dependsOn: components.map((c) => `${c.name}@${c.version}`) }],
  });
}

const RELEASE_1 = [
  { name: 'django', version: '3.2.0', purl: 'pkg:pypi/django@3.2.0' },
  { name: 'logrus', version: 'v1.8.1', purl: 'pkg:golang/github.com/sirupsen/logrus@v1.8.1' },
  { name: 'minimist', version: '1.2.5', purl: 'pkg:npm/minimist@1.2.5' },
  { name: 'left-pad', version: '1.3.0', purl: 'pkg:npm/left-pad@1.3.0' },
  { name: 'vendored-thing', version: '1' },
];
const RELEASE_2 = RELEASE_1.map((c) =>
  c.name === 'minimist' ? { name: 'minimist', version: '1.2.6', purl: 'pkg:npm/minimist@1.2.6' } : c,
);

const osv = (
  id: string,
  aliases: string[],
  ecosystem: string,
  name: string,
  fixed: string,
  modified = '2024-01-01T00:00:00Z',
  type = 'ECOSYSTEM',
) => ({
  schema_version: '1.6.0',
  id,
  modified,
  aliases,
  summary: `${name} flaw`,
  affected: [{ package: { ecosystem, name }, ranges: [{ type, events: [{ introduced: '0' }, { fixed }] }] }],
});

async function portfolio(store: Store, dir: string) {
  const product = await createProduct(store, { name: 'shop' });
  const r1 = await createRelease(store, { productId: product.id, number: '1.0' });
  const r2 = await createRelease(store, { productId: product.id, number: '2.0' });
  await importDocument(store, r1.id, { content: sbom(RELEASE_1), fileName: 'r1.cdx.json' });
  await importDocument(store, r2.id, { content: sbom(RELEASE_2), fileName: 'r2.cdx.json' });
  const records = join(dir, 'records.json');
  writeFileSync(
    records,
    JSON.stringify([
      osv('PYSEC-2021-98', ['CVE-2021-33203'], 'PyPI', 'Django', '3.2.4'),
      osv('GO-2021-0000', ['CVE-2099-0001'], 'Go', 'github.com/Sirupsen/logrus', '1.8.3', undefined, 'SEMVER'),
      osv('GHSA-xvch-5gv4-984h', ['CVE-2021-44906'], 'npm', 'minimist', '1.2.6', undefined, 'SEMVER'),
    ]),
  );
  return { product, r1, r2, records };
}

const ids = (view: Awaited<ReturnType<typeof releaseVulnerabilities>>) =>
  view.findings.map((f) => `${f.vulnerability.id} ${f.component.purl}`).sort();

const cases: Record<string, ContractCase> = {
  async 'import scans the release, a database change rescans it, findings are stored and read back with counts'(store) {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-rf-'));
    try {
      const { r1, r2, records } = await portfolio(store, dir);
      // Imported before any advisory was loaded: scanned, nothing found, the unpurled component not checkable.
      const empty = await releaseVulnerabilities(store, r1.id);
      assert.equal(empty.scan?.reason, 'import');
      assert.equal(empty.findings.length, 0);
      assert.deepEqual(empty.scan?.summary.uncheckedReasons, { 'no purl': 1 });

      await importVulnDatabase(store, [records], { now: '2026-12-04T06:00:00.000Z' });
      assert.equal(
        (await releaseVulnerabilities(store, r1.id)).scan?.stale,
        true,
        'the database changed since the import scan',
      );
      assert.deepEqual(await scanAllReleases(store, 'database', '2026-12-04T06:00:01.000Z'), {
        releases: 2,
        findings: 5,
      });

      const v1 = await releaseVulnerabilities(store, r1.id);
      assert.equal(v1.scan?.stale, false);
      // Django: the purl says `django`, the record `Django` (PEP 503 folding in the store lookup);
      // logrus: the purl lower-cases the Go module path the record writes `Sirupsen`.
      assert.deepEqual(ids(v1), [
        'CVE-2021-33203 pkg:pypi/django@3.2.0',
        'CVE-2021-44906 pkg:npm/minimist@1.2.5',
        'CVE-2099-0001 pkg:golang/github.com/sirupsen/logrus@v1.8.1',
      ]);
      const django = v1.findings.find((f) => f.component.purl.startsWith('pkg:pypi/'))!;
      assert.deepEqual(
        [django.match.record, django.match.introduced, django.match.closedBy, django.vulnerability.fixed],
        ['PYSEC-2021-98', '0', { kind: 'fixed', version: '3.2.4' }, ['3.2.4']],
      );
      assert.deepEqual(
        django.path.steps,
        ['django@3.2.0'],
        'the stored edges give the path from the top-level dependency',
      );
      assert.equal(v1.counts.open, 3);
      assert.equal(v1.counts.byState.untriaged, 3);
      const v2 = await releaseVulnerabilities(store, r2.id);
      assert.deepEqual(ids(v2), [
        'CVE-2021-33203 pkg:pypi/django@3.2.0',
        'CVE-2099-0001 pkg:golang/github.com/sirupsen/logrus@v1.8.1',
      ]);

      // A newer minimist record says 1.2.5 is not affected: the stored findings stay until a re-scan.
      const newer = join(dir, 'newer.json');
      writeFileSync(
        newer,
        JSON.stringify(
          osv('GHSA-xvch-5gv4-984h', ['CVE-2021-44906'], 'npm', 'minimist', '1.2.0', '2025-01-01T00:00:00Z', 'SEMVER'),
        ),
      );
      await importVulnDatabase(store, [newer], { now: '2026-12-04T06:10:00.000Z' });
      const before = await releaseVulnerabilities(store, r1.id);
      assert.equal(before.findings.length, 3, 'reads never re-match');
      assert.equal(before.scan?.stale, true);
      await scanRelease(store, r1.id, 'on demand', '2026-12-04T06:11:00.000Z');
      const after = await releaseVulnerabilities(store, r1.id);
      assert.deepEqual(ids(after), [
        'CVE-2021-33203 pkg:pypi/django@3.2.0',
        'CVE-2099-0001 pkg:golang/github.com/sirupsen/logrus@v1.8.1',
      ]);
      assert.equal(after.scan?.reason, 'on demand');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },

  async 'a re-scan that fails leaves the previous findings in place'(store) {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-rf-'));
    try {
      const { r1, records } = await portfolio(store, dir);
      await importVulnDatabase(store, [records], { now: '2026-12-04T06:00:00.000Z' });
      await scanRelease(store, r1.id, 'on demand', '2026-12-04T06:00:01.000Z');
      const stored = await store.listReleaseFindings([r1.id]);
      assert.equal(stored.length, 3);
      const scan = (await store.getReleaseScan(r1.id))!;
      // The second row breaks a NOT NULL column after the delete and the first insert ran.
      const bad = [{ ...stored[0]! }, { ...stored[1]!, versionId: null as unknown as number }];
      await assert.rejects(store.replaceReleaseFindings({ ...scan, scannedAt: '2026-12-04T07:00:00.000Z' }, bad));
      assert.deepEqual(
        (await store.listReleaseFindings([r1.id])).map((f) => f.id),
        stored.map((f) => f.id),
      );
      assert.equal((await store.getReleaseScan(r1.id))?.scannedAt, '2026-12-04T06:00:01.000Z');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },

  async 'triage applies on read and is reused by the next release; counts by state; affected by any alias; diff'(
    store,
  ) {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-rf-'));
    try {
      const { r1, r2, records } = await portfolio(store, dir);
      await importVulnDatabase(store, [records], { now: '2026-12-04T06:00:00.000Z' });
      await scanAllReleases(store, 'database', '2026-12-04T06:00:01.000Z');
      await setVexAnalysis(store, {
        product: 'shop',
        release: '1.0',
        component: 'pkg:pypi/django',
        vulnerability: 'PYSEC-2021-98',
        state: 'not_affected',
        justification: 'code_not_reachable',
        scope: 'product',
        allVersions: true,
        author: 'alice',
        now: '2026-12-04T06:05:00.000Z',
      });
      for (const id of [r1.id, r2.id]) {
        const view = await releaseVulnerabilities(store, id);
        const django = view.findings.find((f) => f.component.purl.startsWith('pkg:pypi/'))!;
        assert.equal(
          django.analysis?.state,
          'not_affected',
          `release ${id}: the analysis under the PYSEC id covers the CVE-named finding`,
        );
        assert.equal(django.analysis?.author, 'alice');
        assert.equal(django.open, false);
      }
      const counts = await findingCountsByRelease(store);
      const c1 = counts.find((c) => c.releaseId === r1.id)!.counts;
      assert.deepEqual([c1.total, c1.open, c1.byState.not_affected, c1.byState.untriaged], [3, 2, 1, 2]);

      for (const id of ['CVE-2021-44906', 'GHSA-xvch-5gv4-984h']) {
        const affected = await releasesAffectedBy(store, id);
        assert.deepEqual(
          affected.releases.map(
            (r) => `${r.product.name} ${r.release.number}: ${r.components.map((c) => c.purl).join()}`,
          ),
          ['shop 1.0: pkg:npm/minimist@1.2.5'],
        );
      }
      const django = await releasesAffectedBy(store, 'CVE-2021-33203');
      assert.deepEqual(
        django.releases.map((r) => [r.release.number, r.components[0]!.state, r.components[0]!.open]),
        [
          ['1.0', 'not_affected', false],
          ['2.0', 'not_affected', false],
        ],
      );
      assert.deepEqual((await releasesAffectedBy(store, 'CVE-1999-0001')).releases, []);
      await assert.rejects(releasesAffectedBy(store, "x' OR 1=1"), /not a vulnerability id/);

      const diff = await vulnerabilityDiff(store, r1.id, r2.id);
      assert.deepEqual(
        [
          diff.scanned,
          diff.introduced,
          diff.fixed.map((f) => `${f.vulnerability} ${f.component}@${f.version}`),
          diff.unchanged,
        ],
        [true, [], ['CVE-2021-44906 pkg:npm/minimist@1.2.5'], 2],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },

  async 'an EUVD id joins the alias group of its CVE: affected-by and triage under the EUVD id reach the finding'(
    store,
  ) {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-rf-'));
    try {
      const { r1, records } = await portfolio(store, dir);
      await importVulnDatabase(store, [records], { now: '2026-12-04T06:00:00.000Z' });
      await scanAllReleases(store, 'database', '2026-12-04T06:00:01.000Z');
      // A search page as the EUVD API answers it (the EUVD number is made up for the test): aliases
      // one per line, dates in ENISA's words; a second item that is not an EUVD record is counted.
      const page = join(dir, 'euvd.json');
      writeFileSync(
        page,
        JSON.stringify({
          items: [
            {
              id: 'EUVD-2021-0001',
              description: 'minimist prototype pollution',
              aliases: 'CVE-2021-44906\nGHSA-xvch-5gv4-984h\n',
              dateUpdated: 'Apr 15, 2025, 8:30:58 PM',
              exploitedSince: '',
              baseScore: 5.6,
            },
            { id: 'not-an-euvd-id' },
          ],
          total: 2,
        }),
      );
      const [report] = await importVulnDatabase(store, [page], { now: '2026-12-04T06:02:00.000Z' });
      assert.deepEqual(
        [report!.kind, report!.imported, report!.invalid, report!.dataDate],
        ['euvd', 1, 1, '2025-04-15T20:30:58.000Z'],
      );
      const affected = await releasesAffectedBy(store, 'EUVD-2021-0001');
      assert.deepEqual(affected.ids, ['CVE-2021-44906', 'EUVD-2021-0001', 'GHSA-xvch-5gv4-984h']);
      assert.deepEqual(
        affected.releases.map((r) => `${r.release.number} ${r.components.map((c) => c.purl).join()}`),
        ['1.0 pkg:npm/minimist@1.2.5'],
      );
      await setVexAnalysis(store, {
        product: 'shop',
        release: '1.0',
        component: 'pkg:npm/minimist',
        vulnerability: 'EUVD-2021-0001',
        state: 'exploitable',
        responses: ['update'],
        author: 'eve',
        now: '2026-12-04T06:03:00.000Z',
      });
      const minimist = (await releaseVulnerabilities(store, r1.id)).findings.find((f) =>
        f.component.purl.startsWith('pkg:npm/'),
      )!;
      assert.deepEqual(
        [minimist.vulnerability.id, minimist.analysis?.state, minimist.analysis?.author],
        ['CVE-2021-44906', 'exploitable', 'eve'],
      );
      // The next scan shows the EUVD id among the finding's aliases.
      assert.deepEqual(minimist.vulnerability.aliases, ['GHSA-xvch-5gv4-984h']);
      await scanRelease(store, r1.id, 'on demand', '2026-12-04T06:04:00.000Z');
      const rescanned = (await releaseVulnerabilities(store, r1.id)).findings.find((f) =>
        f.component.purl.startsWith('pkg:npm/'),
      )!;
      assert.deepEqual(rescanned.vulnerability.aliases, ['EUVD-2021-0001', 'GHSA-xvch-5gv4-984h']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

runContract(targets(), { 'release findings': cases });
