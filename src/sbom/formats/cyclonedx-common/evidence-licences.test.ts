// CycloneDX evidence licences (what cyclonedx-gomod detects in a module's files) are kept as the
// licences found in files, which an SPDX document writes as licenseInfoFromFiles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cyclonedxJson } from '../cyclonedx-json/index.js';
import { cyclonedxXml } from '../cyclonedx-xml/index.js';
import { spdxJson } from '../spdx-json/index.js';

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.3" version="1">
  <metadata><component type="application" bom-ref="svc"><name>example.org/svc</name><version>v1.0.0</version></component></metadata>
  <components>
    <component type="library" bom-ref="yaml">
      <name>example.org/yaml</name><version>v3.0.1</version>
      <evidence><licenses><license><id>Apache-2.0</id></license><license><id>MIT</id></license></licenses></evidence>
    </component>
  </components>
</bom>`;

const json = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  components: [
    {
      type: 'library',
      'bom-ref': 'yaml',
      name: 'example.org/yaml',
      version: 'v3.0.1',
      evidence: {
        licenses: [
          { license: { id: 'Apache-2.0' } },
          { license: { name: 'licence file: LICENSE' } },
          { expression: 'MIT' },
          { expression: 'GPL-2.0-only OR MIT' },
          { expression: '(BSD-3-Clause AND GPL-2.0-only WITH Classpath-exception-2.0)' },
          { expression: 'see the LICENSE file' },
        ],
      },
    },
  ],
};

const found = (props: { name: string; value: string }[]) =>
  props.filter((p) => p.name === 'spdx:licenseInfoFromFiles').map((p) => p.value);

test('evidence licences are kept from XML and JSON: each licence an id or an expression names', () => {
  const fromXml = cyclonedxXml.decode({ text: xml }).sbom.components[0]!;
  assert.deepEqual(found(fromXml.properties), ['Apache-2.0', 'MIT']);
  const fromJson = cyclonedxJson.decode({ text: JSON.stringify(json) }).sbom.components[0]!;
  // An expression found in a file gives its licences (an exception is not one); free text gives none.
  assert.deepEqual(found(fromJson.properties), ['Apache-2.0', 'MIT', 'GPL-2.0-only', 'BSD-3-Clause']);
  // Found in files is neither declared nor concluded.
  assert.deepEqual(fromJson.licenses, {});
});

test('converted to SPDX 2.3, the evidence licences are the package licenseInfoFromFiles', () => {
  const { sbom } = cyclonedxXml.decode({ text: xml });
  const doc = JSON.parse(spdxJson.encode!(sbom, '2.3').text) as {
    packages: { name: string; licenseInfoFromFiles?: string[] }[];
  };
  const yaml = doc.packages.find((p) => p.name === 'example.org/yaml')!;
  assert.deepEqual(yaml.licenseInfoFromFiles, ['Apache-2.0', 'MIT']);
});
