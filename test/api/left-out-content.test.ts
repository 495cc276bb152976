// A document whose reading left part of it out is not imported unless the caller accepts it: a
// replace import of `"components": "x"` once answered 201 and swapped the release's whole inventory
// for nothing. Refused (422 content-left-out, the release as it was, the attempt in the history),
// accepted with acceptErrors=true, on both dialects, directly, by name and as a job.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as services from '../../src/services/index.js';
import { targets } from '../store/support/databases.js';
import { bearer, startApi } from './support.js';

const GOOD = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  components: ['a', 'b', 'c'].map((name) => ({
    type: 'library',
    name,
    version: '1.0.0',
    purl: `pkg:npm/${name}@1.0.0`,
  })),
});

/** A components list that is a string: nothing of it can be read. */
const NOT_A_LIST = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components: 'x' });

/** One good component and one that is a list: the list is left out. */
const LIST_INSIDE = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  components: [{ type: 'library', name: 'd', version: '2.0.0' }, [{ name: 'e' }]],
});

const SPDX_NOT_A_LIST = JSON.stringify({
  spdxVersion: 'SPDX-2.3',
  SPDXID: 'SPDXRef-DOCUMENT',
  name: 'x',
  dataLicense: 'CC0-1.0',
  documentNamespace: 'https://example.com/x',
  creationInfo: { created: '2026-01-01T00:00:00Z', creators: ['Tool: test'] },
  packages: 'not-a-list',
});

/** A licence text pasted without its closing tag: recovered up to the next tag, so it still imports. */
const UNTERMINATED_TAG_VALUE = [
  'SPDXVersion: SPDX-2.3',
  'DataLicense: CC0-1.0',
  'SPDXID: SPDXRef-DOCUMENT',
  'DocumentName: x',
  'DocumentNamespace: https://example.com/tv',
  'Creator: Tool: test',
  'Created: 2026-01-01T00:00:00Z',
  '',
  'PackageName: first',
  'SPDXID: SPDXRef-first',
  'PackageVersion: 1.0',
  'PackageDownloadLocation: NOASSERTION',
  'PackageCopyrightText: <text>Copyright the authors',
  'Permission is hereby granted',
  '',
  'PackageName: second',
  'SPDXID: SPDXRef-second',
  'PackageVersion: 2.0',
  'PackageDownloadLocation: NOASSERTION',
  'PackageCopyrightText: NOASSERTION',
].join('\n');

for (const target of targets()) {
  describe(`imports of documents read with errors [${target.dialect}]`, { skip: target.unavailable }, () => {
    test('refused unless accepted; the release stays as it was', async () => {
      const api = await startApi(target);
      try {
        const store = api.fresh.store;
        const product = await services.createProduct(store, { name: 'Kept' });
        const release = await services.createRelease(store, { productId: product.id, number: '1' });
        const pm = { ...bearer(api.tokens['project-manager']), 'content-type': 'application/json' };
        const post = (query: string, payload: string) =>
          api.app.inject({ method: 'POST', url: `/api/releases/${release.id}/imports?${query}`, headers: pm, payload });
        const names = async () =>
          (await store.listUsages(release.id))
            .map((u) => u.versionId)
            .sort((a, b) => a - b)
            .join(',');

        assert.equal((await post('mode=replace', GOOD)).statusCode, 201);
        const before = await names();
        assert.equal(before.split(',').length, 3);

        for (const [label, document, field] of [
          ['components as a string', NOT_A_LIST, 'components'],
          ['a list inside components', LIST_INSIDE, 'components[1]'],
          ['SPDX packages as a string', SPDX_NOT_A_LIST, 'packages'],
        ] as const) {
          for (const mode of ['replace', 'merge']) {
            const refused = await post(`mode=${mode}&fileName=bad.json`, document);
            assert.equal(refused.statusCode, 422, `${label} (${mode}): ${refused.body}`);
            const error = refused.json().error as {
              code: string;
              message: string;
              details: { count: number; errors: Array<{ field: string; code: string }> };
            };
            assert.equal(error.code, 'content-left-out');
            assert.match(error.message, /^bad\.json: 1 reading error\(s\) left part of the document out/);
            assert.match(error.message, /acceptErrors=true/);
            assert.deepEqual(
              error.details.errors.map((e) => [e.field, e.code]),
              [[field, 'invalid-type']],
            );
            assert.equal(await names(), before, `${label} (${mode}): the release keeps its usages`);
          }
        }
        const history = (
          await api.app.inject({ method: 'GET', url: `/api/releases/${release.id}/imports`, headers: pm })
        ).json() as Array<{ status: string }>;
        assert.deepEqual(
          history.map((i) => i.status).sort(),
          ['failed', 'failed', 'failed', 'failed', 'failed', 'failed', 'succeeded'],
          'each refused attempt is in the import history',
        );

        // As a job: the job fails with the same code, once; the release is untouched.
        const queued = await post('mode=replace&background=true', NOT_A_LIST);
        assert.equal(queued.statusCode, 202);
        await services.runWorker(store, { once: true });
        const job = (await api.app.inject({ method: 'GET', url: `/api/jobs/${queued.json().id}`, headers: pm })).json();
        assert.deepEqual([job.state, job.error.code, job.attempts], ['failed', 'content-left-out', 1]);
        assert.equal(await names(), before);

        // Accepted: what could be read replaces the release, and the errors are kept among the issues.
        const accepted = await post('mode=replace&acceptErrors=true', LIST_INSIDE);
        assert.equal(accepted.statusCode, 201, accepted.body);
        const outcome = accepted.json() as { counts: { usagesInserted: number }; issues: Array<{ code: string }> };
        assert.equal(outcome.counts.usagesInserted, 1);
        assert.ok(outcome.issues.some((i) => i.code === 'invalid-type'));
        assert.equal((await store.listUsages(release.id)).length, 1);

        // Accepted as a job too.
        const queuedAccepted = await post('mode=merge&acceptErrors=true&background=true', LIST_INSIDE);
        await services.runWorker(store, { once: true });
        const acceptedJob = (
          await api.app.inject({ method: 'GET', url: `/api/jobs/${queuedAccepted.json().id}`, headers: pm })
        ).json();
        assert.equal(acceptedJob.state, 'succeeded', JSON.stringify(acceptedJob.error));

        // An error after which nothing was left out does not refuse: an unterminated tag-value text.
        const recovered = await post('mode=replace&fileName=tv.spdx', UNTERMINATED_TAG_VALUE);
        assert.equal(recovered.statusCode, 201, recovered.body);
        assert.equal(recovered.json().counts.usagesInserted, 2);
        assert.ok(recovered.json().issues.some((i: { code: string }) => i.code === 'unterminated-text'));
      } finally {
        await api.close();
      }
    });

    test('by name with create=true: a refused document creates nothing', async () => {
      const api = await startApi(target);
      try {
        const pm = { ...bearer(api.tokens['project-manager']), 'content-type': 'application/json' };
        const refused = await api.app.inject({
          method: 'POST',
          url: '/api/imports?product=Fresh&release=1&create=true',
          headers: pm,
          payload: NOT_A_LIST,
        });
        assert.equal(refused.statusCode, 422, refused.body);
        assert.equal(refused.json().error.code, 'content-left-out');
        assert.deepEqual(await services.listProducts(api.fresh.store), []);
        const accepted = await api.app.inject({
          method: 'POST',
          url: '/api/imports?product=Fresh&release=1&create=true&acceptErrors=true',
          headers: pm,
          payload: NOT_A_LIST,
        });
        assert.equal(accepted.statusCode, 201, accepted.body);
        assert.deepEqual(accepted.json().created, { product: true, release: true });
        assert.equal(accepted.json().counts.usagesInserted, 0);
      } finally {
        await api.close();
      }
    });
  });
}
