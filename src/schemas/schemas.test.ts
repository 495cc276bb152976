import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpus, needsCorpora } from '../../test/support/corpora.js';
import { validateJsonSchema, validateXmlSchema } from './index.js';

const read = (p: string) => readFileSync(corpus(p), 'utf8');

test('CycloneDX JSON conformance: valid files pass, invalid ones fail, per spec version', needsCorpora, () => {
  for (const v of ['1.4', '1.6', '1.7']) {
    const ok = validateJsonSchema(
      'cyclonedx-json',
      v,
      JSON.parse(read(`sboms/cyclonedx/conformance/${v}/valid-bom-${v}.json`)),
    );
    assert.deepEqual(ok, [], `valid-bom-${v}.json`);
    const bad = validateJsonSchema(
      'cyclonedx-json',
      v,
      JSON.parse(read(`sboms/cyclonedx/conformance/${v}/invalid-component-type-${v}.json`)),
    );
    assert.ok(bad && bad.length > 0, `invalid-component-type-${v}.json must be rejected`);
  }
});

test('SPDX 2.3 JSON schema accepts the spec example and rejects a broken copy', needsCorpora, () => {
  const doc = JSON.parse(read('sboms/spdx/spec-examples/v2.3/SPDXJSONExample-v2.3.spdx.json'));
  assert.deepEqual(validateJsonSchema('spdx-json', '2.3', doc), []);
  delete doc.SPDXID;
  const bad = validateJsonSchema('spdx-json', '2.3', doc) ?? [];
  assert.ok(bad.some((v) => v.message.includes('SPDXID')));
});

test('unknown format or version has no schema', () => {
  assert.equal(validateJsonSchema('cyclonedx-json', '9.9', {}), undefined);
});

test('CycloneDX XML: XSD validation with the shipped SPDX import, good and bad', needsCorpora, async () => {
  const ok = await validateXmlSchema('cyclonedx-xml', '1.6', read('sboms/cyclonedx/conformance/1.6/valid-bom-1.6.xml'));
  assert.deepEqual(ok, []);
  const bad = await validateXmlSchema(
    'cyclonedx-xml',
    '1.6',
    read('sboms/cyclonedx/conformance/1.6/invalid-component-type-1.6.xml'),
  );
  assert.ok(bad && bad.length > 0 && bad[0].line !== undefined);
});
