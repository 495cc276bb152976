// The same input rules on SQLite and PostgreSQL (issue 13 item 6): NUL characters, over-long names and
// ids beyond PostgreSQL's integer are 4xx on both dialects, never a 500 on one and stored on the other;
// parallel replace imports into one release are serialised instead of colliding on its usages.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { INPUT_LIMITS } from '../../src/model/input-limits.js';
import { targets } from '../store/support/databases.js';
import { bearer, startApi } from './support.js';

function cyclonedx(names: string[]): string {
  return JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    version: 1,
    components: names.map((name, i) => ({
      type: 'library',
      name,
      version: `1.${i}.0`,
      purl: `pkg:npm/${encodeURIComponent(name)}@1.${i}.0`,
      licenses: [{ license: { id: 'MIT' } }],
    })),
  });
}

for (const target of targets()) {
  describe(`input rules and concurrent imports [${target.dialect}]`, { skip: target.unavailable }, () => {
    test('parallel replace imports into one release all succeed, one after the other', async () => {
      const api = await startApi(target);
      try {
        const pm = bearer(api.tokens['project-manager']);
        const product = (
          await api.app.inject({ method: 'POST', url: '/api/products', headers: pm, payload: { name: 'Racy' } })
        ).json();
        const release = (
          await api.app.inject({
            method: 'POST',
            url: `/api/products/${product.id}/releases`,
            headers: pm,
            payload: { number: '1' },
          })
        ).json();
        const documents = Array.from({ length: 6 }, (_, d) =>
          cyclonedx(Array.from({ length: 40 }, (_, i) => `pkg-${i}${d % 2 === 0 ? '' : '-odd'}`)),
        );
        const results = await Promise.all(
          documents.map((doc) =>
            api.app.inject({
              method: 'POST',
              url: `/api/releases/${release.id}/imports?mode=replace`,
              headers: { ...pm, 'content-type': 'application/json' },
              payload: doc,
            }),
          ),
        );
        assert.deepEqual(
          results.map((r) => r.statusCode),
          documents.map(() => 201),
          results.map((r) => r.body.slice(0, 200)).join('\n'),
        );
        const usages = (
          await api.app.inject({ method: 'GET', url: `/api/releases/${release.id}/usages`, headers: pm })
        ).json() as unknown[];
        assert.equal(usages.length, 40, 'the release holds exactly one document');
        const imports = (
          await api.app.inject({ method: 'GET', url: `/api/releases/${release.id}/imports`, headers: pm })
        ).json() as Array<{ status: string }>;
        assert.deepEqual(
          imports.map((i) => i.status),
          documents.map(() => 'succeeded'),
        );
      } finally {
        await api.close();
      }
    });

    test('NUL characters, over-long names and ids past 2^31-1 are 4xx and store nothing', async () => {
      const api = await startApi(target);
      try {
        const co = bearer(api.tokens['compliance-officer']);
        const refused: Array<{ name: string; status: number; code: string; field?: RegExp; req: InjectOptions }> = [
          {
            name: 'NUL in a product name',
            status: 400,
            code: 'validation-failed',
            field: /body\/name/,
            req: { method: 'POST', url: '/api/products', headers: co, payload: { name: 'a\u0000b' } },
          },
          {
            name: 'NUL in a nested list',
            status: 400,
            code: 'validation-failed',
            field: /body\/outboundLicenses\/1/,
            req: {
              method: 'POST',
              url: '/api/categories',
              headers: co,
              payload: { name: 'c', outboundLicenses: ['MIT', 'GPL\u0000'] },
            },
          },
          {
            name: 'NUL in a query string',
            status: 400,
            code: 'validation-failed',
            field: /querystring\/component/,
            req: { method: 'GET', url: '/api/queries/releases-containing?component=a%00b', headers: co },
          },
          {
            name: 'NUL in a path parameter',
            status: 400,
            code: 'validation-failed',
            req: { method: 'GET', url: '/api/licenses/MIT%00/policy', headers: co },
          },
          {
            name: 'a name over the limit',
            status: 400,
            code: 'validation-failed',
            field: /body\/name/,
            req: {
              method: 'POST',
              url: '/api/products',
              headers: co,
              payload: { name: 'x'.repeat(INPUT_LIMITS.name + 1) },
            },
          },
          // 700 four-byte characters are 2,800 bytes: past PostgreSQL's index row limit.
          {
            name: 'a name of 4-byte characters',
            status: 400,
            code: 'validation-failed',
            req: { method: 'POST', url: '/api/categories', headers: co, payload: { name: '😀'.repeat(700) } },
          },
          {
            name: 'an id past 2^31-1 in a path',
            status: 400,
            code: 'validation-failed',
            field: /params\/id/,
            req: { method: 'GET', url: '/api/products/2147483648', headers: co },
          },
          {
            name: 'an id past 2^31-1 in a query',
            status: 400,
            code: 'validation-failed',
            req: { method: 'GET', url: '/api/releases?productId=99999999999', headers: co },
          },
          {
            name: 'an id past 2^31-1 in a body',
            status: 400,
            code: 'validation-failed',
            req: {
              method: 'POST',
              url: '/api/decisions',
              headers: co,
              payload: { type: 'derogation', license: 'GPL-3.0-only', productId: 3_000_000_000, explanation: 'x' },
            },
          },
        ];
        for (const r of refused) {
          const res = await api.app.inject(r.req);
          assert.equal(res.statusCode, r.status, `${r.name}: ${res.body}`);
          const error = res.json().error as { code: string; message: string };
          assert.equal(error.code, r.code, r.name);
          if (r.field) assert.match(error.message, r.field, r.name);
        }
        assert.deepEqual((await api.app.inject({ method: 'GET', url: '/api/products', headers: co })).json(), []);
        assert.deepEqual((await api.app.inject({ method: 'GET', url: '/api/categories', headers: co })).json(), []);

        // The same rules through the services, as the CLI reaches them.
        const product = (
          await api.app.inject({ method: 'POST', url: '/api/products', headers: co, payload: { name: 'P' } })
        ).json();
        const release = (
          await api.app.inject({
            method: 'POST',
            url: `/api/products/${product.id}/releases`,
            headers: co,
            payload: { number: '1' },
          })
        ).json();
        for (const [what, names, message] of [
          ['NUL in a component name', ['ok', 'bad\u0000name'], /NUL character/],
        ] as const) {
          const res = await api.app.inject({
            method: 'POST',
            url: `/api/releases/${release.id}/imports`,
            headers: { ...co, 'content-type': 'application/json' },
            payload: cyclonedx([...names]),
          });
          assert.equal(res.statusCode, 422, `${what}: ${res.body}`);
          assert.equal(res.json().error.code, 'unreadable-document');
          assert.match(res.json().error.message, message, what);
        }
        assert.deepEqual(
          (await api.app.inject({ method: 'GET', url: `/api/releases/${release.id}/usages`, headers: co })).json(),
          [],
        );
        // A name over the limit is no reason to refuse the whole document: it is stored shortened,
        // the same way at every import, and the import says so (ADR 54).
        const longName = `${'x'.repeat(INPUT_LIMITS.name)}-and-more`;
        for (let round = 0; round < 2; round++) {
          const res = await api.app.inject({
            method: 'POST',
            url: `/api/releases/${release.id}/imports`,
            headers: { ...co, 'content-type': 'application/json' },
            payload: cyclonedx([longName, 'short']),
          });
          assert.equal(res.statusCode, 201, res.body);
          const issues = res.json().issues as { code: string; message: string }[];
          assert.ok(
            issues.some(
              (i) =>
                i.code === 'shortened-identifier' && /component 1 \("x{60}…"\) name \(309 characters\)/.test(i.message),
            ),
            res.body,
          );
          assert.equal(res.json().counts.componentsCreated, round === 0 ? 2 : 0, res.body);
        }
        const bom = (
          await api.app.inject({ method: 'GET', url: `/api/releases/${release.id}/usages`, headers: co })
        ).json() as { component: { name: string } }[];
        const names = bom.map((u) => u.component.name).filter((n) => n.startsWith('x'));
        const found = bom;
        assert.equal(names.length, 1, JSON.stringify(found));
        assert.equal(names[0]!.length, INPUT_LIMITS.name);
        assert.match(names[0]!, /^x{283}…[0-9a-f]{16}$/);
      } finally {
        await api.close();
      }
    });

    test('a lone surrogate is refused by path; a name typed decomposed is the same name', async () => {
      const api = await startApi(target);
      try {
        const co = { ...bearer(api.tokens['compliance-officer']), 'content-type': 'application/json' };
        const post = (url: string, payload: string) => api.app.inject({ method: 'POST', url, headers: co, payload });
        // SQLite stored the surrogate's bytes and read back three U+FFFD, PostgreSQL one: now neither stores it.
        const lone = await post('/api/products', '{"name":"a\\ud800b"}');
        assert.equal(lone.statusCode, 400, lone.body);
        assert.equal(lone.json().error.code, 'validation-failed');
        assert.match(
          lone.json().error.message,
          /^body\/name is not well-formed Unicode: a lone surrogate \(U\+D800\) at character 2/,
        );
        const nested = await post('/api/categories', '{"name":"c","outboundLicenses":["MIT","\\udc00"]}');
        assert.equal(nested.statusCode, 400, nested.body);
        assert.match(nested.json().error.message, /^body\/outboundLicenses\/1 is not well-formed Unicode/);
        const query = await api.app.inject({ method: 'GET', url: '/api/products?x=%ED%A0%80', headers: co });
        assert.equal(query.statusCode, 400, 'a query string cannot carry one either (bytes that are no UTF-8)');
        assert.deepEqual((await api.app.inject({ method: 'GET', url: '/api/products', headers: co })).json(), []);

        // "Café" precomposed and "Cafe" + U+0301: one product, stored in NFC, found either way.
        const composed = await post('/api/products', JSON.stringify({ name: 'Caf\u00e9' }));
        assert.equal(composed.statusCode, 201, composed.body);
        const decomposed = await post('/api/products', JSON.stringify({ name: 'Cafe\u0301' }));
        assert.equal(decomposed.statusCode, 409, decomposed.body);
        const other = await post('/api/products', JSON.stringify({ name: 'Ny\u0301ri' }));
        assert.equal(other.json().name, 'N\u00fdri', 'stored in NFC');
        const named = await api.app.inject({
          method: 'POST',
          url: `/api/imports?product=${encodeURIComponent('Cafe\u0301')}&release=1.0&create=true`,
          headers: co,
          payload: cyclonedx(['left-pad']),
        });
        assert.equal(named.statusCode, 201, named.body);
        assert.deepEqual(named.json().created, { product: false, release: true }, 'the import found the product');
      } finally {
        await api.close();
      }
    });
  });
}
