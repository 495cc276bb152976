// Issue 8 item 6 over HTTP: a licence only the normaliser could read blocks step 1 with a one-click
// curation; the organisation's acceptNormaliser setting is recorded (who, when), restricted to
// the roles that own the licence policy, re-validates the release, and is shown in the exports.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as services from '../../src/services/index.js';
import type { Blocker } from '../../src/compliance/finding.js';
import { sqliteTarget } from '../store/support/databases.js';
import { bearer, startApi, type ApiHarness } from './support.js';

const SBOM = {
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  version: 1,
  components: [
    {
      type: 'library',
      'bom-ref': 'a',
      name: 'junit-jupiter-engine',
      group: 'org.junit.jupiter',
      version: '5.2.0',
      purl: 'pkg:maven/org.junit.jupiter/junit-jupiter-engine@5.2.0',
      licenses: [{ license: { name: 'Eclipse Public License v2.0' } }],
    },
    {
      type: 'library',
      'bom-ref': 'b',
      name: 'left-pad',
      version: '1.3.0',
      purl: 'pkg:npm/left-pad@1.3.0',
      licenses: [{ license: { id: 'WTFPL' } }],
    },
  ],
};

let api: ApiHarness;
let releaseId: number;
before(async () => {
  api = await startApi(sqliteTarget());
  const store = api.fresh.store;
  const product = await services.createProduct(store, { name: 'normaliser', outboundLicenses: ['MIT'] });
  releaseId = (await services.createRelease(store, { productId: product.id, number: '1' })).id;
  await services.importDocument(store, releaseId, {
    content: Buffer.from(JSON.stringify(SBOM)),
    fileName: 'bom.json',
    author: 'test',
  });
});
after(async () => api.close());

const as = (role: keyof ApiHarness['tokens']) => bearer(api.tokens[role]);
const put = (role: keyof ApiHarness['tokens'], payload: unknown) =>
  api.app.inject({
    method: 'PUT',
    url: '/api/policy-settings',
    headers: { ...as(role), 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
  });

async function stepOne(): Promise<Blocker[]> {
  const res = await api.app.inject({
    method: 'GET',
    url: `/api/releases/${releaseId}/validation`,
    headers: as('guest'),
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().steps[0].blockers as Blocker[];
}

test('by default a normalised licence waits for a curation, offered with its confidence', async () => {
  const settings = await api.app.inject({ method: 'GET', url: '/api/policy-settings', headers: as('guest') });
  assert.deepEqual(settings.json(), { acceptNormaliser: 'off', updatedBy: null, updatedAt: null });
  const blockers = await stepOne();
  assert.deepEqual(
    blockers.map((b) => b.kind),
    ['normalised-needs-curation'],
  );
  const proposal = blockers[0].fix.proposal!;
  assert.deepEqual(
    [proposal.type, proposal.fromExpression, proposal.toExpression, proposal.confidence],
    ['curation', 'Eclipse Public License v2.0', 'EPL-2.0', 'high'],
  );
});

test('only legal and compliance officers change settings; bad values are refused and change nothing', async () => {
  for (const role of ['guest', 'project-manager'] as const)
    assert.equal((await put(role, { acceptNormaliser: 'high' })).statusCode, 403, role);
  for (const payload of [{ acceptNormaliser: 'medium' }, {}, { acceptNormaliser: 'high', trustAll: true }]) {
    const res = await put('legal', payload);
    assert.equal(res.statusCode, 400, JSON.stringify(payload));
    assert.ok(['invalid-input', 'validation-failed'].includes(res.json().error.code), res.body);
  }
  assert.equal((await services.getPolicySettings(api.fresh.store)).acceptNormaliser, 'off');
  assert.equal((await stepOne()).length, 1);
});

test('acceptNormaliser=high is recorded, re-validates the release and shows in the exports; the one-click curation works too', async () => {
  const runsBefore = (await services.listValidationRuns(api.fresh.store, releaseId)).length;
  const res = await put('legal', { acceptNormaliser: 'high' });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().acceptNormaliser, 'high');
  assert.equal(res.json().updatedBy, 'legal token');
  const runs = await services.listValidationRuns(api.fresh.store, releaseId);
  assert.equal(runs.length, runsBefore + 1);
  const newest = runs.reduce((a, b) => (b.id > a.id ? b : a));
  assert.equal(newest.reason, 'policy');
  assert.deepEqual(await stepOne(), []);
  const validation = (
    await api.app.inject({ method: 'GET', url: `/api/releases/${releaseId}/validation`, headers: as('guest') })
  ).json();
  assert.deepEqual(validation.report.settings, { acceptNormaliser: 'high' });
  const csv = (await api.app.inject({ method: 'GET', url: `/api/releases/${releaseId}/bom.csv`, headers: as('guest') }))
    .body;
  const [header, ...rows] = csv
    .trim()
    .split('\r\n')
    .map((l) => l.split(','));
  const junit = rows.find((r) => r[0] === 'org.junit.jupiter/junit-jupiter-engine')!;
  assert.equal(junit[header.indexOf('accept_normaliser')], 'high');
  assert.equal(junit[header.indexOf('normalised')], 'EPL-2.0');
  assert.equal(junit[header.indexOf('curated')], '');
  const xml = (await api.app.inject({ method: 'GET', url: `/api/releases/${releaseId}/junit`, headers: as('guest') }))
    .body;
  assert.ok(xml.includes('<property name="acceptNormaliser" value="high"/>'));

  // Back to off: the blocker returns, and recording its proposal (what the UI's button sends) clears it.
  assert.equal((await put('compliance-officer', { acceptNormaliser: 'off' })).statusCode, 200);
  const [blocker] = await stepOne();
  const { fromExpression, toExpression } = blocker.fix.proposal!;
  const decided = await api.app.inject({
    method: 'POST',
    url: '/api/decisions',
    headers: { ...as('legal'), 'content-type': 'application/json' },
    payload: JSON.stringify({
      type: 'curation',
      kind: 'curation',
      component: null,
      version: null,
      fromExpression,
      toExpression,
      explanation: "the normaliser's answer, checked",
    }),
  });
  assert.equal(decided.statusCode, 201, decided.body);
  assert.deepEqual(await stepOne(), []);
  const after = (
    await api.app.inject({ method: 'GET', url: `/api/releases/${releaseId}/bom.csv`, headers: as('guest') })
  ).body
    .trim()
    .split('\r\n')
    .map((l) => l.split(','));
  assert.equal(
    after.find((r) => r[0] === 'org.junit.jupiter/junit-jupiter-engine')![after[0].indexOf('curated')],
    'EPL-2.0',
  );
});
