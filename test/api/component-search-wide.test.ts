// A partial component search that matches more components than SQLite takes bound values (32,766):
// GET /api/queries/releases-containing?component=0&match=partial answered 500 "too many SQL
// variables" on a portfolio of 140k components (found by fuzzing a real server; any role may ask).
// The related rows are now read with one JSON parameter; the answer is paged as any list.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as services from '../../src/services/index.js';
import { sqliteTarget } from '../store/support/databases.js';
import { bearer, startApi, type ApiHarness } from './support.js';

const COMPONENTS = 33_000;

let api: ApiHarness;
before(async () => {
  api = await startApi(sqliteTarget());
  const product = await services.createProduct(api.fresh.store, { name: 'Wide' });
  const release = await services.createRelease(api.fresh.store, { productId: product.id, number: '1' });
  const components = Array.from({ length: COMPONENTS }, (_, i) => ({
    type: 'library',
    name: `wide-${i}`,
    version: '1.0.0',
    purl: `pkg:npm/wide-${i}@1.0.0`,
    licenses: [{ license: { id: 'MIT' } }],
  }));
  const res = await api.app.inject({
    method: 'POST',
    url: `/api/releases/${release.id}/imports`,
    headers: { ...bearer(api.tokens['project-manager']), 'content-type': 'application/json' },
    payload: JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components }),
  });
  assert.equal(res.statusCode, 201, res.body.slice(0, 300));
});
after(async () => api.close());

test(`a partial search matching ${COMPONENTS} components answers one page with the whole count`, async () => {
  const res = await api.app.inject({
    method: 'GET',
    url: '/api/queries/releases-containing?component=wide-&match=partial&limit=5',
    headers: bearer(api.tokens.guest),
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal((res.json() as unknown[]).length, 5);
  assert.equal(res.headers['x-total-count'], String(COMPONENTS));
});
