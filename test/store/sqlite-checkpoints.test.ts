// SQLite's write-ahead log is checkpointed by a worker thread after a large transaction (ADR 60): the
// database file receives the pages while the store's own connection never copies them itself, the
// store closes cleanly with its log tidied away, and a store in memory or without a log has no worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Sqlite from 'better-sqlite3';
import { openStore } from '../../src/store/index.js';
import { BackgroundCheckpoints } from '../../src/store/sqlite-checkpoints.js';
import { npmComponent } from './support/fixtures.js';

test('a large transaction is checkpointed into the database file by the worker, and close tidies the log', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-checkpoint-'));
  const path = join(dir, 'store.db');
  const store = await openStore({ sqlitePath: path });
  try {
    const before = statSync(path).size;
    // ~8 MB of log: past the few megabytes from which the worker checkpoints.
    const description = 'x'.repeat(300);
    await store.transaction(async (tx) => {
      await tx.upsertComponents(
        Array.from({ length: 20_000 }, (_, i) => npmComponent(`c-${i}`, { description })),
        'fill-missing',
      );
    });
    assert.ok(statSync(`${path}-wal`).size > 4 * 1024 * 1024, 'the transaction left a large log');
    // The commit did not copy the pages itself (a worker thread takes milliseconds to start).
    assert.ok(statSync(path).size < before + 1024 * 1024, 'the commit left the checkpoint to the worker');
    // The store's connection no longer checkpoints at 1,000 pages: only the worker copies the pages.
    let grown = false;
    for (let i = 0; i < 200 && !grown; i++) {
      grown = statSync(path).size > before + 4 * 1024 * 1024;
      if (!grown) await sleep(25);
    }
    assert.ok(grown, 'the worker copied the log into the database file');
  } finally {
    await store.close();
  }
  assert.equal(existsSync(`${path}-wal`), false, 'the last connection to close removed the log');
  // Everything is there when the file is opened again.
  const again = await openStore({ sqlitePath: path });
  try {
    const found = await again.upsertComponents([npmComponent('c-19999')], 'fill-missing');
    assert.equal(found.created, 0);
  } finally {
    await again.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('code after closing a store that checkpointed still runs (the worker does not end the process early)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-checkpoint-'));
  const store = await openStore({ sqlitePath: join(dir, 'store.db') });
  await store.transaction(async (tx) => {
    await tx.upsertComponents(
      Array.from({ length: 20_000 }, (_, i) => npmComponent(`d-${i}`, { description: 'y'.repeat(300) })),
      'fill-missing',
    );
  });
  // Had the worker been left unreferenced while closing, the process would end here (node:test then
  // reports this test's promise as never settled).
  await store.close();
  assert.equal(existsSync(join(dir, 'store.db-wal')), false);
  rmSync(dir, { recursive: true, force: true });
});

test('only a database file in WAL mode gets the worker, and its connection then checkpoints only past the safety limit', () => {
  const memory = new Sqlite(':memory:');
  assert.equal(BackgroundCheckpoints.forConnection(memory, ':memory:'), null);
  memory.close();
  const dir = mkdtempSync(join(tmpdir(), 'vigie-checkpoint-'));
  try {
    const rollback = new Sqlite(join(dir, 'rollback.db'));
    assert.equal(BackgroundCheckpoints.forConnection(rollback, join(dir, 'rollback.db')), null);
    assert.equal(rollback.pragma('wal_autocheckpoint', { simple: true }), 1000);
    rollback.close();
    const wal = new Sqlite(join(dir, 'wal.db'));
    wal.pragma('journal_mode = WAL');
    assert.ok(BackgroundCheckpoints.forConnection(wal, join(dir, 'wal.db')));
    assert.equal(wal.pragma('wal_autocheckpoint', { simple: true }), 65_536);
    wal.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bulk write that commits on its own (no store transaction) is checkpointed by the worker too', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-checkpoint-'));
  const path = join(dir, 'store.db');
  const store = await openStore({ sqlitePath: path });
  try {
    const before = statSync(path).size;
    await store.upsertComponents(
      Array.from({ length: 20_000 }, (_, i) => npmComponent(`e-${i}`, { description: 'w'.repeat(300) })),
      'fill-missing',
    );
    assert.ok(statSync(`${path}-wal`).size > 4 * 1024 * 1024, 'the write left a large log');
    let grown = false;
    for (let i = 0; i < 200 && !grown; i++) {
      grown = statSync(path).size > before + 4 * 1024 * 1024;
      if (!grown) await sleep(25);
    }
    assert.ok(grown, 'the worker copied the log into the database file');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
