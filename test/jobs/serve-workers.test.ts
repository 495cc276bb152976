// `vigie serve` starts a `vigie worker` beside the API (issue 13 item 4): an import sent with
// ?background=true over real HTTP is run by it to the end, and SIGTERM stops both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/corpora.js';
import { deepGraphCycloneDx } from '../support/synthetic-graph.js';

const ADMIN = 'a'.repeat(40);

test('vigie serve runs background imports in its worker process', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-serve-jobs-'));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(REPO_ROOT, 'src/cli/main.ts'),
      'serve',
      '--port',
      '0',
      '--db',
      join(dir, 'v.db'),
      '--workers',
      '1',
    ],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, VIGIE_ADMIN_TOKEN: ADMIN },
    },
  );
  try {
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    });
    const headers = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' };
    const product = (await (
      await fetch(`${url}/api/products`, { method: 'POST', headers, body: JSON.stringify({ name: 'Served' }) })
    ).json()) as { id: number };
    const release = (await (
      await fetch(`${url}/api/products/${product.id}/releases`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ number: '1' }),
      })
    ).json()) as { id: number };
    const accepted = await fetch(`${url}/api/releases/${release.id}/imports?background=true&fileName=deep.json`, {
      method: 'POST',
      headers,
      body: deepGraphCycloneDx({ components: 500, depth: 20 }),
    });
    assert.equal(accepted.status, 202, await accepted.clone().text());
    const location = accepted.headers.get('location')!;
    let job: { state: string; result?: { counts: { usagesInserted: number } } } = { state: 'queued' };
    for (let i = 0; i < 600 && (job.state === 'queued' || job.state === 'running'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await (await fetch(`${url}${location}`, { headers })).json()) as typeof job;
    }
    assert.equal(job.state, 'succeeded', JSON.stringify(job));
    assert.equal(job.result?.counts.usagesInserted, 500);
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
