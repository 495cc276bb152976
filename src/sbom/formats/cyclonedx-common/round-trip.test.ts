// Real SBOMs read, written as CycloneDX 1.6 and 1.7 in JSON and XML, checked against the official
// schemas, and read again: identity, hashes, every licence role and the dependency graph survive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { corpus, corpusFiles, needsCorpora } from '../../../../test/support/corpora.js';
import type { Sbom } from '../../../model/index.js';
import { validateJsonSchema } from '../../../schemas/index.js';
import { allComponents } from '../../graph.js';
import { cyclonedxJson } from '../cyclonedx-json/index.js';
import { cyclonedxXml } from '../cyclonedx-xml/index.js';
import { validateXmlBatch, type XmlDocument } from './xsd-batch.test.js';

const ROOT = corpus('sboms/cyclonedx/bom-examples/SBOM');
const sources = corpusFiles('sboms/cyclonedx/bom-examples/SBOM', (p) => p.endsWith('.json') || p.endsWith('.xml'));
const FIXED = { serialNumber: 'urn:uuid:00000000-0000-4000-8000-000000000000', timestamp: '2025-01-01T00:00:00Z' };

/** What must survive, in a form assert.deepEqual compares (sorted where order carries no meaning). */
function essence(sbom: Sbom) {
  const components = allComponents(sbom, true).map((c) => ({
    ref: c.ref,
    name: c.name,
    version: c.version,
    purl: c.purl,
    hashes: c.hashes.map((h) => `${h.alg}:${h.content}`).sort(),
    declared: c.licenses.declared?.expression ?? c.licenses.declared?.raw,
    concluded: c.licenses.concluded?.expression ?? c.licenses.concluded?.raw,
    effective: c.licenses.effective?.expression ?? c.licenses.effective?.raw,
  }));
  const edges = new Set<string>();
  for (const d of sbom.dependencies) for (const t of d.dependsOn) edges.add(`${d.ref} -> ${t}`);
  return { components, edges: [...edges].sort() };
}

test('real SBOMs round-trip through CycloneDX 1.6 and 1.7, JSON and XML, schema-valid', needsCorpora, async () => {
  assert.ok(sources.length >= 20, `found ${sources.length} SBOMs`);
  const xmlOut: Record<string, XmlDocument[]> = { '1.6': [], '1.7': [] };
  const failures: string[] = [];
  let checked = 0;
  for (const file of sources) {
    const name = relative(ROOT, file);
    const format = file.endsWith('.json') ? cyclonedxJson : cyclonedxXml;
    const original = format.decode({ text: readFileSync(file, 'utf8'), name }).sbom;
    // Give one component every role, so that the 1.6 single-expression rule is exercised on real data.
    const first = original.components.find((c) => c.licenses.declared);
    if (first) {
      first.licenses.concluded = {
        raw: 'MIT OR Apache-2.0',
        expression: 'MIT OR Apache-2.0',
        entries: [{ expression: 'MIT OR Apache-2.0' }],
      };
      first.licenses.effective = { raw: 'MIT', expression: 'MIT', entries: [{ expression: 'MIT' }] };
    }
    const expected = essence(original);
    for (const version of ['1.6', '1.7'] as const) {
      for (const target of [cyclonedxJson, cyclonedxXml]) {
        const label = `${name} → ${target.id} ${version}`;
        const encoded = target.encode!(original, version, FIXED);
        assert.equal(target.encode!(original, version, FIXED).text, encoded.text, `${label}: not deterministic`);
        if (target === cyclonedxJson) {
          const violations = validateJsonSchema('cyclonedx-json', version, JSON.parse(encoded.text));
          if (violations?.length) failures.push(`${label}: ${JSON.stringify(violations.slice(0, 3))}`);
        } else {
          xmlOut[version]!.push({ name: label, text: encoded.text });
        }
        const again = target.decode({ text: encoded.text, name: label });
        try {
          assert.deepEqual(essence(again.sbom), expected);
          checked++;
        } catch (e) {
          failures.push(`${label}: ${(e as Error).message.slice(0, 600)}`);
        }
      }
    }
  }
  for (const version of ['1.6', '1.7']) {
    const violations = await validateXmlBatch(version, xmlOut[version]!);
    for (const [label, messages] of violations) failures.push(`${label}: ${messages.slice(0, 3).join(' | ')}`);
  }
  assert.deepEqual(failures, []);
  assert.equal(checked, sources.length * 4);
});

test('CycloneDX 1.6 keeps a second expression role as a property and says so', needsCorpora, () => {
  const text = readFileSync(corpus('sboms/cyclonedx/conformance/1.6/valid-license-expression-1.6.xml'), 'utf8');
  const { sbom } = cyclonedxXml.decode({ text });
  const c = sbom.components[0]!;
  assert.equal(c.licenses.declared?.expression, 'EPL-2.0 OR GPL-2.0 WITH Classpath-exception-2.0');
  c.licenses.concluded = { raw: 'EPL-2.0', expression: 'EPL-2.0', entries: [{ expression: 'EPL-2.0' }] };
  const v16 = cyclonedxJson.encode!(sbom, '1.6');
  const doc16 = JSON.parse(v16.text) as { components: { licenses: unknown[]; properties: unknown[] }[] };
  assert.equal(doc16.components[0]!.licenses.length, 1);
  assert.deepEqual(doc16.components[0]!.properties, [{ name: 'vigie:license:concluded', value: 'EPL-2.0' }]);
  assert.ok(v16.issues.some((i) => i.code === 'lossy-encode' && i.component === c.ref));
  // 1.7 lists both expressions, each with its acknowledgement, and needs no property.
  const v17 = cyclonedxJson.encode!(sbom, '1.7');
  const doc17 = JSON.parse(v17.text) as { components: { licenses: unknown[]; properties?: unknown[] }[] };
  assert.deepEqual(doc17.components[0]!.licenses, [
    {
      expression: 'EPL-2.0 OR GPL-2.0 WITH Classpath-exception-2.0',
      acknowledgement: 'declared',
      'bom-ref': 'my-license',
    },
    { expression: 'EPL-2.0', acknowledgement: 'concluded' },
  ]);
  assert.equal(doc17.components[0]!.properties, undefined);
  assert.deepEqual(v17.issues, []);
});
