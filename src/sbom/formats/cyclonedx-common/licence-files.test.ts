// cyclonedx-py (PEP 639) writes each licence file a Python package ships as a named licence holding
// the file's text, beside the package's licence id or expression.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cyclonedxJson } from '../cyclonedx-json/index.js';

const file = (path: string, content: string) => ({
  license: {
    acknowledgement: 'declared',
    name: `declared license file: ${path}`,
    text: { content, contentType: 'text/plain' },
  },
});

const bom = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  components: [
    {
      type: 'library',
      'bom-ref': 'certifi==2024.2.2',
      name: 'certifi',
      version: '2024.2.2',
      licenses: [
        { license: { acknowledgement: 'declared', id: 'MPL-2.0' } },
        file('LICENSE', 'This package contains a modified version of ca-bundle.crt ...'),
        file('NOTICE', 'Certificates are under the MPL 2.0.'),
      ],
    },
    {
      // Only files: they are all the document says of its licence.
      type: 'library',
      'bom-ref': 'legacy==1.0',
      name: 'legacy',
      version: '1.0',
      licenses: [file('COPYING', 'Permission is granted ...')],
    },
    {
      // A named licence that is not a file still counts.
      type: 'library',
      'bom-ref': 'mixed==2.0',
      name: 'mixed',
      version: '2.0',
      licenses: [{ license: { id: 'MIT' } }, { license: { name: 'Vendor Licence 1.1' } }],
    },
  ],
};

test('a licence file beside the licence id is its text, not a second licence', () => {
  const { sbom } = cyclonedxJson.decode({ text: JSON.stringify(bom) });
  const [certifi, legacy, mixed] = sbom.components;
  assert.equal(certifi?.licenses.declared?.expression, 'MPL-2.0');
  assert.equal(certifi?.licenses.declared?.raw, 'MPL-2.0');
  // The files are still there, for a CycloneDX document written back.
  assert.deepEqual(
    certifi?.licenses.declared?.entries.map((e) => e.id ?? e.name),
    ['MPL-2.0', 'declared license file: LICENSE', 'declared license file: NOTICE'],
  );
  assert.equal(legacy?.licenses.declared?.expression, undefined);
  assert.equal(legacy?.licenses.declared?.raw, 'declared license file: COPYING');
  assert.equal(mixed?.licenses.declared?.raw, 'MIT AND Vendor Licence 1.1');

  // Written back as CycloneDX and read again: the same statement, files included.
  const again = cyclonedxJson.decode({ text: cyclonedxJson.encode!(sbom, '1.6', {}).text }).sbom;
  assert.deepEqual(again.components[0]?.licenses.declared, certifi?.licenses.declared);
});
