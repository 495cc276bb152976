// POST /api/knowledge-base/import with Hermine's community shared.json: who may, replace vs merge,
// and refused documents that leave the stored knowledge base as it was.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpus, needsCorpora, whenCorpora } from '../support/corpora.js';
import { sqliteTarget } from '../store/support/databases.js';
import { bearer, startApi, type ApiHarness } from './support.js';

const SHARED = whenCorpora(() => readFileSync(corpus('hermine-community-data', 'shared.json')));
const objects = whenCorpora(
  () =>
    (JSON.parse(SHARED.toString('utf8')) as { objects: { model: string; fields: Record<string, unknown> }[] }).objects,
);
const hermineLicenses = whenCorpora(() =>
  objects.filter((o) => o.model === 'cube.license').map((o) => o.fields.spdx_id as string),
);

let api: ApiHarness;
before(async () => {
  api = await startApi(sqliteTarget());
});
after(async () => api.close());

function importAs(role: keyof ApiHarness['tokens'], payload: Buffer | string, mode?: string) {
  return api.app.inject({
    method: 'POST',
    url: `/api/knowledge-base/import${mode ? `?mode=${mode}` : ''}`,
    headers: { ...bearer(api.tokens[role]), 'content-type': 'application/json' },
    payload,
  });
}

async function catalogueIds(): Promise<string[]> {
  const res = await api.app.inject({ method: 'GET', url: '/api/licenses', headers: bearer(api.tokens.guest) });
  return (res.json() as { id: string }[]).map((l) => l.id).sort();
}

test('a guest may diff but not import; the catalogue stays the shipped one', needsCorpora, async () => {
  const before = await catalogueIds();
  const res = await importAs('guest', SHARED, 'replace');
  assert.equal(res.statusCode, 403);
  assert.equal(res.json().error.code, 'forbidden');
  assert.deepEqual(await catalogueIds(), before);
  const diff = await api.app.inject({
    method: 'POST',
    url: '/api/knowledge-base/diff',
    headers: { ...bearer(api.tokens.guest), 'content-type': 'application/json' },
    payload: SHARED,
  });
  assert.equal(diff.statusCode, 200);
  assert.ok(diff.json().differences.length > 0);
});

test("merge by default keeps our licences; replace leaves exactly Hermine's", needsCorpora, async () => {
  const shipped = await catalogueIds();
  const merged = await importAs('legal', SHARED);
  assert.equal(merged.statusCode, 200, merged.body);
  assert.equal(merged.json().mode, 'merge');
  const afterMerge = await catalogueIds();
  for (const id of [...shipped, ...hermineLicenses]) assert.ok(afterMerge.includes(id), `${id} after merge`);
  assert.equal(merged.json().licenses, afterMerge.length);

  const replaced = await importAs('compliance-officer', SHARED, 'replace');
  assert.equal(replaced.statusCode, 200, replaced.body);
  assert.deepEqual(await catalogueIds(), [...hermineLicenses].sort());
  const onlyShipped = shipped.find((id) => !hermineLicenses.includes(id))!;
  const gone = await api.app.inject({
    method: 'GET',
    url: `/api/licenses/${encodeURIComponent(onlyShipped)}`,
    headers: bearer(api.tokens.guest),
  });
  assert.equal(gone.statusCode, 404);
  const diff = await api.app.inject({
    method: 'POST',
    url: '/api/knowledge-base/diff',
    headers: { ...bearer(api.tokens.guest), 'content-type': 'application/json' },
    payload: SHARED,
  });
  assert.deepEqual(diff.json().differences, []);
});

test(
  'bad JSON, foreign JSON and an unknown mode are refused with stable codes; the stored knowledge base is untouched',
  needsCorpora,
  async () => {
    const before = await catalogueIds();
    const cases: [Buffer | string, string | undefined, number, string][] = [
      [SHARED.subarray(0, SHARED.length / 2), 'replace', 422, 'unreadable-document'],
      ['{"licenses": []}', 'replace', 415, 'unsupported-format'],
      ['{"objects": []}', 'replace', 400, 'validation-failed'],
      [SHARED, 'overwrite', 400, 'validation-failed'],
    ];
    for (const [payload, mode, status, code] of cases) {
      const res = await importAs('legal', payload, mode);
      assert.equal(res.statusCode, status, `${code}: ${res.body.slice(0, 300)}`);
      assert.equal(res.json().error.code, code);
    }
    assert.deepEqual(await catalogueIds(), before);
  },
);

test('every import is in the history, with who imported it; refused documents add nothing', needsCorpora, async () => {
  const history = async () => {
    const res = await api.app.inject({
      method: 'GET',
      url: '/api/knowledge-base/imports',
      headers: bearer(api.tokens.guest),
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { mode: string; author: string | null; source: string; licenses: number }[];
  };
  const before = (await history()).length;
  const refused = await importAs('legal', '{"objects": []}', 'replace');
  assert.equal(refused.statusCode, 400);
  assert.equal((await history()).length, before);
  const merged = await importAs('legal', SHARED, 'merge');
  assert.equal(merged.statusCode, 200, merged.body);
  const [latest] = await history();
  assert.equal((await history()).length, before + 1);
  assert.deepEqual(
    { mode: latest.mode, author: latest.author, source: latest.source, licenses: latest.licenses },
    { mode: 'merge', author: 'legal token', source: 'upload', licenses: merged.json().licenses },
  );
});
