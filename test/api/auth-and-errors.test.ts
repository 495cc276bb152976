// Token checks (expired, revoked, unknown, admin from the environment) and the error table's shape.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ERROR_TABLE } from '../../src/server/index.js';
import { sqliteTarget } from '../store/support/databases.js';
import { bearer, startApi, type ApiHarness } from './support.js';
import { createToken } from '../../src/services/index.js';

const ADMIN_SECRET = 'demo-admin-secret-0123456789abcdef';
let api: ApiHarness;
before(async () => {
  api = await startApi(sqliteTarget(), { adminToken: ADMIN_SECRET });
});
after(async () => api.close());

function assertErrorBody(body: string, code: string): { code: string; message: string; details?: unknown } {
  const parsed = JSON.parse(body) as { error: { code: string; message: string; details?: unknown } };
  assert.deepEqual(Object.keys(parsed), ['error']);
  assert.equal(parsed.error.code, code);
  assert.ok(parsed.error.message.length > 0);
  assert.doesNotMatch(body, /\bat .+:\d+:\d+/, 'no stack trace');
  return parsed.error;
}

test('an expired token is rejected with 401 unauthenticated', async () => {
  const { secret } = await createToken(api.fresh.store, {
    name: 'old',
    role: 'compliance-officer',
    lifetimeMs: 1000,
    now: new Date('2020-01-01T00:00:00.000Z'),
  });
  const res = await api.app.inject({ method: 'GET', url: '/api/products', headers: bearer(secret) });
  assert.equal(res.statusCode, 401);
  assert.match(assertErrorBody(res.body, 'unauthenticated').message, /expired/);
});

test('a revoked token stops working at once', async () => {
  const { token, secret } = await createToken(api.fresh.store, { name: 'leaked', role: 'legal' });
  assert.equal((await api.app.inject({ method: 'GET', url: '/api/me', headers: bearer(secret) })).statusCode, 200);
  const revoke = await api.app.inject({
    method: 'DELETE',
    url: `/api/tokens/${token.id}`,
    headers: bearer(api.tokens['compliance-officer']),
  });
  assert.equal(revoke.statusCode, 200);
  const res = await api.app.inject({ method: 'GET', url: '/api/me', headers: bearer(secret) });
  assert.equal(res.statusCode, 401);
  assert.match(assertErrorBody(res.body, 'unauthenticated').message, /revoked/);
});

test('unknown and malformed tokens are 401; the env admin token is a compliance officer', async () => {
  assertErrorBody(
    (await api.app.inject({ method: 'GET', url: '/api/me', headers: bearer('vigie_nope') })).body,
    'unauthenticated',
  );
  assertErrorBody(
    (await api.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Basic abc' } })).body,
    'unauthenticated',
  );
  const me = await api.app.inject({ method: 'GET', url: '/api/me', headers: bearer(ADMIN_SECRET) });
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().role, 'compliance-officer');
});

test('tokens created through the API expire as asked and never show their hash', async () => {
  const res = await api.app.inject({
    method: 'POST',
    url: '/api/tokens',
    headers: bearer(api.tokens['compliance-officer']),
    payload: { name: 'ci', role: 'guest', expiresIn: '30d' },
  });
  assert.equal(res.statusCode, 201);
  const { token, secret } = res.json();
  assert.match(secret, /^vigie_/);
  assert.equal(token.tokenHash, undefined);
  const days = (Date.parse(token.expiresAt) - Date.parse(token.createdAt)) / 86_400_000;
  assert.ok(Math.abs(days - 30) < 0.01, `${days} days`);
  const list = await api.app.inject({
    method: 'GET',
    url: '/api/tokens',
    headers: bearer(api.tokens['compliance-officer']),
  });
  assert.doesNotMatch(list.body, /tokenHash|vigie_/);
});

test('schema violations are validation-failed with the field path', async () => {
  const co = bearer(api.tokens['compliance-officer']);
  const missing = await api.app.inject({ method: 'POST', url: '/api/products', headers: co, payload: { owner: 'x' } });
  assert.equal(missing.statusCode, 400);
  const error = assertErrorBody(missing.body, 'validation-failed');
  assert.deepEqual(
    (error.details as Array<{ field: string }>).map((d) => d.field),
    ['body/name'],
  );
  const badId = await api.app.inject({ method: 'GET', url: '/api/releases/abc', headers: co });
  assert.equal(
    (assertErrorBody(badId.body, 'validation-failed').details as Array<{ field: string }>)[0]!.field,
    'params/id',
  );
  const badEnum = await api.app.inject({
    method: 'POST',
    url: '/api/releases/1/exploitation-rules',
    headers: co,
    payload: { exploitation: 'everywhere' },
  });
  assert.equal(badEnum.statusCode, 400);
  const badJson = await api.app.inject({
    method: 'POST',
    url: '/api/products',
    headers: { ...co, 'content-type': 'application/json' },
    payload: '{"name": ',
  });
  assert.equal(badJson.statusCode, 400);
  assertErrorBody(badJson.body, 'validation-failed');
});

test('not-found, conflict and unknown routes use the table', async () => {
  const co = bearer(api.tokens['compliance-officer']);
  const missing = await api.app.inject({ method: 'GET', url: '/api/products/999', headers: co });
  assert.equal(missing.statusCode, 404);
  assertErrorBody(missing.body, 'not-found');
  await api.app.inject({ method: 'POST', url: '/api/categories', headers: co, payload: { name: 'Twice' } });
  const twice = await api.app.inject({
    method: 'POST',
    url: '/api/categories',
    headers: co,
    payload: { name: 'Twice' },
  });
  assert.equal(twice.statusCode, ERROR_TABLE.conflict.status);
  assertErrorBody(twice.body, 'conflict');
  assertErrorBody((await api.app.inject({ method: 'GET', url: '/api/no-such-thing', headers: co })).body, 'not-found');
});

test('/health answers without a store round trip and /ready reports the store', async () => {
  assert.deepEqual((await api.app.inject({ method: 'GET', url: '/health' })).json(), { status: 'ok' });
  assert.deepEqual((await api.app.inject({ method: 'GET', url: '/ready' })).json(), {
    status: 'ready',
    store: 'sqlite',
  });
});
