// Untrusted XML: entity expansion (billion laughs) and external entities (XXE) are refused outright.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UnreadableDocumentError } from '../../format.js';
import { cyclonedxXml } from './index.js';

const REFUSAL =
  'XML DOCTYPE and entity declarations are not accepted (entity expansion and external entities are unsafe)';

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE bom [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">
  <components><component type="library"><name>&lol3;</name></component></components>
</bom>`;

const xxe = `<?xml version="1.0"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">
<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
  <components><component type="library"><name>&xxe;</name></component></components>
</bom>`;

function refusal(text: string): UnreadableDocumentError {
  try {
    cyclonedxXml.decode({ text });
  } catch (e) {
    assert.ok(e instanceof UnreadableDocumentError);
    return e;
  }
  assert.fail('the document was accepted');
}

test('a billion-laughs document is refused at its DOCTYPE line', () => {
  const e = refusal(billionLaughs);
  assert.equal(e.message, REFUSAL);
  assert.equal(e.line, 2);
});

test('an external-entity (XXE) document is refused at its DOCTYPE line', () => {
  const e = refusal(xxe);
  assert.equal(e.message, REFUSAL);
  assert.equal(e.line, 3);
});

test('predefined entities and character references still read as text', () => {
  const text = `<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1"><components>
<component type="library" bom-ref="a&amp;b"><name>Tom &amp; Jerry &#233;&#x4E2D; &lt;x&gt;</name></component>
</components></bom>`;
  const { sbom } = cyclonedxXml.decode({ text });
  assert.equal(sbom.components[0]!.name, 'Tom & Jerry é中 <x>');
  assert.equal(sbom.components[0]!.ref, 'a&b');
});

test('malformed XML is unreadable with the line of the fault', () => {
  const text = `<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">\n<components>\n<component type="library"><name>x</nam></component>\n</components></bom>`;
  assert.throws(
    () => cyclonedxXml.decode({ text }),
    (e: unknown) => e instanceof UnreadableDocumentError && e.line === 3,
  );
});
