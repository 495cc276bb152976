import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, corpus, needsCorpora } from '../../../../test/support/corpora.js';
import { UnreadableDocumentError } from '../../format.js';
import { ortResult } from '../ort/index.js';
import { kissbom } from './index.js';
import { readSbom } from '../../read.js';
import { parseCsv } from './csv.js';

const fixture = (name: string) => readFileSync(join(REPO_ROOT, 'test/fixtures/kissbom', name), 'utf8');
const decode = (name: string) => kissbom.decode({ text: fixture(name), name });

test('JSON, YAML and CSV fixtures are identified by serialisation and decode to the same packages', () => {
  const expected = { json: 'web-shop.kissbom.json', yaml: 'web-shop.kissbom.yml', csv: 'web-shop.kissbom.csv' };
  for (const [serialisation, name] of Object.entries(expected)) {
    assert.deepEqual(
      kissbom.identify(fixture(name)),
      { format: 'kissbom', specVersion: serialisation, supported: true },
      name,
    );
  }
  const json = decode('web-shop.kissbom.json');
  const yaml = decode('web-shop.kissbom.yml');
  assert.deepEqual(yaml.sbom.components, json.sbom.components);
  assert.deepEqual(json.issues, []);
  const csv = decode('web-shop.kissbom.csv');
  assert.deepEqual(csv.issues, []);
  assert.equal(csv.sbom.source.specVersion, 'csv');
  assert.deepEqual(
    csv.sbom.components.map((c) => c.purl),
    json.sbom.components.map((c) => c.purl),
  );
  assert.equal(csv.sbom.components.length, 5);
});

test('attributes map onto the model: purl parts, declared licence, copyright, notes', () => {
  const { sbom } = decode('web-shop.kissbom.csv');
  const [product, express, babel, h2, requests] = sbom.components;
  // Canonical purl spelling: the qualifier value is percent-encoded.
  assert.equal(
    decodeURIComponent(product.purl ?? ''),
    'pkg:generic/acme/web-shop@2.1.0?download_url=https://acme.example/web-shop-2.1.0.tgz',
  );
  assert.equal(product.copyright, 'Acme Corp.');
  assert.deepEqual(product.properties, [{ name: 'kissbom:notes', value: 'our own product' }]);
  assert.equal(express.name, 'express');
  assert.equal(express.version, '4.18.2');
  assert.equal(express.copyright, 'TJ Holowaychuk, Douglas Christopher Wilson');
  assert.equal(express.licenses.declared?.expression, 'MIT');
  assert.equal(babel.group, '@babel');
  assert.equal(babel.name, 'runtime');
  assert.equal(h2.group, 'com.h2database');
  assert.equal(h2.licenses.declared?.expression, 'MPL-2.0 OR EPL-1.0');
  // Not shaped like an SPDX expression: kept as found, for curation.
  assert.equal(requests.licenses.declared?.raw, 'Apache License 2.0');
  assert.equal(requests.licenses.declared?.expression, undefined);
  assert.equal(requests.properties[0]?.value, 'said "Apache" on PyPI;\r\nsee its LICENSE');
});

test('encode then decode gives the same packages in every serialisation', () => {
  const original = decode('web-shop.kissbom.csv').sbom;
  for (const serialisation of kissbom.encodes) {
    const { text, issues } = kissbom.encode!(original, serialisation);
    assert.deepEqual(
      issues.filter((i) => i.severity !== 'info'),
      [],
      serialisation,
    );
    assert.equal(kissbom.identify(text)?.specVersion, serialisation);
    const again = kissbom.decode({ text }).sbom;
    const strip = (cs: typeof original.components) =>
      cs.map((c) => ({
        purl: c.purl,
        copyright: c.copyright,
        properties: c.properties,
        expression: c.licenses.declared?.expression,
      }));
    assert.deepEqual(strip(again.components), strip(original.components), serialisation);
  }
  const written = JSON.parse(kissbom.encode!(original, 'json').text) as { packages: Record<string, string>[] };
  assert.deepEqual(Object.keys(written.packages[0]), ['purl', 'license', 'copyright', 'notes']);
  assert.deepEqual(written.packages[2], { purl: 'pkg:npm/%40babel/runtime@7.23.2', license: 'MIT' });
  assert.equal(
    written.packages[4].license,
    'Apache License 2.0',
    'a licence that is not an SPDX expression is written as found',
  );
});

test('an ORT result exports to a KISSBOM with concluded licences and says what is lost', needsCorpora, () => {
  const ort = ortResult.decode({
    text: readFileSync(corpus('ort/results/analyzer-result-with-dependency-graph.yml'), 'utf8'),
  });
  const { text, issues } = kissbom.encode!(ort.sbom, 'json');
  const packages = (JSON.parse(text) as { packages: { purl: string; license?: string }[] }).packages;
  assert.deepEqual(
    packages.map((p) => p.purl),
    [
      'pkg:maven/junit/junit@4.12',
      'pkg:maven/org.hamcrest/hamcrest-core@1.3',
      'pkg:maven/org.mockito/mockito-all@1.10.19',
    ],
  );
  assert.equal(packages[0].license, 'EPL-1.0');
  assert.deepEqual(
    issues.map((i) => i.code),
    ['lossy-encode', 'lossy-encode'],
  );
  assert.match(issues[0].message, /1 component\(s\) without purl/);
});

test('problems: unreadable documents throw with a line, bad entries become Issues', () => {
  assert.throws(
    () => decode('broken.kissbom.csv'),
    (e: unknown) => e instanceof UnreadableDocumentError && e.line === 3 && /never closed/.test(e.message),
  );
  assert.throws(() => kissbom.decode({ text: '{"components": []}' }), /no top-level "packages"/);
  assert.throws(
    () => kissbom.decode({ text: 'packages:\n- purl: [x\n' }),
    (e: unknown) => e instanceof UnreadableDocumentError && e.line !== undefined,
  );
  const { sbom, issues } = kissbom.decode({
    text: 'purl,license\nnot-a-purl,MIT\n,MIT\npkg:npm/a@1,\npkg:npm/a@1,MIT\n',
  });
  assert.deepEqual(
    issues.map((i) => [i.code, i.line]),
    [
      ['invalid-purl', 2],
      ['missing-purl', 3],
      ['duplicate-ref', 5],
    ],
  );
  assert.equal(sbom.components.length, 2);
});

test('identify leaves other documents alone', needsCorpora, () => {
  for (const other of [
    'ort/results/ort-analyzer-result.yml',
    'lockfiles/ort-synthetic/node/npm/project-with-lockfile-expected-output.yml',
    'sboms/spdx/spec-examples/v2.3/SPDXJSONExample-v2.3.spdx.json',
  ]) {
    assert.equal(kissbom.identify(readFileSync(corpus(other), 'utf8').slice(0, 65536)), undefined, other);
  }
  assert.equal(kissbom.identify('name,version\nexpress,4\n'), undefined);
});

test('CSV reader keeps quoted separators, doubled quotes and line breaks', () => {
  assert.deepEqual(parseCsv('a,"b,c","d""e"\n"f\ng",h\n'), [
    { fields: ['a', 'b,c', 'd"e'], line: 1 },
    { fields: ['f\ng', 'h'], line: 2 },
  ]);
});

test('wrong JSON types are errors at their path, never coerced; YAML numbers keep their text', () => {
  const json = JSON.stringify({
    packages: [['pkg:npm/a@1.0.0'], { purl: 'pkg:npm/b@2.0.0', copyright: 2024, license: 'MIT' }],
  });
  const { sbom, issues } = kissbom.decode({ text: json });
  assert.deepEqual(
    sbom.components.map((c) => c.ref),
    ['pkg:npm/b@2.0.0'],
  );
  assert.equal(sbom.components[0]!.copyright, undefined);
  assert.deepEqual(
    issues.filter((i) => i.code === 'invalid-type').map((i) => [i.severity, i.field]),
    [
      ['error', 'packages[0]'],
      ['error', 'packages[1].copyright'],
    ],
  );
  const yaml = 'packages:\n  - purl: pkg:npm/b@2.0.0\n    copyright: 2024\n    notes: 1.10\n';
  const fromYaml = kissbom.decode({ text: yaml });
  assert.equal(fromYaml.sbom.components[0]!.copyright, '2024');
  assert.ok(fromYaml.sbom.components[0]!.properties.some((p) => p.value === '1.10'));
  assert.equal(fromYaml.issues.filter((i) => i.code === 'invalid-type').length, 0);
});

test('a described product also listed as a component is written once (issue 8 item 9: no duplicate on reading back)', () => {
  const purl = 'pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=src';
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
  };
  const { sbom } = readSbom(JSON.stringify(doc), 'openssl.cdx.json');
  for (const serialisation of kissbom.encodes) {
    const { text } = kissbom.encode!(sbom, serialisation);
    const again = kissbom.decode({ text });
    assert.deepEqual(again.issues, [], serialisation);
    assert.equal(again.sbom.components.length, 2, serialisation);
  }
});
