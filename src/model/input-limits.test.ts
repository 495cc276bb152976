import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findNulCharacter } from './input-limits.js';

test('findNulCharacter names the path to the first NUL character, or null', () => {
  assert.equal(findNulCharacter({ a: ['x', { b: 'y' }], c: 1, d: null }), null);
  assert.equal(findNulCharacter('a\u0000b'), '(value)');
  assert.equal(findNulCharacter('a\u0000b', '/body'), '/body');
  assert.equal(findNulCharacter({ a: ['x', { b: 'y\u0000' }] }), '/a/1/b');
  assert.equal(findNulCharacter([['ok'], ['ok', 'n\u0000']], '/rows'), '/rows/1/1');
  assert.equal(findNulCharacter({ ok: 'x', ['k\u0000ey']: 'v' }), '/k\\0ey');
  assert.equal(findNulCharacter({ first: 'a\u0000', second: 'b\u0000' }), '/first');
  assert.equal(findNulCharacter({ bytes: new Uint8Array([0]) }), null);
});
