import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './pom-extractor.js';

// Version ranges in a POM: Maven picks the version from the repository when it builds, except for
// the one-version range `[x]`. Written for this test.
const POM = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>app</artifactId>
  <version>1.0.0</version>
  <properties><native.range>[5.13.0,6.0)</native.range></properties>
  <dependencies>
    <dependency><groupId>org.example</groupId><artifactId>native</artifactId><version>\${native.range}</version></dependency>
    <dependency><groupId>org.example</groupId><artifactId>open-ended</artifactId><version>[1.5,)</version></dependency>
    <dependency><groupId>org.example</groupId><artifactId>pinned</artifactId><version>[1.2]</version></dependency>
  </dependencies>
</project>
`;

test('pom.xml: a version range is unresolved, never a version; [x] is exactly x', () => {
  const inv = extract({ path: 'pom.xml', text: POM });
  const byName = Object.fromEntries(inv.components.map((c) => [c.name, c]));
  assert.equal(byName.pinned?.purl, 'pkg:maven/org.example/pinned@1.2');
  for (const name of ['native', 'open-ended']) {
    assert.equal(byName[name]?.version, undefined, name);
    assert.equal(byName[name]?.purl, undefined, name);
  }
  const messages = inv.issues.filter((i) => i.code === 'maven-unresolved-version').map((i) => i.message);
  assert.equal(messages.length, 2);
  assert.match(messages[0]!, /org\.example:native has no resolved version: \[5\.13\.0,6\.0\) is a version range/);
});
