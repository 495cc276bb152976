// Issue 13 item 6: on SQLite a release's data was read in three statements that held the thread
// (a 100k-component release: 1.5 s in which the server answered nothing). It is now read a page at
// a time with the event loop turning between pages, inside one read transaction: a write committed
// by another connection between two pages is not seen half-way. So are its dependency edges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { openStore } from '../../src/store/index.js';
import { createProduct, createRelease, importDocument } from '../../src/services/index.js';
import { deepGraphCycloneDx } from '../support/synthetic-graph.js';

// Over one page of usage rows (20,000), so that the read takes more than one.
const COMPONENTS = 20_500;

test('a release read in pages on SQLite sees one moment, the event loop turning between pages', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-pages-'));
  const path = join(dir, 'v.db');
  const store = await openStore({ sqlitePath: path });
  const other = new Sqlite(path);
  try {
    const product = await createProduct(store, { name: 'Paged' });
    const release = await createRelease(store, { productId: product.id, number: '1' });
    await importDocument(store, release.id, {
      content: deepGraphCycloneDx({ components: COMPONENTS, depth: 50 }),
      fileName: 'bom.json',
      author: 't',
      scope: 'runtime',
    });
    let turns = 0;
    let written = false;
    // Another connection changes every usage as soon as the read lets the event loop turn.
    setImmediate(() => {
      other.prepare('UPDATE usages SET scope = ? WHERE release_id = ?').run('changed', release.id);
      written = true;
    });
    let counting = true;
    const count = () => {
      turns++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const data = await store.loadReleaseData(release.id);
    counting = false;
    assert.ok(written, 'the other connection wrote while the release was read');
    assert.ok(turns >= 3, `the event loop turned ${turns} times during the read`);
    assert.equal(data!.usages.length, COMPONENTS);
    assert.deepEqual(new Set(data!.usages.map((u) => u.scope)), new Set(['runtime']));
    assert.equal(new Set(data!.usages.map((u) => u.id)).size, COMPONENTS);
    assert.equal(data!.versions.length, COMPONENTS);
    assert.equal(data!.components.length, COMPONENTS);
    // Read again, the change is there.
    const after = await store.loadReleaseData(release.id);
    assert.deepEqual(new Set(after!.usages.map((u) => u.scope)), new Set(['changed']));

    // The dependency edges likewise (over one page of 25,000: a third of the components have a
    // second parent).
    const edgesBefore = await store.listDependencyEdges(release.id);
    assert.ok(edgesBefore.length > 25_000, `${edgesBefore.length} edges`);
    setImmediate(() =>
      other.prepare('UPDATE dependency_edges SET project = ? WHERE release_id = ?').run('p', release.id),
    );
    const edges = await store.listDependencyEdges(release.id);
    assert.deepEqual(edges, edgesBefore, 'the edges as they were when the read began');
    assert.deepEqual(new Set((await store.listDependencyEdges(release.id)).map((e) => e.project)), new Set(['p']));
  } finally {
    other.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
