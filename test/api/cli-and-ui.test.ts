// `vigie token` against a real store, `vigie serve` as a real process, and the web UI's SPA fallback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/io.js';
import { buildServer } from '../../src/server/index.js';
import { openStore } from '../../src/store/index.js';
import { REPO_ROOT } from '../support/corpora.js';

test('vigie token create prints the secret once; list never shows it; revoke disables it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-'));
  try {
    const db = join(dir, 'v.db');
    const created = memoryIo(dir);
    assert.equal(
      await run(['token', 'create', '--name', 'ci', '--role', 'guest', '--expires-in', '30d', '--db', db], created),
      0,
    );
    const secret = created.out.join('').trim();
    assert.match(secret, /^vigie_[A-Za-z0-9_-]{40,}$/);
    const listed = memoryIo(dir);
    assert.equal(await run(['token', 'list', '--json', '--db', db], listed), 0);
    const tokens = JSON.parse(listed.out.join('')) as Array<{ id: number; role: string; expiresAt: string }>;
    assert.equal(tokens.length, 1);
    assert.equal(tokens[0]!.role, 'guest');
    assert.doesNotMatch(listed.out.join(''), new RegExp(secret));
    assert.equal(
      await run(
        ['token', 'create', '--name', 'x', '--role', 'legal', '--expires-in', 'soon', '--db', db],
        memoryIo(dir),
      ),
      2,
    );
    assert.equal(await run(['token', 'revoke', String(tokens[0]!.id), '--db', db], memoryIo(dir)), 0);
    const store = await openStore({ sqlitePath: db });
    try {
      const app = await buildServer({ store, webRoot: null });
      const res = await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${secret}` } });
      assert.equal(res.statusCode, 401);
      await app.close();
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('vigie serve listens, answers /health and /ready, and stops cleanly on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-serve-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'src/cli/main.ts'), 'serve', '--port', '0', '--db', join(dir, 'v.db')],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
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
    assert.deepEqual(await (await fetch(`${url}/health`)).json(), { status: 'ok' });
    assert.deepEqual(await (await fetch(`${url}/ready`)).json(), { status: 'ready', store: 'sqlite' });
    const refused = await fetch(`${url}/api/products`);
    assert.equal(refused.status, 401);
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the built UI is served at / with index.html for client-side routes, never for /api', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Vigie</title><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  const store = await openStore({ sqlitePath: join(dir, 'v.db') });
  const app = await buildServer({ store, webRoot: dir });
  try {
    const home = await app.inject({ method: 'GET', url: '/' });
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<title>Vigie/);
    assert.match(String(home.headers['content-type']), /text\/html/);
    const deep = await app.inject({ method: 'GET', url: '/releases/12/validation' });
    assert.equal(deep.statusCode, 200);
    assert.match(deep.body, /id="root"/);
    assert.equal((await app.inject({ method: 'GET', url: '/assets/app.js' })).body, 'console.log(1)');
    assert.equal((await app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode, 404);
    // A reload of a licence page: the id has a dot, the browser asks for a page (Accept: text/html).
    const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    const dotted = await app.inject({ method: 'GET', url: '/licenses/Apache-2.0', headers: html });
    assert.equal(dotted.statusCode, 200);
    assert.match(dotted.body, /id="root"/);
    assert.match(String(dotted.headers['content-type']), /text\/html/);
    const dottedApi = await app.inject({ method: 'GET', url: '/api/licences/Apache-2.0', headers: html });
    assert.equal(dottedApi.statusCode, 404, 'an /api path stays JSON even when a browser asks for it');
    assert.equal(dottedApi.json().error.code, 'not-found');
    assert.equal(
      (await app.inject({ method: 'GET', url: '/assets/missing.js', headers: { accept: '*/*' } })).statusCode,
      404,
    );
    const api = await app.inject({ method: 'GET', url: '/api/unknown' });
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, 'not-found');
  } finally {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
