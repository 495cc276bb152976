import assert from 'node:assert/strict';
import type { ContractCase } from '../support/contract.js';
import type { NewReleaseFinding, ReleaseScanRecord } from '../../../src/store/index.js';
import type { VulnerabilityFinding } from '../../../src/vulns/match/finding.js';
import { productWithRelease } from '../support/fixtures.js';

function finding(id: string, aliases: string[], record: string, purl: string, version: string): VulnerabilityFinding {
  return {
    vulnerability: {
      id,
      aliases,
      severity: {
        rating: 'high',
        score: 7.5,
        vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N',
      } as VulnerabilityFinding['vulnerability']['severity'],
      kev: null,
      epss: null,
      fixed: ['2.0.0'],
    },
    component: { purl: `${purl}@${version}`, name: purl.split('/').pop()!, version, ref: 'version-1' },
    match: {
      record,
      modified: '2024-01-01T00:00:00Z',
      ecosystem: 'npm',
      package: 'x',
      affectedIndex: 0,
      via: 'range',
      version,
      path: [],
      alsoMatchedBy: [],
    },
    analysis: null,
  };
}

const summary = (findings: number) => ({
  components: 2,
  checked: 2,
  unchecked: 0,
  uncheckedReasons: {},
  findings,
  byRating: { critical: 0, high: findings, medium: 0, low: 0, none: 0, unknown: 0 },
  kev: 0,
  skippedRanges: {},
  database: { records: 1, withdrawn: 0, superseded: 0 },
});

export const releaseFindingCases: Record<string, ContractCase> = {
  async 'release findings: a scan and its findings are replaced together, read back as written, found by any id, gone with the release'(
    store,
  ) {
    const release = await productWithRelease(store);
    const scan: ReleaseScanRecord = {
      releaseId: release.id,
      scannedAt: '2026-12-04T06:00:00.000Z',
      reason: 'import',
      fingerprint: 'a',
      summary: summary(2),
      unchecked: [{ ref: 'c', name: 'c', reason: 'no purl' }],
    };
    const rows: NewReleaseFinding[] = [
      {
        versionId: 1,
        component: 'pkg:npm/x',
        finding: finding('CVE-2021-0001', ['GHSA-aaaa-bbbb-cccc'], 'GHSA-aaaa-bbbb-cccc', 'pkg:npm/x', '1.0.0'),
      },
      {
        versionId: 2,
        component: 'pkg:npm/y',
        finding: finding('CVE-2021-0002', [], 'CVE-2021-0002', 'pkg:npm/y', '1.0.0'),
      },
    ];
    await store.replaceReleaseFindings(scan, rows);
    assert.deepEqual(await store.getReleaseScan(release.id), scan);
    const stored = await store.listReleaseFindings([release.id]);
    assert.deepEqual(
      stored.map((s) => ({ versionId: s.versionId, component: s.component, finding: s.finding })),
      rows,
    );
    assert.deepEqual(
      (await store.findingsForVulnerabilities(['GHSA-aaaa-bbbb-cccc'])).map((f) => f.component),
      ['pkg:npm/x'],
      'by the matched record',
    );
    assert.deepEqual(
      (await store.findingsForVulnerabilities(['CVE-2021-0002'])).map((f) => f.component),
      ['pkg:npm/y'],
      'by the display id',
    );
    assert.deepEqual(
      (await store.listReleaseScans()).map((s) => [s.releaseId, s.reason]),
      [[release.id, 'import']],
    );

    await store.replaceReleaseFindings(
      { ...scan, scannedAt: '2026-12-04T07:00:00.000Z', reason: 'database', fingerprint: 'b', summary: summary(1) },
      rows.slice(1),
    );
    assert.deepEqual(
      (await store.listReleaseFindings()).map((f) => f.component),
      ['pkg:npm/y'],
    );
    assert.equal((await store.getReleaseScan(release.id))?.fingerprint, 'b');

    assert.equal(await store.deleteRelease(release.id), true);
    assert.equal(await store.getReleaseScan(release.id), null);
    assert.deepEqual(await store.listReleaseFindings(), []);
  },
  async 'vulnerability database: package names are looked up folded as the ecosystem folds them'(store) {
    const record = (id: string, ecosystem: string, name: string) => ({
      id,
      modified: '2024-01-01T00:00:00Z',
      published: null,
      withdrawn: null,
      summary: null,
      packages: [{ ecosystem, name }],
      ids: [id],
      source: 'osv',
      json: JSON.stringify({ id, modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem, name } }] }),
    });
    await store.putVulnRecords(
      [
        record('PYSEC-1', 'PyPI', 'Django'),
        record('GO-1', 'Go', 'github.com/Sirupsen/logrus'),
        record('GHSA-1', 'npm', 'Left-Pad'),
      ],
      '2026-12-04T06:00:00.000Z',
    );
    const ids = async (ecosystem: string, names: string[]) =>
      (await store.vulnRecordsForPackages(ecosystem, names)).map((j) => (JSON.parse(j) as { id: string }).id);
    assert.deepEqual(await ids('PyPI', ['django']), ['PYSEC-1']);
    assert.deepEqual(await ids('PyPI', ['DJANGO']), ['PYSEC-1']);
    assert.deepEqual(await ids('Go', ['github.com/sirupsen/logrus']), ['GO-1']);
    assert.deepEqual(await ids('npm', ['left-pad']), [], 'npm names are exact');
    assert.deepEqual(await ids('npm', ['Left-Pad']), ['GHSA-1']);
  },
};
