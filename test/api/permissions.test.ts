// Every registered route × every role: the permission table is what the server enforces.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, type Role } from '../../src/model/access.js';
import { ROLE_PERMISSIONS, roleHas } from '../../src/server/index.js';
import { sqliteTarget } from '../store/support/databases.js';
import { bearer, startApi, type ApiHarness } from './support.js';

let api: ApiHarness;
before(async () => {
  api = await startApi(sqliteTarget());
});
after(async () => api.close());

/** A concrete URL for a route pattern: ids are 1, a licence is MIT. */
function concrete(url: string): string {
  return url.replace(/:license/g, 'MIT').replace(/:[A-Za-z]+/g, '1');
}

const apiRoutes = () => api.app.routeCatalogue.filter((r) => r.url.startsWith('/api'));

test('every /api route declares a permission and the guest role holds only read', () => {
  assert.ok(apiRoutes().length >= 40, `only ${apiRoutes().length} routes`);
  assert.deepEqual([...ROLE_PERMISSIONS.guest].sort(), ['public', 'read']);
  for (const route of apiRoutes()) {
    if (route.method !== 'GET' && route.permission === 'read') {
      // Reading with a body (a diff against an uploaded reference) is a non-GET read; recording that
      // the caller consulted a release only feeds their own dashboard (GETs never write, so it is a POST).
      assert.match(
        route.url,
        /\/diff$|^\/api\/releases\/:id\/views$/,
        `${route.method} ${route.url} changes state but only needs read`,
      );
    }
  }
});

test('each role gets 403 exactly where the table says so, and 401 without a token', async () => {
  let forbidden = 0;
  let allowed = 0;
  for (const route of apiRoutes()) {
    const url = concrete(route.url);
    const anonymous = await api.app.inject({ method: route.method, url });
    if (route.permission === 'public') assert.notEqual(anonymous.statusCode, 401, url);
    else {
      assert.equal(anonymous.statusCode, 401, `${route.method} ${url} without token`);
      assert.equal(anonymous.json().error.code, 'unauthenticated');
    }
    for (const role of ROLES) {
      // Mutations by a role that may do them would change the data the next routes see; only
      // the refusals are exercised for writes, allowed reads are called for real.
      const mayDo = roleHas(role, route.permission);
      if (mayDo && route.method !== 'GET') continue;
      const res = await api.app.inject({
        method: route.method,
        url,
        headers: bearer(api.tokens[role]),
        payload: route.method === 'GET' ? undefined : {},
      });
      if (mayDo) {
        allowed++;
        assert.ok(
          res.statusCode !== 401 && res.statusCode !== 403,
          `${role} ${route.method} ${url}: ${res.statusCode} ${res.body}`,
        );
      } else {
        forbidden++;
        assert.equal(res.statusCode, 403, `${role} ${route.method} ${url}: ${res.statusCode}`);
        assert.equal(res.json().error.code, 'forbidden');
      }
    }
  }
  assert.ok(forbidden > 30 && allowed > 50, `forbidden ${forbidden}, allowed ${allowed}`);
});

test('a guest token cannot change anything: every non-GET route answers 403 and nothing is created', async () => {
  const guest = bearer(api.tokens.guest);
  const writes = apiRoutes().filter((r) => r.method !== 'GET' && r.permission !== 'read' && r.permission !== 'public');
  assert.ok(writes.length >= 15);
  for (const route of writes) {
    const res = await api.app.inject({
      method: route.method,
      url: concrete(route.url),
      headers: guest,
      payload: { name: 'sneaky', number: '1' },
    });
    assert.equal(res.statusCode, 403, `${route.method} ${route.url}`);
  }
  const products = await api.app.inject({ method: 'GET', url: '/api/products', headers: guest });
  assert.equal(products.statusCode, 200);
  assert.deepEqual(products.json(), []);
  assert.equal((await api.fresh.store.listDecisions()).length, 0);
});

test('roles split the work: project manager runs the portfolio, legal records decisions', async () => {
  const as = (role: Role) => bearer(api.tokens[role]);
  const product = await api.app.inject({
    method: 'POST',
    url: '/api/products',
    headers: as('project-manager'),
    payload: { name: 'Split' },
  });
  assert.equal(product.statusCode, 201);
  const legalProduct = await api.app.inject({
    method: 'POST',
    url: '/api/products',
    headers: as('legal'),
    payload: { name: 'Nope' },
  });
  assert.equal(legalProduct.statusCode, 403);
  const decision = {
    type: 'curation',
    component: 'pkg:npm/x',
    fromExpression: 'MIT/X11',
    toExpression: 'MIT',
    explanation: 'typo',
  };
  assert.equal(
    (await api.app.inject({ method: 'POST', url: '/api/decisions', headers: as('project-manager'), payload: decision }))
      .statusCode,
    403,
  );
  const recorded = await api.app.inject({
    method: 'POST',
    url: '/api/decisions',
    headers: as('legal'),
    payload: decision,
  });
  assert.equal(recorded.statusCode, 201, recorded.body);
  assert.equal(recorded.json().author, 'legal token');
});
