// Bad uploads get 4xx with stable codes and leave the release exactly as it was.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpus, needsCorpora, HAS_CORPORA } from '../support/corpora.js';
import { sqliteTarget } from '../store/support/databases.js';
import { bearer, startApi, type ApiHarness } from './support.js';

const LARAVEL = corpus('sboms', 'cyclonedx', 'bom-examples', 'SBOM', 'laravel-7.12.0', 'bom.1.4.json');
const LARAVEL_XML = corpus('sboms', 'cyclonedx', 'bom-examples', 'SBOM', 'laravel-7.12.0', 'bom.1.4.xml');
const SPDX_RDF_HINT =
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:spdx="http://spdx.org/rdf/terms#"></rdf:RDF>';
/** The laravel BOM is 140 kB; a limit under it makes it "oversized" without a huge test file. */
const LIMIT = 64 * 1024;

let api: ApiHarness;
let releaseId: number;
let headers: Record<string, string>;

before(async () => {
  if (!HAS_CORPORA) return;
  api = await startApi(sqliteTarget(), { uploadLimit: LIMIT });
  headers = bearer(api.tokens['project-manager']);
  const product = await api.app.inject({
    method: 'POST',
    url: '/api/products',
    headers,
    payload: { name: 'Laravel app' },
  });
  const release = await api.app.inject({
    method: 'POST',
    url: `/api/products/${product.json().id}/releases`,
    headers,
    payload: { number: '7.12.0' },
  });
  releaseId = release.json().id;
  // A first good import (the XML one is under the limit) so that "untouched" means something.
  const ok = await api.app.inject({
    method: 'POST',
    url: `/api/releases/${releaseId}/imports?fileName=bom.1.4.xml`,
    headers: { ...headers, 'content-type': 'application/xml' },
    payload: smallXml(),
  });
  assert.equal(ok.statusCode, 201, ok.body);
});
after(async () => api?.close());

/** The laravel XML BOM cut down to its first components, still well-formed, under the limit. */
function smallXml(): string {
  const xml = readFileSync(LARAVEL_XML, 'utf8');
  const components = [...xml.matchAll(/<component [\s\S]*?<\/component>/g)].map((m) => m[0]).slice(0, 20);
  const start = xml.indexOf('<components>');
  const end = xml.indexOf('</components>');
  assert.ok(start > 0 && end > start && components.length === 20);
  return `${xml.slice(0, start)}<components>${components.join('')}</components>${xml.slice(end + '</components>'.length).replace(/<dependencies>[\s\S]*<\/dependencies>/, '')}`;
}

async function snapshot() {
  const usages = await api.app.inject({ method: 'GET', url: `/api/releases/${releaseId}/usages`, headers });
  const imports = await api.app.inject({ method: 'GET', url: `/api/releases/${releaseId}/imports`, headers });
  return {
    usages: (usages.json() as Array<{ usage: { id: number; versionId: number } }>).map((u) => [
      u.usage.id,
      u.usage.versionId,
    ]),
    succeeded: (imports.json() as Array<{ status: string }>).filter((i) => i.status === 'succeeded').length,
  };
}

function multipart(fileName: string, content: Buffer | string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----vigie-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

test('the baseline import stored 20 usages', needsCorpora, async () => {
  const before = await snapshot();
  assert.equal(before.usages.length, 20);
  assert.equal(before.succeeded, 1);
});

const BAD_UPLOADS: Array<{
  name: string;
  status: number;
  code: string;
  send: () => { payload: Buffer | string; headers: Record<string, string> };
}> = [
  {
    name: 'oversized raw body',
    status: 413,
    code: 'payload-too-large',
    send: () => ({ payload: readFileSync(LARAVEL), headers: { 'content-type': 'application/json' } }),
  },
  {
    name: 'oversized multipart file',
    status: 413,
    code: 'payload-too-large',
    send: () => multipart('bom.json', readFileSync(LARAVEL)),
  },
  {
    name: 'truncated CycloneDX JSON',
    status: 422,
    code: 'unreadable-document',
    send: () => ({
      payload: readFileSync(LARAVEL).subarray(0, 20_000),
      headers: { 'content-type': 'application/json' },
    }),
  },
  {
    name: 'truncated CycloneDX JSON as multipart',
    status: 422,
    code: 'unreadable-document',
    send: () => multipart('bom.json', readFileSync(LARAVEL).subarray(0, 20_000)),
  },
  {
    name: 'not an SBOM (plain text)',
    status: 415,
    code: 'unsupported-format',
    send: () => ({ payload: 'hello, I am a README\n', headers: { 'content-type': 'text/plain' } }),
  },
  {
    name: 'an SBOM format we do not read (SPDX RDF)',
    status: 415,
    code: 'unsupported-format',
    send: () => ({ payload: SPDX_RDF_HINT, headers: { 'content-type': 'application/rdf+xml' } }),
  },
  {
    name: 'an OSV advisory instead of an SBOM',
    status: 415,
    code: 'unsupported-format',
    send: () => ({
      payload: readFileSync(corpus('vulns', 'osv', 'go', 'GO-2024-3228.json')),
      headers: { 'content-type': 'application/json' },
    }),
  },
  {
    name: 'an empty body',
    status: 400,
    code: 'validation-failed',
    send: () => ({ payload: '', headers: { 'content-type': 'application/json' } }),
  },
];

for (const bad of BAD_UPLOADS) {
  test(`${bad.name} → ${bad.status} ${bad.code}, release untouched`, needsCorpora, async () => {
    const before = await snapshot();
    const { payload, headers: extra } = bad.send();
    const res = await api.app.inject({
      method: 'POST',
      url: `/api/releases/${releaseId}/imports`,
      headers: { ...headers, ...extra },
      payload,
    });
    assert.equal(res.statusCode, bad.status, res.body);
    const body = res.json() as { error: { code: string; message: string } };
    assert.equal(body.error.code, bad.code);
    assert.doesNotMatch(body.error.message, /\n\s+at /);
    assert.deepEqual(await snapshot(), before);
  });
}

test('a guest cannot upload, whatever the body', needsCorpora, async () => {
  const res = await api.app.inject({
    method: 'POST',
    url: `/api/releases/${releaseId}/imports`,
    headers: { ...bearer(api.tokens.guest), 'content-type': 'application/xml' },
    payload: smallXml(),
  });
  assert.equal(res.statusCode, 403);
});
