// The CLI side of jobs (issue 13 item 4): `vigie import --background` records a job, `vigie worker
// --once` runs it, `vigie job show --wait` follows it (a progress line per change on stderr when not a
// terminal) and exits 1 for a failed job; bad flags are usage errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vigie } from './run-cli.js';
import { deepGraphCycloneDx } from '../support/synthetic-graph.js';

test('import --background, worker --once, job show --wait and job list', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-jobs-cli-'));
  try {
    const db = ['--db', join(dir, 'v.db')];
    writeFileSync(join(dir, 'bom.json'), deepGraphCycloneDx({ components: 40, depth: 5 }));
    writeFileSync(join(dir, 'not-an-sbom.json'), '{"hello":"world"}');
    assert.equal((await vigie(['product', 'create', 'Portal', ...db])).code, 0);
    assert.equal((await vigie(['release', 'create', 'Portal', '1.0', ...db])).code, 0);

    assert.equal((await vigie(['import', 'Portal', '1.0', join(dir, 'bom.json'), '--wait', ...db])).code, 2);
    const queued = await vigie(['import', 'Portal', '1.0', join(dir, 'bom.json'), '--background', ...db]);
    assert.equal(queued.code, 0, queued.stderr);
    assert.match(
      queued.stdout,
      /^job 1 \(import\): queued, waiting for a worker \(vigie worker\) \(follow it: vigie job show 1 --wait\)/,
    );
    assert.equal((await vigie(['release', 'show', 'Portal', '1.0', '--json', ...db])).code, 0);

    const worker = await vigie(['worker', '--once', ...db]);
    assert.equal(worker.code, 0, worker.stderr);
    assert.match(
      worker.stdout,
      /job-claimed job=1 kind=import attempt=1[\s\S]*job-ended job=1 state=succeeded[\s\S]*worker-stopped jobs=1/,
    );

    const shown = await vigie(['job', 'show', '1', '--wait', '--json', ...db]);
    assert.equal(shown.code, 0);
    const job = JSON.parse(shown.stdout) as { state: string; result: { counts: { usagesInserted: number } } };
    assert.deepEqual([job.state, job.result.counts.usagesInserted], ['succeeded', 40]);
    assert.equal(shown.stderr, 'job 1 (import): done\n');

    // A document Vigie cannot read fails its job; following it exits 1 and says why.
    assert.equal(
      (await vigie(['import', 'Portal', '1.0', join(dir, 'not-an-sbom.json'), '--background', ...db])).code,
      0,
    );
    await vigie(['worker', '--once', ...db]);
    const failed = await vigie(['job', 'show', '2', ...db]);
    assert.equal(failed.code, 1);
    assert.match(failed.stdout, /^job 2 \(import\): failed: unsupported-format: /);

    const list = await vigie(['job', 'list', '--state', 'succeeded', ...db]);
    assert.match(list.stdout, /^job 1 \(import\): done {2}created \S+\n$/);
    assert.equal((await vigie(['job', 'show', '0', ...db])).code, 2);
    assert.match((await vigie(['job', 'show', '9', ...db])).stderr, /not-found: job 9 not found/);
    assert.equal((await vigie(['worker', '--lease', '-1', '--once', ...db])).code, 2);
    // A queued job cancelled from the CLI never runs; a second cancel is refused (exit 2, one line).
    const queuedAgain = await vigie(['import', 'Portal', '1.0', join(dir, 'bom.json'), '--background', ...db]);
    const next = /^job (\d+) /.exec(queuedAgain.stdout)![1]!;
    const cancelled = await vigie(['job', 'cancel', next, '--author', 'ops', ...db]);
    assert.equal(cancelled.code, 0, cancelled.stderr);
    assert.equal(cancelled.stdout, `job ${next} (import): cancelled by ops\n`);
    const again = await vigie(['job', 'cancel', next, ...db]);
    assert.equal(again.code, 2, again.stderr);
    assert.match(again.stderr, new RegExp(`job ${next} has already ended \\(cancelled\\)`));
    assert.equal((await vigie(['job', 'show', next, '--wait', ...db])).code, 1, 'waiting on a cancelled job exits 1');
    assert.match((await vigie(['worker', '--once', ...db])).stdout, /worker-stopped jobs=0/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
