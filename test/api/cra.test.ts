// The CRA routes: guests read, legal and compliance officers edit, project managers do not; bad input
// is a 4xx naming the field, and nothing is written; every change lands in the evidence log.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sqliteTarget } from '../store/support/databases.js';
import { bearer, startApi, type ApiHarness } from './support.js';

let api: ApiHarness;
let productId: number;
before(async () => {
  api = await startApi(sqliteTarget());
  const created = await api.app.inject({ method: 'POST', url: '/api/products', headers: bearer(api.tokens['compliance-officer']), payload: { name: 'Gateway' } });
  productId = created.json().id;
});
after(async () => api.close());

const call = (role: keyof ApiHarness['tokens'], method: 'GET' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  api.app.inject({ method, url, headers: bearer(api.tokens[role]), payload });

test('roles: a guest reads, legal edits, a project manager may not', async () => {
  const read = await call('guest', 'GET', `/api/products/${productId}/cra`);
  assert.equal(read.statusCode, 200);
  assert.equal(read.json().requirements.length, 21);
  assert.equal((await call('guest', 'PATCH', `/api/products/${productId}/cra`, { coreFunction: 'x' })).statusCode, 403);
  assert.equal((await call('project-manager', 'PUT', `/api/products/${productId}/cra/annex-i/I.a`, { status: 'in-progress' })).statusCode, 403);

  const edited = await call('legal', 'PATCH', `/api/products/${productId}/cra`, {
    roleAnswers: { marketsUnderOwnName: true },
    category: 'smart-meter-gateway',
    route: 'module-a',
    cvd: { contacts: ['mailto:psirt@gateway.example'] },
  });
  assert.equal(edited.statusCode, 200, edited.body);
  const view = edited.json();
  assert.equal(view.assessment.classification.class, 'critical');
  assert.match(view.assessment.routeProblem, /critical products never use internal control/);
  assert.equal(view.updatedBy, 'legal token');

  const annex = await call('compliance-officer', 'PUT', `/api/products/${productId}/cra/annex-i/II.5`, { status: 'met', evidence: ['https://gateway.example/cvd'] });
  assert.equal(annex.statusCode, 200, annex.body);
  assert.equal(annex.json().requirements.find((r: { id: string }) => r.id === 'II.5').status, 'met');

  const log = await call('guest', 'GET', `/api/evidence?subject=product:Gateway`);
  assert.deepEqual(log.json().map((e: { kind: string; actor: string }) => [e.kind, e.actor]), [['cra-record.updated', 'legal token'], ['annex-i.set', 'compliance-officer token']]);
  const verdict = await call('guest', 'GET', '/api/evidence/verify');
  assert.deepEqual([verdict.json().ok, verdict.json().entries], [true, 2]);
});

test('bad input: named, 4xx, nothing written', async () => {
  const before = (await call('guest', 'GET', '/api/evidence')).json().length;
  for (const [method, url, payload, status, message] of [
    ['PATCH', `/api/products/${productId}/cra`, { cvd: { contacts: ['http://insecure.example'] } }, 400, /cvd\.contacts\.0: "http:\/\/insecure\.example" is not a contact URI/],
    ['PATCH', `/api/products/${productId}/cra`, { support: { start: '2028-01-01', endMonth: '2027-13' } }, 400, /support\.endMonth/],
    ['PATCH', `/api/products/${productId}/cra`, { coreFunction: 'x'.repeat(70_000) }, 400, /coreFunction|65536/],
    ['PATCH', `/api/products/${productId}/cra`, { colour: 'red' }, 400, /colour|additional/],
    ['PATCH', `/api/products/${productId}/cra`, {}, 400, /fewer than 1|minProperties|must NOT have fewer/],
    ['PUT', `/api/products/${productId}/cra/annex-i/I.z`, { status: 'met', evidence: ['x'] }, 400, /unknown Annex I requirement "I\.z"/],
    ['PUT', `/api/products/${productId}/cra/annex-i/I.c`, { status: 'not-applicable' }, 400, /written reason/],
    ['PUT', `/api/products/999999/cra/annex-i/I.c`, { status: 'in-progress' }, 404, /product #999999 not found/],
  ] as const) {
    const res = await call('compliance-officer', method, url, payload);
    assert.equal(res.statusCode, status, `${method} ${url} ${JSON.stringify(payload).slice(0, 80)}: ${res.body.slice(0, 300)}`);
    assert.match(res.json().error.message + JSON.stringify(res.json().error.details ?? ''), message);
  }
  assert.equal((await call('guest', 'GET', '/api/evidence')).json().length, before);
});
