// The stamped read cache (ADR 37) over a real SQLite store: kept while the store is unchanged,
// recomputed after any write, bounded, never kept inside a transaction or after a failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/index.js';
import { createProduct } from './portfolio.js';
import { StampedCache } from './stamped-cache.js';

async function withStore(fn: (store: Awaited<ReturnType<typeof openStore>>) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-stamped-'));
  const store = await openStore({ sqlitePath: join(dir, 'store.db') });
  try {
    await fn(store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a value is kept until the store changes, then computed again', async () => {
  await withStore(async (store) => {
    const cache = new StampedCache<string>({ maxEntries: 10, maxWeight: 1000 }, (v) => v.length);
    let computed = 0;
    const compute = async () => `value ${++computed}`;
    assert.equal(await cache.read(store, 'k', compute), 'value 1');
    assert.equal(await cache.read(store, 'k', compute), 'value 1');
    await createProduct(store, { name: 'Portal' });
    assert.equal(await cache.read(store, 'k', compute), 'value 2');
    assert.equal(cache.size, 1);
  });
});

test('concurrent misses share one computation; a failure is not kept', async () => {
  await withStore(async (store) => {
    const cache = new StampedCache<number>({ maxEntries: 10, maxWeight: 1000 }, () => 1);
    let computed = 0;
    const values = await Promise.all(Array.from({ length: 5 }, () => cache.read(store, 'k', async () => ++computed)));
    assert.deepEqual(values, [1, 1, 1, 1, 1]);
    assert.equal(computed, 1);
    await assert.rejects(
      cache.read(store, 'bad', async () => Promise.reject(new Error('no such release'))),
      /no such release/,
    );
    assert.equal(await cache.read(store, 'bad', async () => 7), 7, 'the failure was not kept');
  });
});

test('bounded by entries and by weight, least recently used first', async () => {
  await withStore(async (store) => {
    const cache = new StampedCache<string>({ maxEntries: 3, maxWeight: 10 }, (v) => v.length);
    for (const key of ['a', 'b', 'c']) await cache.read(store, key, async () => key.repeat(3));
    await cache.read(store, 'a', async () => 'never');
    await cache.read(store, 'd', async () => 'ddd');
    assert.equal(cache.size, 3);
    assert.equal(await cache.read(store, 'b', async () => 'b again'), 'b again', 'b was the least recently used');
    assert.ok(cache.heldWeight <= 10, `${cache.heldWeight}`);
    assert.equal(await cache.read(store, 'huge', async () => 'x'.repeat(11)), 'x'.repeat(11));
    assert.equal(await cache.read(store, 'huge', async () => 'computed again'), 'computed again');
  });
});

test('inside a transaction nothing is kept', async () => {
  await withStore(async (store) => {
    const cache = new StampedCache<number>({ maxEntries: 10, maxWeight: 1000 }, () => 1);
    let computed = 0;
    await store.transaction(async (tx) => {
      await cache.read(tx, 'k', async () => ++computed);
      await cache.read(tx, 'k', async () => ++computed);
    });
    assert.equal(computed, 2);
    assert.equal(cache.size, 0);
  });
});

test('stamps arriving out of order: a key kept twice under one stamp is weighed once', async () => {
  // PostgreSQL stamps come from separate round trips, so an older one can be seen after a newer one.
  const stamps = ['s1', 's2', 's1'];
  const store = { changeStamp: async () => stamps.shift() ?? 's1' } as unknown as Parameters<
    StampedCache<string>['read']
  >[0];
  const cache = new StampedCache<string>({ maxEntries: 10, maxWeight: 1000 }, (v) => v.length);
  let release!: () => void;
  const slow = cache.read(store, 'k', () => new Promise<string>((done) => (release = () => done('first'))));
  await new Promise((r) => setImmediate(r));
  assert.equal(await cache.read(store, 'other', async () => 'x'), 'x');
  assert.equal(await cache.read(store, 'k', async () => 'second'), 'second');
  release();
  assert.equal(await slow, 'first');
  assert.equal(cache.size, 1);
  assert.equal(cache.heldWeight, 'first'.length);
});
