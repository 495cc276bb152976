// The SARIF and JUnit downloads, the NOTICE, the compliance actions and the CycloneDX and SPDX exports are written as they are rendered (chunked, never built whole) and say
// exactly what the rendered documents say, for a release whose blockers span many write batches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as services from '../../src/services/index.js';
import { targets } from '../store/support/databases.js';
import { bearer, startApi } from './support.js';

/** 400 components without a licence: one step-1 blocker each, several 64 KiB batches of SARIF. */
const SBOM = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  components: Array.from({ length: 400 }, (_, i) => ({
    type: 'library',
    name: `unlicensed-${i}`,
    version: '1.0.0',
    purl: `pkg:npm/unlicensed-${i}@1.0.0`,
  })),
});

for (const target of targets()) {
  test(
    `SARIF and JUnit downloads are streamed and equal the rendered documents [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const api = await startApi(target, { logger: false });
      try {
        const store = api.fresh.store;
        const product = await services.createProduct(store, { name: 'Streamed' });
        const release = await services.createRelease(store, { productId: product.id, number: '1' });
        await services.importDocument(store, release.id, { content: SBOM, fileName: 'bom.cdx.json' });
        const headers = bearer(api.tokens.guest);

        const sarif = await api.app.inject({ method: 'GET', url: `/api/releases/${release.id}/sarif`, headers });
        assert.equal(sarif.statusCode, 200);
        const expected = (await services.renderSarif(store, release.id)).content;
        assert.ok(expected.length > 3 * 64 * 1024, `${expected.length} characters: several batches`);
        assert.equal(sarif.body, expected);
        const log = JSON.parse(sarif.body) as { runs: Array<{ results: unknown[] }> };
        assert.ok(log.runs[0]!.results.length >= 400);
        assert.equal(sarif.headers['content-type'], 'application/sarif+json');
        assert.match(String(sarif.headers['content-disposition']), /^attachment; filename="Streamed-1\.sarif"/);
        assert.equal(sarif.headers['content-length'], undefined, 'not measured first: written as rendered');
        assert.equal(sarif.headers['transfer-encoding'], 'chunked');

        const junit = await api.app.inject({ method: 'GET', url: `/api/releases/${release.id}/junit`, headers });
        assert.equal(junit.statusCode, 200);
        assert.equal(junit.body, (await services.renderJUnit(store, release.id)).content);
        assert.match(junit.body, /<failure message="\d+ blocker\(s\)"/);
        assert.match(String(junit.headers['content-type']), /^application\/xml/);

        // The NOTICE and the compliance actions in every format: streamed, the same text as rendered.
        const rendered: [string, () => Promise<{ content: string }>][] = [
          ...(['text', 'md', 'html', 'json'] as const).map((f): [string, () => Promise<{ content: string }>] => [
            `notice?format=${f}`,
            () => services.renderNotice(store, release.id, f),
          ]),
          ...(['md', 'json'] as const).map((f): [string, () => Promise<{ content: string }>] => [
            `obligations/document?format=${f}`,
            () => services.renderObligations(store, release.id, f),
          ]),
        ];
        for (const [path, render] of rendered) {
          const download = await api.app.inject({ method: 'GET', url: `/api/releases/${release.id}/${path}`, headers });
          assert.equal(download.statusCode, 200, path);
          assert.equal(download.headers['transfer-encoding'], 'chunked', path);
          assert.equal(download.body, (await render()).content, path);
        }

        // The CycloneDX and SPDX exports: written in pieces, the same text as the whole export.
        const fixed = {
          serialNumber: 'urn:uuid:00000000-0000-4000-8000-000000000000',
          timestamp: '2026-01-01T00:00:00Z',
        };
        for (const format of ['cyclonedx-1.6', 'spdx-2.3'] as const) {
          const whole = (await services.exportRelease(store, release.id, format, fixed)).content;
          const streamed = await services.streamExport(store, release.id, format, fixed);
          const pieces = [...streamed.chunks];
          assert.ok(pieces.length > 400, `${format}: ${pieces.length} pieces`);
          assert.equal(pieces.join(''), whole, format);
          const download = await api.app.inject({
            method: 'GET',
            url: `/api/releases/${release.id}/export?format=${format}`,
            headers,
          });
          assert.equal(download.statusCode, 200);
          assert.equal(download.headers['transfer-encoding'], 'chunked', format);
          assert.equal(download.headers['content-type'], streamed.mediaType);
          // Served without fixed values: only the serial number (namespace) and the time differ.
          const unfixed = (text: string) => {
            const doc = JSON.parse(text) as Record<string, Record<string, unknown> | undefined>;
            delete doc.serialNumber;
            delete doc.documentNamespace;
            delete doc.metadata?.timestamp;
            delete doc.creationInfo?.created;
            return doc;
          };
          assert.deepEqual(unfixed(download.body), unfixed(whole), format);
        }
        assert.equal(
          (
            await api.app.inject({
              method: 'GET',
              url: `/api/releases/${release.id}/export?format=spdx-9`,
              headers,
            })
          ).statusCode,
          400,
        );

        // A release with one blocker only (nothing imported: no exploitation) fits in one batch.
        const small = await services.createRelease(store, { productId: product.id, number: '2' });
        const one = await api.app.inject({ method: 'GET', url: `/api/releases/${small.id}/sarif`, headers });
        assert.equal(one.body, (await services.renderSarif(store, small.id)).content);
        assert.equal(
          (await api.app.inject({ method: 'GET', url: '/api/releases/999999/sarif', headers })).statusCode,
          404,
        );
      } finally {
        await api.close();
      }
    },
  );
}
