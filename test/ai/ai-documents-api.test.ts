// The AI Act documents of a release's model, downloaded through the API (issue 10 item 7), on SQLite
// and PostgreSQL: a guest downloads the training-content summary and the Annex XII information as
// Markdown and JSON attachments, byte-identical on a second request, answered from the stored card,
// facts, lineage and dependency graph of the imported ML-BOM (test/fixtures/ai/complete-mlbom.cdx.json).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { targets } from '../store/support/databases.js';
import { bearer, startApi, type ApiHarness } from '../api/support.js';

const MLBOM = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'ai', 'complete-mlbom.cdx.json'), 'utf8');

async function call(
  api: ApiHarness,
  role: keyof ApiHarness['tokens'] | null,
  options: InjectOptions,
  expected: number,
) {
  const res = await api.app.inject({
    ...options,
    headers: { ...(role ? bearer(api.tokens[role]) : {}), ...options.headers },
  });
  assert.equal(res.statusCode, expected, `${options.method ?? 'GET'} ${options.url}: ${res.body.slice(0, 500)}`);
  return res;
}

for (const target of targets()) {
  describe(`AI documents of a release's model [${target.dialect}]`, { skip: target.unavailable }, () => {
    test('a guest downloads the training summary and the Annex XII information, Markdown and JSON, deterministic', async () => {
      const api = await startApi(target);
      try {
        const product = (
          await call(
            api,
            'project-manager',
            { method: 'POST', url: '/api/products', payload: { name: 'Invoice reader' } },
            201,
          )
        ).json();
        const release = (
          await call(
            api,
            'project-manager',
            { method: 'POST', url: `/api/products/${product.id}/releases`, payload: { number: '3.1.0' } },
            201,
          )
        ).json();
        await call(
          api,
          'project-manager',
          {
            method: 'POST',
            url: `/api/releases/${release.id}/imports?fileName=mlbom.json`,
            payload: MLBOM,
            headers: { 'content-type': 'application/json' },
          },
          201,
        );
        const ai = (await call(api, 'guest', { method: 'GET', url: `/api/releases/${release.id}/ai` }, 200)).json();
        const model = ai.models.find(
          (m: { component: string }) => m.component === 'example/invoice-field-extractor@2.0.0',
        );
        const dataset = ai.datasets[0];
        assert.ok(model && dataset, JSON.stringify(ai));
        const url = (document: string, format?: string, versionId = model.versionId) =>
          `/api/releases/${release.id}/ai/models/${versionId}/${document}${format ? `?format=${format}` : ''}`;

        // Markdown by default, as an attachment named after the product, release and model.
        const summary = await call(api, 'guest', { method: 'GET', url: url('training-summary') }, 200);
        assert.match(String(summary.headers['content-type']), /^text\/markdown/);
        assert.equal(
          summary.headers['content-disposition'],
          `attachment; filename="Invoice_reader-3.1.0-invoice-field-extractor-2.0.0-training-summary.md"; filename*=UTF-8''Invoice_reader-3.1.0-invoice-field-extractor-2.0.0-training-summary.md`,
        );
        const md = summary.body;
        assert.match(md, /^# Public summary of training content: example\/invoice-field-extractor@2\.0\.0$/m);
        for (const heading of [
          '## 1.1 Provider',
          '## 1.3 Modalities',
          '## 2.1 Publicly available datasets',
          '## 2.5 Synthetic data',
          '## 3 Data processing aspects',
        ])
          assert.ok(md.includes(heading), heading);
        // The trained-on dataset's stored facts (escaped: a card is untrusted); it states no origin, so it is named missing.
        assert.match(md, /## 1\.3 Modalities[^\n]*\n\n- image: 10K&lt;n&lt;100K\n/);
        assert.match(
          md,
          /## 2\.6 Other sources of data\n\n- none recorded in the SBOM\n- MISSING: origin category of: synthetic-invoices\n/,
        );
        // No clock is read: the date of last update is named missing, and a second download is identical.
        assert.match(md, /- MISSING: date of last update/);
        assert.equal((await call(api, 'guest', { method: 'GET', url: url('training-summary') }, 200)).body, md);

        const annexMd = await call(api, 'guest', { method: 'GET', url: url('annex-xii', 'md') }, 200);
        assert.match(
          annexMd.body,
          /^# Information for downstream providers: example\/invoice-field-extractor@2\.0\.0$/m,
        );
        assert.match(
          annexMd.body,
          /## 1\(f\) Architecture and number of parameters\n\n- architecture: LayoutLMv3ForTokenClassification\n- family: layoutlm\n- parameters: 125,000,000/,
        );
        assert.match(annexMd.body, /## 1\(h\) Licence of the model\n\n- Apache-2\.0/);
        // The model's software comes from the stored dependency graph.
        assert.match(annexMd.body, /## 1\(d\)[^\n]*\n\n(- [^\n]*\n)*- uses: torch@/);

        const annexJson = await call(api, 'guest', { method: 'GET', url: url('annex-xii', 'json') }, 200);
        assert.match(String(annexJson.headers['content-type']), /^application\/json/);
        assert.match(
          String(annexJson.headers['content-disposition']),
          /^attachment; filename="Invoice_reader-3\.1\.0-invoice-field-extractor-2\.0\.0-annex-xii\.json"/,
        );
        const annex = annexJson.json();
        assert.deepEqual(
          annex.items.map((i: { id: string }) => i.id),
          ['1(a)', '1(b)', '1(c)', '1(d)', '1(e)', '1(f)', '1(g)', '1(h)', '2(a)', '2(b)', '2(c)'],
        );
        assert.deepEqual(
          annex.missing,
          annex.items.filter((i: { present: boolean }) => !i.present).map((i: { id: string }) => i.id),
        );
        const summaryJson = (
          await call(api, 'guest', { method: 'GET', url: url('training-summary', 'json') }, 200)
        ).json();
        assert.deepEqual(
          summaryJson.sections.map((s: { id: string }) => s.id),
          ['0', '1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '3'],
        );
        assert.ok(summaryJson.missing.includes('0: date of last update'));

        // In the OpenAPI document, with both media types and the document names.
        const openapi = (await call(api, null, { method: 'GET', url: '/api/openapi.json' }, 200)).json();
        const op = openapi.paths['/api/releases/{id}/ai/models/{versionId}/{document}'].get;
        assert.equal(op['x-permission'], 'read');
        assert.deepEqual(Object.keys(op.responses['200'].content).sort(), ['application/json', 'text/markdown']);
        assert.deepEqual(op.parameters.find((p: { name: string }) => p.name === 'document').schema.enum, [
          'training-summary',
          'annex-xii',
        ]);

        // Roles, bad input and what is not a model.
        await call(api, null, { method: 'GET', url: url('annex-xii') }, 401);
        await call(api, 'guest', { method: 'GET', url: url('annex-xii', 'pdf') }, 400);
        await call(api, 'guest', { method: 'GET', url: url('model-card') }, 400);
        await call(api, 'guest', { method: 'GET', url: url('annex-xii', 'md', dataset.versionId) }, 404);
        await call(
          api,
          'guest',
          { method: 'GET', url: `/api/releases/99999/ai/models/${model.versionId}/annex-xii` },
          404,
        );
      } finally {
        await api.close();
      }
    });
  });
}
