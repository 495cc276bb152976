import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distinctAscending, inTextOrder, recordsById } from './records-by-id.js';

const record = (id: number, name = `r${id}`) => ({ id, name });

test('records by id answer as a Map built from them would, dense ids or far apart', () => {
  const cases = [
    [record(5), record(7), record(6), record(5, 'later')],
    [record(1), record(2_000_000_000), record(3)],
    [record(1e15), record(1e15 + 1)],
    [],
  ];
  for (const records of cases) {
    const byId = recordsById(records);
    const expected = new Map(records.map((r) => [r.id, r]));
    const probes = [...records.map((r) => r.id), 0, -1, 4, 8, 1.5, Number.NaN, 2_000_000_001];
    for (const id of probes) assert.equal(byId.get(id), expected.get(id), `id ${id}`);
  }
  // Of two records with one id, the later one.
  assert.equal(recordsById([record(5), record(5, 'later')]).get(5)?.name, 'later');
});

test('distinct ids in increasing numeric order, not in text order', () => {
  assert.deepEqual(distinctAscending([10, 9, 100, 9, 1, 10]), [1, 9, 10, 100]);
  assert.deepEqual(distinctAscending([]), []);
  assert.deepEqual(distinctAscending([3]), [3]);
  // Already in order, with repeats: passed over once.
  assert.deepEqual(distinctAscending([1, 1, 2, 5, 5, 5, 9]), [1, 2, 5, 9]);
  assert.deepEqual(distinctAscending([1, 2, 2, 1]), [1, 2]);
});

test('ids in the order of their decimal texts, as sorting the texts gives', () => {
  const byText = (ids: number[]) => ids.map(String).sort().map(Number);
  assert.deepEqual(inTextOrder([2, 10, 1, 100, 11, 9, 1_000_000_000, 19]), [1, 10, 100, 1_000_000_000, 11, 19, 2, 9]);
  // Random ids of every length up to ten digits, and the same with ids beyond (compared as texts).
  let seed = 7;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
  const ids = Array.from({ length: 5_000 }, () => Math.floor(next() / 10 ** (next() % 10)) + 1);
  ids.push(9_999_999_999, 1, 99_999, 100_000);
  assert.deepEqual(inTextOrder(ids), byText(ids));
  const large = [...ids, 12_345_678_901, 10_000_000_000];
  assert.deepEqual(inTextOrder(large), byText(large));
  assert.deepEqual(inTextOrder([]), []);
});
