// Issue 13 item 6: an import over HTTP ran its decoding, planning and SQLite writes as one piece of
// synchronous work (2 s for 50k components), so the server answered nothing meanwhile, not even
// /health. The import now gives the event loop a turn between its long steps. Counted here, not
// timed: a callback queued with setImmediate runs only when the import lets the event loop turn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/index.js';
import { createProduct, createRelease, importDocument } from './index.js';

const DOCUMENT = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  version: 1,
  metadata: { component: { 'bom-ref': 'app', type: 'application', name: 'app', version: '1' } },
  components: ['a', 'b', 'c'].map((name) => ({
    'bom-ref': name,
    type: 'library',
    name,
    version: '1.0.0',
    purl: `pkg:npm/${name}@1.0.0`,
    licenses: [{ license: { id: 'MIT' } }],
  })),
  dependencies: [
    { ref: 'app', dependsOn: ['a'] },
    { ref: 'a', dependsOn: ['b', 'c'] },
  ],
});

test('an import lets the event loop turn while it decodes and between its writes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-turns-'));
  const store = await openStore({ sqlitePath: join(dir, 'v.db') });
  let turns = 0;
  let counting = true;
  const count = () => {
    turns++;
    if (counting) setImmediate(count);
  };
  try {
    const product = await createProduct(store, { name: 'app' });
    const release = await createRelease(store, { productId: product.id, number: '1' });
    const at: Record<string, number> = {};
    setImmediate(count);
    const outcome = await importDocument(store, release.id, {
      content: Buffer.from(DOCUMENT),
      fileName: 'bom.json',
      author: 't',
      onPhase: async (phase) => {
        at[phase] = turns;
      },
      beforeCommit: async () => {
        at.commit = turns;
      },
    });
    counting = false;
    assert.equal(outcome.counts.usagesInserted, 3);
    // Bytes to text, parse, read, plan and quality checks: a turn after each (SQLite does them all
    // on this thread; before, the first turn came only once the writes waited for the compressor).
    assert.ok(at.writing! - at.decoding! >= 4, `turns while decoding: ${at.writing! - at.decoding!}`);
    // Components, versions, usages, edges: a turn after each, inside the open transaction.
    assert.ok(at.commit! - at.writing! >= 4, `turns while writing: ${at.commit! - at.writing!}`);
  } finally {
    counting = false;
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
