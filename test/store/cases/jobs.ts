import assert from 'node:assert/strict';
import { openStore } from '../../../src/store/index.js';
import type { ContractCase } from '../support/contract.js';
import { productWithRelease } from '../support/fixtures.js';

const T0 = '2026-12-04T06:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

export const jobCases: Record<string, ContractCase> = {
  async 'a queued job is claimed once; its lease running out makes it claimable again, and the old owner is shut out'(
    store,
  ) {
    const release = await productWithRelease(store);
    const created = await store.createJob({
      kind: 'import',
      releaseId: release.id,
      params: { fileName: 'bom.json' },
      input: new TextEncoder().encode('{"x":1}'),
      createdBy: 'alice',
    });
    assert.equal(created.state, 'queued');
    assert.deepEqual(await store.getJobInput(created.id), new TextEncoder().encode('{"x":1}'));

    const a = await store.claimJob({ owner: 'worker-a', leaseMs: 10_000, now: T0 });
    assert.equal(a?.id, created.id);
    assert.deepEqual([a?.state, a?.attempts, a?.leaseOwner, a?.leaseUntil], ['running', 1, 'worker-a', at(10_000)]);
    // Within the lease nobody else gets it.
    assert.equal(await store.claimJob({ owner: 'worker-b', leaseMs: 10_000, now: at(5_000) }), null);
    assert.equal(
      await store.touchJob(created.id, 'worker-a', at(20_000), { phase: 'writing', done: 1, total: 3 }),
      true,
    );
    assert.equal(await store.claimJob({ owner: 'worker-b', leaseMs: 10_000, now: at(15_000) }), null);

    // worker-a falls silent: after its lease, worker-b takes the job over.
    const b = await store.claimJob({ owner: 'worker-b', leaseMs: 10_000, now: at(20_001) });
    assert.deepEqual([b?.id, b?.attempts, b?.leaseOwner], [created.id, 2, 'worker-b']);
    assert.deepEqual(b?.progress, { phase: 'writing', done: 1, total: 3 });
    assert.equal(await store.touchJob(created.id, 'worker-a', at(40_000)), false);
    assert.equal(await store.checkpointJob(created.id, 'worker-a', { importId: 1 }), false);
    assert.equal(await store.finishJob(created.id, 'worker-a', { result: { late: true } }), false);

    assert.equal(await store.finishJob(created.id, 'worker-b', { result: { importId: 7 } }), true);
    const done = await store.getJob(created.id);
    assert.deepEqual(
      [done?.state, done?.result, done?.leaseOwner, done?.error],
      ['succeeded', { importId: 7 }, null, null],
    );
    assert.ok(done?.finishedAt);
    assert.equal(await store.getJobInput(created.id), null, 'the document is dropped when the job ends');
    assert.equal(
      await store.claimJob({ owner: 'worker-c', leaseMs: 10_000, now: at(99_000) }),
      null,
      'an ended job is never claimed',
    );
  },

  async 'a job whose worker dies on its last attempt fails with lease-expired; a released job is retried'(store) {
    const once = await store.createJob({
      kind: 'revalidate',
      releaseId: null,
      params: {},
      maxAttempts: 1,
      createdBy: null,
    });
    const retried = await store.createJob({ kind: 'revalidate', releaseId: null, params: {}, createdBy: null });
    assert.equal((await store.claimJob({ owner: 'w1', leaseMs: 1_000, now: T0 }))?.id, once.id);
    assert.equal((await store.claimJob({ owner: 'w1', leaseMs: 1_000, now: T0 }))?.id, retried.id);
    assert.equal(await store.releaseJob(retried.id, 'w1', { code: 'internal', message: 'connection reset' }), true);

    // Past both leases: the first has no attempt left, the second was given back to the queue.
    const next = await store.claimJob({ owner: 'w2', leaseMs: 1_000, now: at(5_000) });
    assert.deepEqual([next?.id, next?.attempts, next?.error?.code], [retried.id, 2, 'internal']);
    const failed = await store.getJob(once.id);
    assert.deepEqual([failed?.state, failed?.error?.code, failed?.attempts], ['failed', 'lease-expired', 1]);
    assert.equal(await store.finishJob(retried.id, 'w2', { error: { code: 'invalid-input', message: 'no' } }), true);
    assert.deepEqual((await store.listJobs({ state: 'failed' })).map((j) => j.id).sort(), [once.id, retried.id].sort());
  },

  async 'a checkpoint written in a rolled-back transaction is not kept'(store) {
    const job = await store.createJob({ kind: 'import', releaseId: null, params: {}, createdBy: null });
    await store.claimJob({ owner: 'w', leaseMs: 60_000, now: new Date().toISOString() });
    await assert.rejects(
      store.transaction(async (tx) => {
        assert.equal(await tx.checkpointJob(job.id, 'w', { importId: 1 }), true);
        throw new Error('the import failed after its checkpoint');
      }),
      /import failed/,
    );
    assert.equal((await store.getJob(job.id))?.checkpoint, null);
    await store.transaction(async (tx) => assert.equal(await tx.checkpointJob(job.id, 'w', { importId: 2 }), true));
    assert.deepEqual((await store.getJob(job.id))?.checkpoint, { importId: 2 });
  },

  async 'concurrent claims from two connections never hand out one job twice'(store, fresh) {
    const ids = new Set<number>();
    for (let i = 0; i < 30; i++)
      ids.add((await store.createJob({ kind: 'revalidate', releaseId: null, params: { i }, createdBy: null })).id);
    // SQLite serialises writers across processes (see test/jobs/two-workers.test.ts); two connections
    // in one thread would wait on each other's lock synchronously, so this race runs on PostgreSQL.
    const other = store.dialect === 'postgres' ? await openStore(fresh.options) : store;
    try {
      const claimed: number[] = [];
      const drain = async (s: typeof store, owner: string) => {
        for (;;) {
          const job = await s.claimJob({ owner, leaseMs: 60_000, now: new Date().toISOString() });
          if (!job) return;
          claimed.push(job.id);
        }
      };
      await Promise.all([drain(store, 'a'), drain(other, 'b'), drain(store, 'c'), drain(other, 'd')]);
      assert.equal(claimed.length, ids.size, `claimed ${claimed.length} times for ${ids.size} jobs`);
      assert.deepEqual(new Set(claimed), ids);
    } finally {
      if (other !== store) await other.close();
    }
  },
};
