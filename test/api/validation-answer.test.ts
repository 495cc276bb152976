// GET /api/releases/:id/validation sent the run's report whole beside its steps: report.steps repeated
// `steps` byte for byte and report.usages listed every usage's resolved licence (the BOM's to page).
// On a 100k-component release with blockers the answer was 263 MB, took 9 s to build and stopped
// /health answering meanwhile (the release page opens on it). The report came as its summary; still
// 136 MB and 8 s with every blocker, so each step now lists its first ones and the rest are paged
// (ADR 63); the pages must give exactly what the whole validation lists.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as services from '../../src/services/index.js';
import { targets } from '../store/support/databases.js';
import type { Role } from '../../src/store/index.js';
import { bearer, startApi, type ApiHarness } from './support.js';

const COMPONENTS = 3_000;
const LICENCES = ['MIT', 'GPL-2.0-only OR MIT', 'Some Licence v3', 'BSD-3-Clause AND MIT', 'LGPL-2.1-or-later'];

function document(): string {
  const components = Array.from({ length: COMPONENTS }, (_, i) => {
    const licence = LICENCES[i % LICENCES.length]!;
    return {
      type: 'library',
      name: `pkg-${i}`,
      version: '1.0.0',
      purl: `pkg:npm/pkg-${i}@1.0.0`,
      licenses: /OR|AND/.test(licence)
        ? [{ expression: licence }]
        : / /.test(licence)
          ? [{ license: { name: licence } }]
          : [{ license: { id: licence } }],
    };
  });
  return JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components });
}

type Answer = {
  steps: Array<{ step: number; blockers: Array<{ kind: string; usageIds: number[] }>; blockerCount: number }>;
  report: Record<string, unknown>;
  run: { id: number } | null;
};

for (const target of targets()) {
  describe(`the validation answer and its pages of blockers [${target.dialect}]`, { skip: target.unavailable }, () => {
    let api: ApiHarness;
    let releaseId: number;
    const get = (url: string, role: Role = 'guest') =>
      api.app.inject({ method: 'GET', url, headers: bearer(api.tokens[role]) });
    before(async () => {
      api = await startApi(target);
      const product = await services.createProduct(api.fresh.store, { name: 'Many blockers' });
      releaseId = (await services.createRelease(api.fresh.store, { productId: product.id, number: '1' })).id;
      const res = await api.app.inject({
        method: 'POST',
        url: `/api/releases/${releaseId}/imports`,
        headers: { ...bearer(api.tokens['project-manager']), 'content-type': 'application/json' },
        payload: document(),
      });
      assert.equal(res.statusCode, 201, res.body);
    });
    after(async () => api?.close());

    test("the answer carries each step's first blockers, their whole count, and the report as its summary", async () => {
      const res = await get(`/api/releases/${releaseId}/validation`);
      assert.equal(res.statusCode, 200);
      const answer = res.json() as Answer;
      const whole = await services.releaseValidation(api.fresh.store, releaseId);
      const counted = answer.steps.reduce((n, s) => n + s.blockerCount, 0);
      assert.ok(counted > COMPONENTS / 2, `${counted} blockers`);
      assert.equal(answer.report.blockerCount, counted);
      assert.ok(answer.steps.some((s) => s.blockerCount > 500 && s.blockers.length === 500));
      for (const [i, step] of answer.steps.entries()) {
        assert.equal(step.blockerCount, whole.steps[i]!.blockers.length, `step ${step.step}`);
        // The first 500 of each step, as the engine gave them.
        assert.deepEqual(step.blockers, JSON.parse(JSON.stringify(whole.steps[i]!.blockers.slice(0, 500))));
      }
      assert.deepEqual(Object.keys(answer.report).sort(), [
        'blockerCount',
        'releaseId',
        'settings',
        'usageCount',
        'validationStep',
      ]);
      assert.equal(answer.report.usageCount, COMPONENTS);
      // Beside what the service holds, measured in the same run: less than the steps once, and no usages.
      const stepsBytes = Buffer.byteLength(JSON.stringify(whole.steps));
      assert.ok(Buffer.byteLength(res.body) < stepsBytes, `sent ${res.body.length} bytes for ${stepsBytes} of steps`);
      // The per-usage licences are the BOM's, paged.
      const bom = await get(`/api/releases/${releaseId}/usages?limit=10`);
      assert.equal(bom.headers['x-total-count'], String(COMPONENTS));
      // Asked for none, or a few, per step.
      const few = (await get(`/api/releases/${releaseId}/validation?blockers=2`)).json() as Answer;
      const none = (await get(`/api/releases/${releaseId}/validation?blockers=0`)).json() as Answer;
      for (const [i, step] of few.steps.entries()) {
        assert.equal(step.blockers.length, Math.min(2, step.blockerCount));
        assert.equal(none.steps[i]!.blockers.length, 0);
        assert.equal(none.steps[i]!.blockerCount, step.blockerCount);
      }
    });

    test('the pages of a step give its blockers in order, as the whole validation lists them', async () => {
      const whole = await services.releaseValidation(api.fresh.store, releaseId);
      // Pages of 250, and a step past the answer's 500 (step 4: a choice to make per usage of an OR).
      assert.ok(
        whole.steps.some((s) => s.blockers.length > 500),
        whole.steps.map((s) => s.blockers.length).join(),
      );
      for (const [i, step] of whole.steps.entries()) {
        const pages: unknown[] = [];
        let url: string | null = `/api/releases/${releaseId}/validation/steps/${step.step}/blockers?limit=250`;
        while (url) {
          const res = await get(url);
          assert.equal(res.statusCode, 200, res.body);
          assert.equal(res.headers['x-total-count'], String(step.blockers.length));
          pages.push(...(res.json() as unknown[]));
          url = /<([^>]+)>; rel="next"/.exec(String(res.headers.link ?? ''))?.[1] ?? null;
        }
        assert.deepEqual(pages, JSON.parse(JSON.stringify(whole.steps[i]!.blockers)), `step ${step.step}`);
      }
      // By kind: only those, counted alone.
      const five = whole.steps.find((s) => s.step === 5)!;
      const kind = five.blockers[0]!.kind;
      const res = await get(`/api/releases/${releaseId}/validation/steps/5/blockers?kind=${kind},no-such-kind&limit=5`);
      const items = res.json() as Array<{ kind: string }>;
      assert.equal(items.length, 5);
      assert.ok(items.every((b) => b.kind === kind));
      assert.equal(res.headers['x-total-count'], String(five.blockers.filter((b) => b.kind === kind).length));
      // Past the end: an empty page.
      const past = await get(`/api/releases/${releaseId}/validation/steps/5/blockers?offset=100000`);
      assert.deepEqual([past.statusCode, past.json()], [200, []]);
    });

    test('validating now answers the same way; bad steps, pages and releases are clear errors', async () => {
      const res = await api.app.inject({
        method: 'POST',
        url: `/api/releases/${releaseId}/validation-runs?blockers=3`,
        headers: bearer(api.tokens['compliance-officer']),
      });
      assert.equal(res.statusCode, 201, res.body);
      const made = res.json() as Answer;
      const read = (await get(`/api/releases/${releaseId}/validation?blockers=3`)).json() as Answer;
      assert.equal(read.run?.id, made.run?.id);
      assert.deepEqual(read.steps, made.steps);
      for (const [url, status] of [
        [`/api/releases/${releaseId}/validation/steps/7/blockers`, 400],
        [`/api/releases/${releaseId}/validation/steps/0/blockers`, 400],
        [`/api/releases/${releaseId}/validation/steps/5/blockers?limit=1001`, 400],
        [`/api/releases/${releaseId}/validation/steps/5/blockers?kind=Not%20a%20kind`, 400],
        [`/api/releases/${releaseId}/validation?blockers=1001`, 400],
        [`/api/releases/999999/validation/steps/1/blockers`, 404],
        [`/api/releases/999999/validation`, 404],
      ] as const) {
        const bad = await get(url);
        assert.equal(bad.statusCode, status, `${url}: ${bad.body}`);
        assert.ok((bad.json() as { error?: { code: string } }).error?.code, bad.body);
      }
      const anonymous = await api.app.inject({
        method: 'GET',
        url: `/api/releases/${releaseId}/validation/steps/1/blockers`,
      });
      assert.equal(anonymous.statusCode, 401);
    });
  });
}
