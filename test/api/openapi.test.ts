// The OpenAPI document (built from the API contract, ADR 33) documents every registered route.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sqliteTarget } from '../store/support/databases.js';
import { startApi, type ApiHarness } from './support.js';

let api: ApiHarness;
before(async () => {
  api = await startApi(sqliteTarget());
});
after(async () => api.close());

test('OpenAPI 3.1 at /api/openapi.json lists every registered route with its parameters', async () => {
  const res = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(res.statusCode, 200);
  const doc = JSON.parse(res.body) as {
    openapi: string;
    paths: Record<
      string,
      Record<
        string,
        { parameters?: Array<{ name: string; in: string }>; security?: unknown; responses: Record<string, unknown> }
      >
    >;
  };
  assert.equal(doc.openapi, '3.1.0');
  const routes = api.app.routeCatalogue;
  assert.ok(routes.length >= 45, `${routes.length} routes`);
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const op = doc.paths[path]?.[route.method.toLowerCase()];
    assert.ok(op, `${route.method} ${path} missing from the document`);
    for (const name of [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1])) {
      assert.ok(
        op.parameters?.some((p) => p.in === 'path' && p.name === name),
        `${route.method} ${path}: path parameter ${name}`,
      );
    }
    assert.equal(op.security === undefined, route.permission === 'public', `${route.method} ${path} security`);
    assert.ok(op.responses.default, 'error response documented');
  }
  const operations = Object.values(doc.paths).flatMap((p) => Object.keys(p));
  assert.equal(operations.length, routes.length, 'no operation without a route');
  // The upload route documents its non-JSON bodies.
  const upload = doc.paths['/api/releases/{id}/imports']!.post as unknown as {
    requestBody: { content: Record<string, unknown> };
  };
  assert.ok(upload.requestBody.content['multipart/form-data']);
});
