// One API contract (issue 8 item 13): the routes declared in src/api-contract are the routes fastify
// serves, every one of them, with the same permission and schemas, and the OpenAPI document the
// server answers is the one built from the declarations.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sqliteTarget } from '../store/support/databases.js';
import { startApi, type ApiHarness } from './support.js';
import { CONTRACT, CONTRACT_ROUTES } from '../../src/api-contract/index.js';
import { fastifySchemaOf } from '../../src/server/http/serve-route.js';
import { buildOpenApiDocument } from '../../src/api-contract/openapi.js';

let api: ApiHarness;
before(async () => {
  api = await startApi(sqliteTarget());
});
after(async () => api.close());

const key = (method: string, path: string) => `${method} ${path}`;
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

test('the contract declares each route once, and fastify serves every one with its permission and schemas', () => {
  const declared = CONTRACT_ROUTES.map((r) => key(r.method, r.path));
  assert.equal(new Set(declared).size, declared.length, 'a route declared twice');
  assert.ok(CONTRACT_ROUTES.length >= Object.keys(CONTRACT).length * 2);
  const served = new Map(api.app.routeCatalogue.map((e) => [key(e.method, e.url), e]));
  for (const contract of CONTRACT_ROUTES) {
    const entry = served.get(key(contract.method, contract.path));
    assert.ok(entry, `${key(contract.method, contract.path)} is declared but not served`);
    assert.equal(entry.permission, contract.permission, `${entry.url} permission`);
    assert.deepEqual(
      plain(entry.schema),
      plain(fastifySchemaOf(contract)),
      `${key(contract.method, contract.path)}: the served schema is the declared one`,
    );
  }
});

test('every route the server registers is declared in the contract: none is served from elsewhere', () => {
  const declared = new Set(CONTRACT_ROUTES.map((r) => key(r.method, r.path)));
  const outside = api.app.routeCatalogue.filter((e) => !declared.has(key(e.method, e.url)));
  assert.deepEqual(
    outside.map((e) => key(e.method, e.url)),
    [],
    'served but not declared: declare it in src/api-contract and register it with serve() (ADR 33)',
  );
  assert.equal(api.app.routeCatalogue.length, CONTRACT_ROUTES.length);
  for (const family of ['vulnerabilities', 'cra', 'meta'] as const) {
    assert.ok(Object.keys(CONTRACT[family]).length >= 3, `${family} is declared`);
  }
});

test('the OpenAPI document served is the one built from the declarations alone', async () => {
  const res = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(res.statusCode, 200);
  const served = JSON.parse(res.body) as { info: { version: string }; paths: Record<string, Record<string, unknown>> };
  const fromContract = plain(
    buildOpenApiDocument(CONTRACT_ROUTES, { title: 'Vigie API', version: served.info.version }),
  );
  assert.deepEqual(served, fromContract);
  const operations = Object.values(served.paths).flatMap((p) => Object.keys(p));
  assert.equal(operations.length, CONTRACT_ROUTES.length, 'one operation per declared route');
  // A list route documents its paging parameters because the contract declares them.
  const list = served.paths['/api/products']!.get as { parameters: { name: string }[] };
  assert.deepEqual(list.parameters.map((p) => p.name).sort(), ['limit', 'offset']);
});

test('with the web UI served, the document still shows only the declared routes (not the static files)', async () => {
  const { buildServer } = await import('../../src/server/index.js');
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const webRoot = mkdtempSync(join(tmpdir(), 'vigie-contract-ui-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Vigie</title>');
  const app = await buildServer({ store: api.fresh.store, webRoot });
  try {
    assert.ok(app.routeCatalogue.length > CONTRACT_ROUTES.length, 'the UI adds its own routes');
    const served = JSON.parse((await app.inject({ method: 'GET', url: '/api/openapi.json' })).body) as {
      paths: Record<string, Record<string, unknown>>;
    };
    assert.equal(Object.values(served.paths).flatMap((p) => Object.keys(p)).length, CONTRACT_ROUTES.length);
  } finally {
    await app.close();
    rmSync(webRoot, { recursive: true, force: true });
  }
});

/** Two components: one under a choice still to make, one whose licence string is not SPDX. */
const SBOM = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  metadata: { component: { type: 'application', name: 'contract-app', version: '1.0', 'bom-ref': 'app' } },
  components: [
    {
      type: 'library',
      name: 'either',
      version: '1.0.0',
      purl: 'pkg:npm/either@1.0.0',
      'bom-ref': 'either',
      licenses: [{ expression: 'MIT OR Apache-2.0' }],
    },
    {
      type: 'library',
      name: 'vague',
      version: '2.0.0',
      purl: 'pkg:npm/vague@2.0.0',
      'bom-ref': 'vague',
      licenses: [{ license: { name: 'Some licence of our own' } }],
    },
  ],
});

test('the BOM rows answer as declared, with the licence the newest validation run settled (the UI no longer works it out)', async () => {
  const { Ajv } = await import('ajv');
  const ajv = new Ajv({ strict: false });
  const headers = { authorization: `Bearer ${api.tokens['compliance-officer']}` };
  const call = async (method: 'GET' | 'POST', url: string, payload?: object | string, type = 'application/json') => {
    const res = await api.app.inject({
      method,
      url,
      headers: { ...headers, ...(payload ? { 'content-type': type } : {}) },
      ...(payload ? { payload } : {}),
    });
    assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
    return JSON.parse(res.body) as unknown;
  };
  const valid = (contract: (typeof CONTRACT_ROUTES)[number], status: number, body: unknown) => {
    const schema = (contract.response as Record<number, object>)[status]!;
    assert.ok(ajv.validate(schema, body), `${contract.method} ${contract.path}: ${ajv.errorsText()}`);
  };
  const product = (await call('POST', '/api/products', { name: 'Contract' })) as { id: number };
  valid(CONTRACT.products.create, 201, product);
  const release = (await call('POST', `/api/products/${product.id}/releases`, { number: '1.0' })) as { id: number };
  valid(CONTRACT.releases.create, 201, release);
  valid(
    CONTRACT.imports.upload,
    201,
    await call('POST', `/api/releases/${release.id}/imports?fileName=bom.json`, SBOM),
  );
  valid(
    CONTRACT.imports.uploadByName,
    201,
    await call('POST', '/api/imports?product=Contract&release=2.0&create=true&fileName=bom.json', SBOM),
  );
  valid(
    CONTRACT.categories.create,
    201,
    await call('POST', '/api/categories', { name: 'Contract category', outboundLicenses: ['MIT'] }),
  );
  valid(
    CONTRACT.exploitationRules.set,
    201,
    await call('POST', `/api/releases/${release.id}/exploitation-rules`, { scope: null, exploitation: 'distribution' }),
  );
  for (const [contract, url] of [
    [CONTRACT.products.list, '/api/products'],
    [CONTRACT.products.get, `/api/products/${product.id}`],
    [CONTRACT.releases.get, `/api/releases/${release.id}`],
    [CONTRACT.releases.ofProduct, `/api/products/${product.id}/releases`],
    [CONTRACT.categories.list, '/api/categories'],
    [CONTRACT.session.me, '/api/me'],
    [CONTRACT.tokens.list, '/api/tokens'],
    [CONTRACT.imports.history, `/api/releases/${release.id}/imports`],
    [CONTRACT.jobs.list, '/api/jobs'],
    [CONTRACT.exploitationRules.list, `/api/releases/${release.id}/exploitation-rules`],
  ] as const) {
    valid(contract, 200, await call('GET', url));
  }
  const rows = async () => {
    const body = (await call('GET', `/api/releases/${release.id}/usages`)) as Array<{
      component: { name: string };
      license: { license: string | null; basis: string };
    }>;
    valid(CONTRACT.releases.usages, 200, body);
    return Object.fromEntries(body.map((r) => [r.component.name, r.license]));
  };
  assert.deepEqual(await rows(), {
    either: { license: 'MIT OR Apache-2.0', basis: 'expression' },
    vague: { license: 'Some licence of our own', basis: 'declared' },
  });
  // Decisions change what the BOM shows, through the run they record.
  await call('POST', '/api/decisions', {
    type: 'choice',
    component: 'pkg:npm/either',
    fromExpression: 'MIT OR Apache-2.0',
    toExpression: 'MIT',
    explanation: 'contract test',
  });
  await call('POST', '/api/decisions', {
    type: 'curation',
    component: 'pkg:npm/vague',
    fromExpression: 'Some licence of our own',
    toExpression: 'BSD-3-Clause',
    explanation: 'contract test',
  });
  assert.deepEqual(await rows(), {
    either: { license: 'MIT', basis: 'effective' },
    vague: { license: 'BSD-3-Clause', basis: 'effective' },
  });
  await call('POST', '/api/decisions', {
    type: 'derogation',
    releaseId: release.id,
    license: 'MIT',
    explanation: 'contract test',
  });
  const decisions = (await call('GET', '/api/decisions')) as Array<{ type: string; authorisedContext?: boolean }>;
  valid(CONTRACT.decisions.list, 200, decisions);
  assert.deepEqual(decisions.map((d) => [d.type, d.authorisedContext]).sort(), [
    ['choice', undefined],
    ['curation', undefined],
    ['derogation', false],
  ]);
  for (const [contract, url] of [
    [CONTRACT.licenses.list, '/api/licenses'],
    [CONTRACT.licenses.get, '/api/licenses/gpl-3.0-only'],
    [CONTRACT.licenses.policy, '/api/licenses/MIT/policy'],
    [CONTRACT.licenses.policies, '/api/policies'],
    [CONTRACT.licenses.settings, '/api/policy-settings'],
    [CONTRACT.licenses.compatibility, '/api/licenses/compatibility?inbound=GPL-3.0-only&outbound=MIT'],
    [CONTRACT.licenses.knowledgeBaseImports, '/api/knowledge-base/imports'],
    [CONTRACT.portfolio.releasesContaining, '/api/queries/releases-containing?component=either'],
    [CONTRACT.portfolio.topComponents, '/api/queries/top-components'],
    [CONTRACT.portfolio.licenseDistribution, '/api/queries/license-distribution'],
    [CONTRACT.portfolio.diff, `/api/queries/diff?from=${release.id}&to=${release.id}`],
    [CONTRACT.portfolio.dashboard, '/api/dashboard'],
    [CONTRACT.portfolio.componentUsage, '/api/components/usage?component=pkg:npm/either'],
    [CONTRACT.portfolio.licenseReleases, '/api/licenses/MIT/releases'],
    [CONTRACT.portfolio.overview, '/api/portfolio/overview'],
    [CONTRACT.validation.validation, `/api/releases/${release.id}/validation`],
    [CONTRACT.validation.runs, `/api/releases/${release.id}/validation-runs`],
    [CONTRACT.validation.signOff, `/api/releases/${release.id}/sign-off`],
    [CONTRACT.validation.history, '/api/history'],
  ] as const) {
    valid(contract, 200, await call('GET', url));
  }
});
