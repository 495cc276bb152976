// GET /api/releases/:id/validation sent the run's report whole beside its steps: report.steps repeated
// `steps` byte for byte and report.usages listed every usage's resolved licence (the BOM's to page).
// On a 100k-component release with blockers the answer was 263 MB, took 9 s to build and stopped
// /health answering meanwhile (the release page opens on it). The report now comes as its summary.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as services from '../../src/services/index.js';
import { sqliteTarget } from '../store/support/databases.js';
import { bearer, startApi, type ApiHarness } from './support.js';

const COMPONENTS = 1_200;
const LICENCES = ['MIT', 'GPL-2.0-only OR MIT', 'Some Licence v3', 'BSD-3-Clause AND MIT', 'LGPL-2.1-or-later'];

function document(): string {
  const components = Array.from({ length: COMPONENTS }, (_, i) => {
    const licence = LICENCES[i % LICENCES.length]!;
    return {
      type: 'library',
      name: `pkg-${i}`,
      version: '1.0.0',
      purl: `pkg:npm/pkg-${i}@1.0.0`,
      licenses: /OR|AND/.test(licence)
        ? [{ expression: licence }]
        : / /.test(licence)
          ? [{ license: { name: licence } }]
          : [{ license: { id: licence } }],
    };
  });
  return JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components });
}

let api: ApiHarness;
let releaseId: number;
before(async () => {
  api = await startApi(sqliteTarget());
  const product = await services.createProduct(api.fresh.store, { name: 'Many blockers' });
  releaseId = (await services.createRelease(api.fresh.store, { productId: product.id, number: '1' })).id;
  const res = await api.app.inject({
    method: 'POST',
    url: `/api/releases/${releaseId}/imports`,
    headers: { ...bearer(api.tokens['project-manager']), 'content-type': 'application/json' },
    payload: document(),
  });
  assert.equal(res.statusCode, 201, res.body);
});
after(async () => api.close());

test('the validation answer carries each blocker once and the report as its summary', async () => {
  const res = await api.app.inject({
    method: 'GET',
    url: `/api/releases/${releaseId}/validation`,
    headers: bearer(api.tokens.guest),
  });
  assert.equal(res.statusCode, 200);
  const answer = res.json() as {
    steps: Array<{ blockers: unknown[] }>;
    report: Record<string, unknown>;
  };
  const blockers = answer.steps.reduce((n, s) => n + s.blockers.length, 0);
  assert.ok(blockers > COMPONENTS / 2, `${blockers} blockers`);
  assert.deepEqual(Object.keys(answer.report).sort(), [
    'blockerCount',
    'releaseId',
    'settings',
    'usageCount',
    'validationStep',
  ]);
  assert.equal(answer.report.usageCount, COMPONENTS);
  assert.equal(answer.report.blockerCount, blockers);
  // Beside what the service holds, measured in the same run: the steps once, not twice plus the usages.
  const whole = await services.releaseValidation(api.fresh.store, releaseId);
  const wholeBytes = Buffer.byteLength(JSON.stringify(whole));
  const stepsBytes = Buffer.byteLength(JSON.stringify(whole.steps));
  const sent = Buffer.byteLength(res.body);
  assert.ok(sent < stepsBytes * 1.05, `sent ${sent} bytes for ${stepsBytes} bytes of steps`);
  assert.ok(sent < wholeBytes * 0.55, `sent ${sent} of ${wholeBytes} bytes`);
  // The per-usage licences are the BOM's, paged.
  const bom = await api.app.inject({
    method: 'GET',
    url: `/api/releases/${releaseId}/usages?limit=10`,
    headers: bearer(api.tokens.guest),
  });
  assert.equal(bom.headers['x-total-count'], String(COMPONENTS));
});
