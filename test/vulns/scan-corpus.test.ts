// Golden scan: real SBOMs from the corpora against every OSV record in ../shared/corpora/vulns/osv
// (Go vulndb, PyPA, RustSec), with named findings checked by reasoning written out below.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpus, needsCorpora } from '../support/corpora.js';
import { readSbom } from '../../src/sbom/read.js';
import { loadOsvFiles, loadKevFile, type OsvLoad } from '../../src/services/vulnerability-sources.js';
import { scanSbom, type VulnerabilityFinding, type VulnerabilityScan } from '../../src/vulns/match/index.js';
import { VERSION_SCHEMES } from '../../src/vulns/versions/index.js';

const scanOf = (load: OsvLoad, path: string): VulnerabilityScan =>
  scanSbom(readSbom(readFileSync(corpus(path), 'utf8'), path).sbom, load.index);

function findingFor(scan: VulnerabilityScan, purlPrefix: string, id: string): VulnerabilityFinding {
  const f = scan.findings.find(
    (x) =>
      x.component.purl.startsWith(purlPrefix) && (x.vulnerability.id === id || x.vulnerability.aliases.includes(id)),
  );
  assert.ok(f, `no finding ${id} for ${purlPrefix}`);
  return f;
}

describe('OSV corpus: load and scan', needsCorpora, () => {
  let load: OsvLoad;
  before(async () => {
    load = await loadOsvFiles(['go', 'pypa', 'rustsec'], { cwd: corpus('vulns/osv') });
  });

  test('every record loads; the invalid ones are the 7 PyPA records with short or .patch GIT hashes', () => {
    // 4291 Go + 2661 PyPA + 714 RustSec documents.
    assert.equal(load.read, 7666);
    assert.equal(load.invalid.length, 7);
    for (const bad of load.invalid) {
      assert.match(bad.where, /^pypa\//);
      assert.match(
        bad.reason,
        /^OSV schema: \/affected\/\d+\/ranges\/\d+\/events\/\d+\/(introduced|fixed|last_affected|limit): must match pattern "\^\(0\|\[a-f0-9\]\{40\}\|\[a-f0-9\]\{64\}\)\$"/,
      );
    }
    // RustSec writes "schema_version": null on every record: tolerated and counted, not rejected.
    assert.deepEqual(Object.values(load.tolerated), [714]);
    const stats = load.index.stats();
    assert.equal(stats.records + stats.withdrawn + stats.superseded, 7659);
    assert.deepEqual(Object.keys(stats.byEcosystem).sort(), ['Go', 'PyPI', 'crates.io']);
  });

  test('proton-bridge 1.6.3 (Go modules): named findings', () => {
    const scan = scanOf(load, 'sboms/cyclonedx/bom-examples/SBOM/proton-bridge/proton-bridge-v1.6.3.bom.json');
    assert.equal(scan.summary.unchecked, 0, 'every component has a golang purl with a version');

    // gin v1.4.0 and GO-2020-0001 (CVE-2020-36567, log injection): one SEMVER range
    // introduced 0, fixed 1.6.0; 1.4.0 < 1.6.0, so affected, fixed in 1.6.0. The SBOM's graph
    // brings gin in through sentry-go (the primary component depends on sentry-go v0.8.0).
    const gin = findingFor(scan, 'pkg:golang/github.com/gin-gonic/gin@v1.4.0', 'GO-2020-0001');
    assert.equal(gin.vulnerability.id, 'CVE-2020-36567');
    assert.deepEqual(gin.vulnerability.aliases, ['GHSA-6vm3-jj99-7229', 'GO-2020-0001']);
    assert.deepEqual([gin.match.introduced, gin.match.closedBy], ['0', { kind: 'fixed', version: '1.6.0' }]);
    assert.equal(gin.match.scheme?.id, 'semver');
    assert.match(gin.match.path[1] ?? '', /getsentry\/sentry-go@v0\.8\.0/);

    // golang.org/x/net at the pseudo-version v0.0.0-20200707034311-ab3426394381 and GO-2022-0236
    // (CVE-2021-31525, HTTP/2 header panic): affected[1] is golang.org/x/net, introduced 0, fixed at
    // the pseudo-version 0.0.0-20210428140749-89ef3d95e781. Both are prereleases of 0.0.0 whose one
    // identifier compares as text: "20200707…" < "20210428…", so affected.
    const net = findingFor(scan, 'pkg:golang/golang.org/x/net@v0.0.0-20200707034311', 'CVE-2021-31525');
    assert.equal(net.match.record, 'GO-2022-0236');
    assert.equal(net.match.affectedIndex, 1);
    assert.deepEqual(net.vulnerability.fixed, ['0.0.0-20210428140749-89ef3d95e781']);

    // golang.org/x/text v0.3.5-0.20201125200606-c27b9fd57aec is a prerelease of 0.3.5, below the
    // fix 0.3.7 of GO-2021-0113 (CVE-2021-38561).
    findingFor(scan, 'pkg:golang/golang.org/x/text@v0.3.5-0.20201125200606', 'GO-2021-0113');

    // Every finding lies inside what it cites: at or above the opening event, below the fix.
    const semver = VERSION_SCHEMES.semver!;
    for (const f of scan.findings) {
      if (f.match.via !== 'range') continue;
      if (f.match.introduced !== '0')
        assert.ok(semver.compare(f.match.version, f.match.introduced!) >= 0, f.match.record);
      if (f.match.closedBy?.kind === 'fixed')
        assert.ok(semver.compare(f.match.version, f.match.closedBy.version) < 0, f.match.record);
    }
    // One flaw, one finding: no alias group twice for the same component.
    const keys = scan.findings.map((f) => `${f.component.ref}|${f.vulnerability.id}`);
    assert.equal(new Set(keys).size, keys.length);
    for (const f of scan.findings)
      for (const a of f.vulnerability.aliases) assert.ok(!keys.includes(`${f.component.ref}|${a}`));
  });

  test('a Python SBOM (sbomqs fixture) against PyPA: named findings', () => {
    const scan = scanOf(load, 'sbom-quality/sbomqs-testdata/validation/cyclonedx/cdx-1-4-invalid-sbom.cdx.json');
    // django 2.0.9 and PYSEC-2019-17 (CVE-2019-3498, 404 page content spoofing): ECOSYSTEM range
    // introduced 1.11 / fixed 1.11.18 / introduced 2.0 / fixed 2.0.10 / introduced 2.1 / fixed 2.1.5.
    // Sorted with PEP 440, 2.0.9 falls after "introduced 2.0" and before "fixed 2.0.10".
    const django = findingFor(scan, 'pkg:pypi/django@2.0.9', 'PYSEC-2019-17');
    assert.deepEqual(
      [django.match.introduced, django.match.closedBy?.version, django.match.scheme?.id],
      ['2.0', '2.0.10', 'pypi'],
    );
    assert.deepEqual(django.vulnerability.fixed, ['1.11.18', '2.0.10', '2.1.5']);
    // urllib3 1.24.1 and PYSEC-2019-133 (CVE-2019-11324, CA certificate handling): fixed 1.24.2.
    assert.equal(findingFor(scan, 'pkg:pypi/urllib3@1.24.1', 'CVE-2019-11324').match.closedBy?.version, '1.24.2');
    // idna 2.8 and CVE-2024-3651 (quadratic encode): fixed 3.7; the record carries a CVSS 3.1 vector
    // whose FIRST base score is 7.5, rated high.
    const idna = findingFor(scan, 'pkg:pypi/idna@2.8', 'CVE-2024-3651');
    assert.deepEqual([idna.vulnerability.severity.score, idna.vulnerability.severity.rating], [7.5, 'high']);
    // Components without a usable purl are reported, not silently dropped.
    assert.ok(scan.summary.unchecked > 0);
    assert.equal(scan.unchecked.length, scan.summary.unchecked);
  });

  test('SPDX 3 example with Rust crates against RustSec', () => {
    const scan = scanOf(load, 'sboms/spdx/examples/software/example11/spdx3.0/sbom.spdx3.json');
    // tokio 1.19.2 and RUSTSEC-2023-0001 (CVE-2023-22466, Windows named pipe options): range
    // introduced 1.19.0, fixed 1.20.3 (the record also lists other branches' fixes).
    const tokio = findingFor(scan, 'pkg:cargo/tokio@1.19.2', 'RUSTSEC-2023-0001');
    assert.deepEqual([tokio.match.introduced, tokio.match.closedBy?.version], ['1.19.0', '1.20.3']);
    // hyper "0.14" reads as 0.14.0, inside RUSTSEC-2021-0020 (CVE-2021-21299): introduced
    // 0.14.0-0, fixed 0.14.3.
    assert.equal(findingFor(scan, 'pkg:cargo/hyper@0.14', 'CVE-2021-21299').match.closedBy?.version, '0.14.3');
    // pretty_env_logger has no advisory: no finding for it.
    assert.ok(!scan.findings.some((f) => f.component.purl.includes('pretty_env_logger')));
  });

  test('KEV membership comes through the CVE aliases; Go +incompatible versions match', async () => {
    const kev = await loadKevFile(corpus('vulns/kev/known_exploited_vulnerabilities.json'));
    const purls = [
      'pkg:golang/github.com/wazuh/wazuh@v4.7.0%2Bincompatible',
      'pkg:golang/github.com/wazuh/wazuh@v4.9.1%2Bincompatible',
      'pkg:cargo/libwebp-sys@0.9.2',
    ];
    const bom = {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      components: purls.map((purl, i) => ({ type: 'library', 'bom-ref': `c${i}`, name: `c${i}`, purl })),
    };
    const scan = scanSbom(readSbom(JSON.stringify(bom), 'kev.json').sbom, load.index, { kev });
    // GO-2025-3459 (CVE-2025-24016, Wazuh deserialisation): introduced 4.4.0+incompatible, fixed
    // 4.9.1+incompatible. Build metadata is ignored, so v4.7.0+incompatible is inside and
    // v4.9.1+incompatible is the fix. CISA added CVE-2025-24016 to KEV on 2025-06-10.
    const wazuh = findingFor(scan, 'pkg:golang/github.com/wazuh/wazuh@v4.7.0', 'CVE-2025-24016');
    assert.deepEqual(wazuh.vulnerability.kev, {
      dateAdded: '2025-06-10',
      dueDate: kev.entries.get('CVE-2025-24016')!.dueDate,
      knownRansomwareCampaignUse: false,
    });
    assert.ok(!scan.findings.some((f) => f.component.ref === 'c1'), '4.9.1+incompatible is the fixed version');
    // RUSTSEC-2023-0061 (CVE-2023-4863, the libwebp heap overflow): libwebp-sys below 0.9.3.
    assert.notEqual(findingFor(scan, 'pkg:cargo/libwebp-sys@0.9.2', 'CVE-2023-4863').vulnerability.kev, null);
    assert.equal(scan.summary.kev, 2);
  });
});
