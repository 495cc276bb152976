import assert from 'node:assert/strict';
import { readsCorpora, type ContractCase } from '../support/contract.js';
import { readHermineData } from '../../../src/io/kb-files.js';
import { corpus, whenCorpora } from '../../support/corpora.js';
import type { KnowledgeBase } from '../../../src/licenses/kb/types.js';

// Hermine's real community data: every licence, obligation and compliance action must survive the store.
const hermine = whenCorpora(() => readHermineData(corpus('hermine-community-data', 'shared.json')).kb);

function sorted(kb: KnowledgeBase): KnowledgeBase {
  return {
    licenses: [...kb.licenses].sort((a, b) => a.id.localeCompare(b.id)),
    actions: [...kb.actions].sort((a, b) => a.name.localeCompare(b.name)),
    obligations: kb.obligations,
  };
}

export const knowledgeCases: Record<string, ContractCase> = {
  'the Hermine community knowledge base persists exactly': readsCorpora(async (store) => {
    assert.ok(
      hermine.licenses.length >= 50 && hermine.obligations.length >= 300,
      'the corpus holds the Hermine licence set',
    );
    await store.saveKnowledgeBase(hermine);
    const loaded = await store.loadKnowledgeBase();
    assert.deepEqual(sorted(loaded), sorted(hermine));
    // Saving again replaces rather than appends.
    await store.saveKnowledgeBase({ licenses: hermine.licenses.slice(0, 2), obligations: [], actions: [] });
    const small = await store.loadKnowledgeBase();
    assert.equal(small.licenses.length, 2);
    assert.equal(small.obligations.length, 0);
  }),

  async 'licence policies are kept apart from facts and set idempotently'(store) {
    await store.setPolicy({
      license: 'MIT',
      allowed: 'always',
      reviewStatus: 'checked',
      comment: null,
      categories: ['permissive'],
    });
    await store.setPolicies([
      {
        license: 'GPL-3.0-only',
        allowed: 'context',
        reviewStatus: 'to-check',
        comment: 'no static linking',
        categories: [],
      },
      {
        license: 'MIT',
        allowed: 'always',
        reviewStatus: 'checked',
        comment: 'reviewed 2026',
        categories: ['permissive'],
      },
    ]);
    assert.deepEqual(await store.listPolicies(), [
      {
        license: 'GPL-3.0-only',
        allowed: 'context',
        reviewStatus: 'to-check',
        comment: 'no static linking',
        categories: [],
      },
      {
        license: 'MIT',
        allowed: 'always',
        reviewStatus: 'checked',
        comment: 'reviewed 2026',
        categories: ['permissive'],
      },
    ]);
    assert.equal((await store.getPolicy('MIT'))?.comment, 'reviewed 2026');
    assert.equal(await store.deletePolicy('MIT'), true);
    assert.equal(await store.getPolicy('MIT'), null);
    assert.deepEqual((await store.loadKnowledgeBase()).licenses, []);
  },

  async 'the knowledge base import history appends and lists newest first'(store) {
    assert.deepEqual(await store.listKnowledgeBaseImports(10), []);
    const entry = {
      source: '/data/hermine/shared.json',
      author: 'ada',
      licenses: 52,
      obligations: 302,
      actions: 32,
      applied: 7,
      issues: 1,
    };
    const first = await store.recordKnowledgeBaseImport({
      ...entry,
      importedAt: '2026-12-04T06:00:00.000Z',
      mode: 'replace',
    });
    await store.recordKnowledgeBaseImport({
      ...entry,
      importedAt: '2026-12-04T07:00:00.000Z',
      mode: 'merge',
      author: null,
    });
    assert.deepEqual(first, { id: first.id, ...entry, importedAt: '2026-12-04T06:00:00.000Z', mode: 'replace' });
    const listed = await store.listKnowledgeBaseImports(10);
    assert.deepEqual(
      listed.map((e) => [e.mode, e.author]),
      [
        ['merge', null],
        ['replace', 'ada'],
      ],
    );
    assert.equal((await store.listKnowledgeBaseImports(1)).length, 1);
  },
};
