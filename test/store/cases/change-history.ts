import assert from 'node:assert/strict';
import type { ContractCase } from '../support/contract.js';
import { productWithRelease } from '../support/fixtures.js';

export const changeHistoryCases: Record<string, ContractCase> = {
  async 'changes are appended with before and after, listed newest first and filtered'(store) {
    const release = await productWithRelease(store);
    const first = await store.appendChange({
      at: '2026-12-04T06:00:00.000Z',
      actor: 'Lena Legal',
      subject: 'decision',
      subjectId: '7',
      action: 'created',
      releaseId: release.id,
      reason: 'MIT is the one we ship',
      before: null,
      after: { type: 'choice', fromExpression: 'MIT OR GPL-2.0-only', toExpression: 'MIT' },
    });
    await store.appendChange({
      at: '2026-12-04T06:01:00.000Z',
      actor: 'Olivia',
      subject: 'policy',
      subjectId: 'GPL-3.0-only',
      action: 'updated',
      releaseId: null,
      reason: null,
      before: { allowed: 'context' },
      after: { allowed: 'never' },
    });
    await store.appendChange({
      at: '2026-12-04T06:02:00.000Z',
      actor: 'Olivia',
      subject: 'release',
      subjectId: String(release.id),
      action: 'approved',
      releaseId: release.id,
      reason: 'ok',
      before: null,
      after: { runId: 3, validationStep: 6 },
    });

    assert.deepEqual(first.after, { type: 'choice', fromExpression: 'MIT OR GPL-2.0-only', toExpression: 'MIT' });
    assert.equal(first.before, null);
    const all = await store.listChanges();
    assert.deepEqual(
      all.map((c) => c.action),
      ['approved', 'updated', 'created'],
    );
    assert.deepEqual(
      (await store.listChanges({ subject: 'policy' })).map((c) => [c.subjectId, c.before, c.after]),
      [['GPL-3.0-only', { allowed: 'context' }, { allowed: 'never' }]],
    );
    assert.deepEqual(
      (await store.listChanges({ releaseId: release.id })).map((c) => c.action),
      ['approved', 'created'],
    );
    assert.deepEqual(
      (await store.listChanges({ subject: 'decision', subjectId: '7' })).map((c) => c.reason),
      ['MIT is the one we ship'],
    );
    assert.equal((await store.listChanges({ limit: 1 })).length, 1);
  },

  async 'the history of a deleted release stays readable'(store) {
    const release = await productWithRelease(store);
    await store.appendChange({
      at: '2026-12-04T06:00:00.000Z',
      actor: 'Olivia',
      subject: 'release',
      subjectId: String(release.id),
      action: 'shipped',
      releaseId: release.id,
      reason: null,
      before: { shipStatus: 'in-development' },
      after: { shipStatus: 'published' },
    });
    await store.deleteRelease(release.id);
    assert.equal((await store.listChanges({ releaseId: release.id })).length, 1);
  },
};
