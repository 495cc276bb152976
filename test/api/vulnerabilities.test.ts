// The vulnerability routes (issue 11 item 9) on a real store: an SBOM imported over HTTP is scanned
// against the database, a guest reads the findings but cannot triage, a project manager records a
// not_affected triage that the next read and the next release show, the OpenVEX download carries it
// and validates against the OpenVEX schema, "affected by" answers for an alias, bad input is a 400.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { sqliteTarget } from '../store/support/databases.js';
import { importVulnDatabase, scanAllReleases } from '../../src/services/index.js';
import { validateJsonSchema } from '../../src/schemas/index.js';
import { bearer, startApi, type ApiHarness } from './support.js';

let api: ApiHarness;
let dir: string;
before(async () => {
  api = await startApi(sqliteTarget());
  dir = mkdtempSync(join(tmpdir(), 'vigie-api-vuln-'));
});
after(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(role: keyof ApiHarness['tokens'], options: InjectOptions, expected: number) {
  const res = await api.app.inject({ ...options, headers: { ...bearer(api.tokens[role]), ...options.headers } });
  assert.equal(res.statusCode, expected, `${role} ${options.method} ${options.url}: ${res.body.slice(0, 400)}`);
  return res.headers['content-type']?.toString().includes('json') ? res.json() : res.body;
}

const sbom = (minimist: string) =>
  JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: { component: { type: 'application', name: 'shop', 'bom-ref': 'shop' } },
    components: [
      { type: 'library', 'bom-ref': 'm', name: 'minimist', version: minimist, purl: `pkg:npm/minimist@${minimist}` },
      { type: 'library', 'bom-ref': 'y', name: 'pyyaml', version: '5.3', purl: 'pkg:pypi/PyYAML@5.3' },
    ],
    dependencies: [{ ref: 'shop', dependsOn: ['m', 'y'] }],
  });

test('scan, read as guest, triage as project manager, reuse on the next release, OpenVEX download, affected by alias', async () => {
  const product = await call(
    'project-manager',
    { method: 'POST', url: '/api/products', payload: { name: 'shop' } },
    201,
  );
  const r1 = await call(
    'project-manager',
    { method: 'POST', url: `/api/products/${product.id}/releases`, payload: { number: '1.0' } },
    201,
  );
  const r2 = await call(
    'project-manager',
    { method: 'POST', url: `/api/products/${product.id}/releases`, payload: { number: '2.0' } },
    201,
  );
  for (const [r, v] of [
    [r1, '1.2.5'],
    [r2, '1.2.6'],
  ] as const) {
    await call(
      'project-manager',
      {
        method: 'POST',
        url: `/api/releases/${r.id}/imports?fileName=bom.json`,
        payload: sbom(v),
        headers: { 'content-type': 'application/json' },
      },
      201,
    );
  }
  // The database is loaded the way `vigie vuln db import` loads it (a CLI/job concern, not a route).
  const file = join(dir, 'osv.json');
  writeFileSync(
    file,
    JSON.stringify([
      {
        schema_version: '1.6.0',
        id: 'GHSA-xvch-5gv4-984h',
        modified: '2024-01-01T00:00:00Z',
        aliases: ['CVE-2021-44906'],
        summary: 'Prototype Pollution in minimist',
        affected: [
          {
            package: { ecosystem: 'npm', name: 'minimist' },
            ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.2.6' }] }],
          },
        ],
      },
      {
        schema_version: '1.6.0',
        id: 'PYSEC-2021-142',
        modified: '2024-01-01T00:00:00Z',
        aliases: ['CVE-2020-14343'],
        summary: 'PyYAML full_load',
        affected: [
          {
            package: { ecosystem: 'PyPI', name: 'pyyaml' },
            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '5.4' }] }],
          },
        ],
      },
    ]),
  );
  await importVulnDatabase(api.fresh.store, [file], { now: new Date().toISOString() });
  const stale = await call('guest', { method: 'GET', url: `/api/releases/${r1.id}/vulnerabilities` }, 200);
  assert.equal(stale.scan.stale, true);
  assert.equal(stale.findings.length, 0);

  await call('guest', { method: 'POST', url: `/api/releases/${r1.id}/vulnerabilities/scan` }, 403);
  const scanned = await call(
    'project-manager',
    { method: 'POST', url: `/api/releases/${r1.id}/vulnerabilities/scan` },
    201,
  );
  assert.deepEqual(
    scanned.findings
      .map(
        (f: { vulnerability: { id: string }; component: { purl: string } }) =>
          `${f.vulnerability.id} ${f.component.purl}`,
      )
      .sort(),
    ['CVE-2020-14343 pkg:pypi/PyYAML@5.3', 'CVE-2021-44906 pkg:npm/minimist@1.2.5'],
  );
  assert.equal(scanned.counts.open, 2);
  await scanAllReleases(api.fresh.store, 'database', new Date().toISOString());

  const triage = {
    component: 'pkg:pypi/pyyaml',
    vulnerability: 'PYSEC-2021-142',
    state: 'not_affected',
    justification: 'code_not_reachable',
    detail: 'only yaml.safe_load is called',
    scope: 'product',
    allVersions: true,
  };
  await call('guest', { method: 'POST', url: `/api/releases/${r1.id}/vulnerabilities/triage`, payload: triage }, 403);
  await call('legal', { method: 'POST', url: `/api/releases/${r1.id}/vulnerabilities/triage`, payload: triage }, 403);
  const bad = await call(
    'project-manager',
    { method: 'POST', url: `/api/releases/${r1.id}/vulnerabilities/triage`, payload: { ...triage, state: 'fine' } },
    400,
  );
  assert.equal(bad.error.code, 'validation-failed');
  const noWhy = await call(
    'project-manager',
    {
      method: 'POST',
      url: `/api/releases/${r1.id}/vulnerabilities/triage`,
      payload: { component: 'pkg:pypi/pyyaml', vulnerability: 'PYSEC-2021-142', state: 'not_affected' },
    },
    400,
  );
  assert.match(noWhy.error.message, /needs a justification or a detail/);
  const recorded = await call(
    'project-manager',
    { method: 'POST', url: `/api/releases/${r1.id}/vulnerabilities/triage`, payload: triage },
    201,
  );
  assert.equal(recorded.record.author, 'project-manager token');

  for (const r of [r1, r2]) {
    const view = await call('guest', { method: 'GET', url: `/api/releases/${r.id}/vulnerabilities` }, 200);
    const yaml = view.findings.find((f: { component: { purl: string } }) => f.component.purl.startsWith('pkg:pypi/'));
    assert.equal(yaml.analysis.state, 'not_affected', `release ${r.number}`);
    assert.equal(yaml.open, false);
  }
  const openvex = await call('guest', { method: 'GET', url: `/api/releases/${r2.id}/vex?format=openvex` }, 200);
  const doc = typeof openvex === 'string' ? JSON.parse(openvex) : openvex;
  assert.deepEqual(validateJsonSchema('openvex', '0.2.0', doc) ?? [], []);
  assert.deepEqual(
    doc.statements.map(
      (s: { vulnerability: { name: string }; status: string }) => `${s.vulnerability.name} ${s.status}`,
    ),
    ['PYSEC-2021-142 not_affected'],
  );

  const affected = await call('guest', { method: 'GET', url: '/api/vulnerabilities/CVE-2021-44906/affected' }, 200);
  assert.deepEqual(
    affected.releases.map((r: { release: { number: string } }) => r.release.number),
    ['1.0'],
  );
  const injected = await call(
    'guest',
    { method: 'GET', url: `/api/vulnerabilities/${encodeURIComponent("x' OR 1=1")}/affected` },
    400,
  );
  assert.equal(injected.error.code, 'validation-failed');

  const summary = await call('guest', { method: 'GET', url: '/api/vulnerabilities/summary' }, 200);
  assert.deepEqual([summary.totals.total, summary.totals.open, summary.totals.byState.not_affected], [3, 1, 2]);
  const diff = await call('guest', { method: 'GET', url: `/api/vulnerabilities/diff?from=${r1.id}&to=${r2.id}` }, 200);
  assert.deepEqual(
    diff.fixed.map((f: { vulnerability: string }) => f.vulnerability),
    ['CVE-2021-44906'],
  );
});
