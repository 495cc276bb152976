import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseVersionRange } from './version-range.js';

function matches(range: string, versions: string[]): string[] {
  const p = parseVersionRange(range);
  assert.equal(typeof p, 'function', `${range}: ${String(p)}`);
  return versions.filter(p as (v: string) => boolean);
}

const LOG4J = [
  '2.0.0',
  '2.0-beta9',
  '2.3.2',
  '2.14.0',
  '2.14.1',
  '2.15.0',
  '2.16.0',
  '2.17.1',
  '1.2.17',
  '3.0.0-alpha1',
];

test('comparator sets: the log4shell window', () => {
  assert.deepEqual(matches('>=2.0.0 <2.15.0', LOG4J), ['2.0.0', '2.3.2', '2.14.0', '2.14.1']);
  assert.deepEqual(matches('>= 2.0.0 < 2.15.0', LOG4J), ['2.0.0', '2.3.2', '2.14.0', '2.14.1']);
});

test('x-ranges, exact versions, alternatives', () => {
  assert.deepEqual(matches('2.14.x', LOG4J), ['2.14.0', '2.14.1']);
  assert.deepEqual(matches('1.x', LOG4J), ['1.2.17']);
  assert.deepEqual(matches('2.17.1', LOG4J), ['2.17.1']);
  assert.deepEqual(matches('1.2.17 || 2.16.0', LOG4J), ['2.16.0', '1.2.17']);
  assert.equal(matches('*', LOG4J).length, LOG4J.length);
});

test('caret and tilde follow npm: ^ up to the next major (or minor below 1.0), ~ up to the next minor', () => {
  const v = ['1.2.3', '1.2.9', '1.3.0', '1.9.9', '2.0.0', '0.2.5', '0.3.0'];
  assert.deepEqual(matches('^1.2.3', v), ['1.2.3', '1.2.9', '1.3.0', '1.9.9']);
  assert.deepEqual(matches('~1.2.3', v), ['1.2.3', '1.2.9']);
  assert.deepEqual(matches('^0.2.0', v), ['0.2.5']);
});

test('a pre-release sorts before its release', () => {
  assert.deepEqual(matches('<2.0.0', ['2.0.0-rc.1', '2.0.0', '1.9.0']), ['2.0.0-rc.1', '1.9.0']);
  assert.deepEqual(matches('>2.0.0-rc.2', ['2.0.0-rc.1', '2.0.0-rc.10', '2.0.0']), ['2.0.0-rc.10', '2.0.0']);
});

test('nonsense is refused with a message', () => {
  assert.equal(typeof parseVersionRange('>=banana'), 'string');
  assert.equal(typeof parseVersionRange('1.0 ||'), 'string');
});
