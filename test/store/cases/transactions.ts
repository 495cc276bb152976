import assert from 'node:assert/strict';
import type { ContractCase } from '../support/contract.js';
import { newImport, npmComponent, productWithRelease, usageOf, versionOf } from '../support/fixtures.js';

export const transactionCases: Record<string, ContractCase> = {
  async 'a failing transaction leaves nothing half-written'(store) {
    const release = await productWithRelease(store);
    const before = await store.listComponents();
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.createProduct({ name: 'Half', description: null, owner: null, categoryIds: [], outboundLicenses: [] });
        const imp = await newImport(tx, release.id);
        await tx.saveImportDocument({
          importId: imp.id,
          fileName: 'bom.json',
          mediaType: 'application/json',
          content: new TextEncoder().encode('{}'),
        });
        const cs = await tx.upsertComponents(
          Array.from({ length: 3000 }, (_, i) => npmComponent(`t${i}`)),
          'fill-missing',
        );
        const vs = await tx.upsertVersions(
          cs.records.map((c) => versionOf(c.id, '1.0.0')),
          'fill-missing',
        );
        await tx.insertUsages(vs.records.map((v) => usageOf(release.id, v.id)));
        await tx.updateRelease(release.id, { validationStep: 3 });
        // The duplicate usage violates the unique constraint: the whole import must vanish.
        await tx.insertUsages([usageOf(release.id, vs.records[0].id)]);
      }),
    );
    assert.equal(await store.findProductByName('Half'), null);
    assert.deepEqual(await store.listComponents(), before);
    assert.deepEqual(await store.listUsages(release.id), []);
    assert.deepEqual(await store.listImports(release.id), []);
    assert.equal((await store.getRelease(release.id))?.validationStep, 0);
  },

  async 'a thrown error in plain code also rolls back; a successful transaction commits'(store) {
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.createCategory({ name: 'Gone', description: null, outboundLicenses: [] });
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(await store.findCategoryByName('Gone'), null);
    const kept = await store.transaction(async (tx) => {
      const c = await tx.createCategory({ name: 'Kept', description: null, outboundLicenses: [] });
      // A nested call joins the outer transaction.
      await tx.transaction(async (inner) =>
        inner.createCategory({ name: 'Inner', description: null, outboundLicenses: [] }),
      );
      return c;
    });
    assert.equal((await store.findCategoryByName('Kept'))?.id, kept.id);
    assert.ok(await store.findCategoryByName('Inner'));
  },

  async 'a failing nested call rolls back the outer transaction too'(store) {
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.createCategory({ name: 'Outer', description: null, outboundLicenses: [] });
        await tx.transaction(async () => {
          throw new Error('inner failure');
        });
      }),
    );
    assert.equal(await store.findCategoryByName('Outer'), null);
  },
};
