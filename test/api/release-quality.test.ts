// SBOM quality per release over the API (issue 12 item 1: "the same view in the UI per release, with
// a score over time"): each import stores every profile's result; GET /api/releases/:id/quality
// shows the current document's checks and one history point per import. Both dialects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as services from '../../src/services/index.js';
import { QUALITY_PROFILES } from '../../src/cra/profiles/index.js';
import type { ReleaseQuality } from '../../src/api-contract/index.js';
import { targets } from '../store/support/databases.js';
import { bearer, startApi } from './support.js';

function sbom(withSuppliers: boolean): string {
  const supplier = withSuppliers ? { supplier: { name: 'ACME' } } : {};
  return JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: {
      timestamp: '2026-12-01T00:00:00Z',
      component: { type: 'application', 'bom-ref': 'root', name: 'app', version: '1.0.0', ...supplier },
    },
    components: ['a', 'b', 'c'].map((n) => ({
      type: 'library',
      'bom-ref': n,
      name: n,
      version: '1.0.0',
      purl: `pkg:npm/${n}@1.0.0`,
      ...supplier,
    })),
    dependencies: [{ ref: 'root', dependsOn: ['a', 'b', 'c'] }],
  });
}

for (const target of targets()) {
  test(
    `a release's SBOM quality: every profile per import, checks and a score over time [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const api = await startApi(target);
      try {
        const store = api.fresh.store;
        const product = await services.createProduct(store, { name: 'Portal' });
        const release = await services.createRelease(store, { productId: product.id, number: '1.0.0' });
        await services.importDocument(store, release.id, { content: sbom(false), fileName: 'poor.cdx.json' });
        await services.importDocument(store, release.id, {
          content: sbom(true),
          fileName: 'better.cdx.json',
          mode: 'replace',
        });

        const url = `/api/releases/${release.id}/quality`;
        assert.equal((await api.app.inject({ method: 'GET', url })).statusCode, 401);
        const res = await api.app.inject({ method: 'GET', url, headers: bearer(api.tokens.guest) });
        assert.equal(res.statusCode, 200, res.body);
        const quality = res.json() as ReleaseQuality;

        assert.deepEqual(
          quality.history.map((h) => h.fileName),
          ['poor.cdx.json', 'better.cdx.json'],
          'one point per import, oldest first',
        );
        for (const point of quality.history)
          assert.deepEqual(
            point.scores.map((s) => s.profile).sort(),
            QUALITY_PROFILES.map((p) => p.id).sort(),
            'every profile is stored per import',
          );
        const ntia = (i: number) => quality.history[i]!.scores.find((s) => s.profile === 'ntia-2021')!;
        assert.ok(ntia(1).requiredPassing > ntia(0).requiredPassing, 'suppliers raise the NTIA score');
        assert.equal(ntia(1).required, ntia(0).required);
        assert.ok(ntia(1).covered > ntia(0).covered);
        assert.equal(ntia(0).score, ntia(0).requiredPassing / ntia(0).required);

        assert.deepEqual(
          quality.documents.map((d) => d.fileName),
          ['better.cdx.json'],
          'the replace import is the current document',
        );
        const supplierNow = quality.documents[0]!.profiles.find((p) => p.profile === 'ntia-2021')!.checks.find(
          (c) => c.id === 'ntia.supplier',
        )!;
        assert.equal(supplierNow.pass, true);
        assert.equal(supplierNow.covered, supplierNow.total);
        assert.ok(supplierNow.total >= 3);
        assert.deepEqual(supplierNow.failing, []);
        assert.equal(supplierNow.level, 'required');
        assert.match(supplierNow.clause, /\S/);

        // The first import's stored result names the components without a supplier.
        const stored = await store.listImportQuality([quality.history[0]!.importId]);
        const supplierThen = stored
          .find((q) => q.result.profile === 'ntia-2021')!
          .result.checks.find((c) => c.id === 'ntia.supplier')!;
        assert.equal(supplierThen.covered, 0);
        assert.equal(supplierThen.total, supplierNow.total);
        assert.ok(['a', 'b', 'c'].every((ref) => supplierThen.failing.includes(ref)));

        const missing = await api.app.inject({
          method: 'GET',
          url: '/api/releases/99999/quality',
          headers: bearer(api.tokens.guest),
        });
        assert.equal(missing.statusCode, 404);
      } finally {
        await api.close();
      }
    },
  );
}
