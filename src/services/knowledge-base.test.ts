// The knowledge-base service on a real store and Hermine's community data: the fallback to the
// shipped knowledge base, import by replacement and by merge, and refusals that change nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinKnowledgeBase } from '../licenses/kb/index.js';
import { openStore, type Store } from '../store/index.js';
import { corpus, needsCorpora, whenCorpora } from '../../test/support/corpora.js';
import * as services from './index.js';

const SHARED = whenCorpora(() => readFileSync(corpus('hermine-community-data', 'shared.json')));
const objects = whenCorpora(
  () =>
    (JSON.parse(SHARED.toString('utf8')) as { objects: { model: string; fields: Record<string, unknown> }[] }).objects,
);
const hermineLicenses = whenCorpora(() =>
  objects.filter((o) => o.model === 'cube.license').map((o) => o.fields.spdx_id as string),
);
const hermineObligations = whenCorpora(() => objects.filter((o) => o.model === 'cube.obligation'));
const hermineGenerics = whenCorpora(() =>
  objects.filter((o) => o.model === 'cube.generic').map((o) => o.fields.name as string),
);

let dir: string;
let store: Store;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-kb-service-'));
  store = await openStore({ sqlitePath: join(dir, 'store.db') });
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function emptyKnowledgeBase(): Promise<void> {
  await store.saveKnowledgeBase({ licenses: [], obligations: [], actions: [] });
}

test('a fresh store shows the shipped knowledge base, with the default policy until one is set', async () => {
  await emptyKnowledgeBase();
  const catalogue = await services.licenseCatalogue(store);
  assert.equal(catalogue.length, builtinKnowledgeBase().licenses.length);
  const mit = catalogue.find((e) => e.facts.id === 'MIT')!;
  assert.equal(mit.policy.allowed, 'not-reviewed');
  assert.equal(mit.obligationCount, builtinKnowledgeBase().obligations.filter((o) => o.license === 'MIT').length);

  // Spelled differently, the licence is still MIT, and the fields not given are kept.
  await services.updateLicensePolicy(store, 'mit', { allowed: 'always', comment: 'permissive' });
  const changed = await services.updateLicensePolicy(store, 'MIT', { reviewStatus: 'to-check' });
  assert.deepEqual(
    { ...changed },
    { license: 'MIT', allowed: 'always', reviewStatus: 'to-check', comment: 'permissive', categories: [] },
  );
  assert.equal((await services.licenseDetail(store, 'mit')).policy.allowed, 'always');
  await assert.rejects(services.licenseDetail(store, 'No-Such-Licence'), { code: 'not-found' });
});

test("replace: Hermine's data becomes the knowledge base, licence for licence", needsCorpora, async () => {
  await emptyKnowledgeBase();
  const result = await services.importHermineKnowledgeBase(store, SHARED, 'replace');
  assert.equal(result.licenses, hermineLicenses.length);
  assert.equal(result.obligations, hermineObligations.length);
  assert.equal(result.actions, hermineGenerics.length);
  const stored = await store.loadKnowledgeBase();
  assert.deepEqual(stored.licenses.map((l) => l.id).sort(), [...hermineLicenses].sort());
  // Compared with the data just stored, nothing differs any more.
  assert.deepEqual((await services.compareWithHermine(store, SHARED)).differences, []);
});

test('merge: Hermine wins on the licences it describes, ours stay where it is silent', needsCorpora, async () => {
  await emptyKnowledgeBase();
  const shipped = builtinKnowledgeBase();
  await services.importHermineKnowledgeBase(store, SHARED, 'merge');
  const kb = await store.loadKnowledgeBase();
  const ids = new Set(kb.licenses.map((l) => l.id));
  for (const id of [...hermineLicenses, ...shipped.licenses.map((l) => l.id)]) assert.ok(ids.has(id), `${id} kept`);
  const mitNames = kb.obligations
    .filter((o) => o.license === 'MIT')
    .map((o) => o.name)
    .sort();
  const hermineMit = hermineObligations
    .filter((o) => JSON.stringify(o.fields.license) === '["MIT"]')
    .map((o) => o.fields.name as string)
    .sort();
  assert.deepEqual(mitNames, hermineMit);
  const onlyShipped = shipped.licenses.find((l) => !hermineLicenses.includes(l.id))!;
  assert.equal(
    kb.obligations.filter((o) => o.license === onlyShipped.id).length,
    shipped.obligations.filter((o) => o.license === onlyShipped.id).length,
    `${onlyShipped.id} keeps its obligations`,
  );
  for (const name of hermineGenerics)
    assert.ok(
      kb.actions.some((a) => a.name === name),
      `action ${name}`,
    );
});

test(
  'a document that is not Hermine data, or not JSON, is refused and the stored knowledge base is unchanged',
  needsCorpora,
  async () => {
    await emptyKnowledgeBase();
    await services.importHermineKnowledgeBase(store, SHARED, 'replace');
    const before = await store.loadKnowledgeBase();
    await assert.rejects(services.importHermineKnowledgeBase(store, Buffer.from('{"objects": [ '), 'replace'), {
      code: 'unreadable-document',
    });
    await assert.rejects(services.importHermineKnowledgeBase(store, Buffer.from('{"licenses": []}'), 'replace'), {
      code: 'unsupported-format',
    });
    await assert.rejects(services.importHermineKnowledgeBase(store, Buffer.from('{"objects": []}'), 'replace'), {
      code: 'invalid-input',
    });
    await assert.rejects(
      services.importHermineKnowledgeBase(store, SHARED, 'overwrite' as services.KnowledgeBaseImportMode),
      { code: 'invalid-input' },
    );
    assert.deepEqual(await store.loadKnowledgeBase(), before);
  },
);
