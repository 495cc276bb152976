import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance, nearestLicenseIds } from './nearest.js';

test('edit distance counts a swap of neighbours as one edit', () => {
  assert.equal(editDistance('mti', 'mit'), 1);
  assert.equal(editDistance('apache-2', 'apache-2.0'), 2);
  assert.equal(editDistance('mit', 'mit'), 0);
});

test('nearest licence ids: a typo away, none for far-off strings', () => {
  assert.deepEqual(nearestLicenseIds('MTI').slice(0, 1), ['MIT']);
  assert.equal(nearestLicenseIds('bsd-3-clase')[0], 'BSD-3-Clause');
  assert.deepEqual(nearestLicenseIds('Proprietary licence of ACME'), []);
});
