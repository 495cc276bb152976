// Server hardening (issue 13 item 6): security headers, one error shape for what fastify refuses
// itself, no type coercion of JSON bodies, classified and logged errors, the failed-authentication
// rate limit, the admin secret's length, stored documents served as attachments of their real type.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { buildServer } from '../../src/server/index.js';
import { FailedAuthLimiter } from '../../src/server/auth/failed-auth-limiter.js';
import { sqliteTarget } from '../store/support/databases.js';
import { bearer, startApi, type ApiHarness } from './support.js';

const CYCLONEDX = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  version: 1,
  components: [
    {
      type: 'library',
      name: 'left-pad',
      version: '1.3.0',
      purl: 'pkg:npm/left-pad@1.3.0',
      licenses: [{ license: { id: 'MIT' } }],
    },
  ],
});

/** Every JSON line the server logged. */
class LogLines {
  readonly lines: Array<Record<string, unknown>> = [];
  write(line: string): void {
    this.lines.push(JSON.parse(line) as Record<string, unknown>);
  }
}

function errorOf(body: string): { code: string; message: string } {
  const parsed = JSON.parse(body) as { error: { code: string; message: string } };
  assert.deepEqual(Object.keys(parsed), ['error'], body);
  assert.ok(parsed.error.message.length > 0);
  return parsed.error;
}

let api: ApiHarness;
let log: LogLines;
let co: Record<string, string>;
let releaseId: number;

before(async () => {
  log = new LogLines();
  api = await startApi(sqliteTarget(), {
    logger: { level: 'info', stream: log },
    failedAuthLimits: { maxFailures: 3, windowMs: 60_000, maxClients: 100 },
  });
  co = bearer(api.tokens['compliance-officer']);
  const product = await api.app.inject({
    method: 'POST',
    url: '/api/products',
    headers: co,
    payload: { name: 'Hardened' },
  });
  releaseId = (
    await api.app.inject({
      method: 'POST',
      url: `/api/products/${product.json().id}/releases`,
      headers: co,
      payload: { number: '1.0' },
    })
  ).json().id;
});
after(async () => api.close());

describe('security headers', () => {
  test('every response carries them: JSON, errors, unknown routes, OpenAPI', async () => {
    for (const [url, headers] of [
      ['/api/products', co],
      ['/api/products', {}],
      ['/api/no-such-route', co],
      ['/api/openapi.json', {}],
      ['/health', {}],
    ] as const) {
      const res = await api.app.inject({ method: 'GET', url, headers });
      assert.match(String(res.headers['content-security-policy']), /default-src 'self'.*frame-ancestors 'none'/, url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(res.headers['x-frame-options'], 'DENY', url);
      assert.equal(res.headers['referrer-policy'], 'no-referrer', url);
    }
  });

  test('token creation and the session are never cached', async () => {
    const created = await api.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: co,
      payload: { name: 'ci', role: 'guest' },
    });
    assert.equal(created.statusCode, 201);
    assert.equal(created.headers['cache-control'], 'no-store');
    const me = await api.app.inject({ method: 'GET', url: '/api/me', headers: co });
    assert.equal(me.headers['cache-control'], 'no-store');
  });
});

describe('fastify never answers in its own shape', () => {
  test('unknown route, bad URL encoding, body too large, bad JSON, wrong media type', async () => {
    const cases: Array<{
      name: string;
      status: number;
      code: string;
      res: () => Promise<{ statusCode: number; body: string }>;
    }> = [
      {
        name: 'unknown route',
        status: 404,
        code: 'not-found',
        res: () => api.app.inject({ method: 'GET', url: '/api/nothing/here', headers: co }),
      },
      {
        name: 'method the path does not take',
        status: 405,
        code: 'method-not-allowed',
        res: () => api.app.inject({ method: 'PUT', url: '/api/products', headers: co, payload: {} }),
      },
      {
        name: 'bad URL encoding',
        status: 400,
        code: 'validation-failed',
        res: () => api.app.inject({ method: 'GET', url: '/api/products/%E0%A4%A', headers: co }),
      },
      {
        name: 'JSON body over the limit',
        status: 413,
        code: 'payload-too-large',
        res: () =>
          api.app.inject({
            method: 'POST',
            url: '/api/products',
            headers: { ...co, 'content-type': 'application/json' },
            payload: `{"name":"${'x'.repeat(5 * 1024 * 1024)}"}`,
          }),
      },
      {
        name: 'broken JSON',
        status: 400,
        code: 'validation-failed',
        res: () =>
          api.app.inject({
            method: 'POST',
            url: '/api/products',
            headers: { ...co, 'content-type': 'application/json' },
            payload: '{"name":',
          }),
      },
      {
        name: 'not JSON',
        status: 400,
        code: 'validation-failed',
        res: () =>
          api.app.inject({
            method: 'POST',
            url: '/api/products',
            headers: { ...co, 'content-type': 'text/plain' },
            payload: 'name=x',
          }),
      },
      {
        name: 'unknown media type',
        status: 415,
        code: 'unsupported-format',
        res: () =>
          api.app.inject({
            method: 'POST',
            url: '/api/products',
            headers: { ...co, 'content-type': 'application/x-www-form-urlencoded' },
            payload: 'name=x',
          }),
      },
    ];
    for (const c of cases) {
      const res = await c.res();
      assert.equal(res.statusCode, c.status, `${c.name}: ${res.body}`);
      assert.equal(errorOf(res.body).code, c.code, c.name);
      assert.doesNotMatch(res.body, /"statusCode"|FST_/, c.name);
    }
  });

  test("headers too large (431) and a malformed request line, from node's parser, on a real socket", async () => {
    const app = await buildServer({ store: api.fresh.store, webRoot: null, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = app.server.address() as { port: number };
      const raw = (request: string) =>
        new Promise<string>((resolve, reject) => {
          const socket = connect(port, '127.0.0.1', () => socket.write(request));
          let answer = '';
          socket.on('data', (d) => (answer += d.toString('latin1')));
          socket.on('close', () => resolve(answer));
          socket.on('error', reject);
        });
      const huge = await raw(`GET /api/products HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
      assert.match(huge, /^HTTP\/1\.1 431 /);
      const body = huge.slice(huge.indexOf('\r\n\r\n') + 4);
      assert.equal(errorOf(body).code, 'header-too-large');
      assert.match(huge, /x-content-type-options: nosniff/i);
      const garbage = await raw('NOT A REQUEST\r\n\r\n');
      assert.match(garbage, /^HTTP\/1\.1 400 /);
      assert.equal(errorOf(garbage.slice(garbage.indexOf('\r\n\r\n') + 4)).code, 'validation-failed');
    } finally {
      await app.close();
    }
  });

  test('a broken JSON body is a 400 that says what is wrong and where; prototype keys are refused by path', async () => {
    const post = (payload: string) =>
      api.app.inject({
        method: 'POST',
        url: '/api/products',
        headers: { ...co, 'content-type': 'application/json' },
        payload,
      });
    const where = async (payload: string) => {
      const res = await post(payload);
      assert.equal(res.statusCode, 400, res.body);
      const parsed = JSON.parse(res.body) as {
        error: { code: string; message: string; details: Array<{ field: string; line: number; column: number }> };
      };
      assert.deepEqual(Object.keys(parsed), ['error']);
      assert.equal(parsed.error.code, 'validation-failed');
      return parsed.error;
    };
    const comma = await where('{\n  "name": "x",\n}');
    assert.match(comma.message, /^body is not valid JSON at line 3, column 1: /);
    assert.deepEqual(
      { field: comma.details[0]!.field, line: comma.details[0]!.line, column: comma.details[0]!.column },
      { field: 'body', line: 3, column: 1 },
    );
    // V8 says "Unexpected token" here without a position: the position is still found.
    const literal = await where('{"name": tru}');
    assert.match(literal.message, /at line 1, column 10/);
    assert.match((await where('{"name":')).message, /at line 1, column 9: the text ends too early/);
    assert.match((await where('   ')).message, /body is empty/);

    const proto = await where('{"name":"a","tags":{"__proto__":{"admin":true}}}');
    assert.equal(proto.details[0]!.field, 'body/tags/__proto__');
    assert.match(proto.message, /^body\/tags\/__proto__: a key that can change an object's prototype/);
    const escaped = await where('{"name":"a","\\u005f_proto__":{}}');
    assert.equal(escaped.details[0]!.field, 'body/__proto__');
    const ctor = await where('{"name":"a","x":[{"constructor":{"prototype":{"y":1}}}]}');
    assert.equal(ctor.details[0]!.field, 'body/x/0/constructor/prototype');
    const gzipped = await api.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: { ...co, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync('{"name":"zipped"}'),
    });
    assert.equal(gzipped.statusCode, 415, gzipped.body);
    assert.match(errorOf(gzipped.body).message, /^Content-Encoding "gzip" is not accepted for JSON bodies/);
    // Nesting: a 4 MiB body of brackets overflowed the stack of the checks after parsing (500).
    const deep = await where(`{"name":"deep","description":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    assert.match(deep.message, /^body nests arrays and objects more than 64 levels deep \(at line 1, column 93\)/);
    const brackets = await post(`{"name":"[[[[ in a string ]]]]","description":${'['.repeat(60)}${']'.repeat(60)}}`);
    assert.equal(brackets.statusCode, 400, 'within the depth limit the schema speaks (description is text)');
    assert.match(errorOf(brackets.body).message, /body\/description must be string/);
    // A key that merely contains the words is an ordinary key (the schema decides about it).
    const plain = await post('{"name":"prototype of __proto__ handling"}');
    assert.equal(plain.statusCode, 201, plain.body);
  });

  test('JSON bodies are taken as typed: a number is not a name', async () => {
    const res = await api.app.inject({ method: 'POST', url: '/api/products', headers: co, payload: { name: 123 } });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(errorOf(res.body).message, /body\/name must be string/);
    const list = await api.app.inject({
      method: 'POST',
      url: '/api/categories',
      headers: co,
      payload: { name: 'c', outboundLicenses: 'MIT' },
    });
    assert.equal(list.statusCode, 400, 'a string is not coerced into a list');
    // A compatibility question about text that is no licence expression is the caller's mistake.
    const nonsense = await api.app.inject({
      method: 'GET',
      url: '/api/licenses/compatibility?inbound=MIT&outbound=(((',
      headers: co,
    });
    assert.equal(nonsense.statusCode, 400, nonsense.body);
    assert.match(errorOf(nonsense.body).message, /^outbound: "\(\(\(" is not an SPDX licence expression/);
    const fine = await api.app.inject({
      method: 'GET',
      url: '/api/licenses/compatibility?inbound=LicenseRef-acme&outbound=MIT',
      headers: co,
    });
    assert.equal(fine.statusCode, 200, 'a licence Vigie does not know is still a question, answered "unknown"');
    // Query strings and path parameters are text: they are still read as numbers.
    assert.equal(
      (await api.app.inject({ method: 'GET', url: `/api/releases/${releaseId}`, headers: co })).statusCode,
      200,
    );
  });
});

test('a stored document is downloaded under the last segment of the name its uploader gave', async () => {
  const bom = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', version: 1, components: [] });
  const imported = await api.app.inject({
    method: 'POST',
    url: `/api/releases/${releaseId}/imports?fileName=${encodeURIComponent('../../etc/passwd')}`,
    headers: { ...co, 'content-type': 'application/json' },
    payload: bom,
  });
  assert.equal(imported.statusCode, 201, imported.body);
  const id = (imported.json() as { import: { id: number } }).import.id;
  const doc = await api.app.inject({ method: 'GET', url: `/api/imports/${id}/document`, headers: co });
  assert.equal(doc.statusCode, 200, doc.body);
  assert.equal(doc.headers['content-disposition'], `attachment; filename="passwd"; filename*=UTF-8''passwd`);
});

describe('errors are classified and server errors logged', () => {
  test('malformed multipart is a 400 that names the problem, logged as a client error', async () => {
    const boundary = 'vigie-boundary';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bom.json"\r\nContent-Type: application/json\r\n\r\n{"bomFormat":`;
    for (const [contentType, body] of [
      [`multipart/form-data; boundary=${boundary}`, payload],
      ['multipart/form-data', payload],
      [`multipart/form-data; boundary=${boundary}`, `--${boundary}\r\nbroken header line\r\n\r\n`],
    ] as const) {
      const before = log.lines.length;
      const res = await api.app.inject({
        method: 'POST',
        url: `/api/releases/${releaseId}/imports`,
        headers: { ...co, 'content-type': contentType },
        payload: body,
      });
      assert.equal(res.statusCode, 400, `${contentType}: ${res.body}`);
      assert.equal(errorOf(res.body).code, 'validation-failed');
      const logged = log.lines.slice(before).find((l) => l.code === 'validation-failed');
      assert.ok(logged, 'the refusal is logged with its code');
      assert.equal(logged.level, 30, 'client errors are info, not error');
    }
  });

  test('a multipart form with two files or a file under another name is refused, nothing imported', async () => {
    const boundary = 'vigie-parts';
    const part = (name: string, file: string, body: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file}"\r\nContent-Type: application/json\r\n\r\n${body}\r\n`;
    const field = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const send = (payload: string) =>
      api.app.inject({
        method: 'POST',
        url: `/api/releases/${releaseId}/imports`,
        headers: { ...co, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: `${payload}--${boundary}--\r\n`,
      });
    const imports = async () =>
      (await api.app.inject({ method: 'GET', url: `/api/releases/${releaseId}/imports`, headers: co })).json()
        .length as number;
    const before = await imports();
    const two = await send(part('file', 'a.json', CYCLONEDX) + part('file', 'b.json', CYCLONEDX));
    assert.equal(two.statusCode, 400, two.body);
    assert.match(errorOf(two.body).message, /more than one file part/);
    const named = await send(part('document', 'a.json', CYCLONEDX));
    assert.equal(named.statusCode, 400, named.body);
    assert.match(errorOf(named.body).message, /file part is named "document": send the SBOM as the "file" part/);
    assert.equal(await imports(), before, 'nothing was imported');
    // Other fields are ignored, the one file is imported.
    const fine = await send(field('note', 'x'.repeat(10_000)) + part('file', 'a.json', CYCLONEDX));
    assert.equal(fine.statusCode, 201, fine.body);
    assert.equal(await imports(), before + 1);
  });

  test('an SBOM nesting its components 50k deep is a 422 that says so, not 413 "too large"', async () => {
    const depth = 50_000;
    let document = '';
    for (let i = 0; i < depth; i++) document += `{"type":"library","name":"c${i}","version":"1","components":[`;
    document = `{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"components":[${document}${']}'.repeat(depth)}]}`;
    const res = await api.app.inject({
      method: 'POST',
      url: `/api/releases/${releaseId}/imports?fileName=nested.json`,
      headers: { ...co, 'content-type': 'application/json' },
      payload: document,
    });
    assert.ok(document.length < 4 * 1024 * 1024, 'a few megabytes, far under any size limit');
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(errorOf(res.body).code, 'unreadable-document');
    assert.match(
      errorOf(res.body).message,
      /^nested\.json: nests components \(or other arrays and objects\) deeper than Vigie can follow/,
    );
  });

  test('a server error is logged at error level with its cause, without the token', async () => {
    const fresh = await sqliteTarget().fresh();
    const lines = new LogLines();
    const app = await buildServer({
      store: fresh.store,
      webRoot: null,
      adminToken: 'x'.repeat(32),
      logger: { stream: lines },
    });
    try {
      await fresh.store.close(); // every store call now fails: an infrastructure failure, not the client's
      const res = await app.inject({ method: 'GET', url: '/api/products', headers: bearer('x'.repeat(32)) });
      assert.equal(res.statusCode, 500);
      assert.deepEqual(errorOf(res.body).code, 'internal');
      assert.doesNotMatch(res.body, /database|sqlite|\bat /i, 'the cause stays in the log');
      const logged = lines.lines.find((l) => l.msg === 'server error');
      assert.ok(logged, `logged: ${JSON.stringify(lines.lines)}`);
      assert.equal(logged.level, 50);
      assert.match(JSON.stringify(logged.err), /destroyed|not open/);
      assert.doesNotMatch(JSON.stringify(lines.lines), /xxxxxxxxxxxxxxxx/, 'no secret in the log');
    } finally {
      await app.close();
      await fresh.dispose().catch(() => undefined);
    }
  });
});

describe('authentication', () => {
  test('an address that keeps failing gets 429 with Retry-After; others and the public routes do not', async () => {
    const attacker = { remoteAddress: '203.0.113.7' };
    for (let i = 0; i < 3; i++) {
      const res = await api.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: bearer(`vigie_guess${i}`),
        ...attacker,
      });
      assert.equal(res.statusCode, 401);
    }
    const blocked = await api.app.inject({ method: 'GET', url: '/api/me', headers: co, ...attacker });
    assert.equal(blocked.statusCode, 429, 'even a good token waits: the address is throttled before any lookup');
    assert.equal(errorOf(blocked.body).code, 'too-many-requests');
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    assert.equal(
      (await api.app.inject({ method: 'GET', url: '/api/me', headers: co, remoteAddress: '203.0.113.8' })).statusCode,
      200,
    );
    assert.equal((await api.app.inject({ method: 'GET', url: '/health', ...attacker })).statusCode, 200);
  });

  test('behind a trusted proxy, one client failing does not lock out the others; a client cannot pick its address', async () => {
    const limits = { maxFailures: 3, windowMs: 60_000, maxClients: 100 };
    const proxy = { remoteAddress: '10.0.0.2' };
    const signIn = (app: typeof api.app, forwardedFor: string, token: string) =>
      app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { ...bearer(token), 'x-forwarded-for': forwardedFor },
        ...proxy,
      });
    const good = api.tokens.guest;
    const behind = await buildServer({
      store: api.fresh.store,
      webRoot: null,
      logger: false,
      failedAuthLimits: limits,
      trustedProxies: ['10.0.0.0/8'],
    });
    const direct = await buildServer({
      store: api.fresh.store,
      webRoot: null,
      logger: false,
      failedAuthLimits: limits,
    });
    try {
      for (let i = 0; i < 3; i++)
        assert.equal((await signIn(behind, '198.51.100.9', `vigie_guess${i}`)).statusCode, 401);
      assert.equal((await signIn(behind, '198.51.100.9', good)).statusCode, 429, 'the failing client waits');
      assert.equal(
        (await signIn(behind, '198.51.100.10', good)).statusCode,
        200,
        'another client behind the proxy does not',
      );
      // Not trusted (the default): X-Forwarded-For is anyone's to write, so it does not choose the address counted.
      for (let i = 0; i < 3; i++)
        assert.equal((await signIn(direct, `198.51.100.${i}`, `vigie_guess${i}`)).statusCode, 401);
      assert.equal((await signIn(direct, '198.51.100.99', good)).statusCode, 429);
    } finally {
      await behind.close();
      await direct.close();
    }
  });

  test('the limiter forgets after its window and never tracks more addresses than allowed', () => {
    const limiter = new FailedAuthLimiter({ maxFailures: 2, windowMs: 1000, maxClients: 50 });
    limiter.recordFailure('a', 0);
    limiter.recordFailure('a', 10);
    assert.equal(limiter.retryAfterMs('a', 20), 980);
    assert.equal(limiter.retryAfterMs('a', 1000), 0);
    for (let i = 0; i < 10_000; i++) limiter.recordFailure(`10.0.${i >> 8}.${i & 255}`, 5);
    assert.equal(limiter.size, 50);
  });

  test('a token lifetime past what a date can hold is a 400, not a 500', async () => {
    for (const expiresIn of ['99999999y', '101y', '99999999999999999999h']) {
      const res = await api.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: co,
        payload: { name: 'forever', role: 'guest', expiresIn },
      });
      assert.equal(res.statusCode, 400, `${expiresIn}: ${res.body}`);
      assert.match(errorOf(res.body).message, /^expiresIn must be a duration like .* at most 100y/);
    }
    const longest = await api.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: co,
      payload: { name: 'century', role: 'guest', expiresIn: '100y' },
    });
    assert.equal(longest.statusCode, 201, longest.body);
  });

  test('a short VIGIE_ADMIN_TOKEN is refused at start-up with the reason', async () => {
    await assert.rejects(
      buildServer({ store: api.fresh.store, webRoot: null, adminToken: 'short-secret' }),
      /VIGIE_ADMIN_TOKEN must be at least 32 characters/,
    );
  });
});

test("a stored document comes back as an attachment of its SBOM type, not the uploader's", async () => {
  const upload = await api.app.inject({
    method: 'POST',
    url: `/api/releases/${releaseId}/imports?fileName=evil.html`,
    headers: { ...co, 'content-type': 'text/html' },
    payload: CYCLONEDX,
  });
  assert.equal(upload.statusCode, 201, upload.body);
  const doc = await api.app.inject({
    method: 'GET',
    url: `/api/imports/${upload.json().import.id}/document`,
    headers: co,
  });
  assert.equal(doc.statusCode, 200);
  assert.equal(doc.headers['content-type'], 'application/vnd.cyclonedx+json');
  assert.match(String(doc.headers['content-disposition']), /^attachment; filename="evil.html"/);
  assert.equal(doc.body, CYCLONEDX);
});

test('a policy for a licence that does not exist is refused with a suggestion', async () => {
  const legal = bearer(api.tokens.legal);
  const typo = await api.app.inject({
    method: 'PUT',
    url: '/api/licenses/Apache-2/policy',
    headers: legal,
    payload: { allowed: 'always' },
  });
  assert.equal(typo.statusCode, 400, typo.body);
  assert.match(errorOf(typo.body).message, /"Apache-2" is not a licence Vigie knows; did you mean "Apache-2.0"/);
  const made_up = await api.app.inject({
    method: 'PUT',
    url: '/api/licenses/Totally-Made-Up-9/policy',
    headers: legal,
    payload: { allowed: 'never' },
  });
  assert.equal(made_up.statusCode, 400);
  const ok = await api.app.inject({
    method: 'PUT',
    url: '/api/licenses/mit/policy',
    headers: legal,
    payload: { allowed: 'always' },
  });
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.json().license, 'MIT');
  assert.equal(
    (await api.app.inject({ method: 'GET', url: '/api/policies', headers: legal }))
      .json()
      .filter((p: { license: string }) => p.license.startsWith('Totally')).length,
    0,
  );
});
