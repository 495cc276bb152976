// A release whose product disappears between the store's reads (deleted while an import of one of
// its releases validates) is a release that is gone: null, which the services answer as 404, not a
// driver error answered as 500. The race is reproduced deterministically by removing the product
// row with foreign keys off, which leaves the release row as the second read would find it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/index.js';
import { createProduct, createRelease, recordValidationRun } from '../../src/services/index.js';

test('the release context of a release whose product vanished mid-read is null, and validating it again is a 404', async () => {
  const sqlitePath = join(mkdtempSync(join(tmpdir(), 'vigie-gone-')), 'store.db');
  let store = await openStore({ sqlitePath });
  const product = await createProduct(store, { name: 'Gone' });
  const release = await createRelease(store, { productId: product.id, number: '1.0' });
  await store.close();

  const raw = new Database(sqlitePath);
  raw.pragma('foreign_keys = OFF');
  raw.prepare('DELETE FROM products WHERE id = ?').run(product.id);
  raw.close();

  store = await openStore({ sqlitePath });
  try {
    assert.equal(await store.loadReleaseContext(release.id), null);
    await assert.rejects(
      () => recordValidationRun(store, release.id, 'manual'),
      (err: Error & { code?: string }) => err.code === 'not-found',
    );
  } finally {
    await store.close();
  }
});
