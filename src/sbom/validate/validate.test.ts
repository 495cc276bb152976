import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptySbom, licenseFromExpression, type Component, type Sbom } from '../../model/index.js';
import { corpus, needsCorpora } from '../../../test/support/corpora.js';
import { readFileSync } from 'node:fs';
import { sbomFromCycloneDxJson } from '../diff/cyclonedx-fixture.test-helper.js';
import { checkSbomSemantics, summarizeSbom, validationIssues } from './index.js';
import { readSbom } from '../read.js';

function component(ref: string, name: string, version: string | undefined, extra: Partial<Component> = {}): Component {
  return {
    ref,
    type: 'library',
    name,
    version,
    hashes: [],
    licenses: {},
    externalReferences: [],
    properties: [],
    ...extra,
  };
}

function brokenSbom(): Sbom {
  const s = emptySbom({ id: 'cyclonedx-json', specVersion: '1.6' });
  s.components = [
    component('a', 'left-pad', '1.0.0', { purl: 'pkg:npm/left-pad@1.0.0' }),
    component('a', 'other', '2.0.0'),
    component('b', '', '1.0'),
    component('c', 'noversion', undefined),
    component('d', 'badpurl', '1', { purl: 'pkg:maven/lonely@1' }),
    component('e', 'express', '4.18.0', { purl: 'pkg:npm/fastify@4.17.0' }),
    component('f', 'cpe-user', '1', { cpe: 'cpe:2.3:a:vendor:product' }),
  ];
  s.dependencies = [
    { ref: 'a', dependsOn: ['a', 'ghost'] },
    { ref: 'phantom', dependsOn: [] },
  ];
  return s;
}

test('each semantic problem becomes one Issue naming component and field', () => {
  const issues = checkSbomSemantics(brokenSbom());
  const seen = issues.map((i) => `${i.severity} ${i.code} ${i.component ?? '-'} ${i.field ?? '-'}`).sort();
  assert.deepEqual(seen, [
    'error dangling-ref a dependencies[0].dependsOn[1]',
    'error dangling-ref phantom dependencies[1].ref',
    'error duplicate-ref a ref',
    'error invalid-purl d purl',
    'error missing-name b name',
    'info missing-primary-component - metadata.component',
    'warning invalid-cpe f cpe',
    'warning missing-version c version',
    'warning purl-name-mismatch e purl',
    'warning purl-version-mismatch e purl',
    'warning self-dependency a dependencies[0].dependsOn[0]',
  ]);
  const purl = issues.find((i) => i.code === 'invalid-purl')!;
  assert.match(purl.message, /maven purls need a namespace/);
});

test('purl spelled differently from the component name is not a mismatch', () => {
  const s = emptySbom({ id: 'x', specVersion: '1' });
  s.metadata.component = component('root', 'app', '1');
  s.components = [
    component('p', 'Django_Rest', '3.0', { purl: 'pkg:pypi/django-rest@3.0' }),
    component('g', 'github.com/miekg/dns', 'v1.1.41', { purl: 'pkg:golang/github.com/miekg/dns@v1.1.41' }),
    component('n', '@angular/core', '12.0.0', { purl: 'pkg:npm/%40angular/core@12.0.0' }),
  ];
  assert.deepEqual(checkSbomSemantics(s), []);
});

test('real SBOMs from the corpora have no semantic problems', needsCorpora, () => {
  for (const file of [
    'sboms/cyclonedx/bom-examples/SBOM/laravel-7.12.0/bom.1.3.json',
    'sboms/cyclonedx/bom-examples/SBOM/keycloak-10.0.2/bom.json',
    'sboms/cyclonedx/bom-examples/SBOM/proton-bridge/proton-bridge-v1.8.0.bom.json',
  ]) {
    assert.deepEqual(checkSbomSemantics(readCycloneDxJson(corpus(file))), [], file);
  }
});

test('summary counts a real document', needsCorpora, () => {
  const s = readCycloneDxJson(corpus('sboms/cyclonedx/bom-examples/SBOM/laravel-7.12.0/bom.1.3.json'));
  const summary = summarizeSbom(s);
  // Checked against the file: 62 libraries, all with purl and licence ids, 113 dependsOn edges.
  assert.equal(summary.components, 62);
  assert.deepEqual(summary.componentsByType, { library: 62 });
  assert.equal(summary.withPurl, 62);
  assert.equal(summary.withHashes, 0);
  assert.equal(summary.withLicense.declared, 62);
  assert.equal(summary.dependencyEdges, 113);
  assert.equal(summary.topLicenses[0].license, 'MIT');
  assert.equal(summary.primaryComponent, 'cyclonedx/cyclonedx-php-composer-demo@dev-master');
  assert.deepEqual(JSON.parse(JSON.stringify(summary)), summary);
});

test('summary: an SPDX NOASSERTION is no licence (neither coverage nor a top licence); NONE is one', () => {
  const noAssertion = { raw: 'NOASSERTION', entries: [] };
  const s = emptySbom({ id: 'spdx-json', specVersion: '2.3' });
  s.components = [
    component('1', 'a', '1', { licenses: { declared: noAssertion, concluded: noAssertion } }),
    component('2', 'b', '1', { licenses: { declared: noAssertion, concluded: licenseFromExpression('MIT') } }),
    component('3', 'c', '1', { licenses: { declared: { raw: 'NONE', entries: [] } } }),
  ];
  const summary = summarizeSbom(s);
  assert.deepEqual(summary.withLicense, { declared: 1, concluded: 1, effective: 0, any: 2 });
  assert.deepEqual(summary.topLicenses, [
    { license: 'MIT', components: 1 },
    { license: 'NONE', components: 1 },
  ]);
});

test('summary top licences use the expression, counted per component', () => {
  const s = emptySbom({ id: 'x', specVersion: '1' });
  s.components = [
    component('1', 'a', '1', { licenses: { declared: licenseFromExpression('MIT') } }),
    component('2', 'b', '1', { licenses: { concluded: licenseFromExpression('MIT') } }),
    component('3', 'c', '1', { licenses: { declared: licenseFromExpression('Apache-2.0') } }),
    component('4', 'd', '1', { type: 'file' }),
  ];
  const summary = summarizeSbom(s);
  assert.deepEqual(summary.topLicenses, [
    { license: 'MIT', components: 2 },
    { license: 'Apache-2.0', components: 1 },
  ]);
  assert.deepEqual(summary.withLicense, { declared: 2, concluded: 1, effective: 0, any: 3 });
  assert.deepEqual(summary.componentsByType, { file: 1, library: 3 });
});

function readCycloneDxJson(path: string): Sbom {
  return sbomFromCycloneDxJson(JSON.parse(readFileSync(path, 'utf8')));
}

test('a primary component without bom-ref never takes a ref the document gives another component (issue 8 item 9)', async () => {
  const { readSbom } = await import('../read.js');
  const purl = 'pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=src';
  // As Red Hat writes them: bom-refs are purls, and the described component has none.
  const doc = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: { component: { type: 'operating-system', name: 'openssl', version: '3.0.7-27.el9', purl } },
    components: [
      { type: 'library', 'bom-ref': purl, name: 'openssl', version: '3.0.7-27.el9', purl },
      {
        type: 'library',
        'bom-ref': 'pkg:rpm/redhat/zlib@1.2.11',
        name: 'zlib',
        version: '1.2.11',
        purl: 'pkg:rpm/redhat/zlib@1.2.11',
      },
    ],
    dependencies: [{ ref: purl, dependsOn: ['pkg:rpm/redhat/zlib@1.2.11'] }],
  };
  const { sbom, issues } = readSbom(JSON.stringify(doc), 'openssl.cdx.json');
  assert.deepEqual(
    issues.filter((i) => i.code === 'duplicate-ref'),
    [],
  );
  assert.deepEqual(
    checkSbomSemantics(sbom).filter((i) => i.code === 'duplicate-ref'),
    [],
  );
  assert.notEqual(sbom.metadata.component!.ref, purl, 'the made-up ref steps aside');
  assert.equal(sbom.components[0].ref, purl, "the document's own ref is kept");
  assert.deepEqual(sbom.dependencies, [{ ref: purl, dependsOn: ['pkg:rpm/redhat/zlib@1.2.11'] }]);
  // A ref really written twice is still reported.
  const twice = { ...doc, components: [doc.components[0], { ...doc.components[1], 'bom-ref': purl }] };
  const read = readSbom(JSON.stringify(twice), 'twice.cdx.json');
  assert.equal(read.issues.filter((i) => i.code === 'duplicate-ref').length, 1);
  // Once: the reader named it at its place, so the semantic checks do not repeat it.
  assert.deepEqual(
    checkSbomSemantics(read.sbom, read.issues).filter((i) => i.code === 'duplicate-ref'),
    [],
  );
  assert.equal(checkSbomSemantics(read.sbom).filter((i) => i.code === 'duplicate-ref').length, 1);
});

test("the Go standard library's pkg:golang/stdlib purl is a warning, not an invalid SBOM; other namespaceless golang purls stay errors", () => {
  const s = emptySbom({ id: 'spdx-json', specVersion: '2.3' });
  s.components = [
    component('std', 'stdlib', '1.21', { purl: 'pkg:golang/stdlib@1.21' }),
    component('std-go', 'stdlib', 'go1.22.1', { purl: 'pkg:golang/stdlib@go1.22.1' }),
    component('local', 'testmod', '0.1.0', { purl: 'pkg:golang/testmod@0.1.0' }),
  ];
  const purlIssues = checkSbomSemantics(s)
    .filter((i) => i.code === 'invalid-purl')
    .map((i) => [i.component, i.severity]);
  assert.deepEqual(purlIssues, [
    ['std', 'warning'],
    ['std-go', 'warning'],
    ['local', 'error'],
  ]);
});

test('a file without version is no warning (SPDX files have no version field); a package without one is', () => {
  const s = emptySbom({ id: 'spdx-json', specVersion: '2.3' });
  s.components = [component('readme', './README.md', undefined, { type: 'file' }), component('lib', 'lib', undefined)];
  assert.deepEqual(
    checkSbomSemantics(s)
      .filter((i) => i.code === 'missing-version')
      .map((i) => i.component),
    ['lib'],
  );
});

test('a dangling dependency ref is reported once by validate: the error at its place, not also the reader warning', () => {
  const text = JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    components: [
      { type: 'library', 'bom-ref': 'a', name: 'a', version: '1' },
      { type: 'library', 'bom-ref': 'b', name: 'b', version: '1' },
    ],
    dependencies: [
      { ref: 'a', dependsOn: ['b', 'ghost'] },
      { ref: 'phantom', dependsOn: ['a'] },
    ],
  });
  const read = readSbom(text);
  // What import and inspect show: the reader's warnings.
  assert.deepEqual(
    read.issues.filter((i) => i.code === 'dangling-ref').map((i) => `${i.severity} ${i.field}`),
    ['warning dependencies[0]', 'warning dependencies[1]'],
  );
  const dangling = validationIssues(read.sbom, read.issues).filter((i) => i.code === 'dangling-ref');
  assert.deepEqual(
    dangling.map((i) => `${i.severity} ${i.field}`),
    ['error dependencies[0].dependsOn[1]', 'error dependencies[1].ref'],
  );
});
