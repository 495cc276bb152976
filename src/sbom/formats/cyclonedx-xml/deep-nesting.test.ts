// fast-xml-parser refuses more than 100 nested tags by default and said so as a plain Error, so a
// component tree some fifty levels deep ended in "internal error: Maximum nested tags exceeded" (exit 3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSbom } from '../../read.js';
import { UnreadableDocumentError } from '../../format.js';
import type { Component } from '../../../model/index.js';

function nested(levels: number): string {
  let open = '';
  for (let i = 0; i < levels; i++)
    open += `<component type="library"><name>n${i}</name><version>1</version><components>`;
  return (
    '<?xml version="1.0"?>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1"><components>' +
    open +
    '</components></component>'.repeat(levels) +
    '</components></bom>\n'
  );
}

test('a component tree 80 levels deep is read whole', () => {
  const { sbom } = readSbom(nested(80));
  let depth = 0;
  for (let c: Component | undefined = sbom.components[0]; c; c = c.components?.[0]) depth++;
  assert.equal(depth, 80);
});

test('nesting past the limit is an unreadable document that says so, not an internal error', () => {
  assert.throws(
    () => readSbom(nested(1500), 'deep.xml'),
    (err: unknown) =>
      err instanceof UnreadableDocumentError && /deep\.xml nests XML elements more than \d+ deep/.test(err.message),
  );
});
