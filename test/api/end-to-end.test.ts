// The whole workflow through the HTTP API on a real corpus SBOM, on SQLite and on PostgreSQL:
// product and release, upload, exploitations, the six steps walked by recording the decisions each
// blocker asks for (with the role that may record it), obligations and the NOTICE; then a second
// release of the same product reaches step 6 on the decisions already made.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { InjectOptions } from 'fastify';
import type { Blocker, StepResult } from '../../src/compliance/finding.js';
import { corpus, needsCorpora } from '../support/corpora.js';
import { targets } from '../store/support/databases.js';
import { bearer, startApi, type ApiHarness } from './support.js';

const SBOM = corpus('sboms', 'cyclonedx', 'bom-examples', 'SBOM', 'proton-bridge', 'proton-bridge-v1.8.0.bom.json');

interface Validation {
  validationStep: number;
  steps: StepResult[];
}

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

/** A scope that outlives the release: the decision must be reusable by the next release. */
function durableScope(b: Blocker): Record<string, unknown> {
  const g =
    b.fix.generalisations.find((x) => x.level === 'product') ??
    b.fix.generalisations.find((x) => !('releaseId' in x.scope) || x.scope.releaseId == null);
  assert.ok(g, `no durable generalisation for ${b.rule} on ${b.component}: ${JSON.stringify(b.fix.generalisations)}`);
  return { ...g.scope };
}

/** Records what one blocker asks for, through the API, as the role that may do it. Returns a label. */
async function clear(c: Client, releaseId: number, b: Blocker): Promise<string> {
  const suggestion = b.fix.suggestions[0];
  const explanation = `e2e: ${b.fix.hint}`;
  switch (b.fix.action) {
    case 'curate': {
      // No SPDX candidate: legal reads the text and files it under an internal reference, which
      // becomes a known licence once it has a policy.
      let to = suggestion;
      if (!to) {
        to = 'LicenseRef-e2e-reviewed';
        await c.json('legal', 'PUT', `/api/licenses/${to}/policy`, {
          allowed: 'always',
          reviewStatus: 'checked',
          comment: 'read by legal',
        });
      }
      await c.json('legal', 'POST', '/api/decisions', {
        type: 'curation',
        component: b.componentKey,
        fromExpression: b.license,
        toExpression: to,
        explanation,
      });
      return 'curation';
    }
    case 'confirm-and':
      assert.ok(suggestion, 'an AND confirmation offers the expressions to confirm');
      await c.json('legal', 'POST', '/api/decisions', {
        type: 'curation',
        kind: 'and-confirmation',
        component: b.componentKey,
        fromExpression: b.license,
        toExpression: suggestion,
        explanation,
      });
      return 'and-confirmation';
    case 'set-exploitation':
      await c.json('project-manager', 'POST', `/api/releases/${releaseId}/exploitation-rules`, {
        scope: b.scope,
        project: b.project,
        exploitation: 'distribution',
      });
      return 'exploitation';
    case 'choose-license':
      assert.ok(suggestion);
      await c.json('legal', 'POST', '/api/decisions', {
        type: 'choice',
        ...durableScope(b),
        fromExpression: b.license,
        toExpression: suggestion,
        explanation,
      });
      return 'choice';
    case 'review-policy':
      await c.json('legal', 'PUT', `/api/licenses/${encodeURIComponent(b.license!)}/policy`, {
        allowed: 'always',
        reviewStatus: 'checked',
        comment: 'e2e',
      });
      return 'policy';
    case 'add-derogation':
    case 'change-outbound':
      await c.json('legal', 'POST', '/api/decisions', {
        type: 'derogation',
        ...durableScope(b),
        license: b.license,
        explanation,
      });
      return 'derogation';
    case 'set-linking':
      // The verdict depends on a linking nobody recorded. The npm packages are linked dynamically:
      // the project manager records it (a guest cannot); where dynamic linking is not enough, legal derogates.
      assert.ok(suggestion && b.usageIds.length === 1);
      if (b.fix.suggestions.includes('dynamic')) {
        await c.call(
          'guest',
          {
            method: 'PATCH',
            url: `/api/releases/${releaseId}/usages/${b.usageIds[0]}`,
            payload: { linking: 'dynamic' },
          },
          403,
        );
        await c.json('project-manager', 'PATCH', `/api/releases/${releaseId}/usages/${b.usageIds[0]}`, {
          linking: 'dynamic',
        });
        return 'linking';
      }
      await c.json('legal', 'POST', '/api/decisions', {
        type: 'derogation',
        ...durableScope(b),
        license: b.license,
        explanation,
      });
      return 'derogation';
    default:
      throw new Error(`no way to clear ${b.fix.action}`);
  }
}

async function walkToStepSix(
  c: Client,
  releaseId: number,
): Promise<{ validation: Validation; applied: Record<string, number>; passedInOrder: number[] }> {
  const applied: Record<string, number> = {};
  const passedInOrder: number[] = [];
  const cleared = new Set<string>();
  for (let round = 0; round < 400; round++) {
    const validation = await c.json<Validation>('guest', 'GET', `/api/releases/${releaseId}/validation`);
    assert.equal(validation.steps.length, 6);
    if (!passedInOrder.includes(validation.validationStep)) passedInOrder.push(validation.validationStep);
    if (validation.validationStep === 6) return { validation, applied, passedInOrder };
    const failing = validation.steps.find((s) => !s.passed)!;
    assert.ok(failing.blockers.length > 0, `step ${failing.step} fails without a blocker to clear`);
    const blocker = failing.blockers[0]!;
    assert.equal(blocker.step, failing.step);
    assert.ok(blocker.message && blocker.fix.hint, 'every blocker explains itself');
    const key = `${blocker.rule} ${blocker.componentKey} ${blocker.version} ${blocker.license} ${blocker.project}/${blocker.scope}`;
    assert.ok(
      !cleared.has(key),
      `recording what the blocker asked for did not clear it: ${key}: ${JSON.stringify(blocker)}`,
    );
    cleared.add(key);
    const label = await clear(c, releaseId, blocker);
    applied[label] = (applied[label] ?? 0) + 1;
  }
  throw new Error('step 6 not reached in 400 decisions');
}

for (const target of targets()) {
  describe(`end to end through the API [${target.dialect}]`, { skip: target.unavailable ?? needsCorpora.skip }, () => {
    test('import, walk the six steps, obligations, NOTICE; the next release reuses the decisions', async (t) => {
      const api = await startApi(target);
      try {
        const c = new Client(api);
        const category = await c.json('project-manager', 'POST', '/api/categories', {
          name: 'Desktop apps',
          outboundLicenses: [],
        });
        const product = await c.json('project-manager', 'POST', '/api/products', {
          name: 'Proton Bridge',
          categoryIds: [category.id],
          outboundLicenses: ['GPL-3.0-or-later'],
        });
        const release = await c.json('project-manager', 'POST', `/api/products/${product.id}/releases`, {
          number: '1.8.0',
        });

        const upload = await c.call(
          'project-manager',
          {
            method: 'POST',
            url: `/api/releases/${release.id}/imports?fileName=bom.json`,
            payload: readFileSync(SBOM),
            headers: { 'content-type': 'application/json' },
          },
          201,
        );
        const usagesInserted = upload.json().counts.usagesInserted as number;
        assert.ok(usagesInserted > 20, `${usagesInserted} usages`);
        const bom = await c.json<unknown[]>('guest', 'GET', `/api/releases/${release.id}/usages`);
        assert.equal(bom.length, usagesInserted);

        const first = await walkToStepSix(c, release.id);
        t.diagnostic(
          `${usagesInserted} usages; step 6 after ${JSON.stringify(first.applied)}; steps reached ${first.passedInOrder.join(' → ')}`,
        );
        assert.ok(first.applied.exploitation! >= 1, 'exploitations were set');
        assert.ok(
          Object.keys(first.applied).length >= 3,
          `decisions of several kinds: ${JSON.stringify(first.applied)}`,
        );
        assert.ok(first.validation.steps.every((s) => s.passed && s.blockers.length === 0));
        assert.equal((await c.json('guest', 'GET', `/api/releases/${release.id}`)).validationStep, 6);

        const obligations = await c.call(
          'guest',
          { method: 'GET', url: `/api/releases/${release.id}/obligations` },
          200,
        );
        assert.match(obligations.body, /usage/i);
        const notice = await c.call(
          'guest',
          { method: 'GET', url: `/api/releases/${release.id}/notice?format=md` },
          200,
        );
        assert.match(String(notice.headers['content-disposition']), /^attachment; filename="[^"]+"/);
        // The NOTICE names the components of the SBOM (read from the document itself, not from our output).
        const sbom = JSON.parse(readFileSync(SBOM, 'utf8')) as { components: Array<{ name: string; purl: string }> };
        const named = sbom.components.filter((comp) => notice.body.includes(comp.name)).length;
        assert.ok(
          named >= sbom.components.length * 0.9,
          `NOTICE names ${named} of ${sbom.components.length} components`,
        );
        for (const path of [
          'bom.csv',
          'junit',
          'sarif',
          'export?format=cyclonedx-1.6',
          'export?format=spdx-2.3',
          'notice?format=html',
        ]) {
          const res = await c.call('guest', { method: 'GET', url: `/api/releases/${release.id}/${path}` }, 200);
          assert.match(String(res.headers['content-disposition']), /^attachment/, path);
        }

        // Decisions made for the product and for all versions are reused: the next release needs
        // its own exploitation rule (rules belong to a release) and nothing else.
        const decisionsBefore = (await c.json<unknown[]>('guest', 'GET', '/api/decisions')).length;
        const next = await c.json('project-manager', 'POST', `/api/products/${product.id}/releases`, {
          number: '1.8.1',
        });
        // The project manager imports it saying how its dependencies are linked (issue 8 item 3).
        await c.call(
          'project-manager',
          {
            method: 'POST',
            url: `/api/releases/${next.id}/imports?linking=dynamic`,
            payload: readFileSync(SBOM),
            headers: { 'content-type': 'application/json' },
          },
          201,
        );
        const second = await walkToStepSix(c, next.id);
        assert.deepEqual(Object.keys(second.applied), ['exploitation'], JSON.stringify(second.applied));
        assert.equal((await c.json<unknown[]>('guest', 'GET', '/api/decisions')).length, decisionsBefore);

        const diff = await c.json('guest', 'GET', `/api/queries/diff?from=${release.id}&to=${next.id}`);
        assert.deepEqual([diff.added.length, diff.removed.length], [0, 0]);
        const hits = await c.json<Array<{ release: { id: number } }>>(
          'guest',
          'GET',
          `/api/queries/releases-containing?component=${encodeURIComponent(sbom.components[0]!.purl)}`,
        );
        assert.deepEqual(hits.map((h) => h.release.id).sort(), [release.id, next.id].sort());
      } finally {
        await api.close();
      }
    });
  });
}
