// Validates many XML documents against one CycloneDX XSD in a single libxml2 run: starting the wasm
// module and compiling the XSD costs about a second, so one run per document would not fit the
// test time budget. Same set-up as src/schemas/xml-schema.ts, batched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateXML } from 'xmllint-wasm';
import { schemaText } from '../../../schemas/files.js';

export interface XmlDocument {
  name: string;
  text: string;
}

/** Schema violations per document name (documents without any are absent). */
export async function validateXmlBatch(
  specVersion: string,
  docs: XmlDocument[],
  xsdText = schemaText(`cyclonedx/bom-${specVersion}.xsd`),
): Promise<Map<string, string[]>> {
  const xsd = xsdText.replace(/schemaLocation="http:\/\/cyclonedx\.org\/schema\/spdx"/, 'schemaLocation="spdx.xsd"');
  const result = await validateXML({
    xml: docs.map((d, i) => ({ fileName: `doc${i}.xml`, contents: d.text })),
    schema: [{ fileName: `bom-${specVersion}.xsd`, contents: xsd }],
    preload: [{ fileName: 'spdx.xsd', contents: schemaText('cyclonedx/spdx.xsd') }],
    initialMemoryPages: 256,
    maxMemoryPages: 32768,
  });
  const out = new Map<string, string[]>();
  for (const e of result.errors) {
    const index = Number(/^doc(\d+)\.xml$/.exec(e.loc?.fileName ?? '')?.[1]);
    const name = Number.isInteger(index) ? docs[index]!.name : '(unknown)';
    const list = out.get(name) ?? [];
    list.push(`${e.loc ? `line ${e.loc.lineNumber}: ` : ''}${e.message.trim()}`);
    out.set(name, list);
  }
  return out;
}

test('batched XSD validation tells a valid document from an invalid one', async () => {
  const ns = 'http://cyclonedx.org/schema/bom/1.6';
  const good = `<bom xmlns="${ns}" version="1"><components><component type="library"><name>a</name></component></components></bom>`;
  const bad = `<bom xmlns="${ns}" version="1"><components><component type="nonsense"><name>a</name></component></components></bom>`;
  const result = await validateXmlBatch('1.6', [
    { name: 'good', text: good },
    { name: 'bad', text: bad },
  ]);
  assert.equal(result.has('good'), false);
  assert.ok(result.get('bad')?.length);
});
