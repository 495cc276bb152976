// Two real `vigie worker` processes on one store; the one running an import is SIGKILLed in the
// middle of it (issue 13 item 4). The killed import leaves the release as it was or wholly
// imported — never in between —, the survivor takes the job over once its lease runs out, and
// every release ends with its document imported exactly once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import * as services from '../../src/services/index.js';
import type { Store, StoreOptions } from '../../src/store/index.js';
import { targets } from '../store/support/databases.js';
import { useComponent } from '../store/support/fixtures.js';
import { deepGraphCycloneDx } from '../support/synthetic-graph.js';
import { REPO_ROOT } from '../support/corpora.js';

const COMPONENTS = 12_000;
const LEASE_SECONDS = 3;

function dbArgument(options: StoreOptions): string {
  if (options.databaseUrl) {
    const url = new URL(options.databaseUrl);
    if (options.schema) url.searchParams.set('schema', options.schema);
    return url.toString();
  }
  return options.sqlitePath!;
}

interface Worker {
  proc: ChildProcess;
  output: string[];
  started: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWorker(db: string): Worker {
  const proc = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(REPO_ROOT, 'src', 'cli', 'main.ts'),
      'worker',
      '--db',
      db,
      '--lease',
      String(LEASE_SECONDS),
      '--poll',
      '100',
    ],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  let onStart: () => void;
  const started = new Promise<void>((resolve) => (onStart = resolve));
  proc.stdout!.on('data', (d: Buffer) => {
    output.push(d.toString());
    if (d.toString().includes('worker-started')) onStart();
  });
  proc.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { proc, output, started, exited };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, workers: Worker[]): Promise<T> {
  for (let i = 0; ; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    if (i > 6_000)
      throw new Error(
        `gave up waiting for ${what}; worker output:\n${workers.map((w) => w.output.join('')).join('\n---\n')}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function usageCount(store: Store, releaseId: number): Promise<number> {
  return (await store.listUsages(releaseId)).length;
}

for (const target of targets()) {
  test(
    `two workers, one SIGKILLed mid-import: the job is retried, imported once, never half-written [${target.dialect}]`,
    { skip: target.unavailable },
    async (t) => {
      const fresh = await target.fresh();
      const workers: Worker[] = [];
      try {
        const store = fresh.store;
        const product = await services.createProduct(store, { name: 'Two workers' });
        const releases = [
          await services.createRelease(store, { productId: product.id, number: '1' }),
          await services.createRelease(store, { productId: product.id, number: '2' }),
        ];
        // What each release held before: one usage that a replace import removes.
        for (const r of releases) await useComponent(store, r.id, 'left-pad', ['1.0.0']);
        const document = deepGraphCycloneDx({ components: COMPONENTS, depth: 50 });

        const db = dbArgument(fresh.options);
        workers.push(startWorker(db), startWorker(db));
        await Promise.all(workers.map((w) => w.started));
        const jobs = [];
        for (const r of releases)
          jobs.push(
            await services.enqueueImport(store, r.id, { content: document, fileName: 'deep.json', author: 'ci' }),
          );
        const [target1, other] = jobs;

        // Both workers hold a job; kill the one whose job is writing the release.
        const victim = await until(
          'the first job to be writing while the other runs',
          async () => {
            const [a, b] = [await store.getJob(target1.id), await store.getJob(other.id)];
            return a?.state === 'running' && a.progress.phase === 'writing' && b?.state === 'running' ? a : undefined;
          },
          workers,
        );
        const pid = Number(victim.leaseOwner!.split(':')[1]);
        const killed = workers.find((w) => w.proc.pid === pid)!;
        assert.ok(killed, `the job's owner ${victim.leaseOwner} is one of the two workers`);
        killed.proc.kill('SIGKILL');
        assert.equal((await killed.exited).signal, 'SIGKILL');

        // Right after the kill: the release holds what it held, or the whole import — nothing between.
        const afterKill = await usageCount(store, releases[0].id);
        const checkpointed = (await store.getJob(target1.id))?.checkpoint !== null;
        t.diagnostic(
          `killed in phase writing; import ${checkpointed ? 'had committed' : 'had not committed'}; ${afterKill} usages right after the kill`,
        );
        assert.equal(afterKill, checkpointed ? COMPONENTS : 1);

        // The survivor finishes its own job, then takes the dead worker's once its lease ran out.
        const ended = await until(
          'both jobs to end',
          async () => {
            const all = [await store.getJob(target1.id), await store.getJob(other.id)];
            return all.every((j) => j && services.isFinished(j)) ? all : undefined;
          },
          workers,
        );
        const [retried, untouched] = ended;
        assert.equal(retried!.state, 'succeeded', JSON.stringify(retried));
        assert.equal(untouched!.state, 'succeeded', JSON.stringify(untouched));
        assert.equal(retried!.attempts, 2, 'the killed job ran a second time');
        assert.equal(untouched!.attempts, 1);
        const survivor = workers.find((w) => w !== killed)!;
        assert.ok(
          retried!.result && (retried!.result.counts as Record<string, number>).usagesInDocument === COMPONENTS,
        );

        for (const r of releases) {
          const imports = await store.listImports(r.id);
          assert.deepEqual(
            imports.map((i) => i.status),
            ['succeeded'],
            `release ${r.number}: one import, done once`,
          );
          assert.equal(await usageCount(store, r.id), COMPONENTS, `release ${r.number}: every component used once`);
          assert.ok(await store.latestValidationRun(r.id), `release ${r.number}: validated after its import`);
        }
        assert.match(survivor.output.join(''), new RegExp(`job-claimed job=${target1.id} kind=import attempt=2`));
      } finally {
        for (const w of workers) if (w.proc.exitCode === null && w.proc.signalCode === null) w.proc.kill('SIGTERM');
        await Promise.all(workers.map((w) => w.exited));
        await fresh.dispose();
      }
    },
  );
}
