// A CycloneDX licence expression that is not well-formed ("MIT OR") passed `sbom validate` without a
// word (the schema takes any string) while the SPDX readers warn about the same field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSbom } from '../../read.js';

const bom = (expressions: string[]) =>
  JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    components: expressions.map((expression, i) => ({
      type: 'library',
      name: `c${i}`,
      version: '1',
      'bom-ref': `c${i}`,
      licenses: [{ expression }],
    })),
  });

test('a malformed licence expression is a warning at its place; the expression is kept', () => {
  const { sbom, issues } = readSbom(bom(['MIT OR', 'Apache-2.0 AND (MIT']));
  const found = issues.filter((i) => i.code === 'invalid-license-expression');
  assert.deepEqual(
    found.map((i) => [i.component, i.field, i.severity]),
    [
      ['c0', 'components[0].licenses[0].expression', 'warning'],
      ['c1', 'components[1].licenses[0].expression', 'warning'],
    ],
  );
  assert.equal(sbom.components[0]?.licenses.declared?.entries[0]?.expression, 'MIT OR');
});

test('well-formed expressions, whatever their case or exceptions, say nothing', () => {
  const { issues } = readSbom(
    bom(['(MIT or Apache-2.0) AND BSD-3-Clause', 'GPL-2.0-or-later WITH Classpath-exception-2.0', 'LicenseRef-x+']),
  );
  assert.deepEqual(
    issues.filter((i) => i.code === 'invalid-license-expression'),
    [],
  );
});
