// The remembered parse gives what parsePurl gives, for every purl text of the purl-spec suite and for
// broken ones, as one shared frozen answer per text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpusFiles, needsCorpora } from '../../../test/support/corpora.js';
import { isPurlError, parsePurl, parsePurlRemembered } from './index.js';
import { componentIdentity } from '../component-identity.js';

const BROKEN = ['', 'pkg', 'npm/left-pad', 'pkg:npm/%zz@1', 'pkg:maven/@1?a=1&a=2', 'pkg:/'];
const PLAIN = [
  'pkg:npm/%40scope/name@1.0.0?b=2&a=1#sub/path',
  'pkg:maven/org.example/lib@2?type=jar',
  'PKG:PyPI/Foo_Bar@1',
];

function texts(): string[] {
  const out = [...BROKEN, ...PLAIN];
  for (const file of corpusFiles('purl/purl-spec/tests', (p) => p.endsWith('.json'))) {
    const suite = JSON.parse(readFileSync(file, 'utf8')) as { tests?: { input: unknown }[] };
    for (const c of suite.tests ?? []) if (typeof c.input === 'string') out.push(c.input);
  }
  return out;
}

test('the remembered parse answers as parsePurl does, once per text, frozen', needsCorpora, () => {
  const all = texts();
  assert.ok(all.length > 100, `only ${all.length} purl texts`);
  for (const text of all) {
    const first = parsePurlRemembered(text);
    assert.deepEqual(first, parsePurl(text), text);
    assert.equal(parsePurlRemembered(text), first, `${text}: not remembered`);
    assert.ok(Object.isFrozen(first), `${text}: not frozen`);
    if (!isPurlError(first) && first.qualifiers) assert.ok(Object.isFrozen(first.qualifiers), `${text}: qualifiers`);
  }
});

test('a remembered answer cannot be changed by one caller for the next', () => {
  const p = parsePurlRemembered(PLAIN[1]!);
  assert.ok(!isPurlError(p));
  assert.throws(() => {
    (p as { name: string }).name = 'other';
  }, TypeError);
  assert.throws(() => {
    p.qualifiers!.type = 'pom';
  }, TypeError);
  assert.deepEqual(parsePurlRemembered(PLAIN[1]!), parsePurl(PLAIN[1]!));
});

test('a component identity kept beside the remembered parse is the identity of that text, whichever came first', () => {
  const text = 'pkg:maven/org.example/remembered-identity@2.0?type=jar';
  // The parse is remembered first (the scan or the quality checks asked), the identity later.
  assert.ok(!isPurlError(parsePurlRemembered(text)));
  const expected = {
    key: 'pkg:maven/org.example/remembered-identity',
    purlType: 'maven',
    namespace: 'org.example',
    name: 'remembered-identity',
    purl: 'pkg:maven/org.example/remembered-identity',
  };
  assert.deepEqual(componentIdentity({ purl: text, name: 'x' }), expected);
  assert.deepEqual(componentIdentity({ purl: text, name: 'x' }), expected);
  // A text that is no purl: the component is known by its group and name, and stays so.
  for (let i = 0; i < 2; i++)
    assert.deepEqual(componentIdentity({ purl: 'pkg:/', group: 'g', name: 'n' }), {
      key: 'g/n',
      purlType: null,
      namespace: 'g',
      name: 'n',
      purl: null,
    });
});
