import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bomLicense } from './bom-license.js';

test('the BOM shows the settled licence, else the curated expression, else the declared string', () => {
  assert.deepEqual(bomLicense({ effective: 'MIT', expression: 'MIT OR Apache-2.0' }, 'MIT/Apache'), {
    license: 'MIT',
    basis: 'effective',
  });
  assert.deepEqual(bomLicense({ effective: null, expression: 'MIT OR Apache-2.0' }, 'MIT/Apache'), {
    license: 'MIT OR Apache-2.0',
    basis: 'expression',
  });
  assert.deepEqual(bomLicense({ effective: null, expression: null }, 'MIT/Apache'), {
    license: 'MIT/Apache',
    basis: 'declared',
  });
  assert.deepEqual(bomLicense(undefined, 'GPL'), { license: 'GPL', basis: 'declared' });
  assert.deepEqual(bomLicense(undefined, '  '), { license: null, basis: 'none' });
  assert.deepEqual(bomLicense(undefined, null), { license: null, basis: 'none' });
});
