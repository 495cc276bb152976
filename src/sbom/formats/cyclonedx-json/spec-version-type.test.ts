// A hand-made CycloneDX document with `"specVersion": 1.4` (a number) was refused as one "without a
// specVersion", and one with `"bomFormat": "cyclonedx"` did not say what it found: the refusal now
// names the value the document gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSbom } from '../../read.js';

const doc = (fields: Record<string, unknown>) =>
  JSON.stringify({ bomFormat: 'CycloneDX', ...fields, version: 1, components: [{ type: 'library', name: 'a' }] });

test('a specVersion that is a number is refused as such, with the string to write instead', () => {
  assert.throws(
    () => readSbom(doc({ specVersion: 1.4 })),
    /"specVersion" must be a string \(write "1\.4"\); this document gives 1\.4/,
  );
  assert.throws(() => readSbom(doc({ specVersion: null })), /"specVersion" must be a string; this document gives null/);
  // Absent is still absent, and a string version reads.
  assert.throws(() => readSbom(doc({})), /CycloneDX without a specVersion/);
  assert.equal(readSbom(doc({ specVersion: '1.4' })).specVersion, '1.4');
});

test('a bomFormat other than "CycloneDX" is named in the refusal', () => {
  assert.throws(() => readSbom(doc({ bomFormat: 'cyclonedx', specVersion: '1.5' })), /"bomFormat" is "cyclonedx"/);
});
