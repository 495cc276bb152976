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

test('a licence text in CDATA or a comment that holds "<!DOCTYPE" is text, not a declaration', () => {
  // An HTML licence text pasted whole into <text>, as component licences sometimes carry it.
  const text = `<?xml version="1.0"?>
<!-- generated; no <!DOCTYPE here either -->
<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1"><components>
<component type="library"><name>site-kit</name><version>1.0</version>
<licenses><license><name>Custom</name><text content-type="text/html"><![CDATA[<!DOCTYPE html><html><body><!ENTITY not-one>Use freely.</body></html>]]></text></license></licenses>
</component></components></bom>`;
  const { sbom } = cyclonedxXml.decode({ text });
  assert.equal(sbom.components[0]!.name, 'site-kit');
  // A real declaration after such text is still refused, at its own line.
  const hidden = text.replace('</components></bom>', '</components>\n<!DOCTYPE x [ <!ENTITY e "e"> ]>\n</bom>');
  const e = refusal(hidden);
  assert.equal(e.message, REFUSAL);
  assert.equal(e.line, 7);
});
