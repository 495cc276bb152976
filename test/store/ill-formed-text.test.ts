// A lone UTF-16 surrogate in an SBOM's text ("\ud800" is legal JSON but no character): SQLite stored
// its bytes and read back three U+FFFD, PostgreSQL one, so the two stores disagreed on the same
// document. The import now stores one U+FFFD in its place on both, and says so once as a warning;
// the document is not refused for it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { targets } from './support/databases.js';
import * as services from '../../src/services/index.js';

// Written with escapes: the lone surrogates exist only once JSON.parse has read them.
const DOCUMENT = `{
  "bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
  "components": [
    { "type": "library", "name": "caf\\ud800e", "version": "1.0",
      "description": "broken \\udc00 text", "licenses": [{ "license": { "id": "MIT" } }] },
    { "type": "library", "name": "fine", "version": "2.0", "purl": "pkg:npm/fine@2.0" }
  ]
}`;

for (const target of targets()) {
  describe(`lone surrogates in an imported document [${target.dialect}]`, { skip: target.unavailable }, () => {
    test('stored as U+FFFD the same way on both stores, with one warning', async () => {
      const fresh = await target.fresh();
      try {
        const { store } = fresh;
        const product = await services.createProduct(store, { name: 'Surrogates' });
        const release = await services.createRelease(store, { productId: product.id, number: '1' });
        const outcome = await services.importDocument(store, release.id, { content: DOCUMENT, fileName: 'bom.json' });
        assert.equal(outcome.counts.usagesInserted, 2);
        const warnings = outcome.issues.filter((i) => i.code === 'ill-formed-text');
        assert.equal(warnings.length, 1);
        assert.match(warnings[0]!.message, /^2 texts of the document held a lone UTF-16 surrogate/);
        const data = await store.loadReleaseData(release.id);
        const names = data!.components.map((c) => c.name).sort();
        assert.deepEqual(names, ['caf\ufffde', 'fine']);
        assert.equal(data!.components.find((c) => c.name === 'caf\ufffde')?.description, 'broken \ufffd text');
      } finally {
        await fresh.dispose();
      }
    });
  });
}
