import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { heldRunDetails } from './held-run-details.js';

const gz = (value: unknown) => gzipSync(JSON.stringify(value));
const run = (tag: string) =>
  gz({
    blockers: [
      [
        { kind: 'a', tag },
        { kind: 'b', tag },
        { kind: 'a', tag: `${tag}2` },
      ],
      [],
    ],
    usages: [
      { usageId: 7, effective: 'MIT', expression: 'MIT OR ISC' },
      { usageId: 8, effective: null, expression: null },
      { usageId: 9, effective: `LicenseRef-${tag}`, expression: `LicenseRef-${tag}` },
    ],
    places: { releaseId: 1 },
  });

test('a run read on the worker: counts, pages by kind, two runs asked for in turn', async () => {
  const first = run('first');
  const second = run('second');
  assert.deepEqual(await heldRunDetails.counts('t:1', first), {
    blockers: [3, 0],
    usages: 3,
    places: { releaseId: 1 },
    kinds: [{ a: 2, b: 1 }, {}],
  });
  // Of the usages, each one's licence by usage id; null for one the run did not resolve.
  assert.deepEqual(await heldRunDetails.licences('t:1', first, [9, 8, 10, 7]), [
    ['LicenseRef-first', 'LicenseRef-first'],
    [null, null],
    null,
    ['MIT', 'MIT OR ISC'],
  ]);
  const page = { offset: 1, limit: 5, kinds: null };
  assert.deepEqual(await heldRunDetails.page('t:1', first, 0, page), {
    items: [
      { kind: 'b', tag: 'first' },
      { kind: 'a', tag: 'first2' },
    ],
    total: 3,
  });
  // Two runs in turn, asked for at once: each answer is its own run's.
  const [a, b] = await Promise.all([
    heldRunDetails.page('t:2', second, 0, { offset: 0, limit: 10, kinds: ['a'] }),
    heldRunDetails.page('t:1', first, 0, { offset: 0, limit: 1, kinds: ['b'] }),
  ]);
  assert.deepEqual(a, {
    items: [
      { kind: 'a', tag: 'second' },
      { kind: 'a', tag: 'second2' },
    ],
    total: 2,
  });
  assert.deepEqual(b, { items: [{ kind: 'b', tag: 'first' }], total: 1 });
  assert.deepEqual(await heldRunDetails.page('t:1', first, 1, page), { items: [], total: 0 });
  // The worker holds the first run now: asked for, the second is loaded again.
  assert.deepEqual(await heldRunDetails.licences('t:2', second, [9]), [['LicenseRef-second', 'LicenseRef-second']]);
});

test('bytes that are not a run are an error, and the next run reads as usual', async () => {
  await assert.rejects(heldRunDetails.counts('t:3', Buffer.from('not gzip')), /incorrect header check/);
  await assert.rejects(
    heldRunDetails.page('t:4', gz({ blockers: 'x' }), 0, { offset: 0, limit: 1, kinds: null }),
    /not lists of blockers and usages/,
  );
  assert.equal((await heldRunDetails.counts('t:5', run('later'))).usages, 3);
});
