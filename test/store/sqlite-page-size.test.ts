// A new SQLite store is made with 16 KiB pages (ADR 70: a large import's inserts split fewer pages
// and log fewer); a database made before keeps the page size it was made with, and its log's
// safety threshold is counted in its own pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { openStore } from '../../src/store/index.js';
import { SQLITE_PAGE_SIZE } from '../../src/store/connect.js';
import { BackgroundCheckpoints } from '../../src/store/sqlite-checkpoints.js';

const pageSizeOf = (path: string): number => {
  const db = new Sqlite(path, { readonly: true });
  try {
    return Number(db.pragma('page_size', { simple: true }));
  } finally {
    db.close();
  }
};

test('a new store has 16 KiB pages', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'vigie-pages-')), 'store.db');
  const store = await openStore({ sqlitePath: path });
  await store.close();
  assert.equal(SQLITE_PAGE_SIZE, 16_384);
  assert.equal(pageSizeOf(path), SQLITE_PAGE_SIZE);
});

test('a database made with 4 KiB pages keeps them, and the store still reads and writes it', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'vigie-pages-')), 'store.db');
  const old = new Sqlite(path);
  old.pragma('page_size = 4096');
  old.pragma('journal_mode = WAL');
  old.exec('CREATE TABLE made_before (x integer)');
  old.close();
  const store = await openStore({ sqlitePath: path });
  try {
    const product = await store.createProduct({
      name: 'Kept',
      description: null,
      owner: null,
      categoryIds: [],
      outboundLicenses: [],
    });
    assert.equal((await store.getProduct(product.id))?.name, 'Kept');
  } finally {
    await store.close();
  }
  assert.equal(pageSizeOf(path), 4096);
});

test("the log's safety threshold stays at 256 MiB in the database's own pages", () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-pages-'));
  for (const [pageSize, pages] of [
    [4096, 65_536],
    [16_384, 16_384],
  ]) {
    const path = join(dir, `wal-${pageSize}.db`);
    const db = new Sqlite(path);
    db.pragma(`page_size = ${pageSize}`);
    db.pragma('journal_mode = WAL');
    assert.ok(BackgroundCheckpoints.forConnection(db, path));
    assert.equal(db.pragma('wal_autocheckpoint', { simple: true }), pages);
    db.close();
  }
});
