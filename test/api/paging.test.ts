// Every list route is paged (issue 13 item 6): limit/offset with a maximum page size, X-Total-Count and
// Link headers, documented in OpenAPI; routes added later are paged without code of their own.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGE_SIZE } from '../../src/server/http/paging.js';
import * as services from '../../src/services/index.js';
import { deepGraphCycloneDx } from '../support/synthetic-graph.js';
import { sqliteTarget } from '../store/support/databases.js';
import { bearer, startApi, type ApiHarness } from './support.js';

let api: ApiHarness;
let co: Record<string, string>;

before(async () => {
  api = await startApi(sqliteTarget());
  co = bearer(api.tokens['compliance-officer']);
  for (let i = 0; i < 7; i++) {
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/categories',
      headers: co,
      payload: { name: `Category ${i}` },
    });
    assert.equal(res.statusCode, 201);
  }
});
after(async () => api.close());

test('limit and offset page a list; the total and the neighbours are in the headers', async () => {
  const all = (await api.app.inject({ method: 'GET', url: '/api/categories', headers: co })).json() as Array<{
    name: string;
  }>;
  assert.equal(all.length, 7);
  const page = await api.app.inject({ method: 'GET', url: '/api/categories?limit=3&offset=3', headers: co });
  assert.equal(page.statusCode, 200);
  assert.deepEqual(
    (page.json() as Array<{ name: string }>).map((c) => c.name),
    all.slice(3, 6).map((c) => c.name),
  );
  assert.equal(page.headers['x-total-count'], '7');
  assert.equal(
    page.headers.link,
    '</api/categories?limit=3&offset=6>; rel="next", </api/categories?limit=3&offset=0>; rel="prev"',
  );
  const last = await api.app.inject({ method: 'GET', url: '/api/categories?limit=3&offset=6', headers: co });
  assert.equal(last.json().length, 1);
  assert.doesNotMatch(String(last.headers.link), /next/);
});

test('the page size is bounded', async () => {
  const res = await api.app.inject({ method: 'GET', url: `/api/licenses?limit=${PAGE_SIZE.max + 1}`, headers: co });
  assert.equal(res.statusCode, 400);
  assert.match(res.json().error.message, /querystring\/limit must be <= 1000/);
  const licences = await api.app.inject({ method: 'GET', url: '/api/licenses', headers: co });
  const total = Number(licences.headers['x-total-count']);
  assert.ok(total > 100, `${total} licences`);
  assert.equal(licences.json().length, Math.min(total, PAGE_SIZE.default), 'without limit, one default page');
});

test('every GET list route is paged and documents limit and offset in OpenAPI', async () => {
  const doc = (await api.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: Array<{ name: string; in: string }>;
          responses: Record<string, { content?: { 'application/json'?: { schema?: { type?: string } } } }>;
        }
      >
    >;
  };
  let lists = 0;
  for (const [path, operations] of Object.entries(doc.paths)) {
    const get = operations.get;
    if (get?.responses['200']?.content?.['application/json']?.schema?.type !== 'array') continue;
    lists++;
    const query = (get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    assert.ok(query.includes('limit') && query.includes('offset'), `${path}: ${query.join(', ')}`);
  }
  assert.ok(lists >= 14, `${lists} list routes`);
});

test('a top-N query keeps its own limit', async () => {
  const res = await api.app.inject({ method: 'GET', url: '/api/queries/top-components', headers: co });
  assert.equal(res.statusCode, 200);
  const doc = (await api.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const limit = doc.paths['/api/queries/top-components'].get.parameters.find(
    (p: { name: string }) => p.name === 'limit',
  );
  assert.equal(limit.schema.default, 20);
});

test("a release's BOM is paged by the store: each page is the matching slice of the whole, with the same headers", async () => {
  const store = api.fresh.store;
  const product = await services.createProduct(store, { name: 'Paged BOM' });
  const release = await services.createRelease(store, { productId: product.id, number: '1' });
  await services.importDocument(store, release.id, {
    content: deepGraphCycloneDx({ components: 23, depth: 4 }),
    fileName: 'bom.json',
  });
  const url = `/api/releases/${release.id}/usages`;
  const whole = await api.app.inject({ method: 'GET', url, headers: co });
  assert.equal(whole.statusCode, 200);
  const all = whole.json() as Array<{
    usage: { id: number; versionId: number };
    version: { id: number; componentId: number };
    component: { id: number; name: string };
  }>;
  assert.equal(all.length, 23);
  assert.equal(whole.headers['x-total-count'], '23');
  assert.deepEqual(
    all.map((e) => e.usage.id),
    [...all.map((e) => e.usage.id)].sort((a, b) => a - b),
    'usages in id order',
  );
  for (const e of all) {
    assert.equal(e.version.id, e.usage.versionId);
    assert.equal(e.component.id, e.version.componentId);
  }
  const page = await api.app.inject({ method: 'GET', url: `${url}?limit=10&offset=10`, headers: co });
  assert.deepEqual(page.json(), all.slice(10, 20));
  assert.equal(page.headers['x-total-count'], '23');
  assert.equal(page.headers.link, `<${url}?limit=10&offset=20>; rel="next", <${url}?limit=10&offset=0>; rel="prev"`);
  const last = await api.app.inject({ method: 'GET', url: `${url}?limit=10&offset=20`, headers: co });
  assert.deepEqual(last.json(), all.slice(20));
  assert.doesNotMatch(String(last.headers.link), /next/);
  const beyond = await api.app.inject({ method: 'GET', url: `${url}?offset=100`, headers: co });
  assert.deepEqual(beyond.json(), []);
  assert.equal(beyond.headers['x-total-count'], '23');
  const missing = await api.app.inject({ method: 'GET', url: '/api/releases/999999/usages', headers: co });
  assert.equal(missing.statusCode, 404);
});
