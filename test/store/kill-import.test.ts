// An import killed with SIGKILL in the middle of its transaction leaves the previous state intact,
// on SQLite (WAL file) and on PostgreSQL (server-side rollback of the dropped connection).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.js';
import { targets } from './support/databases.js';
import { productWithRelease, useComponent } from './support/fixtures.js';
import { REPO_ROOT } from '../support/corpora.js';

const child = join(REPO_ROOT, 'test', 'store', 'support', 'import-child.ts');

function runUntilMidwayThenKill(args: string[]): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr.on('data', (d) => (stderr += d));
    proc.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('midway')) proc.kill('SIGKILL');
    });
    proc.on('exit', (code, signal) =>
      signal ? resolve(signal) : reject(new Error(`child exited ${code} before being killed: ${stderr}`)),
    );
  });
}

for (const target of targets()) {
  test(
    `a SIGKILLed import leaves the previous state intact [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const fresh = await target.fresh();
      try {
        const release = await productWithRelease(fresh.store);
        await useComponent(fresh.store, release.id, 'lodash', ['4.17.20', '4.17.21']);
        const before = {
          products: await fresh.store.listProducts(),
          components: await fresh.store.listComponents(),
          usages: await fresh.store.listUsages(release.id),
        };
        await fresh.store.close();

        assert.equal(await runUntilMidwayThenKill([JSON.stringify(fresh.options), String(release.id)]), 'SIGKILL');

        const reopened = await openStore(fresh.options);
        try {
          assert.deepEqual(await reopened.listProducts(), before.products);
          assert.deepEqual(await reopened.listComponents(), before.components);
          assert.deepEqual(await reopened.listUsages(release.id), before.usages);
          // And the database is writable again: no lock survived the kill.
          await reopened.createCategory({ name: 'after-kill', description: null, outboundLicenses: [] });
        } finally {
          await reopened.close();
        }
      } finally {
        await fresh.dispose();
      }
    },
  );
}
