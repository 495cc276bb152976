// Two API processes serve one PostgreSQL store (issue 13 item 4, last sentence). Two real
// `vigie serve` processes (through bin/vigie.js, each with its own `vigie worker`) are started at
// the same moment on a schema that does not exist yet, then used side by side: what one writes the
// other reads, parallel imports into one release through both end in one consistent release, a
// background import posted to one is run by a worker and followed from the other, and tokens made
// with the CLI work on both. Skipped without PostgreSQL, except under CI=true (see databases.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pgClient from 'pg';
import { openStore, type Store } from '../../src/store/index.js';
import { migrationProvider } from '../../src/store/migrations.js';
import { dropSchema, postgresUrl } from '../store/support/databases.js';
import { deepGraphCycloneDx } from '../support/synthetic-graph.js';
import { REPO_ROOT } from '../support/corpora.js';

const BIN = join(REPO_ROOT, 'bin', 'vigie.js');
/** Component counts of the documents imported in parallel, one import each, alternating between the servers. */
const PARALLEL_SIZES = [120, 150, 180, 210, 240, 270];
const BACKGROUND_SIZE = 400;
/** Releases imported in parallel with one set of components, and its size. */
const SHARED_RELEASES = 6;
const SHARED_SIZE = 1500;

interface Server {
  proc: ChildProcess;
  out: string[];
  err: string[];
  listening: Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startServe(db: string): Server {
  const proc = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', db, '--workers', '1'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  const err: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const listening = new Promise<string>((resolve, reject) => {
    proc.stdout!.on('data', (chunk: Buffer) => {
      out.push(chunk.toString());
      const m = /listening on (http:\/\/\S+)/.exec(out.join(''));
      if (m) resolve(m[1]!);
    });
    void exited.then(({ code, signal }) =>
      reject(new Error(`vigie serve exited (${signal ?? code}) before listening:\n${out.join('')}${err.join('')}`)),
    );
  });
  proc.stderr!.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  return { proc, out, err, listening, exited };
}

/** Runs `vigie …` through the bin to its end; rejects with its output when it fails. */
function vigie(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`vigie ${args.join(' ')} exited ${code}: ${out}${err}`)),
    );
  });
}

async function call(
  base: string,
  token: string,
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; json: unknown; text: string }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

const pg = postgresUrl();

test(
  'two vigie serve processes share one PostgreSQL store: migrate together, read each other, serialise imports, share jobs and tokens',
  { skip: pg.reason },
  async (t) => {
    const schema = `t_${process.pid}_${randomBytes(6).toString('hex')}`;
    const url = new URL(pg.url!);
    url.searchParams.set('schema', schema);
    const db = url.toString();
    // Both at the same moment on a schema that does not exist: two servers and their two workers race
    // to create it and to migrate it.
    const servers = [startServe(db), startServe(db)];
    let store: Store | undefined;
    try {
      const [a, b] = await Promise.all(servers.map((s) => s.listening));
      assert.notEqual(a, b);

      // The schema holds every migration, each once.
      store = await openStore({ databaseUrl: pg.url!, schema, migrate: false });
      const expected = Object.keys(await migrationProvider('postgres').getMigrations()).sort();
      const client = new pgClient.Client({ connectionString: pg.url! });
      await client.connect();
      try {
        const recorded = await client.query<{ name: string }>(
          `SELECT name FROM ${schema}.kysely_migration ORDER BY name`,
        );
        assert.deepEqual(
          recorded.rows.map((r) => r.name),
          expected,
        );
      } finally {
        await client.end();
      }

      // Tokens made with the CLI after both servers started: each works on both, with its role.
      const [pm, guest] = await Promise.all(
        (['project-manager', 'guest'] as const).map(
          async (role) =>
            (
              JSON.parse(await vigie(['token', 'create', '--name', role, '--role', role, '--db', db, '--json'])) as {
                secret: string;
              }
            ).secret,
        ),
      );
      for (const base of [a, b]) {
        assert.equal((await call(base, pm, 'GET', '/api/products')).status, 200);
        assert.equal((await call(base, guest, 'GET', '/api/products')).status, 200);
        assert.equal(
          (await call(base, guest, 'POST', '/api/products', JSON.stringify({ name: 'Refused' }))).status,
          403,
          'a guest token stays a guest on every server',
        );
        assert.equal((await call(base, 'x'.repeat(43), 'GET', '/api/products')).status, 401);
      }

      // Written through one, read through the other.
      const created = await call(a, pm, 'POST', '/api/products', JSON.stringify({ name: 'Shared' }));
      assert.equal(created.status, 201, created.text);
      const product = created.json as { id: number; name: string };
      const madeRelease = await call(
        b,
        pm,
        'POST',
        `/api/products/${product.id}/releases`,
        JSON.stringify({ number: '1.0' }),
      );
      assert.equal(madeRelease.status, 201, madeRelease.text);
      const release = madeRelease.json as { id: number; number: string };
      const seenProduct = await call(b, guest, 'GET', `/api/products/${product.id}`);
      assert.equal(seenProduct.status, 200, seenProduct.text);
      assert.equal((seenProduct.json as { name: string }).name, 'Shared');
      const seenRelease = await call(a, guest, 'GET', `/api/releases/${release.id}`);
      assert.equal(seenRelease.status, 200, seenRelease.text);
      assert.equal((seenRelease.json as { number: string }).number, '1.0');

      // One name created through both at once: one 201, one 409 — never the database's unique-key 500.
      const racing = await Promise.all(
        [a, b].map((base) => call(base, pm, 'POST', '/api/products', JSON.stringify({ name: 'Racing' }))),
      );
      assert.deepEqual(racing.map((r) => r.status).sort(), [201, 409], racing.map((r) => r.text).join('\n'));

      // Parallel replace imports into that release, alternating between the servers, all at once.
      const outcomes = await Promise.all(
        PARALLEL_SIZES.map((n, i) =>
          call(
            i % 2 ? b : a,
            pm,
            'POST',
            `/api/releases/${release.id}/imports?fileName=deep-${n}.json`,
            deepGraphCycloneDx({ components: n, depth: 10 }),
          ),
        ),
      );
      for (const [i, outcome] of outcomes.entries())
        assert.equal(outcome.status, 201, `import of ${PARALLEL_SIZES[i]} components: ${outcome.text}`);
      const history = await call(b, guest, 'GET', `/api/releases/${release.id}/imports`);
      const imports = history.json as { id: number; status: string; fileName: string }[];
      assert.equal(imports.length, PARALLEL_SIZES.length);
      assert.ok(
        imports.every((i) => i.status === 'succeeded'),
        history.text,
      );
      // The release is what the last import to commit wrote, nothing mixed in: imports take the
      // release's lock before creating their record, so the highest id committed last.
      const last = imports.reduce((x, y) => (y.id > x.id ? y : x));
      const lastSize = Number(/deep-(\d+)\.json/.exec(last.fileName)![1]);
      const usages = await store.listUsages(release.id);
      assert.equal(usages.length, lastSize, `the release holds the ${lastSize} components of import ${last.id}`);
      assert.equal(new Set(usages.map((u) => u.versionId)).size, usages.length, 'no version used twice');
      for (const base of [a, b]) {
        const bom = await call(base, guest, 'GET', `/api/releases/${release.id}/usages`);
        assert.equal(bom.status, 200, bom.text);
        assert.equal((bom.json as unknown[]).length, lastSize);
      }
      t.diagnostic(
        `${PARALLEL_SIZES.length} parallel imports through two servers: all 201; import ${last.id} (${lastSize} components) committed last and is what the release holds`,
      );

      // Parallel imports into different releases whose documents share their components, listed in
      // opposite orders: the shared component and version rows are written in one order, so the
      // imports wait for each other instead of deadlocking (PostgreSQL aborted one with a 500 before).
      const forward = deepGraphCycloneDx({ components: SHARED_SIZE, depth: 10 }).replace(/deep-/g, 'shared-');
      const parsed = JSON.parse(forward) as { components: unknown[] };
      parsed.components.reverse();
      const backward = JSON.stringify(parsed);
      const others = [];
      for (let i = 0; i < SHARED_RELEASES; i++) {
        const made = await call(
          i % 2 ? b : a,
          pm,
          'POST',
          `/api/products/${product.id}/releases`,
          JSON.stringify({ number: `2.${i}` }),
        );
        assert.equal(made.status, 201, made.text);
        others.push(made.json as { id: number });
      }
      const shared = await Promise.all(
        others.map((r, i) =>
          call(
            i % 2 ? b : a,
            pm,
            'POST',
            `/api/releases/${r.id}/imports?fileName=shared.json`,
            i % 2 ? backward : forward,
          ),
        ),
      );
      for (const [i, outcome] of shared.entries())
        assert.equal(outcome.status, 201, `import into release 2.${i}: ${outcome.text}`);
      for (const r of others) assert.equal((await store.listUsages(r.id)).length, SHARED_SIZE);

      // A background import posted to one server: a worker runs it, the other server follows it.
      const accepted = await call(
        a,
        pm,
        'POST',
        `/api/releases/${release.id}/imports?background=true&fileName=background.json`,
        deepGraphCycloneDx({ components: BACKGROUND_SIZE, depth: 20 }),
      );
      assert.equal(accepted.status, 202, accepted.text);
      const jobId = (accepted.json as { id: number }).id;
      let job = { state: 'queued' } as {
        state: string;
        attempts?: number;
        result?: { counts: { usagesInserted: number } };
      };
      for (let i = 0; i < 3000 && (job.state === 'queued' || job.state === 'running'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const seen = await call(b, guest, 'GET', `/api/jobs/${jobId}`);
        assert.equal(seen.status, 200, seen.text);
        job = seen.json as typeof job;
      }
      assert.equal(job.state, 'succeeded', JSON.stringify(job));
      assert.equal(job.attempts, 1);
      assert.equal(job.result?.counts.usagesInserted, BACKGROUND_SIZE);
      for (const base of [a, b]) {
        const bom = await call(base, guest, 'GET', `/api/releases/${release.id}/usages`);
        assert.equal((bom.json as unknown[]).length, BACKGROUND_SIZE);
      }

      // A token revoked with the CLI stops working on both at once.
      const listed = JSON.parse(await vigie(['token', 'list', '--db', db, '--json'])) as {
        id: number;
        name: string;
        lastUsedAt: string | null;
      }[];
      const pmToken = listed.find((x) => x.name === 'project-manager')!;
      assert.ok(pmToken.lastUsedAt, 'its use through the servers was recorded');
      await vigie(['token', 'revoke', String(pmToken.id), '--db', db]);
      for (const base of [a, b]) assert.equal((await call(base, pm, 'GET', '/api/products')).status, 401);

      // Both stop cleanly; neither they nor their workers ever failed on the way.
      for (const s of servers) s.proc.kill('SIGTERM');
      const exits = await Promise.all(servers.map((s) => s.exited));
      assert.deepEqual(exits, [
        { code: 0, signal: null },
        { code: 0, signal: null },
      ]);
      for (const s of servers) {
        assert.doesNotMatch(
          s.err.join(''),
          /starting it again|Error|"level":50/,
          'nothing failed in a server or its worker',
        );
      }
    } finally {
      for (const s of servers) if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill('SIGKILL');
      await Promise.all(servers.map((s) => s.exited));
      await store?.close();
      await dropSchema(pg.url!, schema);
    }
  },
);
