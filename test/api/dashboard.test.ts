// GET /api/dashboard lists open obligations: the compliance actions triggered in releases past the
// policy step, here a real CycloneDX SBOM (CERN's VdM editor) taken there through the API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { InjectOptions } from 'fastify';
import { corpus, needsCorpora, whenCorpora } from '../support/corpora.js';
import { sqliteTarget } from '../store/support/databases.js';
import { bearer, startApi, type ApiHarness } from './support.js';

const FILE = corpus('sboms', 'cyclonedx', 'bom-examples', 'SBOM', 'cern-lhc-vdm-editor-e564943', 'bom.json');
const licenseOf = whenCorpora(() =>
  (
    JSON.parse(readFileSync(FILE, 'utf8')) as { components: { licenses: { license: { id: string } }[] }[] }
  ).components.map((c) => c.licenses[0]!.license.id),
);

interface Dashboard {
  counts: Record<string, number>;
  openObligations: {
    release: { id: number; validationStep: number };
    productName: string | null;
    actions: { name: string; core: boolean; usages: number; licenses: string[] }[];
  }[];
}

let api: ApiHarness;
before(async () => {
  api = await startApi(sqliteTarget());
});
after(async () => api.close());

async function call(role: keyof ApiHarness['tokens'], options: InjectOptions, expected: number) {
  const res = await api.app.inject({ ...options, headers: { ...bearer(api.tokens[role]), ...options.headers } });
  assert.equal(res.statusCode, expected, `${options.method} ${options.url}: ${res.body.slice(0, 300)}`);
  return res.json();
}
const dashboard = (): Promise<Dashboard> => call('guest', { method: 'GET', url: '/api/dashboard' }, 200);

test(
  'open obligations appear once the release passes the policy step, and go with the release',
  needsCorpora,
  async () => {
    const product = await call(
      'project-manager',
      { method: 'POST', url: '/api/products', payload: { name: 'VdM editor', outboundLicenses: ['MIT'] } },
      201,
    );
    const release = await call(
      'project-manager',
      { method: 'POST', url: `/api/products/${product.id}/releases`, payload: { number: 'e564943' } },
      201,
    );
    await call(
      'project-manager',
      {
        method: 'POST',
        url: `/api/releases/${release.id}/imports?fileName=bom.json`,
        payload: readFileSync(FILE),
        headers: { 'content-type': 'application/json' },
      },
      201,
    );
    await call(
      'project-manager',
      {
        method: 'POST',
        url: `/api/releases/${release.id}/exploitation-rules`,
        payload: { exploitation: 'distribution' },
      },
      201,
    );
    await call('guest', { method: 'GET', url: `/api/releases/${release.id}/validation` }, 200);
    assert.deepEqual((await dashboard()).openObligations, [], 'no policy yet: stopped before step 5');

    for (const license of new Set(licenseOf)) {
      await call(
        'legal',
        { method: 'PUT', url: `/api/licenses/${license}/policy`, payload: { allowed: 'always' } },
        200,
      );
    }
    const validation = await call('guest', { method: 'GET', url: `/api/releases/${release.id}/validation` }, 200);
    assert.ok(validation.validationStep >= 5, `step ${validation.validationStep}`);

    const summary = await dashboard();
    assert.equal(summary.counts.releases, 1);
    assert.equal(summary.openObligations.length, 1);
    const [open] = summary.openObligations;
    assert.equal(open!.release.id, release.id);
    assert.equal(open!.productName, 'VdM editor');
    // The plan of the release, triggered groups only, is what the dashboard summarises.
    const plan = await call('guest', { method: 'GET', url: `/api/releases/${release.id}/obligations` }, 200);
    const triggered = (plan.groups as { name: string; usages: unknown[] }[]).filter((g) => g.usages.length > 0);
    assert.deepEqual(
      open!.actions.map((a) => [a.name, a.usages]),
      triggered.map((g) => [g.name, g.usages.length]),
    );
    for (const a of open!.actions)
      assert.equal(a.usages, licenseOf.filter((l) => a.licenses.includes(l)).length, a.name);

    await call('project-manager', { method: 'DELETE', url: `/api/releases/${release.id}` }, 200);
    assert.deepEqual((await dashboard()).openObligations, []);
    const again = await api.app.inject({
      method: 'DELETE',
      url: `/api/releases/${release.id}`,
      headers: bearer(api.tokens['project-manager']),
    });
    assert.equal(again.statusCode, 404);
    assert.equal(again.json().error.code, 'not-found');
  },
);
