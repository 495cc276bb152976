// A release shipping a fine-tuned model through the HTTP API, on SQLite and PostgreSQL: the import
// stores the ML-BOM's lineage as edges, the use declaration is read and set with roles and limits,
// and validation and obligations follow it — use restrictions, the no-derivatives dataset, the base
// model's obligations on the fine-tune (issue 10 items 4 and 5).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { targets } from '../store/support/databases.js';
import { bearer, startApi, type ApiHarness } from '../api/support.js';

const LLAMA_31 = 'LicenseRef-scancode-llama-3.1-license-2024';

/** An assistant app shipping a model fine-tuned from Llama 3.1 on a CC-BY-ND dataset, with a tokenizer library. */
const MLBOM = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  metadata: { component: { type: 'application', 'bom-ref': 'app', name: 'helpdesk-assistant', version: '2.0.0' } },
  components: [
    {
      type: 'machine-learning-model',
      'bom-ref': 'model',
      name: 'helpdesk-8b',
      version: '1.0',
      purl: 'pkg:huggingface/example/helpdesk-8b@1.0',
      licenses: [{ license: { id: 'Apache-2.0' } }],
      modelCard: {
        modelParameters: { task: 'text-generation', datasets: [{ ref: 'tickets' }] },
        properties: [{ name: 'vigie:ai:lineage', value: 'fine-tuned-from base' }],
      },
    },
    {
      type: 'machine-learning-model',
      'bom-ref': 'base',
      name: 'Llama-3.1-8B',
      version: '3.1',
      purl: 'pkg:huggingface/meta-llama/Llama-3.1-8B@3.1',
      licenses: [{ expression: LLAMA_31 }],
    },
    {
      type: 'data',
      'bom-ref': 'tickets',
      name: 'support-tickets',
      version: '2025',
      licenses: [{ license: { id: 'CC-BY-ND-4.0' } }],
      data: [{ type: 'dataset', name: 'support-tickets' }],
    },
    {
      type: 'library',
      'bom-ref': 'lib',
      name: 'tokenizers',
      version: '0.20.0',
      purl: 'pkg:pypi/tokenizers@0.20.0',
      licenses: [{ license: { id: 'Apache-2.0' } }],
    },
  ],
  dependencies: [
    { ref: 'app', dependsOn: ['model', 'lib'] },
    { ref: 'model', dependsOn: ['base', 'tickets'] },
  ],
});

class Client {
  constructor(readonly api: ApiHarness) {}
  async call(role: keyof ApiHarness['tokens'], options: InjectOptions, expected: number) {
    const res = await this.api.app.inject({
      ...options,
      headers: { ...bearer(this.api.tokens[role]), ...options.headers },
    });
    assert.equal(res.statusCode, expected, `${options.method} ${options.url}: ${res.body.slice(0, 500)}`);
    return res;
  }
  json<T = any>(
    role: keyof ApiHarness['tokens'],
    method: InjectOptions['method'],
    url: string,
    payload?: object,
    expected = method === 'POST' ? 201 : 200,
  ): Promise<T> {
    return this.call(role, { method, url, payload }, expected).then((r) => r.json() as T);
  }
}

type Blocker = { kind: string; component: string; license: string; message: string };
const step5 = async (c: Client, id: number): Promise<Blocker[]> =>
  (await c.json('guest', 'GET', `/api/releases/${id}/validation`)).steps[4].blockers;
const kinds = (blockers: Blocker[]) => blockers.map((b) => `${b.kind} ${b.component} ${b.license}`).sort();

for (const target of targets()) {
  describe(`AI release through the API [${target.dialect}]`, { skip: target.unavailable }, () => {
    test('lineage edges stored, use declaration set with roles, validation and obligations follow', async () => {
      const api = await startApi(target);
      try {
        const c = new Client(api);
        for (const license of [LLAMA_31, 'Apache-2.0', 'CC-BY-ND-4.0'])
          await c.json('legal', 'PUT', `/api/licenses/${encodeURIComponent(license)}/policy`, { allowed: 'always' });
        const product = await c.json('project-manager', 'POST', '/api/products', {
          name: 'Helpdesk assistant',
          outboundLicenses: ['Apache-2.0'],
        });
        const release = await c.json('project-manager', 'POST', `/api/products/${product.id}/releases`, {
          number: '2.0.0',
        });
        const upload = (mode: string) =>
          c.call(
            'project-manager',
            {
              method: 'POST',
              url: `/api/releases/${release.id}/imports?fileName=bom.json&linking=aggregation&mode=${mode}`,
              payload: MLBOM,
              headers: { 'content-type': 'application/json' },
            },
            201,
          );
        await upload('replace');
        await c.json('project-manager', 'POST', `/api/releases/${release.id}/exploitation-rules`, {
          exploitation: 'distribution',
        });

        // The lineage is stored as edges between the release's versions; re-imports never duplicate them.
        const store = api.fresh.store;
        const edges = async () => (await store.listLineageEdges(release.id)).map((e) => e.kind).sort();
        assert.deepEqual(await edges(), ['fine-tuned-from', 'trained-on']);
        await upload('merge');
        await upload('replace');
        assert.deepEqual(await edges(), ['fine-tuned-from', 'trained-on']);

        // Nothing declared: the Llama restrictions cannot be judged; the ND dataset blocks the shared model.
        const undeclared = await c.json('guest', 'GET', `/api/releases/${release.id}/use`);
        assert.deepEqual(undeclared.declaration, {
          commercial: null,
          fieldsOfUse: null,
          monthlyActiveUsers: null,
          outputsTrainOtherModels: null,
          licenseeInEu: null,
        });
        assert.equal(undeclared.updatedAt, null);
        assert.deepEqual(kinds(await step5(c, release.id)), [
          'lineage-no-derivatives example/helpdesk-8b@1.0 CC-BY-ND-4.0',
          `use-undeclared meta-llama/Llama-3.1-8B@3.1 ${LLAMA_31}`,
          `use-undeclared meta-llama/Llama-3.1-8B@3.1 ${LLAMA_31}`,
        ]);

        // Roles and limits on the declaration.
        // Legal and compliance officers declare the use (ADR 31); a guest or a project manager may not.
        await c.call(
          'guest',
          { method: 'PUT', url: `/api/releases/${release.id}/use`, payload: { commercial: true } },
          403,
        );
        await c.call(
          'project-manager',
          { method: 'PUT', url: `/api/releases/${release.id}/use`, payload: { commercial: true } },
          403,
        );
        await c.call(
          'legal',
          { method: 'PUT', url: `/api/releases/${release.id}/use`, payload: { fieldsOfUse: ['cooking'] } },
          400,
        );
        await c.call(
          'legal',
          { method: 'PUT', url: `/api/releases/${release.id}/use`, payload: { monthlyActiveUsers: -1 } },
          400,
        );
        await c.call(
          'legal',
          { method: 'PUT', url: `/api/releases/${release.id}/use`, payload: { commercial: true, surprise: 1 } },
          400,
        );
        await c.call('legal', { method: 'PUT', url: '/api/releases/99999/use', payload: {} }, 404);
        assert.equal(
          (await c.json('guest', 'GET', `/api/releases/${release.id}/use`)).updatedAt,
          null,
          'refused declarations store nothing',
        );

        const declared = await c.json('legal', 'PUT', `/api/releases/${release.id}/use`, {
          commercial: true,
          fieldsOfUse: [],
          monthlyActiveUsers: 900_000_000,
          outputsTrainOtherModels: false,
          licenseeInEu: true,
        });
        assert.equal(declared.declaration.monthlyActiveUsers, 900_000_000);
        assert.equal(declared.updatedBy, 'legal token');
        const after = await step5(c, release.id);
        assert.deepEqual(kinds(after), [
          'lineage-no-derivatives example/helpdesk-8b@1.0 CC-BY-ND-4.0',
          `use-restriction-conflict meta-llama/Llama-3.1-8B@3.1 ${LLAMA_31}`,
        ]);
        assert.match(
          after.find((b) => b.kind === 'use-restriction-conflict')!.message,
          /900,000,000 monthly active users, above 700,000,000/,
        );
        // A compliance officer lowers the figure: the conflict goes with the next run, the ND blocker stays.
        await c.json('compliance-officer', 'PUT', `/api/releases/${release.id}/use`, {
          ...declared.declaration,
          monthlyActiveUsers: 5_000,
        });
        assert.deepEqual(kinds(await step5(c, release.id)), [
          'lineage-no-derivatives example/helpdesk-8b@1.0 CC-BY-ND-4.0',
        ]);
        await c.json('legal', 'PUT', `/api/releases/${release.id}/use`, declared.declaration);
        assert.deepEqual(kinds(await step5(c, release.id)), kinds(after));

        // The fine-tune inherits the base model's obligations, each entry naming its edge.
        const plan = await c.json('guest', 'GET', `/api/releases/${release.id}/obligations`);
        const naming = plan.groups.find(
          (g: { name: string }) => g.name === 'Name derivatives with the licensor prefix',
        );
        assert.ok(naming, plan.groups.map((g: { name: string }) => g.name).join(', '));
        assert.deepEqual(
          naming.usages.map((u: { component: string; via?: string }) => [u.component, u.via]),
          [['example/helpdesk-8b@1.0', `fine-tuned-from meta-llama/Llama-3.1-8B@3.1 (${LLAMA_31})`]],
        );

        // The AI variant of the components: cards and facts as imported, lineage named as the release names it.
        const ai = await c.json('guest', 'GET', `/api/releases/${release.id}/ai`);
        assert.deepEqual(
          ai.models.map((m: { component: string; card: { task?: string } | null }) => [
            m.component,
            m.card?.task ?? null,
          ]),
          [
            ['example/helpdesk-8b@1.0', 'text-generation'],
            ['meta-llama/Llama-3.1-8B@3.1', null],
          ],
        );
        assert.deepEqual(
          ai.datasets.map((d: { component: string; license: string; facts: { kind?: string } | null }) => [
            d.component,
            d.license,
            d.facts?.kind,
          ]),
          [['support-tickets@2025', 'CC-BY-ND-4.0', 'dataset']],
        );
        assert.deepEqual(
          ai.lineage.map((l: { from: string; kind: string; to: string }) => `${l.from} ${l.kind} ${l.to}`).sort(),
          [
            'example/helpdesk-8b@1.0 fine-tuned-from meta-llama/Llama-3.1-8B@3.1',
            'example/helpdesk-8b@1.0 trained-on support-tickets@2025',
          ],
        );
        await c.call('guest', { method: 'GET', url: '/api/releases/99999/ai' }, 404);

        // Deleting the release takes its edges and declaration with it.
        await c.call('project-manager', { method: 'DELETE', url: `/api/releases/${release.id}` }, 200);
        assert.deepEqual(await store.listLineageEdges(release.id), []);
        assert.equal(await store.getUseDeclaration(release.id), null);
      } finally {
        await api.close();
      }
    });
  });
}
