// SPDX writers put NOASSERTION in every licence field they know nothing of; CycloneDX says the same
// by writing no licence. Converted, it must not become a licence named "NOASSERTION".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spdxJson } from '../spdx-json/index.js';
import { cyclonedxJson } from '../cyclonedx-json/index.js';
import { cyclonedxXml } from '../cyclonedx-xml/index.js';

const pkg = (id: string, name: string, declared: string) => ({
  SPDXID: id,
  name,
  versionInfo: '1.0.0',
  downloadLocation: 'NOASSERTION',
  filesAnalyzed: false,
  licenseConcluded: 'NOASSERTION',
  licenseDeclared: declared,
  copyrightText: 'NOASSERTION',
});

const toolbox = {
  spdxVersion: 'SPDX-2.3',
  dataLicense: 'CC0-1.0',
  SPDXID: 'SPDXRef-DOCUMENT',
  name: 'toolbox',
  documentNamespace: 'https://example.org/spdx/toolbox-1',
  creationInfo: { created: '2024-05-01T00:00:00Z', creators: ['Tool: hand-written'] },
  packages: [pkg('SPDXRef-zlib', 'zlib', 'Zlib AND MIT'), pkg('SPDXRef-mystery', 'mystery', 'NOASSERTION')],
};

test('NOASSERTION licences are written as no licence in CycloneDX, without lossy warnings', () => {
  const { sbom } = spdxJson.decode({ text: JSON.stringify(toolbox), name: 'toolbox.spdx.json' });
  for (const version of ['1.6', '1.7']) {
    const json = cyclonedxJson.encode!(sbom, version);
    const doc = JSON.parse(json.text) as {
      components: { name: string; licenses?: unknown[]; properties?: unknown[] }[];
    };
    const byName = new Map(doc.components.map((c) => [c.name, c]));
    assert.deepEqual(byName.get('zlib')!.licenses, [{ expression: 'Zlib AND MIT' }], version);
    assert.equal(byName.get('zlib')!.properties, undefined, version);
    assert.equal(byName.get('mystery')!.licenses, undefined, version);
    assert.deepEqual(
      json.issues.filter((i) => i.code === 'lossy-encode' && i.field === 'licenses'),
      [],
    );
    const xml = cyclonedxXml.encode!(sbom, version);
    assert.doesNotMatch(xml.text, /NOASSERTION/, version);
  }
});
