// A large release does not take the server down (issue 13 item 6): 50k components whose dependency
// graph is ~2,300 levels deep are imported over real HTTP while /health keeps answering; the BOM and
// a dependency path of the deepest component are served afterwards. Per-usage paths made this release
// store 1.1 GB, block /health for 16 s and end GET …/usages in a 500. Its validation is read a page
// of blockers at a time (ADR 63).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { sqliteTarget } from '../store/support/databases.js';
import { deepGraphCycloneDx } from '../support/synthetic-graph.js';
import * as services from '../../src/services/index.js';
import { bearer, startApi, type ApiHarness } from './support.js';

const COMPONENTS = 50_000;
const DEPTH = 2_300;

let api: ApiHarness;
let base: string;
before(async () => {
  api = await startApi(sqliteTarget());
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}`;
});
after(async () => api.close());

test(`a ${COMPONENTS / 1000}k-component release ${DEPTH} levels deep imports while /health answers`, async (t) => {
  const store = api.fresh.store;
  const product = await services.createProduct(store, { name: 'Deep' });
  const release = await services.createRelease(store, { productId: product.id, number: '1' });
  const document = deepGraphCycloneDx({ components: COMPONENTS, depth: DEPTH });
  const headers = { ...bearer(api.tokens['project-manager']), 'content-type': 'application/json' };

  let importing = true;
  const healthDuringImport: number[] = [];
  // How long each /health took, reported (not asserted: wall-clock times are the machine's) as the
  // figure issue 13 item 6 asks for: under 1 s while the import runs.
  const healthMs: number[] = [];
  const importDone = fetch(`${base}/api/releases/${release.id}/imports?fileName=deep.json`, {
    method: 'POST',
    headers,
    body: document,
  }).finally(() => {
    importing = false;
  });
  while (importing) {
    const started = performance.now();
    const res = await fetch(`${base}/health`);
    await res.arrayBuffer();
    if (importing) {
      healthDuringImport.push(res.status);
      healthMs.push(performance.now() - started);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const imported = await importDone;
  assert.equal(imported.status, 201, await imported.text());
  assert.ok(healthDuringImport.length > 0, '/health answered while the import ran');
  const sorted = [...healthMs].sort((a, b) => a - b);
  t.diagnostic(
    `/health during the import: ${sorted.length} answers, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, slowest ${sorted.at(-1)!.toFixed(0)} ms`,
  );
  assert.ok(
    healthDuringImport.every((s) => s === 200),
    `health statuses: ${healthDuringImport.join(',')}`,
  );

  const edges = await store.listDependencyEdges(release.id);
  assert.ok(edges.length >= COMPONENTS, `${edges.length} edges`);
  const usages = await fetch(`${base}/api/releases/${release.id}/usages`, { headers: bearer(api.tokens.guest) });
  assert.equal(usages.status, 200);
  // The list route is paged (server/http/paging.ts): one page, and the whole count in a header.
  assert.equal(((await usages.json()) as unknown[]).length, 500);
  assert.equal(usages.headers.get('x-total-count'), String(COMPONENTS));
  // The component DEPTH - 1 is at the bottom of the spine: its path is the whole spine.
  const data = await services.releaseBom(store, release.id);
  const spineEnd = data.components.find((c) => c.name === `deep-${(DEPTH - 1).toString(36)}`)!;
  const version = data.versions.find((v) => v.componentId === spineEnd.id)!;
  const deepest = { usage: data.usages.find((u) => u.versionId === version.id)! };
  const path = await fetch(
    `${base}/api/releases/${release.id}/usages/${deepest.usage.id}/dependency-path?maxSteps=16`,
    { headers: bearer(api.tokens.guest) },
  );
  assert.equal(path.status, 200);
  const body = (await path.json()) as { length: number; omitted: number; steps: { name: string }[] };
  assert.deepEqual([body.length, body.steps.length, body.omitted], [DEPTH, 16, DEPTH - 16]);
  assert.equal(body.steps[0].name, 'deep-0');

  // The release page opens on its validation, which a guest may ask for: its first blockers and the
  // counts, read on a worker thread while /health answers (it sent 136 MB for 100k and held the
  // server for 8 s). The run is the import's; a decision makes a new one, read afresh.
  const { response: validation, health: healthDuringRead } = await whilePolled(() =>
    fetch(`${base}/api/releases/${release.id}/validation`, { headers: bearer(api.tokens.guest) }),
  );
  assert.equal(validation.status, 200);
  const answer = (await validation.json()) as { steps: { step: number; blockers: unknown[]; blockerCount: number }[] };
  const counted = answer.steps.reduce((n, s) => n + s.blockerCount, 0);
  assert.ok(counted >= COMPONENTS, `${counted} blockers`);
  assert.ok(answer.steps.every((s) => s.blockers.length === Math.min(500, s.blockerCount)));
  t.diagnostic(
    `/health while the validation was read: ${healthDuringRead.length} answers, slowest ${slowest(healthDuringRead)} ms`,
  );
  const most = answer.steps.reduce((a, b) => (b.blockerCount > a.blockerCount ? b : a));
  const last = await fetch(
    `${base}/api/releases/${release.id}/validation/steps/${most.step}/blockers?offset=${most.blockerCount - 10}`,
    { headers: bearer(api.tokens.guest) },
  );
  assert.equal(last.status, 200);
  assert.equal(((await last.json()) as unknown[]).length, 10);
  assert.equal(last.headers.get('x-total-count'), String(most.blockerCount));

  // The other reads of a whole release (ADR 64), each while /health is polled. What each answers is
  // checked; the slowest /health of each is reported (issue 13 item 6 asks under 1 s).
  const guest = { headers: bearer(api.tokens.guest) };
  const reads: [string, () => Promise<Response>, (r: Response) => Promise<void>][] = [
    [
      "the BOM table's first page (licences from the run, on the worker)",
      () => fetch(`${base}/api/releases/${release.id}/usages?limit=1000`, guest),
      async (r) => {
        const rows = (await r.json()) as { license: { license: string | null } }[];
        assert.equal(rows.length, 1000);
        // The document gives MIT and Apache-2.0 in turn: each row shows its own.
        assert.deepEqual(new Set(rows.map((row) => row.license.license)), new Set(['MIT', 'Apache-2.0']));
      },
    ],
    [
      'the portfolio overview (blockers by kind, counted on the worker)',
      () => fetch(`${base}/api/portfolio/overview`, guest),
      async (r) => {
        const [overview] = (await r.json()) as { blockerCount: number; blockers: { count: number }[] }[];
        assert.equal(
          overview!.blockers.reduce((n, b) => n + b.count, 0),
          overview!.blockerCount,
        );
      },
    ],
    [
      "a component's usage across the portfolio",
      () => fetch(`${base}/api/components/usage?component=${encodeURIComponent(spineEnd.purl!)}`, guest),
      async (r) => {
        const used = (await r.json()) as { releases: { usages: { effective: string | null }[] }[] };
        assert.equal(used.releases.length, 1);
        assert.equal(used.releases[0]!.usages.length, 1);
      },
    ],
    [
      'the vulnerabilities view',
      () => fetch(`${base}/api/releases/${release.id}/vulnerabilities`, guest),
      async (r) => assert.ok(Array.isArray(((await r.json()) as { findings: unknown[] }).findings)),
    ],
    [
      'the VEX download',
      () => fetch(`${base}/api/releases/${release.id}/vex`, guest),
      async (r) => assert.equal(((await r.json()) as { statements: unknown[] }).statements.length, 0),
    ],
    [
      'a validation run (POST)',
      () =>
        fetch(`${base}/api/releases/${release.id}/validation-runs`, {
          method: 'POST',
          headers: bearer(api.tokens['project-manager']),
        }),
      async (r) => assert.ok(((await r.json()) as { steps: unknown[] }).steps.length === 6),
    ],
    // The outputs: each streamed as it is rendered, from the run's details parsed a slice at a time.
    [
      'the SARIF download',
      () => fetch(`${base}/api/releases/${release.id}/sarif`, guest),
      async (r) => {
        const log = (await r.json()) as { runs: { results: unknown[] }[] };
        assert.ok(log.runs[0]!.results.length >= COMPONENTS);
      },
    ],
    [
      'the SPDX 2.3 export',
      () => fetch(`${base}/api/releases/${release.id}/export?format=spdx-2.3`, guest),
      async (r) => {
        const document = (await r.json()) as { packages: unknown[] };
        assert.equal(document.packages.length, COMPONENTS + 1, 'every component and the release itself');
      },
    ],
    [
      'the NOTICE',
      () => fetch(`${base}/api/releases/${release.id}/notice`, guest),
      async (r) => assert.match(await r.text(), /^THIRD-PARTY SOFTWARE NOTICES/),
    ],
  ];
  for (const [what, request, check] of reads) {
    const { response, health } = await whilePolled(request);
    assert.ok(response.ok, `${what}: ${response.status} ${await response.clone().text()}`);
    await check(response);
    t.diagnostic(`/health during ${what}: ${health.length} answers, slowest ${slowest(health)} ms`);
  }
});

/** The request's response, and how long each /health polled meanwhile took (all of them answered 200). */
async function whilePolled(request: () => Promise<Response>): Promise<{ response: Response; health: number[] }> {
  let running = true;
  const health: number[] = [];
  const pending = request().finally(() => {
    running = false;
  });
  while (running) {
    const started = performance.now();
    const res = await fetch(`${base}/health`);
    await res.arrayBuffer();
    assert.equal(res.status, 200);
    if (running) health.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { response: await pending, health };
}

function slowest(ms: number[]): string {
  return Math.max(0, ...ms).toFixed(0);
}
