// An upload may create its product and release (issue 8 item 16), as Dependency-Track's autoCreate:
// POST /api/imports?product=&release=&create=true creates what is missing in the import's own
// transaction. Without create=true a missing name is a 404 that says how to ask; a guest may not;
// names follow the product/release rules; a document Vigie cannot read, or an import that fails
// inside its transaction, leaves no product or release behind. Both dialects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as services from '../../src/services/index.js';
import { targets } from '../store/support/databases.js';
import { bearer, startApi } from './support.js';

const SBOM = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  metadata: { component: { type: 'application', 'bom-ref': 'root', name: 'app', version: '1.0.0' } },
  components: ['a', 'b'].map((n) => ({
    type: 'library',
    'bom-ref': n,
    name: n,
    version: '1.0.0',
    purl: `pkg:npm/${n}@1.0.0`,
    licenses: [{ license: { id: 'MIT' } }],
  })),
  dependencies: [{ ref: 'root', dependsOn: ['a', 'b'] }],
});

for (const target of targets()) {
  test(
    `an import creates its product and release only when asked [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const api = await startApi(target);
      try {
        const store = api.fresh.store;
        const pm = { ...bearer(api.tokens['project-manager']), 'content-type': 'application/json' };
        const post = (query: string, headers = pm, payload = SBOM) =>
          api.app.inject({ method: 'POST', url: `/api/imports?fileName=bom.json&${query}`, headers, payload });

        // Without create=true: 404, naming what is missing and how to ask for it; nothing created.
        const missing = await post('product=Portal&release=1.0');
        assert.equal(missing.statusCode, 404, missing.body);
        assert.match(missing.json().error.message, /product "Portal" not found \(send create=true/);
        assert.deepEqual(await store.listProducts(), []);

        // A guest may not create (nor import); the check comes before anything is written.
        const guest = await post('product=Portal&release=1.0&create=true', {
          ...bearer(api.tokens.guest),
          'content-type': 'application/json',
        });
        assert.equal(guest.statusCode, 403);
        assert.deepEqual(await store.listProducts(), []);

        // Names follow the product and release rules.
        const blank = await post(`product=${encodeURIComponent('  ')}&release=1.0&create=true`);
        assert.equal(blank.statusCode, 400, blank.body);
        assert.match(blank.body, /product name must not be empty/);
        const long = await post(`product=Portal&release=${'9'.repeat(301)}&create=true`);
        assert.equal(long.statusCode, 400, long.body);
        assert.deepEqual(await store.listProducts(), []);

        // A document Vigie cannot read: 415, and no product or release is left behind.
        const unreadable = await post('product=Portal&release=1.0&create=true', pm, '{"hello":"world"}');
        assert.equal(unreadable.statusCode, 415, unreadable.body);
        assert.deepEqual(await store.listProducts(), []);

        // Created, imported and validated.
        const created = await post('product=Portal&release=1.0&create=true');
        assert.equal(created.statusCode, 201, created.body);
        const outcome = created.json() as {
          created: { product: boolean; release: boolean };
          counts: { usagesInserted: number };
          import: { releaseId: number };
        };
        assert.deepEqual(outcome.created, { product: true, release: true });
        assert.equal(outcome.counts.usagesInserted, 2);
        const { product, release } = await services.findReleaseByName(store, 'Portal', '1.0');
        assert.equal(outcome.import.releaseId, release.id);
        assert.equal((await store.listUsages(release.id)).length, 2);
        assert.equal((await store.latestValidationRun(release.id))?.reason, 'import');

        // A new release of the existing product: only the release is created.
        const second = await post('product=Portal&release=2.0&create=true');
        assert.equal(second.statusCode, 201, second.body);
        assert.deepEqual(second.json().created, { product: false, release: true });
        assert.deepEqual((await store.listReleases(product.id)).map((r) => r.number).sort(), ['1.0', '2.0']);
        // An existing release, with or without create: imported into, nothing created.
        const again = await post('product=Portal&release=1.0&mode=merge');
        assert.equal(again.statusCode, 201, again.body);
        assert.deepEqual(again.json().created, { product: false, release: false });
        const noRelease = await post('product=Portal&release=3.0');
        assert.equal(noRelease.statusCode, 404);
        assert.match(noRelease.json().error.message, /release 3.0 of "Portal" not found \(send create=true/);
        assert.equal((await store.listProducts()).length, 1);
      } finally {
        await api.close();
      }
    },
  );

  test(
    `an import that fails inside its transaction creates nothing [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const fresh = await target.fresh();
      try {
        const store = fresh.store;
        const failing = services.importDocumentByName(
          store,
          { product: 'Shop', release: '1.0', create: true },
          {
            content: SBOM,
            fileName: 'bom.json',
            // Everything is written by then (product, release, usages): the failure must undo it all.
            beforeCommit: async (tx, outcome) => {
              assert.equal((await tx.listUsages(outcome.import.releaseId)).length, 2);
              throw new Error('disk full (simulated)');
            },
          },
        );
        await assert.rejects(failing, /disk full/);
        assert.deepEqual(await store.listProducts(), []);
        assert.deepEqual(await store.listReleases(), []);

        // The product exists, the release does not: a failure leaves the product as it was, without the release.
        const shop = await services.createProduct(store, { name: 'Shop' });
        await assert.rejects(
          services.importDocumentByName(
            store,
            { product: 'Shop', release: '1.0', create: true },
            { content: SBOM, beforeCommit: () => Promise.reject(new Error('boom')) },
          ),
          /boom/,
        );
        assert.deepEqual(await store.listReleases(shop.id), []);
        const ok = await services.importDocumentByName(
          store,
          { product: 'Shop', release: '1.0', create: true },
          { content: SBOM },
        );
        assert.deepEqual(ok.created, { product: false, release: true });
        assert.equal((await store.listUsages(ok.import.releaseId)).length, 2);
      } finally {
        await fresh.dispose();
      }
    },
  );
}

// A CI matrix posting its SBOMs for a new release at once: the uploads race to create the product and
// the release. Each one is imported (into the one release the winner created), none answers 409.
for (const target of targets()) {
  test(
    `concurrent uploads creating one product and release all land in it [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const api = await startApi(target);
      try {
        const store = api.fresh.store;
        const pm = { ...bearer(api.tokens['project-manager']), 'content-type': 'application/json' };
        const upload = (release: string) =>
          api.app.inject({
            method: 'POST',
            url: `/api/imports?product=Matrix&release=${release}&create=true&mode=merge`,
            headers: pm,
            payload: SBOM,
          });
        for (const release of ['1.0', '2.0']) {
          const answers = await Promise.all(Array.from({ length: 6 }, () => upload(release)));
          for (const answer of answers) assert.equal(answer.statusCode, 201, answer.body);
          const created = answers.map((a) => a.json().created as { product: boolean; release: boolean });
          assert.equal(created.filter((c) => c.release).length, 1, JSON.stringify(created));
          assert.equal(created.filter((c) => c.product).length, release === '1.0' ? 1 : 0);
        }
        const products = await store.listProducts();
        assert.deepEqual(
          products.map((p) => p.name),
          ['Matrix'],
        );
        assert.deepEqual((await store.listReleases(products[0]!.id)).map((r) => r.number).sort(), ['1.0', '2.0']);
      } finally {
        await api.close();
      }
    },
  );
}
