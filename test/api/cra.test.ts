// The CRA routes: guests read, legal and compliance officers edit, project managers do not; bad input
// is a 4xx naming the field, and nothing is written; every change lands in the evidence log.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sqliteTarget } from '../store/support/databases.js';
import { bearer, startApi, type ApiHarness } from './support.js';
import { openCaseClocks, openReportingCase, updateReportingCase } from '../../src/services/index.js';
import { formatTimeLeft } from '../../src/cra/reporting/case-clocks.js';

let api: ApiHarness;
let productId: number;
before(async () => {
  api = await startApi(sqliteTarget());
  const created = await api.app.inject({
    method: 'POST',
    url: '/api/products',
    headers: bearer(api.tokens['compliance-officer']),
    payload: { name: 'Gateway' },
  });
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
  assert.equal(
    (await call('project-manager', 'PUT', `/api/products/${productId}/cra/annex-i/I.a`, { status: 'in-progress' }))
      .statusCode,
    403,
  );

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

  const annex = await call('compliance-officer', 'PUT', `/api/products/${productId}/cra/annex-i/II.5`, {
    status: 'met',
    evidence: ['https://gateway.example/cvd'],
  });
  assert.equal(annex.statusCode, 200, annex.body);
  assert.equal(annex.json().requirements.find((r: { id: string }) => r.id === 'II.5').status, 'met');

  const log = await call('guest', 'GET', `/api/evidence?subject=product:Gateway`);
  assert.deepEqual(
    log.json().map((e: { kind: string; actor: string }) => [e.kind, e.actor]),
    [
      ['cra-record.updated', 'legal token'],
      ['annex-i.set', 'compliance-officer token'],
    ],
  );
  const verdict = await call('guest', 'GET', '/api/evidence/verify');
  assert.deepEqual([verdict.json().ok, verdict.json().entries], [true, 2]);
});

test('bad input: named, 4xx, nothing written', async () => {
  const before = (await call('guest', 'GET', '/api/evidence')).json().length;
  for (const [method, url, payload, status, message] of [
    [
      'PATCH',
      `/api/products/${productId}/cra`,
      { cvd: { contacts: ['http://insecure.example'] } },
      400,
      /cvd\.contacts\.0: "http:\/\/insecure\.example" is not a contact URI/,
    ],
    [
      'PATCH',
      `/api/products/${productId}/cra`,
      { support: { start: '2028-01-01', endMonth: '2027-13' } },
      400,
      /support\.endMonth/,
    ],
    ['PATCH', `/api/products/${productId}/cra`, { coreFunction: 'x'.repeat(70_000) }, 400, /coreFunction|65536/],
    ['PATCH', `/api/products/${productId}/cra`, { colour: 'red' }, 400, /colour|additional/],
    ['PATCH', `/api/products/${productId}/cra`, {}, 400, /fewer than 1|minProperties|must NOT have fewer/],
    [
      'PUT',
      `/api/products/${productId}/cra/annex-i/I.z`,
      { status: 'met', evidence: ['x'] },
      400,
      /unknown Annex I requirement "I\.z"/,
    ],
    ['PUT', `/api/products/${productId}/cra/annex-i/I.c`, { status: 'not-applicable' }, 400, /written reason/],
    ['PUT', `/api/products/999999/cra/annex-i/I.c`, { status: 'in-progress' }, 404, /product #999999 not found/],
  ] as const) {
    const res = await call('compliance-officer', method, url, payload);
    assert.equal(
      res.statusCode,
      status,
      `${method} ${url} ${JSON.stringify(payload).slice(0, 80)}: ${res.body.slice(0, 300)}`,
    );
    assert.match(res.json().error.message + JSON.stringify(res.json().error.details ?? ''), message);
  }
  assert.equal((await call('guest', 'GET', '/api/evidence')).json().length, before);
});

test('documents: a guest downloads the zip and security.txt (nothing logged); issuing them is cra:write and logged', async () => {
  const before = (await call('guest', 'GET', '/api/evidence')).json().length;
  const zip = await call('guest', 'GET', `/api/products/${productId}/cra/documents.zip?date=2026-12-04`);
  assert.equal(zip.statusCode, 200, zip.body.slice(0, 200));
  assert.equal(zip.headers['content-type'], 'application/zip');
  assert.match(String(zip.headers['content-disposition']), /attachment; filename="Gateway-cra-documents\.zip"/);
  assert.equal(zip.rawPayload.readUInt32LE(0), 0x04034b50);
  const again = await call('guest', 'GET', `/api/products/${productId}/cra/documents.zip?date=2026-12-04`);
  assert.deepEqual(again.rawPayload, zip.rawPayload);
  const txt = await call('guest', 'GET', `/api/products/${productId}/cra/security.txt`);
  assert.equal(txt.statusCode, 200);
  assert.match(txt.body, /^Contact: mailto:psirt@gateway\.example$/m);
  assert.equal((await call('guest', 'GET', '/api/evidence')).json().length, before);

  assert.equal(
    (
      await api.app.inject({
        method: 'POST',
        url: `/api/products/${productId}/cra/documents`,
        headers: bearer(api.tokens.guest),
      })
    ).statusCode,
    403,
  );
  const issued = await api.app.inject({
    method: 'POST',
    url: `/api/products/${productId}/cra/documents?date=2026-12-04`,
    headers: bearer(api.tokens.legal),
  });
  assert.equal(issued.statusCode, 200, issued.body.slice(0, 200));
  assert.deepEqual(issued.rawPayload, zip.rawPayload);
  const log = (await call('guest', 'GET', '/api/evidence')).json();
  assert.equal(log.length, before + 1);
  assert.equal(log.at(-1).kind, 'documents.generated');
  assert.equal(
    (await call('guest', 'GET', `/api/products/${productId}/cra/documents.zip?date=04-12-2026`)).statusCode,
    400,
  );
});

test('case clocks: open cases with their next deadline, due-soon under six hours, closed cases left out', async () => {
  const store = api.fresh.store;
  const a = await openReportingCase(store, {
    product: 'Gateway',
    type: 'vulnerability',
    title: 'RCE',
    awareAt: '2026-10-31T10:17Z',
  });
  const b = await openReportingCase(store, {
    product: 'Gateway',
    type: 'incident',
    title: 'Key stolen',
    awareAt: '2026-10-30T10:17Z',
  });
  const c = await openReportingCase(store, {
    product: 'Gateway',
    type: 'incident',
    title: 'Old',
    awareAt: '2026-10-01T10:17Z',
  });
  await updateReportingCase(store, c.id, { status: 'closed' });
  const clocks = await openCaseClocks(store, new Date('2026-11-01T05:00:00Z'));
  assert.deepEqual([clocks.open, clocks.dueSoon, clocks.overdue], [2, 1, 1]);
  assert.deepEqual(
    clocks.cases.map((x) => [x.id, x.next?.stage, x.next?.state, x.next?.due]),
    [
      [b.id, 'early-warning', 'overdue', '2026-10-31T10:17:00.000Z'],
      [a.id, 'early-warning', 'due-soon', '2026-11-01T10:17:00.000Z'],
    ],
  );
  assert.equal(
    formatTimeLeft(clocks.cases[1]!.next!.msLeft!),
    '05 h 17 min',
    'the time left the dashboard prints, at the fixed clock',
  );
  const res = await call('guest', 'GET', '/api/cra/case-clocks');
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().open, 2);
});

test('case proposals: anyone reads them per product; only legal and compliance officers open a case from one; an unknown proposal is a 400, a taken one a 409', async () => {
  const list = await api.app.inject({
    method: 'GET',
    url: `/api/cra/case-proposals?productId=${productId}`,
    headers: bearer(api.tokens.guest),
  });
  assert.equal(list.statusCode, 200);
  assert.deepEqual(list.json(), [], 'no published release with a KEV match');
  assert.equal(
    (
      await api.app.inject({
        method: 'GET',
        url: '/api/cra/case-proposals?productId=abc',
        headers: bearer(api.tokens.guest),
      })
    ).statusCode,
    400,
  );
  const body = { productId, release: '1.0', vulnerability: 'CVE-2021-44906' };
  for (const role of ['guest', 'project-manager'] as const) {
    assert.equal(
      (
        await api.app.inject({
          method: 'POST',
          url: '/api/cra/case-proposals/open',
          headers: bearer(api.tokens[role]),
          payload: body,
        })
      ).statusCode,
      403,
      role,
    );
  }
  const none = await api.app.inject({
    method: 'POST',
    url: '/api/cra/case-proposals/open',
    headers: bearer(api.tokens.legal),
    payload: body,
  });
  assert.equal(none.statusCode, 400);
  assert.match(none.json().error.message, /no current case proposal for CVE-2021-44906 in Gateway 1\.0/);
  assert.equal(
    (
      await api.app.inject({
        method: 'POST',
        url: '/api/cra/case-proposals/open',
        headers: bearer(api.tokens.legal),
        payload: { ...body, extra: 1 },
      })
    ).statusCode,
    400,
  );
  await openReportingCase(api.fresh.store, {
    product: 'Gateway',
    type: 'vulnerability',
    title: 'known',
    vulnerabilityId: 'CVE-2021-44906',
    awareAt: '2026-12-01T00:00Z',
  });
  const taken = await api.app.inject({
    method: 'POST',
    url: '/api/cra/case-proposals/open',
    headers: bearer(api.tokens['compliance-officer']),
    payload: body,
  });
  assert.equal(taken.statusCode, 409);
  assert.match(taken.json().error.message, /already names CVE-2021-44906 for Gateway/);
});
