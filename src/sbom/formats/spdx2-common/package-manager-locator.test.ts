// SPDX 2 lists package-manager locators that are not purls (maven-central, npm, nuget); spdx-maven-plugin
// and the spec's own examples name packages only that way. Such a package is identified by the purl the
// locator spells, so vulnerability matching and component identity see it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSbom } from '../../read.js';
import { purlFromLocator } from './decode-element.js';

const tagValue = (refs: string[]) =>
  [
    'SPDXVersion: SPDX-2.2',
    'DataLicense: CC0-1.0',
    'SPDXID: SPDXRef-DOCUMENT',
    'DocumentName: locators',
    'DocumentNamespace: https://example.org/spdx/locators-1',
    'Creator: Tool: hand',
    'Created: 2026-01-01T00:00:00Z',
    '',
    'PackageName: core',
    'SPDXID: SPDXRef-core',
    'PackageDownloadLocation: NOASSERTION',
    ...refs,
    '',
  ].join('\r\n');

test('a package named only by a maven-central locator gets the purl the locator spells', () => {
  const { sbom } = readSbom(tagValue(['ExternalRef: PACKAGE-MANAGER maven-central com.example.lib:core-api:2.14.1']));
  const core = sbom.components.find((c) => c.ref === 'SPDXRef-core') ?? sbom.metadata.component;
  assert.equal(core?.purl, 'pkg:maven/com.example.lib/core-api@2.14.1');
  // The locator itself is still kept.
  assert.ok(core?.properties?.some((p) => p.value === 'com.example.lib:core-api:2.14.1'));
});

test('a purl ref wins over a locator, whichever comes first', () => {
  const { sbom } = readSbom(
    tagValue([
      'ExternalRef: PACKAGE_MANAGER npm left-pad@1.0.0',
      'ExternalRef: PACKAGE-MANAGER purl pkg:npm/left-pad@1.3.0',
    ]),
  );
  const core = sbom.components.find((c) => c.ref === 'SPDXRef-core') ?? sbom.metadata.component;
  assert.equal(core?.purl, 'pkg:npm/left-pad@1.3.0');
});

test('locators of each listed type, and ones of no known shape', () => {
  assert.equal(purlFromLocator('npm', '@types/node@20.1.0'), 'pkg:npm/%40types/node@20.1.0');
  assert.equal(purlFromLocator('npm', 'http-server'), 'pkg:npm/http-server');
  assert.equal(purlFromLocator('nuget', 'Newtonsoft.Json/13.0.3'), 'pkg:nuget/Newtonsoft.Json@13.0.3');
  assert.equal(purlFromLocator('maven-central', 'org.acme:widget'), 'pkg:maven/org.acme/widget');
  assert.equal(purlFromLocator('maven-central', 'just-a-name'), undefined);
  assert.equal(purlFromLocator('bower', 'modernizr#2.6.2'), undefined);
  assert.equal(purlFromLocator('npm', 'not a locator'), undefined);
});
