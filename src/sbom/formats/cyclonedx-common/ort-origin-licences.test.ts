// ORT's CycloneDX reports put a package's declared, concluded and scanner-detected licences in one
// `licenses` array and say which is which with an `ort:origin` property on each entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cyclonedxJson } from '../cyclonedx-json/index.js';

const entry = (id: string, origin: string) => ({
  license: { id, properties: [{ name: 'ort:origin', value: origin }] },
});

const report = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  metadata: { tools: { components: [{ type: 'application', name: 'OSS Review Toolkit', version: '60.0.0' }] } },
  components: [
    {
      type: 'library',
      'bom-ref': 'Maven:org.example:parser:2.1',
      name: 'parser',
      group: 'org.example',
      version: '2.1',
      purl: 'pkg:maven/org.example/parser@2.1',
      licenses: [
        entry('Apache-2.0', 'concluded license'),
        entry('MIT', 'declared license'),
        entry('BSD-3-Clause', 'detected license'),
        entry('MIT', 'detected license'),
      ],
    },
    {
      // acknowledgement, when given, is what counts.
      type: 'library',
      'bom-ref': 'Maven:org.example:lexer:1.0',
      name: 'lexer',
      version: '1.0',
      licenses: [
        {
          license: {
            id: 'ISC',
            acknowledgement: 'declared',
            properties: [{ name: 'ort:origin', value: 'detected license' }],
          },
        },
      ],
    },
  ],
};

test("ORT's ort:origin says whether a licence entry is declared, concluded or found by the scanner", () => {
  const { sbom } = cyclonedxJson.decode({ text: JSON.stringify(report) });
  const [parser, lexer] = sbom.components;
  assert.equal(parser?.licenses.declared?.expression, 'MIT');
  assert.equal(parser?.licenses.concluded?.expression, 'Apache-2.0');
  // What the scanner detected is what the files hold, not a licence the package declares.
  assert.deepEqual(
    parser?.properties.filter((p) => p.name === 'spdx:licenseInfoFromFiles').map((p) => p.value),
    ['BSD-3-Clause', 'MIT'],
  );
  assert.equal(lexer?.licenses.declared?.expression, 'ISC');
});
