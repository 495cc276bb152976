// Cached reads (ADR 37, issue 13 item 6): list pages (a release's BOM, products, releases, licences,
// decisions) are kept beside the store's change
// stamp. A write is seen by the very next read whichever door it came through — this API, a second
// API process on the same database, a CLI on the same SQLite file — and the kept bytes reach only
// callers the route lets in. Both dialects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as services from '../../src/services/index.js';
import { buildServer, type VigieServer } from '../../src/server/index.js';
import { openStore } from '../../src/store/index.js';
import { syntheticCycloneDx } from '../../bench/synthetic-cyclonedx.js';
import { targets } from '../store/support/databases.js';
import { bearer, startApi, type ApiHarness } from './support.js';

interface BomRow {
  usage: { id: number; description: string | null; status: string };
  component: { name: string };
}

async function seeded(api: ApiHarness): Promise<{ releaseId: number; usageIds: number[] }> {
  const store = api.fresh.store;
  const product = await services.createProduct(store, { name: 'Portal' });
  const release = await services.createRelease(store, { productId: product.id, number: '1.0.0' });
  await services.importDocument(store, release.id, { content: syntheticCycloneDx(5), fileName: 'bom.json' });
  const page = await services.releaseBomRows(store, release.id, { limit: 100, offset: 0 });
  return { releaseId: release.id, usageIds: page.rows.map((r) => r.usage.id) };
}

async function bom(app: VigieServer, url: string, secret: string): Promise<BomRow[]> {
  const res = await app.inject({ method: 'GET', url, headers: bearer(secret) });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /^application\/json; charset=utf-8$/);
  return res.json() as BomRow[];
}

for (const target of targets()) {
  test(
    `a BOM page read after a write through the API shows the write [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const api = await startApi(target, { logger: false });
      try {
        const { releaseId, usageIds } = await seeded(api);
        const url = `/api/releases/${releaseId}/usages`;
        const guest = api.tokens.guest;
        const first = await bom(api.app, url, guest);
        assert.deepEqual(await bom(api.app, url, guest), first, 'a second read answers the same');
        assert.equal(first[0]!.usage.description, null);

        const edit = await api.app.inject({
          method: 'PATCH',
          url: `${url}/${usageIds[0]}`,
          headers: bearer(api.tokens['project-manager']),
          payload: { description: 'vendored copy', status: 'validated' },
        });
        assert.equal(edit.statusCode, 200, edit.body);
        const after = await bom(api.app, url, guest);
        assert.equal(after[0]!.usage.description, 'vendored copy');
        assert.equal(after[0]!.usage.status, 'validated');
        assert.deepEqual(after.slice(1), first.slice(1), 'the other rows are unchanged');
      } finally {
        await api.close();
      }
    },
  );

  test(
    `a write by another process on the same database is seen by the next read [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const api = await startApi(target, { logger: false });
      // A second handle on the same database: what a second API process or a CLI holds (its own
      // connection; on PostgreSQL its own pool).
      const other = await openStore(api.fresh.options);
      const otherApi = await buildServer({ store: other, webRoot: null, logger: false });
      try {
        const { releaseId, usageIds } = await seeded(api);
        const url = `/api/releases/${releaseId}/usages?limit=2&offset=0`;
        const guest = api.tokens.guest;
        assert.equal((await bom(api.app, url, guest))[1]!.usage.description, null);
        assert.equal((await bom(api.app, url, guest))[1]!.usage.description, null);

        // Like the CLI: straight through the services of the other handle.
        await services.updateUsage(other, releaseId, usageIds[1]!, { description: 'from the CLI' });
        assert.equal((await bom(api.app, url, guest))[1]!.usage.description, 'from the CLI');

        // Like a second API process: through the other server, then read here.
        assert.equal((await bom(otherApi, url, guest))[1]!.usage.description, 'from the CLI');
        const edit = await otherApi.inject({
          method: 'PATCH',
          url: `/api/releases/${releaseId}/usages/${usageIds[1]}`,
          headers: bearer(api.tokens['compliance-officer']),
          payload: { description: 'from the other API process' },
        });
        assert.equal(edit.statusCode, 200, edit.body);
        assert.equal((await bom(api.app, url, guest))[1]!.usage.description, 'from the other API process');

        // A new import (new usages, a new validation run) changes the count and the paging headers.
        const before = await api.app.inject({ method: 'GET', url, headers: bearer(guest) });
        assert.equal(before.headers['x-total-count'], '5');
        await services.importDocument(other, releaseId, {
          content: syntheticCycloneDx(7),
          fileName: 'bigger.json',
          mode: 'replace',
        });
        const now = await api.app.inject({ method: 'GET', url, headers: bearer(guest) });
        assert.equal(now.headers['x-total-count'], '7');
        assert.equal(now.headers.link, `</api/releases/${releaseId}/usages?limit=2&offset=2>; rel="next"`);
      } finally {
        await otherApi.close();
        await other.close();
        await api.close();
      }
    },
  );

  test(
    `kept BOM pages reach only callers the route lets in; a revoked token is refused at once [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const api = await startApi(target, { logger: false });
      try {
        const { releaseId } = await seeded(api);
        const url = `/api/releases/${releaseId}/usages`;
        const visitor = await services.createToken(api.fresh.store, { name: 'visitor', role: 'guest' });
        const rows = await bom(api.app, url, visitor.secret);
        assert.deepEqual(await bom(api.app, url, api.tokens.legal), rows, 'every reading role gets the same page');

        const anonymous = await api.app.inject({ method: 'GET', url });
        assert.equal(anonymous.statusCode, 401);
        assert.doesNotMatch(anonymous.body, new RegExp(rows[0]!.component.name));
        const wrong = await api.app.inject({ method: 'GET', url, headers: bearer('not-a-token') });
        assert.equal(wrong.statusCode, 401);

        const revoke = await api.app.inject({
          method: 'DELETE',
          url: `/api/tokens/${visitor.token.id}`,
          headers: bearer(api.tokens['compliance-officer']),
        });
        assert.equal(revoke.statusCode, 200, revoke.body);
        const revoked = await api.app.inject({ method: 'GET', url, headers: bearer(visitor.secret) });
        assert.equal(revoked.statusCode, 401);
        assert.match(revoked.json().error.message, /revoked/);
        assert.doesNotMatch(revoked.body, new RegExp(rows[0]!.component.name));
      } finally {
        await api.close();
      }
    },
  );
}

for (const target of targets()) {
  test(
    `every kept list shows a write made after it was read [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const api = await startApi(target, { logger: false });
      try {
        const store = api.fresh.store;
        const guest = api.tokens.guest;
        const list = async (url: string) => {
          const res = await api.app.inject({ method: 'GET', url, headers: bearer(guest) });
          assert.equal(res.statusCode, 200, res.body);
          return res.json() as Array<Record<string, unknown>>;
        };
        const portal = await services.createProduct(store, { name: 'Portal' });
        const ofPortal = `/api/releases?productId=${portal.id}`;
        for (let round = 0; round < 2; round++) {
          assert.deepEqual(
            (await list('/api/products')).map((p) => p.name),
            ['Portal'],
          );
          assert.deepEqual(await list(ofPortal), []);
          assert.deepEqual(await list('/api/decisions'), []);
        }
        const mitBefore = (await list('/api/licenses?limit=1000')).find((l) => l.id === 'MIT')!;
        assert.equal((mitBefore.policy as { allowed: string }).allowed, 'not-reviewed');

        const created = await api.app.inject({
          method: 'POST',
          url: '/api/products',
          headers: bearer(api.tokens['project-manager']),
          payload: { name: 'Backoffice' },
        });
        assert.equal(created.statusCode, 201, created.body);
        assert.deepEqual((await list('/api/products')).map((p) => p.name).sort(), ['Backoffice', 'Portal']);

        await services.createRelease(store, { productId: portal.id, number: '2.0.0' });
        assert.deepEqual(
          (await list(ofPortal)).map((r) => r.number),
          ['2.0.0'],
        );
        const backoffice = (created.json() as { id: number }).id;
        assert.deepEqual(await list(`/api/releases?productId=${backoffice}`), [], 'each filter is kept apart');

        await services.setLicensePolicy(store, { license: 'MIT', allowed: 'always' });
        const mitAfter = (await list('/api/licenses?limit=1000')).find((l) => l.id === 'MIT')!;
        assert.equal((mitAfter.policy as { allowed: string }).allowed, 'always');

        await services.recordDecision(store, {
          type: 'choice',
          categoryId: null,
          productId: portal.id,
          releaseId: null,
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
        assert.deepEqual(
          (await list('/api/decisions')).map((d) => d.toExpression),
          ['MIT'],
        );
      } finally {
        await api.close();
      }
    },
  );
}

test('each page of a release is kept apart, with its own paging headers [sqlite]', async () => {
  const api = await startApi(targets()[0]!, { logger: false });
  try {
    const { releaseId, usageIds } = await seeded(api);
    const base = `/api/releases/${releaseId}/usages`;
    const guest = bearer(api.tokens.guest);
    for (let round = 0; round < 2; round++) {
      const first = await api.app.inject({ method: 'GET', url: `${base}?limit=2&offset=0`, headers: guest });
      const second = await api.app.inject({ method: 'GET', url: `${base}?limit=2&offset=2`, headers: guest });
      assert.deepEqual(
        (first.json() as BomRow[]).map((r) => r.usage.id),
        usageIds.slice(0, 2),
      );
      assert.deepEqual(
        (second.json() as BomRow[]).map((r) => r.usage.id),
        usageIds.slice(2, 4),
      );
      assert.equal(first.headers.link, `<${base}?limit=2&offset=2>; rel="next"`);
      assert.equal(
        second.headers.link,
        `<${base}?limit=2&offset=4>; rel="next", <${base}?limit=2&offset=0>; rel="prev"`,
      );
    }
    const missing = await api.app.inject({ method: 'GET', url: `/api/releases/999999/usages`, headers: guest });
    assert.equal(missing.statusCode, 404);
  } finally {
    await api.close();
  }
});
