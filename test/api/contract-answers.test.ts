// The vulnerability and CRA envelopes are closed in the contract (ADR 33): fastify's serialiser drops
// a field the schema does not declare and turns a wrong type into another. This checks, on a seeded
// store, that every such answer on the wire is exactly what the service returned (nothing dropped,
// nothing coerced) and that the service's answer itself fits the declared schema.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { sqliteTarget } from '../store/support/databases.js';
import { bearer, startApi, type ApiHarness } from './support.js';
import * as services from '../../src/services/index.js';
import { CONTRACT, type RouteContract } from '../../src/api-contract/index.js';

let api: ApiHarness;
let dir: string;
const ids = { product: 0, r1: 0, r2: 0 };

const bom = (minimist: string) =>
  JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: { component: { type: 'application', name: 'shop', version: '1.0', 'bom-ref': 'shop' } },
    components: [
      { type: 'library', 'bom-ref': 'm', name: 'minimist', version: minimist, purl: `pkg:npm/minimist@${minimist}` },
      { type: 'library', 'bom-ref': 'y', name: 'pyyaml', version: '5.3', purl: 'pkg:pypi/PyYAML@5.3' },
    ],
    dependencies: [{ ref: 'shop', dependsOn: ['m', 'y'] }],
  });

async function call(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object | string) {
  const res = await api.app.inject({
    method,
    url,
    headers: {
      ...bearer(api.tokens['compliance-officer']),
      ...(payload ? { 'content-type': 'application/json' } : {}),
    },
    ...(payload ? { payload } : {}),
  });
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return JSON.parse(res.body) as unknown;
}

before(async () => {
  api = await startApi(sqliteTarget());
  dir = mkdtempSync(join(tmpdir(), 'vigie-contract-answers-'));
  const store = api.fresh.store;
  ids.product = ((await call('POST', '/api/products', { name: 'shop' })) as { id: number }).id;
  for (const [key, number, minimist] of [
    ['r1', '1.0', '1.2.5'],
    ['r2', '2.0', '1.2.6'],
  ] as const) {
    ids[key] = ((await call('POST', `/api/products/${ids.product}/releases`, { number })) as { id: number }).id;
    await call('POST', `/api/releases/${ids[key]}/imports?fileName=bom.json`, bom(minimist));
  }
  const files = {
    'osv.json': [
      {
        schema_version: '1.6.0',
        id: 'GHSA-xvch-5gv4-984h',
        modified: '2024-01-01T00:00:00Z',
        aliases: ['CVE-2021-44906'],
        summary: 'Prototype Pollution',
        severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
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
        affected: [
          {
            package: { ecosystem: 'PyPI', name: 'pyyaml' },
            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '5.4' }] }],
          },
        ],
      },
    ],
    'kev.json': {
      catalogVersion: '2026.12.01',
      dateReleased: '2026-12-01T00:00:00Z',
      vulnerabilities: [
        {
          cveID: 'CVE-2021-44906',
          dateAdded: '2026-11-30',
          dueDate: '2026-12-21',
          knownRansomwareCampaignUse: 'Known',
        },
      ],
    },
    'euvd.json': [
      {
        id: 'EUVD-2020-1234',
        aliases: 'CVE-2020-14343',
        exploitedSince: 'Nov 2, 2026, 10:00:00 AM',
        dateUpdated: '2026-11-02T10:00:00Z',
      },
    ],
  };
  const paths = Object.entries(files).map(([name, content]) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(content));
    return path;
  });
  await services.importVulnDatabase(store, paths, { now: '2026-12-04T08:00:00.000Z' });
  for (const r of [ids.r1, ids.r2]) await call('POST', `/api/releases/${r}/vulnerabilities/scan`);
  const triage = `/api/releases/${ids.r1}/vulnerabilities/triage`;
  // Two records at the release's scope: the newer applies, the older is its history.
  await call('POST', triage, { component: 'pkg:pypi/pyyaml', vulnerability: 'PYSEC-2021-142', state: 'in_triage' });
  await call('POST', triage, {
    component: 'pkg:pypi/pyyaml',
    vulnerability: 'PYSEC-2021-142',
    state: 'not_affected',
    justification: 'code_not_reachable',
    detail: 'only safe_load',
  });
  await call('POST', triage, {
    component: 'pkg:pypi/pyyaml',
    vulnerability: 'PYSEC-2021-142',
    state: 'in_triage',
    scope: 'product',
    allVersions: true,
  });
  // Two analyses at the same scope that disagree: a conflict on the finding.
  for (const state of ['exploitable', 'false_positive'])
    await services.setVexAnalysis(store, {
      product: 'shop',
      release: '2.0',
      component: 'pkg:pypi/pyyaml',
      vulnerability: state === 'exploitable' ? 'PYSEC-2021-142' : 'CVE-2020-14343',
      state,
      ...(state === 'exploitable' ? { responses: ['update'] } : { detail: 'wrong package' }),
      author: 'test',
      now: new Date().toISOString(),
    });
  await call('PATCH', `/api/releases/${ids.r1}`, { shipStatus: 'published' });
  await call('PATCH', `/api/products/${ids.product}/cra`, {
    roleAnswers: { marketsUnderOwnName: true },
    coreFunction: 'a shop',
    support: { start: '2026-01-01', endMonth: '2031-01', factors: { expectedUseTime: 'five years' } },
    cvd: { contacts: ['mailto:security@example.eu'], policyUrl: 'https://example.eu/cvd' },
  });
  await call('PUT', `/api/products/${ids.product}/cra/annex-i/I.b`, { status: 'met', evidence: ['https://e.eu'] });
});
after(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

const ajv = new Ajv({ strict: false });
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** The wire answer equals the service's (as JSON), and the service's answer fits the declared schema. */
async function same(route: RouteContract, url: string, fromService: () => Promise<unknown>, ignore?: RegExp) {
  const wire = await call('GET', url);
  const direct = plain(await fromService());
  const strip = (v: unknown) =>
    ignore ? JSON.parse(JSON.stringify(v, (k, x: unknown) => (ignore.test(k) ? undefined : x))) : v;
  assert.deepEqual(strip(wire), strip(direct), `${url}: the serialiser changed the answer`);
  assert.ok(ajv.validate(route.response![200]!, direct), `${url}: ${ajv.errorsText()}`);
  return wire;
}

test('vulnerability answers go out exactly as the services make them, and fit the closed schemas', async () => {
  const store = api.fresh.store;
  const v = CONTRACT.vulnerabilities;
  for (const [r, findings] of [
    [ids.r1, 2],
    [ids.r2, 1],
  ] as const) {
    const view = (await same(v.findings, `/api/releases/${r}/vulnerabilities`, () =>
      services.releaseVulnerabilities(store, r),
    )) as { findings: unknown[] };
    assert.equal(view.findings.length, findings);
  }
  const r2 = (await call('GET', `/api/releases/${ids.r2}/vulnerabilities`)) as {
    findings: { analysis: { history: unknown[] } | null; conflict: unknown[] | null }[];
  };
  assert.ok(
    r2.findings.some((f) => f.conflict !== null),
    'a conflict is on the wire',
  );
  const r1 = (await call('GET', `/api/releases/${ids.r1}/vulnerabilities`)) as typeof r2;
  assert.ok(
    r1.findings.some((f) => (f.analysis?.history.length ?? 0) > 0),
    'an analysis with history',
  );
  await same(v.affected, '/api/vulnerabilities/CVE-2020-14343/affected', () =>
    services.releasesAffectedBy(store, 'CVE-2020-14343'),
  );
  await same(v.summary, '/api/vulnerabilities/summary', () => services.vulnerabilitySummary(store));
  await same(v.diff, `/api/vulnerabilities/diff?from=${ids.r1}&to=${ids.r2}`, async () => {
    // A small diff fits the first page whole; the route adds each list's whole count.
    const diff = await services.vulnerabilityDiff(store, ids.r1, ids.r2);
    return { ...diff, totals: { introduced: diff.introduced.length, fixed: diff.fixed.length } };
  });
});

test('CRA answers go out exactly as the services make them, and fit the closed schemas', async () => {
  const store = api.fresh.store;
  const c = CONTRACT.cra;
  await same(c.record, `/api/products/${ids.product}/cra`, () => services.craRecordView(store, ids.product));
  await same(c.record, `/api/products/${ids.product}/cra?release=2.0`, () =>
    services.craRecordView(store, ids.product, { release: '2.0' }),
  );
  const proposals = (await same(c.caseProposals, '/api/cra/case-proposals', () =>
    services.reportingCaseProposals(store),
  )) as unknown[];
  assert.equal(proposals.length, 1, 'the KEV-listed finding of the published release');
  const opened = await api.app.inject({
    method: 'POST',
    url: '/api/cra/case-proposals/open',
    headers: bearer(api.tokens.legal),
    payload: { productId: ids.product, release: '1.0', vulnerability: 'CVE-2021-44906' },
  });
  assert.equal(opened.statusCode, 201, opened.body);
  const kase = JSON.parse(opened.body) as { id: number };
  assert.deepEqual(kase, plain(await store.getReportingCase(kase.id)), 'the stored case, as it is');
  assert.ok(ajv.validate(c.openProposedCase.response[201], kase), ajv.errorsText());
  const clocks = (await same(
    c.caseClocks,
    '/api/cra/case-clocks',
    () => services.openCaseClocks(store),
    /^msLeft$/,
  )) as {
    open: number;
  };
  assert.equal(clocks.open, 1);
  await same(c.evidence, '/api/evidence', () => services.listEvidence(store));
  await same(c.verifyEvidence, '/api/evidence/verify', () => services.verifyEvidence(store));
});
