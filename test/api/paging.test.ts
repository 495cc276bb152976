// Every list route is paged (issue 13 item 6): limit/offset with a maximum page size, X-Total-Count and
// Link headers, documented in OpenAPI; routes added later are paged without code of their own.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

test("a release diff's four lists are paged together: limit and offset apply to each, totals give each whole count", async () => {
  const store = api.fresh.store;
  const product = await services.createProduct(store, { name: 'Diffed' });
  const from = await services.createRelease(store, { productId: product.id, number: '1' });
  const to = await services.createRelease(store, { productId: product.id, number: '2' });
  const bom = (names: string[], version: string) =>
    JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      components: names.map((n) => ({ type: 'library', name: n, version, purl: `pkg:npm/${n}@${version}` })),
    });
  // 5 removed (r*), 7 added (a*), 3 upgraded (k*: 1.0.0 → 2.0.0).
  const kept = ['k0', 'k1', 'k2'];
  await services.importDocument(store, from.id, {
    content: bom([...kept, 'r0', 'r1', 'r2', 'r3', 'r4'], '1.0.0'),
  });
  await services.importDocument(store, to.id, {
    content: bom([...kept, ...Array.from({ length: 7 }, (_, i) => `a${i}`)], '2.0.0'),
  });
  const url = `/api/queries/diff?from=${from.id}&to=${to.id}`;
  const whole = (await api.app.inject({ method: 'GET', url, headers: co })).json() as Record<string, unknown[]> & {
    totals: Record<string, number>;
  };
  assert.deepEqual(whole.totals, { added: 7, removed: 5, versionChanged: 3, choiceChanged: 0 });
  assert.deepEqual(
    [whole.added.length, whole.removed.length, whole.versionChanged.length],
    [7, 5, 3],
    'the default page holds a small diff whole',
  );

  const page = await api.app.inject({ method: 'GET', url: `${url}&limit=2&offset=4`, headers: co });
  assert.equal(page.statusCode, 200);
  const body = page.json() as typeof whole;
  assert.deepEqual(body.added, whole.added.slice(4, 6));
  assert.deepEqual(body.removed, whole.removed.slice(4, 6));
  assert.deepEqual(body.versionChanged, []);
  assert.deepEqual(body.totals, whole.totals, 'totals are the whole counts on every page');
  assert.equal(page.headers['x-total-count'], '7', 'the longest list');
  assert.match(String(page.headers.link), /limit=2&offset=6>; rel="next"/);
  const last = await api.app.inject({ method: 'GET', url: `${url}&limit=2&offset=6`, headers: co });
  assert.deepEqual((last.json() as typeof whole).added, whole.added.slice(6));
  assert.doesNotMatch(String(last.headers.link), /next/);
  const tooBig = await api.app.inject({ method: 'GET', url: `${url}&limit=${PAGE_SIZE.max + 1}`, headers: co });
  assert.equal(tooBig.statusCode, 400);
});

test("a vulnerability diff's two lists are paged together, with their whole counts", async () => {
  const store = api.fresh.store;
  const dir = mkdtempSync(join(tmpdir(), 'vigie-vdiff-'));
  try {
    const product = await services.createProduct(store, { name: 'Vuln diffed' });
    const from = await services.createRelease(store, { productId: product.id, number: '1' });
    const to = await services.createRelease(store, { productId: product.id, number: '2' });
    const bom = (names: string[]) =>
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        version: 1,
        components: names.map((n) => ({ type: 'library', name: n, version: '1.0.0', purl: `pkg:npm/${n}@1.0.0` })),
      });
    // Every package is affected below 2.0.0: 5 fixed (f*, only in the first release), 7 introduced (i*).
    const fixed = Array.from({ length: 5 }, (_, i) => `vd-f${i}`);
    const introduced = Array.from({ length: 7 }, (_, i) => `vd-i${i}`);
    await services.importDocument(store, from.id, { content: bom(fixed) });
    await services.importDocument(store, to.id, { content: bom(introduced) });
    const records = join(dir, 'records.json');
    writeFileSync(
      records,
      JSON.stringify(
        [...fixed, ...introduced].map((name, i) => ({
          schema_version: '1.6.0',
          id: `GHSA-vdif-${String(1000 + i)}-xxxx`,
          modified: '2024-01-01T00:00:00Z',
          affected: [
            {
              package: { ecosystem: 'npm', name },
              ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '2.0.0' }] }],
            },
          ],
        })),
      ),
    );
    await services.importVulnDatabase(store, [records], { now: '2026-12-04T06:00:00.000Z' });
    await services.scanAllReleases(store, 'database', '2026-12-04T06:00:01.000Z');

    const url = `/api/vulnerabilities/diff?from=${from.id}&to=${to.id}`;
    type Diff = { introduced: { component: string }[]; fixed: { component: string }[]; totals: Record<string, number> };
    const whole = (await api.app.inject({ method: 'GET', url, headers: co })).json() as Diff;
    assert.deepEqual(whole.totals, { introduced: 7, fixed: 5 });
    assert.deepEqual([whole.introduced.length, whole.fixed.length], [7, 5], 'the default page holds it whole');

    const page = await api.app.inject({ method: 'GET', url: `${url}&limit=2&offset=4`, headers: co });
    assert.equal(page.statusCode, 200);
    const body = page.json() as Diff;
    assert.deepEqual(body.introduced, whole.introduced.slice(4, 6));
    assert.deepEqual(body.fixed, whole.fixed.slice(4, 6));
    assert.deepEqual(body.totals, whole.totals, 'totals are the whole counts on every page');
    assert.equal(page.headers['x-total-count'], '7');
    assert.match(String(page.headers.link), /limit=2&offset=6>; rel="next"/);
    const tooBig = await api.app.inject({ method: 'GET', url: `${url}&limit=${PAGE_SIZE.max + 1}`, headers: co });
    assert.equal(tooBig.statusCode, 400);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
