import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fnv1a64 } from './encode-document.js';

/** FNV-1a 64 as its definition reads, in BigInt: what the two-halves version must give. */
function fnvReference(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

test('the namespace digest is FNV-1a 64 over UTF-16 code units', () => {
  assert.equal(fnv1a64(''), 'cbf29ce484222325');
  assert.equal(fnv1a64('a'), 'af63dc4c8601ec8c');
  let seed = 5;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let n = 0; n < 3000; n++) {
    const text = Array.from({ length: n % 97 }, () => String.fromCharCode(next() % 0x10000)).join('');
    assert.equal(fnv1a64(text), fnvReference(text), JSON.stringify(text));
  }
  const ids = JSON.stringify(['app', Array.from({ length: 1000 }, (_, i) => `SPDXRef-version-${i}`)]);
  assert.equal(fnv1a64(ids), fnvReference(ids));
});
