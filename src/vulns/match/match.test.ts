import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { emptySbom, type Component, type Sbom } from '../../model/index.js';
import type { OsvRecord } from '../osv/record.js';
import { applyVex, failsGate, findingsAsVex, purlToOsvPackage, scanSbom, VulnerabilityIndex } from './index.js';
import { readVex, writeVex, type VexStatement } from '../vex/index.js';
import { parseKev, type KevCatalogue } from '../severity/index.js';
import { packageKey } from '../osv/ecosystem.js';

function component(ref: string, purl: string | undefined, version?: string): Component {
  const name = ref.split('@')[0]!;
  return {
    ref,
    type: 'library',
    name,
    ...(version ? { version } : {}),
    ...(purl ? { purl } : {}),
    hashes: [],
    licenses: {},
    externalReferences: [],
    properties: [],
  } as unknown as Component;
}

function sbomOf(components: Component[], edges: [string, string[]][] = []): Sbom {
  const sbom = emptySbom({ id: 'cyclonedx-json', specVersion: '1.6' });
  sbom.metadata.component = component('app', undefined);
  sbom.components = components;
  sbom.dependencies = edges.map(([ref, dependsOn]) => ({ ref, dependsOn }));
  return sbom;
}

const record = (id: string, extra: Partial<OsvRecord>): OsvRecord => ({
  id,
  modified: '2024-01-01T00:00:00Z',
  ...extra,
});

describe('purl → OSV package', () => {
  const pkg = (purl: string) => purlToOsvPackage(purl);
  test('names follow each ecosystem', () => {
    assert.deepEqual(pkg('pkg:pypi/Django_Rest.Framework@3.0'), {
      package: { ecosystem: 'PyPI', name: 'django-rest.framework', key: 'django-rest-framework', version: '3.0' },
    });
    assert.deepEqual(pkg('pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1'), {
      package: {
        ecosystem: 'Maven',
        name: 'org.apache.logging.log4j:log4j-core',
        key: 'org.apache.logging.log4j:log4j-core',
        version: '2.14.1',
      },
    });
    assert.equal(
      (pkg('pkg:golang/github.com/gin-gonic/gin@v1.4.0') as { package: { name: string } }).package.name,
      'github.com/gin-gonic/gin',
    );
    assert.equal((pkg('pkg:npm/%40babel/core@7.0.0') as { package: { name: string } }).package.name, '@babel/core');
    assert.equal(
      (pkg('pkg:nuget/Newtonsoft.Json@12.0.1') as { package: { key: string } }).package.key,
      'newtonsoft.json',
    );
  });
  test('distributions take the release from the distro qualifier', () => {
    assert.deepEqual(pkg('pkg:deb/debian/openssl@1.1.1n-0+deb11u4?distro=debian-11'), {
      package: { ecosystem: 'Debian', release: '11', name: 'openssl', key: 'openssl', version: '1.1.1n-0+deb11u4' },
    });
    assert.equal(
      (pkg('pkg:deb/debian/openssl@3.0.11-1?distro=bookworm') as { package: { release: string } }).package.release,
      '12',
    );
    assert.equal(
      (pkg('pkg:apk/alpine/busybox@1.36.1-r5?distro=3.19.1') as { package: { release: string } }).package.release,
      'v3.19',
    );
    assert.deepEqual(pkg('pkg:deb/debian/openssl@3.0.11-1'), {
      unchecked: 'no distro qualifier: the Debian release is unknown',
    });
  });
  test('what cannot be checked says why', () => {
    assert.deepEqual(purlToOsvPackage(undefined), { unchecked: 'no purl' });
    assert.deepEqual(pkg('pkg:npm/left-pad'), { unchecked: 'no version' });
    assert.deepEqual(pkg('pkg:generic/thing@1.0'), { unchecked: 'purl type "generic" has no OSV ecosystem' });
    assert.match((pkg('not a purl') as { unchecked: string }).unchecked, /^invalid purl/);
    // A git-pinned package: its commit would otherwise read as a prerelease of 0.0.0 and fall in ranges.
    assert.deepEqual(
      pkg('pkg:hex/con_cache@d050e133742e512cf2caa4598607e60dd0161072?vcs_url=git%2Bhttps://github.com/x/con_cache'),
      {
        unchecked: 'the version is a git commit, not a release',
      },
    );
    assert.deepEqual(pkg('pkg:golang/golang.org/x/crypto@4def268fd1a49955bfb3dda92fe3db4f924f2285'), {
      unchecked: 'the version is a git commit, not a release',
    });
  });
});

describe('matching', () => {
  const records = [
    record('GHSA-aaaa', {
      aliases: ['CVE-2024-0001'],
      summary: 'first',
      affected: [
        {
          package: { ecosystem: 'npm', name: 'lib' },
          ranges: [
            { type: 'SEMVER', events: [{ introduced: '1.0.0' }, { fixed: '1.4.2' }] },
            { type: 'SEMVER', events: [{ introduced: '2.0.0' }, { last_affected: '2.1.0' }] },
          ],
        },
      ],
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
    }),
    // The same flaw from another database: one finding, never two.
    record('OSV-2024-1', {
      aliases: ['CVE-2024-0001'],
      affected: [{ package: { ecosystem: 'npm', name: 'lib' }, versions: ['1.2.0'] }],
    }),
    record('GHSA-gone', {
      withdrawn: '2024-02-01T00:00:00Z',
      affected: [
        { package: { ecosystem: 'npm', name: 'lib' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] },
      ],
    }),
    record('GHSA-git', {
      affected: [
        {
          package: { ecosystem: 'npm', name: 'lib' },
          ranges: [{ type: 'GIT', repo: 'https://x', events: [{ introduced: '0' }] }],
        },
      ],
    }),
    record('DSA-1', {
      affected: [
        {
          package: { ecosystem: 'Debian:12', name: 'openssl' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.0.11-1~deb12u2' }] }],
        },
      ],
    }),
  ];
  const index = VulnerabilityIndex.from(records);

  test('a version inside a range is found once per alias group, explained', () => {
    const scan = scanSbom(
      sbomOf(
        [component('lib@1.2.0', 'pkg:npm/lib@1.2.0'), component('mid@1', 'pkg:npm/mid@1.0.0')],
        [
          ['app', ['mid@1']],
          ['mid@1', ['lib@1.2.0']],
        ],
      ),
      index,
    );
    assert.equal(scan.findings.length, 1);
    const f = scan.findings[0]!;
    assert.equal(f.vulnerability.id, 'CVE-2024-0001');
    assert.deepEqual(f.vulnerability.aliases, ['GHSA-aaaa', 'OSV-2024-1']);
    assert.deepEqual(f.vulnerability.fixed, ['1.4.2']);
    assert.deepEqual(f.vulnerability.severity, {
      score: 9.8,
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      rating: 'critical',
      source: 'CVSS 3.1 in GHSA-aaaa',
    });
    assert.deepEqual(f.match, {
      record: 'GHSA-aaaa',
      modified: '2024-01-01T00:00:00Z',
      ecosystem: 'npm',
      package: 'lib',
      affectedIndex: 0,
      via: 'range',
      version: '1.2.0',
      path: ['app', 'mid@1', 'lib@1.2.0'],
      alsoMatchedBy: ['OSV-2024-1'],
      range: { index: 0, type: 'SEMVER' },
      scheme: { id: 'semver', title: 'Semantic Versioning 2.0 (build metadata ignored)' },
      introduced: '1.0.0',
      closedBy: { kind: 'fixed', version: '1.4.2' },
    });
    assert.equal(scan.summary.database.withdrawn, 1);
    assert.deepEqual(scan.summary.skippedRanges, {
      'GIT ranges name commits, not versions: not matched against components': 1,
    });
  });

  test('fixed and after last_affected are outside; the release of a distribution must agree', () => {
    const versions = ['0.9.0', '1.4.2', '2.1.0', '2.1.1'];
    const scan = scanSbom(sbomOf(versions.map((v) => component(`lib@${v}`, `pkg:npm/lib@${v}`))), index);
    assert.deepEqual(
      scan.findings.map((f) => f.match.version),
      ['2.1.0'],
    );
    assert.equal(scan.findings[0]!.match.closedBy?.kind, 'last_affected');
    assert.deepEqual(scan.findings[0]!.match.path, [], 'no edges: no path');
    const distro = scanSbom(
      sbomOf([
        component('a', 'pkg:deb/debian/openssl@3.0.11-1~deb12u1?distro=debian-12'),
        component('b', 'pkg:deb/debian/openssl@3.0.11-1~deb12u2?distro=debian-12'),
        component('c', 'pkg:deb/debian/openssl@3.0.11-1~deb12u1?distro=debian-11'),
      ]),
      index,
    );
    assert.deepEqual(
      distro.findings.map((f) => f.component.ref),
      ['a'],
    );
    assert.equal(distro.findings[0]!.match.scheme?.id, 'deb');
  });

  test('unchecked components are listed and counted by reason', () => {
    const scan = scanSbom(sbomOf([component('x', undefined), component('y', 'pkg:generic/y@1')]), index);
    assert.equal(scan.summary.unchecked, 2);
    assert.deepEqual(scan.summary.uncheckedReasons, { 'no purl': 1, 'purl type "generic" has no OSV ecosystem': 1 });
  });

  test('the gate: ratings, KEV, unknown severity counts, VEX-cleared never does', () => {
    const f = scanSbom(sbomOf([component('lib@1.2.0', 'pkg:npm/lib@1.2.0')]), index).findings[0]!;
    assert.deepEqual(
      ['none', 'low', 'critical', 'kev'].map((t) => failsGate(f, t as 'none')),
      [false, true, true, false],
    );
    const unknown = {
      ...f,
      vulnerability: { ...f.vulnerability, severity: { ...f.vulnerability.severity, rating: 'unknown' as const } },
    };
    assert.equal(failsGate(unknown, 'critical'), true);
    assert.equal(
      failsGate({ ...f, analysis: { state: 'not_affected', justification: 'code_not_reachable' } }, 'low'),
      false,
    );
  });
});

describe('withdrawn copies of a record', () => {
  const live = record('GHSA-wxyz', {
    affected: [
      { package: { ecosystem: 'npm', name: 'lib' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] },
    ],
  });
  const gone = { ...live, modified: '2024-03-01T00:00:00Z', withdrawn: '2024-03-01T00:00:00Z' };
  const sbom = sbomOf([component('lib@1.0.0', 'pkg:npm/lib@1.0.0')]);

  // Two sources read into one scan (an older and a newer export): the newer copy decides, in
  // whichever order they come.
  test('a newer withdrawn copy takes back the live one, whichever is read first', () => {
    for (const order of [
      [live, gone],
      [gone, live],
    ]) {
      const scan = scanSbom(sbom, VulnerabilityIndex.from(order));
      assert.equal(scan.findings.length, 0, `order ${order.map((r) => r.modified).join(', ')}`);
      assert.equal(scan.summary.database.records, 0);
    }
  });

  test('a live copy newer than the withdrawn one is held', () => {
    const back = { ...live, modified: '2024-04-01T00:00:00Z' };
    for (const order of [
      [gone, back],
      [back, gone],
    ]) {
      assert.equal(scanSbom(sbom, VulnerabilityIndex.from(order)).findings.length, 1);
    }
  });
});

describe('VEX applied to a scan', () => {
  const index = VulnerabilityIndex.from([
    record('GHSA-link', {
      aliases: ['CVE-2024-7777'],
      affected: [
        { package: { ecosystem: 'npm', name: 'lib' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] },
      ],
    }),
  ]);
  const sbom = sbomOf([component('comp-1', 'pkg:npm/lib@1.0.0')]);
  sbom.metadata.serialNumber = 'urn:uuid:11111111-2222-4333-8444-555555555555';
  const notAffected = (bomLink: string): VexStatement => ({
    vulnerability: { id: 'CVE-2024-7777', aliases: [] },
    product: { bomLink, ref: 'comp-1' },
    analysis: { state: 'not_affected', justification: 'code_not_present', responses: [] },
  });

  // The same bom-ref in another SBOM is another component: CycloneDX's own VEX examples link
  // into several SBOMs by serial number, and short refs recur from one SBOM to the next.
  test('a BOM-Link covers the component of its own SBOM only', () => {
    const scan = scanSbom(sbom, index);
    const mine = applyVex(scan, [notAffected('urn:cdx:11111111-2222-4333-8444-555555555555/1#comp-1')], sbom);
    assert.equal(mine.applied, 1);
    const other = applyVex(scan, [notAffected('urn:cdx:99999999-2222-4333-8444-555555555555/1#comp-1')], sbom);
    assert.equal(other.applied, 0);
    assert.equal(other.scan.findings[0]!.analysis, null);
  });

  // Two VEX documents agree on the state; the newer statement speaks, by instant, not by text:
  // 21:55 at -06:00 is 03:55Z the next day, later than 01:00Z.
  test('the newest of agreeing statements is chosen by the instant its timestamp names', () => {
    const at = (timestamp: string, justification: 'code_not_present' | 'code_not_reachable'): VexStatement => ({
      vulnerability: { id: 'CVE-2024-7777', aliases: [] },
      product: { purl: 'pkg:npm/lib@1.0.0' },
      analysis: { state: 'not_affected', justification, responses: [] },
      timestamp,
    });
    const scan = scanSbom(sbom, index);
    const newer = at('2023-12-04T21:55:19.945015302-06:00', 'code_not_reachable');
    const older = at('2023-12-05T01:00:00Z', 'code_not_present');
    for (const order of [
      [newer, older],
      [older, newer],
    ])
      assert.equal(applyVex(scan, order, sbom).scan.findings[0]!.analysis?.justification, 'code_not_reachable');
  });

  // `vuln scan --vex in.json --format openvex` writes the findings with the analyses applied: an
  // affected statement needs its action, which the scan must not drop on the way.
  test('the applied analysis keeps its responses, detail and action for the VEX the scan writes', () => {
    const exploitable: VexStatement = {
      vulnerability: { id: 'CVE-2024-7777', aliases: [] },
      product: { purl: 'pkg:npm/lib@1.0.0' },
      analysis: {
        state: 'exploitable',
        responses: ['update'],
        detail: 'reachable from the upload form',
        actionStatement: 'Upgrade lib to 1.0.1',
      },
    };
    const applied = applyVex(scanSbom(sbom, index), [exploitable], sbom).scan;
    const [statement] = findingsAsVex(applied.findings, '2026-12-04T00:00:00Z');
    assert.deepEqual(statement!.analysis, exploitable.analysis);
    const { document, issues } = writeVex([statement!], {
      format: 'openvex',
      id: 'https://example.com/vex/scan',
      author: 'ci',
      timestamp: '2026-12-04T00:00:00Z',
    });
    assert.deepEqual(
      issues.filter((i) => i.severity === 'error'),
      [],
    );
    assert.equal(
      (document as { statements: { action_statement: string }[] }).statements[0]!.action_statement,
      'Upgrade lib to 1.0.1',
    );
  });
});

describe('CycloneDX VEX per-version statuses applied to a scan', () => {
  // A vendor's statement about its parser library: exploitable in the 2.x line below 2.4, 2.4.1
  // listed unaffected, 1.x unknown. Each version of the SBOM gets what the document says of it.
  const index = VulnerabilityIndex.from([
    record('GHSA-pars-0001', {
      aliases: ['CVE-2099-1111'],
      affected: [
        { package: { ecosystem: 'npm', name: 'parser' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] },
      ],
    }),
  ]);
  const sbom = sbomOf([
    component('parser@1.9.0', 'pkg:npm/parser@1.9.0'),
    component('parser@2.3.0', 'pkg:npm/parser@2.3.0'),
    component('parser@2.4.1', 'pkg:npm/parser@2.4.1'),
    component('parser@3.0.0', 'pkg:npm/parser@3.0.0'),
  ]);
  const vex = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    vulnerabilities: [
      {
        id: 'CVE-2099-1111',
        analysis: { state: 'exploitable', response: ['update'], detail: 'reachable through parse()' },
        affects: [
          {
            ref: 'pkg:npm/parser@2.3.0',
            versions: [
              { range: 'vers:npm/>= 2.0.0|< 2.4.0' },
              { version: '2.4.1', status: 'unaffected' },
              { range: 'vers:npm/<2.0.0', status: 'unknown' },
            ],
          },
        ],
      },
    ],
  };

  test('each version gets the status the document gives it, the others nothing', () => {
    const read = readVex(JSON.stringify(vex), 'parser.cdx.json');
    assert.equal(read.document.statements.length, 2);
    const applied = applyVex(scanSbom(sbom, index), read.document.statements, sbom);
    const states = Object.fromEntries(
      applied.scan.findings.map((f) => [f.component.version ?? f.component.purl, f.analysis?.state ?? null]),
    );
    assert.deepEqual(states, {
      'pkg:npm/parser@1.9.0': null,
      'pkg:npm/parser@2.3.0': 'exploitable',
      'pkg:npm/parser@2.4.1': 'not_affected',
      'pkg:npm/parser@3.0.0': null,
    });
    assert.equal(applied.applied, 2);
    assert.ok(read.issues.some((i) => i.code === 'vex-version-unknown'));
  });

  test('a range that cannot be read is skipped and said, not taken as every version', () => {
    const bad = structuredClone(vex);
    bad.vulnerabilities[0]!.affects[0]!.versions = [{ range: 'vers:nosuch/<9' }];
    const read = readVex(JSON.stringify(bad), 'bad.cdx.json');
    assert.equal(read.document.statements.length, 0);
    assert.match(read.issues.map((i) => i.message).join('\n'), /range of pkg:npm\/parser@2\.3\.0 is skipped/);
  });

  test('written back as CycloneDX VEX, the limits read the same', () => {
    const read = readVex(JSON.stringify(vex), 'parser.cdx.json');
    const written = writeVex(read.document.statements, {
      format: 'cyclonedx-vex',
      specVersion: '1.6',
      serialNumber: 'urn:uuid:6b3a1c7e-0d1f-4c55-9a4e-0f8a2a1b2c3d',
      timestamp: '2026-12-04T00:00:00Z',
    });
    const again = readVex(JSON.stringify(written.document), 'again.cdx.json');
    const essence = (ss: VexStatement[]) =>
      ss.map((s) => [s.product.purl, JSON.stringify(s.product.only), s.analysis.state]).sort();
    assert.deepEqual(essence(again.document.statements), essence(read.document.statements));
    const openvex = writeVex(read.document.statements, {
      format: 'openvex',
      id: 'https://example.com/vex/parser',
      author: 'ci',
      timestamp: '2026-12-04T00:00:00Z',
    });
    // The exact version is named as a versioned purl; the range cannot be, and is left out.
    const products = (openvex.document as { statements: { products: { '@id': string }[] }[] }).statements.flatMap(
      (st) => st.products.map((p) => p['@id']),
    );
    assert.deepEqual(products, ['pkg:npm/parser@2.4.1']);
    assert.ok(openvex.issues.some((i) => i.message.includes('vers:npm/')));
  });
});

describe("ecosystems matched with another ecosystem's order", () => {
  // GitHub's advisories for Swift packages (SwiftURL), Bitnami's and R's (CRAN) records use
  // ECOSYSTEM ranges: each needs a version order, or its ranges are skipped and nothing matches.
  const index = VulnerabilityIndex.from([
    record('GHSA-swift', {
      affected: [
        {
          package: { ecosystem: 'SwiftURL', name: 'github.com/example/swift-web' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.29.1' }] }],
        },
      ],
    }),
    record('BIT-web-1', {
      affected: [
        {
          package: { ecosystem: 'Bitnami', name: 'webserver' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '6.0.0' }, { fixed: '6.2.1' }] }],
        },
      ],
    }),
    record('RSEC-1', {
      affected: [
        {
          package: { ecosystem: 'CRAN', name: 'parsepkg' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0-10' }] }],
        },
      ],
    }),
  ]);
  test('a vulnerable version matches, a fixed one does not', () => {
    const scan = scanSbom(
      sbomOf([
        component('swift-web@2.29.0', 'pkg:swift/github.com/example/swift-web@2.29.0'),
        component('swift-web@2.29.1', 'pkg:swift/github.com/example/swift-web@2.29.1'),
        component('webserver@6.2.0', 'pkg:bitnami/webserver@6.2.0?arch=arm64'),
        component('parsepkg@1.0-9', 'pkg:cran/parsepkg@1.0-9'),
        component('parsepkg@1.0.10', 'pkg:cran/parsepkg@1.0.10'),
      ]),
      index,
    );
    assert.deepEqual(scan.summary.skippedRanges, {});
    assert.deepEqual(scan.findings.map((f) => f.component.ref).sort(), [
      'parsepkg@1.0-9',
      'swift-web@2.29.0',
      'webserver@6.2.0',
    ]);
  });
});

describe('binary packages of a distribution', () => {
  // Debian and Alpine advisories name source packages; syft's image SBOMs list the binary package
  // with its source in the `upstream` qualifier (name, or name@version after a rebuild).
  const index = VulnerabilityIndex.from([
    record('DSA-0000-1', {
      affected: [
        {
          package: { ecosystem: 'Debian:12', name: 'openssl' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.0.11-1~deb12u2' }] }],
        },
      ],
    }),
    record('ALPINE-CVE-0000-1', {
      affected: [
        {
          package: { ecosystem: 'Alpine:v3.19', name: 'openssl' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.1.4-r1' }] }],
        },
      ],
    }),
  ]);
  test('are matched by the source package the upstream qualifier names', () => {
    const scan = scanSbom(
      sbomOf([
        component(
          'libssl3@old',
          'pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&upstream=openssl&distro=debian-12',
        ),
        component(
          'libssl3@new',
          'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&upstream=openssl&distro=debian-12',
        ),
        component(
          'libssl3@rebuilt',
          'pkg:deb/debian/libssl3@3.0.11-1~deb12u1%2Bb1?arch=amd64&upstream=openssl%403.0.11-1~deb12u1&distro=debian-12',
        ),
        component(
          'libcrypto3@old',
          'pkg:apk/alpine/libcrypto3@3.1.4-r0?arch=x86_64&upstream=openssl&distro=alpine-3.19.0',
        ),
        component(
          'libcrypto3@new',
          'pkg:apk/alpine/libcrypto3@3.1.4-r1?arch=x86_64&upstream=openssl&distro=alpine-3.19.0',
        ),
      ]),
      index,
    );
    assert.deepEqual(scan.findings.map((f) => [f.component.ref, f.match.package, f.match.version]).sort(), [
      ['libcrypto3@old', 'openssl', '3.1.4-r0'],
      ['libssl3@old', 'openssl', '3.0.11-1~deb12u1'],
      ['libssl3@rebuilt', 'openssl', '3.0.11-1~deb12u1'],
    ]);
  });
});

describe('the Go standard library', () => {
  // Go binaries' SBOMs (syft, Trivy) list the standard library as pkg:golang/stdlib@<go release>,
  // a purl without the namespace the golang type asks for; the Go database names it `stdlib`.
  const index = VulnerabilityIndex.from([
    record('GO-0000-0001', {
      affected: [
        {
          package: { ecosystem: 'Go', name: 'stdlib' },
          ranges: [
            {
              type: 'SEMVER',
              events: [{ introduced: '0' }, { fixed: '1.20.2' }, { introduced: '1.21.0-0' }, { fixed: '1.21.1' }],
            },
          ],
        },
      ],
    }),
  ]);
  test('is matched whichever way the release is written', () => {
    const scan = scanSbom(
      sbomOf([
        component('a', 'pkg:golang/stdlib@v1.20.1'),
        component('b', 'pkg:golang/stdlib@go1.20.2'),
        component('c', 'pkg:golang/stdlib@1.21.0'),
        component('d', 'pkg:golang/stdlib@1.21.1'),
        component('e', 'pkg:golang/stdlib', 'go1.19'),
      ]),
      index,
    );
    assert.deepEqual(scan.summary.unchecked, 0);
    assert.deepEqual(scan.findings.map((f) => f.component.ref).sort(), ['a', 'c', 'e']);
  });
});

describe('KEV and EPSS of a distribution advisory', () => {
  // Red Hat's OSV records (RHSA-2024:4546) and osv.dev's DEBIAN-CVE / UBUNTU-CVE records name the
  // CVE they derive from in `upstream`, with no alias.
  const index = VulnerabilityIndex.from([
    record('RHSA-2024:0001', {
      upstream: ['CVE-2021-44228'],
      affected: [
        {
          package: { ecosystem: 'Red Hat', name: 'log4j' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.15.0-1.el9' }] }],
        },
      ],
    }),
  ]);
  const kev = parseKev({
    vulnerabilities: [
      {
        cveID: 'CVE-2021-44228',
        vendorProject: 'Apache',
        product: 'Log4j2',
        vulnerabilityName: 'Apache Log4j2 Remote Code Execution Vulnerability',
        dateAdded: '2021-12-10',
        dueDate: '2021-12-24',
        requiredAction: 'Apply updates per vendor instructions.',
        knownRansomwareCampaignUse: 'Known',
      },
    ],
  }) as KevCatalogue;
  test('come from the upstream CVE', () => {
    const scan = scanSbom(sbomOf([component('log4j', 'pkg:rpm/redhat/log4j@2.14.1-1.el9')]), index, {
      kev,
      epss: { scores: new Map([['CVE-2021-44228', { epss: 0.94, percentile: 0.99 }]]), problems: [] },
    });
    assert.equal(scan.findings.length, 1);
    assert.equal(scan.findings[0]!.vulnerability.kev?.dateAdded, '2021-12-10');
    assert.deepEqual(scan.findings[0]!.vulnerability.epss, { probability: 0.94, percentile: 0.99 });
    assert.equal(scan.summary.kev, 1);
  });
});

describe('Red Hat streams', () => {
  // Red Hat's OSV records are per stream (osv-schema tools/redhat testdata: `Red Hat:rhel_aus:8.6::appstream`);
  // a RHEL 8 package fixed by its own advisory must not stay affected by RHEL 9's fix.
  const index = VulnerabilityIndex.from([
    record('RHSA-0000:0008', {
      affected: [
        {
          package: { ecosystem: 'Red Hat:enterprise_linux:8::appstream', name: 'git-lfs' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '0:2.13.3-3.el8_6.1' }] }],
        },
      ],
    }),
    record('RHSA-0000:0009', {
      affected: [
        {
          package: { ecosystem: 'Red Hat:rhel_eus:9.2::appstream', name: 'git-lfs' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '0:3.2.0-2.el9_2' }] }],
        },
        {
          package: { ecosystem: 'Red Hat:openshift:4.13::el9', name: 'git-lfs' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '0:3.2.0-2.el9_2' }] }],
        },
      ],
    }),
  ]);
  test('a package is judged by the records of its own RHEL major release', () => {
    const scan = scanSbom(
      sbomOf([
        component('el8-fixed', 'pkg:rpm/redhat/git-lfs@2.13.3-3.el8_6.1?arch=x86_64&distro=rhel-8.6'),
        component('el9-old', 'pkg:rpm/redhat/git-lfs@3.2.0-1.el9?arch=x86_64&distro=rhel-9.2'),
        component('el9-fixed', 'pkg:rpm/redhat/git-lfs@3.2.0-2.el9_2?arch=x86_64&distro=rhel-9.2'),
        component('unknown-release', 'pkg:rpm/redhat/git-lfs@2.13.3-3.el8_6.1?arch=x86_64'),
      ]),
      index,
    );
    assert.deepEqual(scan.findings.map((f) => `${f.component.ref} ${f.match.record}`).sort(), [
      'el9-old RHSA-0000:0009',
      'unknown-release RHSA-0000:0009',
    ]);
  });
});

describe('VEX about the upstream CVE of a distribution advisory', () => {
  // A Red Hat advisory for one flaw and a Debian advisory fixing two: both name their CVEs only in
  // `upstream`. A statement about the one CVE speaks for the first; a statement about one of the
  // two does not close the second, and the finding says which CVE is left.
  const index = VulnerabilityIndex.from([
    record('RHSA-2099:0001', {
      upstream: ['CVE-2099-2001'],
      affected: [
        {
          package: { ecosystem: 'Red Hat', name: 'tool' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.1-1.el9' }] }],
        },
      ],
    }),
    record('DSA-9999-1', {
      upstream: ['CVE-2099-2003', 'CVE-2099-2002'],
      affected: [
        {
          package: { ecosystem: 'Debian:12', name: 'lib' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0-2' }] }],
        },
      ],
    }),
  ]);
  const sbom = sbomOf([
    component('tool', 'pkg:rpm/redhat/tool@1.0-1.el9'),
    component('lib', 'pkg:deb/debian/lib@1.0-1?distro=debian-12'),
  ]);
  const notAffected = (id: string, purl: string): VexStatement => ({
    vulnerability: { id, aliases: [] },
    product: { purl },
    analysis: { state: 'not_affected', justification: 'code_not_reachable', responses: [] },
  });
  const rhel = notAffected('CVE-2099-2001', 'pkg:rpm/redhat/tool');
  const first = notAffected('CVE-2099-2002', 'pkg:deb/debian/lib');
  const second = notAffected('CVE-2099-2003', 'pkg:deb/debian/lib@1.0-1');
  const byRecord = (statements: VexStatement[]) =>
    Object.fromEntries(
      applyVex(scanSbom(sbom, index), statements, sbom).scan.findings.map((f) => [f.vulnerability.id, f]),
    );

  test('a statement about the advisory’s one CVE applies; one about one of several does not, and says which CVE is left', () => {
    const findings = byRecord([rhel, first]);
    assert.deepEqual(findings['RHSA-2099:0001']!.vulnerability.upstream, ['CVE-2099-2001']);
    assert.equal(findings['RHSA-2099:0001']!.analysis?.state, 'not_affected');
    assert.equal(findings['DSA-9999-1']!.analysis, null);
    assert.deepEqual(findings['DSA-9999-1']!.warnings, [
      'VEX about CVE-2099-2002 not applied: DSA-9999-1 also covers CVE-2099-2003, which no statement covers',
    ]);
  });

  test('statements covering every CVE of the advisory apply', () => {
    const findings = byRecord([first, second]);
    assert.equal(findings['DSA-9999-1']!.analysis?.state, 'not_affected');
    assert.equal(findings['DSA-9999-1']!.warnings, undefined);
    assert.equal(findings['RHSA-2099:0001']!.analysis, null);
  });
});

test('a Bioconductor package (renv.lock) is matched against OSV Bioconductor records', () => {
  assert.deepEqual(purlToOsvPackage('pkg:bioconductor/Biobase@2.62.0'), {
    package: {
      ecosystem: 'Bioconductor',
      name: 'Biobase',
      key: packageKey('Bioconductor', 'Biobase'),
      version: '2.62.0',
    },
  });
});
