// Does the API stay responsive while a 50k-component release (2,300 levels deep) is imported?
// Measured in the server's own process with perf_hooks.monitorEventLoopDelay while the import runs,
// plus /health polled every 20 ms. Baseline: the import inside the request (POST …/imports, 201) —
// decode and writes on the API's event loop. Case: the same upload with ?background=true (202), run
// by a separate `vigie worker` process (issue 13 item 4). The time is the import's wall clock; the
// note gives the max event-loop delay and the slowest /health answer seen meanwhile.
import { mkdtempSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase } from './case.js';
import { deepGraphCycloneDx } from '../test/support/synthetic-graph.js';
import { buildServer } from '../src/server/index.js';
import { createProduct, createRelease, createToken, getJob, isFinished, openStore } from '../src/services/index.js';

const COMPONENTS = 50_000;
const DEPTH = 2_300;
const ROOT = join(import.meta.dirname, '..');

interface Prepared {
  document: string;
  health: number[];
  maxDelayMs: number;
  p99DelayMs: number;
  /** The same, counted only once the import was accepted (what runs while the worker imports). */
  afterAcceptMaxDelayMs: number;
  status: string;
}

async function measure(prepared: Prepared, background: boolean): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-responsive-'));
  const sqlitePath = join(dir, 'store.db');
  const store = await openStore({ sqlitePath });
  const product = await createProduct(store, { name: 'Deep' });
  const release = await createRelease(store, { productId: product.id, number: '1' });
  const { secret } = await createToken(store, { name: 'bench', role: 'project-manager' });
  const app = await buildServer({ store, webRoot: null, logger: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const worker = background
    ? spawn(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), 'worker', '--db', sqlitePath, '--poll', '50'],
        { cwd: ROOT, stdio: 'ignore' },
      )
    : null;
  const monitor = monitorEventLoopDelay({ resolution: 10 });
  let running = true;
  const poll = (async () => {
    while (running) {
      const started = performance.now();
      await (await fetch(`${base}/health`)).arrayBuffer();
      prepared.health.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    monitor.enable();
    const res = await fetch(
      `${base}/api/releases/${release.id}/imports?fileName=deep.json${background ? '&background=true' : ''}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: prepared.document,
      },
    );
    const body = (await res.json()) as { id?: number };
    prepared.status = String(res.status);
    const afterAccept = monitorEventLoopDelay({ resolution: 10 });
    afterAccept.enable();
    if (background) {
      for (;;) {
        const job = await getJob(store, body.id!);
        if (isFinished(job)) {
          prepared.status += ` job ${job.state}`;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    monitor.disable();
    afterAccept.disable();
    prepared.maxDelayMs = monitor.max / 1e6;
    prepared.p99DelayMs = monitor.percentile(99) / 1e6;
    prepared.afterAcceptMaxDelayMs = afterAccept.max / 1e6;
    return COMPONENTS;
  } finally {
    running = false;
    await poll;
    worker?.kill('SIGTERM');
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function note(p: Prepared): string {
  const health = [...p.health].sort((a, b) => a - b);
  return `HTTP ${p.status}; event-loop delay max ${p.maxDelayMs.toFixed(0)} ms, p99 ${p.p99DelayMs.toFixed(0)} ms, max once accepted ${p.afterAcceptMaxDelayMs.toFixed(0)} ms; /health max ${health.at(-1)?.toFixed(0)} ms, p50 ${health[Math.floor(health.length / 2)]?.toFixed(0)} ms over ${health.length} polls`;
}

const prepare = (): Prepared => ({
  document: deepGraphCycloneDx({ components: COMPONENTS, depth: DEPTH }),
  health: [],
  maxDelayMs: 0,
  p99DelayMs: 0,
  afterAcceptMaxDelayMs: 0,
  status: '',
});

export function cases(): BenchCase[] {
  const group = `import ${COMPONENTS / 1000}k deep: API event loop`;
  return [
    {
      group,
      name: 'import inside the request (201)',
      baseline: true,
      setup: prepare,
      run: (p) => measure(p as Prepared, false),
      after: (p) => note(p as Prepared),
    },
    {
      group,
      name: 'import as a job in vigie worker (202)',
      setup: prepare,
      run: (p) => measure(p as Prepared, true),
      after: (p) => note(p as Prepared),
    },
  ];
}
