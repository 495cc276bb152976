// CycloneDX XML allows elements of other namespaces almost anywhere (xs:any ##other). They are not
// CycloneDX: a vendor's <x:name> must not become the component's name, nor <x:component> a component.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSbom } from '../../read.js';
import { allComponents } from '../../graph.js';

const NS = 'http://cyclonedx.org/schema/bom/1.5';

test('elements of other namespaces are left out with everything they hold, wherever they are', () => {
  const { sbom } = readSbom(`<?xml version="1.0" encoding="UTF-8"?>
<bom xmlns="${NS}" xmlns:x="https://vendor.example/ext" version="1">
  <components>
    <component type="library" bom-ref="a">
      <x:name>vendor-internal-name</x:name>
      <name>left-pad</name>
      <version>1.3.0</version>
      <x:version>999</x:version>
      <licenses><license><id>MIT</id></license><x:license><x:id>GPL-3.0-only</x:id></x:license></licenses>
    </component>
    <x:component type="library"><x:name>ghost</x:name><x:version>0.0.1</x:version></x:component>
    <component type="library" bom-ref="b" xmlns="https://another.example/">
      <name>rebound-default-namespace</name><version>1</version>
    </component>
    <component type="library" bom-ref="c">
      <name>c</name><version>2</version>
      <x:wrapper><component type="library" xmlns="${NS}"><name>inside-foreign</name><version>3</version></component></x:wrapper>
    </component>
  </components>
</bom>
`);
  const read = allComponents(sbom).map(
    (c) =>
      `${c.name}@${c.version}:${Object.values(c.licenses)
        .map((l) => l!.raw)
        .join('|')}`,
  );
  assert.deepEqual(read, ['left-pad@1.3.0:MIT', 'c@2:']);
});

test('a prefixed CycloneDX root and CycloneDX extension namespaces are read as before', () => {
  const { sbom } = readSbom(`<?xml version="1.0"?>
<cdx:bom xmlns:cdx="http://cyclonedx.org/schema/bom/1.1" xmlns:dg="http://cyclonedx.org/schema/ext/dependency-graph/1.0" version="1">
  <cdx:components>
    <cdx:component type="library" bom-ref="a"><cdx:name>a</cdx:name><cdx:version>1</cdx:version></cdx:component>
    <cdx:component type="library" bom-ref="b"><cdx:name>b</cdx:name><cdx:version>2</cdx:version></cdx:component>
  </cdx:components>
  <dg:dependencies>
    <dg:dependency ref="a"><dg:dependency ref="b"/></dg:dependency>
  </dg:dependencies>
</cdx:bom>
`);
  assert.deepEqual(
    sbom.components.map((c) => `${c.name}@${c.version}`),
    ['a@1', 'b@2'],
  );
  assert.deepEqual(sbom.dependencies.find((d) => d.ref === 'a')?.dependsOn, ['b']);
});
