// A path under a method it does not take answers 405 with `Allow` (not 404), OPTIONS says what a path
// takes, and a query parameter a route does not declare is refused by name instead of ignored. Every
// registered path is tried from the route table, under a wrong method and under each right one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as services from '../../src/services/index.js';
import { sqliteTarget } from '../store/support/databases.js';
import { bearer, startApi, type ApiHarness } from './support.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

let api: ApiHarness;
before(async () => {
  api = await startApi(sqliteTarget(), { logger: false });
  const product = await services.createProduct(api.fresh.store, { name: 'Routed' });
  await services.createRelease(api.fresh.store, { productId: product.id, number: '1' });
});
after(async () => api.close());

/** A concrete URL for a route pattern: ids are 1, a licence is MIT. */
function concrete(url: string): string {
  return url.replace(/:license/g, 'MIT').replace(/:[A-Za-z]+/g, '1');
}

/** Each registered path with the methods registered on it. */
function pathTable(): Map<string, Set<string>> {
  const table = new Map<string, Set<string>>();
  for (const route of api.app.routeCatalogue) {
    if (route.url.includes('*')) continue;
    const methods = table.get(route.url) ?? new Set<string>();
    methods.add(route.method);
    table.set(route.url, methods);
  }
  return table;
}

test('every registered path answers 405 with Allow under a wrong method, and routes under the right ones', async () => {
  const table = pathTable();
  assert.ok(table.size >= 60, `only ${table.size} paths`);
  let refused = 0;
  for (const [pattern, methods] of table) {
    const url = concrete(pattern);
    // Other patterns may match the same concrete URL (/api/releases/recent and /api/releases/:id):
    // the methods any of them takes are the ones the path takes.
    const allowed = new Set<string>();
    for (const [other, otherMethods] of table) {
      if (new RegExp(`^${other.replace(/:[A-Za-z]+/g, '[^/]+').replace(/\./g, '\\.')}$`).test(url))
        for (const m of otherMethods) allowed.add(m);
    }
    const wrong = METHODS.find((m) => !allowed.has(m));
    assert.ok(wrong, `${pattern} takes every method`);
    const res = await api.app.inject({ method: wrong, url, headers: bearer(api.tokens['compliance-officer']) });
    assert.equal(res.statusCode, 405, `${wrong} ${url}: ${res.statusCode} ${res.body}`);
    const body = res.json() as { error: { code: string; message: string; details: { allowed: string[] } } };
    assert.deepEqual(Object.keys(body), ['error']);
    assert.equal(body.error.code, 'method-not-allowed');
    const expected = [...allowed, 'OPTIONS', ...(allowed.has('GET') ? ['HEAD'] : [])].sort();
    assert.equal(res.headers.allow, expected.join(', '), `${wrong} ${url}`);
    assert.deepEqual(body.error.details.allowed, expected);
    assert.match(body.error.message, new RegExp(`^${wrong} is not allowed on `));
    refused++;

    // Each right method reaches the route: without a token a protected route says 401 (the router
    // found it: unknown paths are public 404s), a public one answers itself; neither is a 404 or 405.
    for (const method of methods) {
      const right = await api.app.inject({ method, url });
      assert.ok(right.statusCode !== 405, `${method} ${url}: 405`);
      if (right.statusCode === 404) assert.doesNotMatch(right.body, /No route/, `${method} ${url}`);
      const permission = api.app.routeCatalogue.find((r) => r.url === pattern && r.method === method)?.permission;
      if (permission !== 'public') assert.equal(right.statusCode, 401, `${method} ${url}: ${right.body}`);
    }

    const options = await api.app.inject({ method: 'OPTIONS', url });
    assert.equal(options.statusCode, 204, `OPTIONS ${url}`);
    assert.equal(options.headers.allow, expected.join(', '));
  }
  assert.equal(refused, table.size);
});

test('HEAD on a GET route answers its headers; a path no route has is still a 404', async () => {
  const co = bearer(api.tokens['compliance-officer']);
  const head = await api.app.inject({ method: 'HEAD', url: '/api/products', headers: co });
  assert.equal(head.statusCode, 200);
  assert.equal(head.headers['x-total-count'], '1');
  assert.equal(head.body, '');
  for (const method of ['GET', 'DELETE', 'OPTIONS'] as const) {
    const res = await api.app.inject({ method, url: '/api/no-such-thing', headers: co });
    assert.equal(res.statusCode, 404, method);
    assert.equal(res.json().error.code, 'not-found');
    assert.equal(res.headers.allow, undefined);
  }
  // One segment too many is another path, not the same one under another method.
  const deeper = await api.app.inject({ method: 'GET', url: '/api/products/1/nothing', headers: co });
  assert.equal(deeper.statusCode, 404);
});

test('an undeclared query parameter is refused by name, on list routes and on routes that take none', async () => {
  const co = bearer(api.tokens['compliance-officer']);
  const typo = await api.app.inject({ method: 'GET', url: '/api/products?limt=5', headers: co });
  assert.equal(typo.statusCode, 400);
  const error = typo.json().error as { code: string; message: string; details: Array<{ field: string }> };
  assert.equal(error.code, 'validation-failed');
  assert.match(error.message, /"limt"/);
  assert.match(error.message, /it takes limit, offset/);
  assert.deepEqual(
    error.details.map((d) => d.field),
    ['querystring/limt'],
  );

  const none = await api.app.inject({ method: 'GET', url: '/api/products/1?verbose=1&x=2', headers: co });
  assert.equal(none.statusCode, 400);
  assert.match(none.json().error.message, /"verbose", "x" on GET \/api\/products\/:id \(it takes none\)/);

  // Writes too: a query on a POST that declares none.
  const post = await api.app.inject({
    method: 'POST',
    url: '/api/products?dryRun=true',
    headers: { ...co, 'content-type': 'application/json' },
    payload: { name: 'Not created' },
  });
  assert.equal(post.statusCode, 400);
  assert.equal((await services.listProducts(api.fresh.store)).length, 1, 'the refused request created nothing');

  // No route leaves its query open (the guard checks closed schemas; an open one would ignore typos again).
  for (const route of api.app.routeCatalogue) {
    const query = route.schema.querystring as { additionalProperties?: unknown } | undefined;
    if (query) assert.equal(query.additionalProperties, false, `${route.method} ${route.url} has an open query`);
  }
  const jobs = await api.app.inject({ method: 'GET', url: '/api/jobs?stat=failed', headers: co });
  assert.equal(jobs.statusCode, 400);
  assert.match(jobs.json().error.message, /"stat" on GET \/api\/jobs \(it takes state, releaseId, limit, offset\)/);

  // Declared parameters still pass, and a public route is checked too.
  const ok = await api.app.inject({ method: 'GET', url: '/api/products?limit=5&offset=0', headers: co });
  assert.equal(ok.statusCode, 200);
  assert.equal((await api.app.inject({ method: 'GET', url: '/health?probe=1' })).statusCode, 400);
  assert.equal((await api.app.inject({ method: 'GET', url: '/health' })).statusCode, 200);
});
