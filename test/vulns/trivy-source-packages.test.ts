// Trivy's image SBOMs name a binary package's source only in properties of their own (CycloneDX)
// or in `sourceInfo` (SPDX); Debian and Alpine advisories are about the source package. The reader
// writes the source into the purl's `upstream` qualifier, so the scan matches libssl3 under openssl.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSbom } from '../../src/sbom/read.js';
import { allComponents } from '../../src/sbom/graph.js';
import { scanSbom, VulnerabilityIndex } from '../../src/vulns/match/index.js';

const trivyComponent = (
  name: string,
  version: string,
  purl: string,
  source: Record<string, string>,
): Record<string, unknown> => ({
  'bom-ref': purl,
  type: 'library',
  name,
  version,
  purl,
  properties: Object.entries(source).map(([k, v]) => ({ name: `aquasecurity:trivy:${k}`, value: v })),
});

const cyclonedx = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  components: [
    trivyComponent(
      'libssl3',
      '3.0.11-1~deb12u1',
      'pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&distro=debian-12.4',
      {
        SrcName: 'openssl',
        SrcVersion: '3.0.11',
        SrcRelease: '1~deb12u1',
      },
    ),
    // A binNMU rebuild: the binary's version differs from its source's.
    trivyComponent(
      'libc6',
      '2.36-9+deb12u4+b1',
      'pkg:deb/debian/libc6@2.36-9%2Bdeb12u4%2Bb1?arch=amd64&distro=debian-12.4',
      {
        SrcName: 'glibc',
        SrcVersion: '2.36',
        SrcRelease: '9+deb12u4',
      },
    ),
    // Its own source: nothing to add.
    trivyComponent('bash', '5.2.15-2+b7', 'pkg:deb/debian/bash@5.2.15-2%2Bb7?arch=amd64&distro=debian-12.4', {
      SrcName: 'bash',
      SrcVersion: '5.2.15',
      SrcRelease: '2',
    }),
    trivyComponent('libcrypto3', '3.1.4-r0', 'pkg:apk/alpine/libcrypto3@3.1.4-r0?arch=x86_64&distro=3.19.0', {
      SrcName: 'openssl',
      SrcVersion: '3.1.4-r0',
    }),
    // A qualifier already there is kept as written.
    trivyComponent('libssl1.1', '1.1.1n-0+deb11u5', 'pkg:deb/debian/libssl1.1@1.1.1n-0%2Bdeb11u5?upstream=openssl', {
      SrcName: 'something-else',
    }),
  ],
});

test('Trivy CycloneDX: the source package goes into the purl, as syft writes it', () => {
  const purls = allComponents(readSbom(cyclonedx, 'trivy.cdx.json').sbom).map((c) => c.purl);
  assert.deepEqual(purls, [
    'pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&distro=debian-12.4&upstream=openssl',
    'pkg:deb/debian/libc6@2.36-9%2Bdeb12u4%2Bb1?arch=amd64&distro=debian-12.4&upstream=glibc%402.36-9%2Bdeb12u4',
    'pkg:deb/debian/bash@5.2.15-2%2Bb7?arch=amd64&distro=debian-12.4&upstream=bash%405.2.15-2',
    'pkg:apk/alpine/libcrypto3@3.1.4-r0?arch=x86_64&distro=3.19.0&upstream=openssl',
    'pkg:deb/debian/libssl1.1@1.1.1n-0%2Bdeb11u5?upstream=openssl',
  ]);
});

test('Trivy SPDX: "built package from" in sourceInfo gives the source package', () => {
  const spdx = JSON.stringify({
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'debian:12',
    documentNamespace: 'https://example.com/trivy/debian-12',
    creationInfo: { created: '2026-01-02T03:04:05Z', creators: ['Tool: trivy'] },
    packages: [
      {
        SPDXID: 'SPDXRef-Package-libssl3',
        name: 'libssl3',
        versionInfo: '3.0.11-1~deb12u1',
        downloadLocation: 'NONE',
        sourceInfo: 'built package from: openssl 3.0.11-1~deb12u1',
        externalRefs: [
          {
            referenceCategory: 'PACKAGE-MANAGER',
            referenceType: 'purl',
            referenceLocator: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&distro=debian-12.4',
          },
        ],
      },
    ],
  });
  const [libssl] = allComponents(readSbom(spdx, 'trivy.spdx.json').sbom);
  assert.equal(libssl?.purl, 'pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&distro=debian-12.4&upstream=openssl');
});

test("a Trivy SBOM's libssl3 and libcrypto3 are matched against openssl's Debian and Alpine records", () => {
  const index = VulnerabilityIndex.from([
    {
      id: 'DSA-0000-1',
      modified: '2024-01-01T00:00:00Z',
      affected: [
        {
          package: { ecosystem: 'Debian:12', name: 'openssl' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.0.11-1~deb12u2' }] }],
        },
      ],
    },
    {
      id: 'ALPINE-CVE-0000-1',
      modified: '2024-01-01T00:00:00Z',
      affected: [
        {
          package: { ecosystem: 'Alpine:v3.19', name: 'openssl' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.1.4-r1' }] }],
        },
      ],
    },
  ]);
  const scan = scanSbom(readSbom(cyclonedx, 'trivy.cdx.json').sbom, index);
  assert.deepEqual(scan.findings.map((f) => `${f.component.name} ${f.match.record}`).sort(), [
    'libcrypto3 ALPINE-CVE-0000-1',
    'libssl3 DSA-0000-1',
  ]);
});
