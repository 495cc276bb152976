// Reads never write (issue 8 item 11): every GET route of the OpenAPI document, called on a populated
// store, leaves every table exactly as it was — validation, outputs and the dashboard read the stored
// runs instead of validating (and storing the step) on read.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import Sqlite from 'better-sqlite3';
import { sqliteTarget } from '../store/support/databases.js';
import * as services from '../../src/services/index.js';
import { bearer, startApi, type ApiHarness } from './support.js';

const component = (name: string, license: string) => ({
  type: 'library',
  'bom-ref': name,
  name,
  version: '1.0.0',
  purl: `pkg:npm/${name}@1.0.0`,
  licenses: [{ expression: license }],
});
const SBOM = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  metadata: { component: { type: 'application', 'bom-ref': 'root', name: 'app', version: '1.0.0' } },
  components: [component('left', 'MIT'), component('right', 'MIT OR Apache-2.0'), component('deep', 'Apache-2.0')],
  dependencies: [
    { ref: 'root', dependsOn: ['left', 'right'] },
    { ref: 'left', dependsOn: ['deep'] },
  ],
});

let api: ApiHarness;
const ids: Record<string, number> = {};
before(async () => {
  api = await startApi(sqliteTarget());
  const store = api.fresh.store;
  const category = await services.createCategory(store, { name: 'Apps' });
  const product = await services.createProduct(store, {
    name: 'Portal',
    categoryIds: [category.id],
    outboundLicenses: ['MIT'],
  });
  const release = await services.createRelease(store, { productId: product.id, number: '1.0.0' });
  const other = await services.createRelease(store, { productId: product.id, number: '2.0.0' });
  const imported = await services.importDocument(store, release.id, {
    content: SBOM,
    fileName: 'bom.json',
    author: 'test',
  });
  await services.importDocument(store, other.id, { content: SBOM, fileName: 'bom.json', author: 'test' });
  const rule = await services.setExploitationRule(store, release.id, { exploitation: 'distribution' });
  await services.setLicensePolicy(store, { license: 'MIT', allowed: 'always' });
  const decision = await services.recordDecision(store, {
    type: 'choice',
    categoryId: null,
    productId: null,
    releaseId: release.id,
    scope: null,
    project: null,
    exploitation: null,
    component: null,
    version: null,
    fromExpression: 'MIT OR Apache-2.0',
    toExpression: 'MIT',
    author: 'legal',
    explanation: 'we prefer MIT',
  } as never);
  const usage = (await services.releaseBom(store, release.id)).usages[0];
  Object.assign(ids, {
    category: category.id,
    product: product.id,
    release: release.id,
    other: other.id,
    rule: rule.id,
    decision: decision.id,
    import: imported.import.id,
    usage: usage.id,
  });
});
after(async () => api.close());

/** Every table's rows, hashed in a stable order. */
function tables(): Record<string, { rows: number; hash: string }> {
  const db = new Sqlite(api.fresh.options.sqlitePath!, { readonly: true });
  try {
    const names = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
    ).map((r) => r.name);
    return Object.fromEntries(
      names.map((name) => {
        const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).raw().all();
        const text = JSON.stringify(rows, (_k, v: unknown) =>
          Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? String(v) : v,
        );
        return [name, { rows: rows.length, hash: createHash('sha256').update(text).digest('hex') }];
      }),
    );
  } finally {
    db.close();
  }
}

function concrete(path: string): string {
  const byResource: Record<string, number> = {
    releases: ids.release,
    products: ids.product,
    categories: ids.category,
    decisions: ids.decision,
    imports: ids.import,
    tokens: 1,
  };
  let out = path.replace(
    /\/(\w[\w-]*)\/\{id\}/g,
    (_m, resource: string) => `/${resource}/${byResource[resource] ?? 1}`,
  );
  out = out
    .replace('{usageId}', String(ids.usage))
    .replace('{ruleId}', String(ids.rule))
    .replace(/\{license\}/g, 'MIT');
  return out.replace(/\{[^}]+\}/g, '1');
}

const QUERY = (path: string) =>
  path.includes('/queries/diff')
    ? `?from=${ids.release}&to=${ids.other}`
    : path.includes('releases-containing')
      ? '?name=left'
      : path.includes('compatibility')
        ? '?inbound=MIT&outbound=MIT'
        : '';

test('a GET on every route changes no row of any table', async () => {
  const secret = api.tokens['compliance-officer'];
  // The first authenticated call records the token's last use (throttled bookkeeping), before the snapshot.
  await api.app.inject({ method: 'GET', url: '/api/me', headers: bearer(secret) });
  const doc = (await api.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  const before = tables();
  const answered: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!('get' in methods)) continue;
    const url = concrete(path) + QUERY(path);
    const res = await api.app.inject({ method: 'GET', url, headers: bearer(secret) });
    assert.ok(res.statusCode < 500, `GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    if (res.statusCode === 200) answered.push(path);
  }
  assert.deepEqual(tables(), before);
  for (const path of [
    '/api/releases/{id}',
    '/api/releases/{id}/validation',
    '/api/releases/{id}/obligations',
    '/api/releases/{id}/notice',
    '/api/dashboard',
  ]) {
    assert.ok(answered.includes(path), `${path} answered 200 (answered: ${answered.join(', ')})`);
  }
});

test('changes record runs; the validation read is the newest run, and the dashboard counts licences after decisions', async () => {
  const secret = api.tokens['compliance-officer'];
  const runs = (
    await api.app.inject({
      method: 'GET',
      url: `/api/releases/${ids.release}/validation-runs`,
      headers: bearer(secret),
    })
  ).json() as { reason: string; id: number }[];
  // Newest first: the decision, the policy, the exploitation rule, the import, the release's creation.
  assert.deepEqual(
    runs.map((r) => r.reason),
    ['decision', 'policy', 'exploitation-rule', 'import', 'release'],
  );
  const validation = (
    await api.app.inject({ method: 'GET', url: `/api/releases/${ids.release}/validation`, headers: bearer(secret) })
  ).json() as { run: { id: number } };
  assert.equal(validation.run.id, runs[0].id);
  const dashboard = (
    await api.app.inject({ method: 'GET', url: '/api/dashboard', headers: bearer(secret) })
  ).json() as { licenses: { license: string; usages: number }[] };
  // Release 1.0.0 chose MIT for "right"; release 2.0.0 has no choice, so "right" counts for no licence there.
  assert.deepEqual(dashboard.licenses, [
    { license: 'MIT', usages: 3 },
    { license: 'Apache-2.0', usages: 2 },
  ]);
  const posted = await api.app.inject({
    method: 'POST',
    url: `/api/releases/${ids.release}/validation-runs`,
    headers: bearer(secret),
  });
  assert.equal(posted.statusCode, 201);
  assert.equal((posted.json() as { run: { reason: string } }).run.reason, 'manual');
  const guest = await api.app.inject({
    method: 'POST',
    url: `/api/releases/${ids.release}/validation-runs`,
    headers: bearer(api.tokens.guest),
  });
  assert.equal(guest.statusCode, 403);
});
