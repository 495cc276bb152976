import assert from 'node:assert/strict';
import type { ContractCase } from '../support/contract.js';
import { createToken, hashTokenSecret, isTokenActive } from '../../../src/services/index.js';
import { productWithRelease } from '../support/fixtures.js';

export const accessCases: Record<string, ContractCase> = {
  async 'API tokens: only the hash is stored; find, touch, expire, revoke'(store) {
    const { token, secret } = await createToken(store, {
      name: 'ci',
      role: 'guest',
      lifetimeMs: 1000,
      now: new Date('2998-12-31T23:59:59.000Z'),
    });
    assert.match(secret, /^vigie_[A-Za-z0-9_-]{43}$/);
    assert.equal(token.tokenHash, hashTokenSecret(secret));
    assert.match(token.tokenHash, /^[0-9a-f]{64}$/);
    assert.ok(!JSON.stringify(await store.listApiTokens()).includes(secret));
    assert.deepEqual(await store.findApiTokenByHash(hashTokenSecret(secret)), token);
    assert.equal(await store.findApiTokenByHash(hashTokenSecret(secret + 'x')), null);
    assert.equal(isTokenActive(token), true);
    assert.equal(isTokenActive(token, new Date('3000-01-01')), false);
    await store.touchApiToken(token.id, '2026-05-01T10:00:00.000Z');
    assert.equal((await store.findApiTokenByHash(token.tokenHash))?.lastUsedAt, '2026-05-01T10:00:00.000Z');
    assert.equal(await store.revokeApiToken(token.id), true);
    assert.equal(await store.revokeApiToken(token.id), false);
    const revoked = await store.findApiTokenByHash(token.tokenHash);
    assert.equal(isTokenActive(revoked!), false);
    const other = await createToken(store, { name: 'legal', role: 'legal' });
    assert.notEqual(other.secret, secret);
    assert.equal(isTokenActive(other.token), true);
  },

  async 'imports keep their history, counts, conflicts and the original bytes'(store) {
    const release = await productWithRelease(store);
    const imp = await store.createImport({
      releaseId: release.id,
      format: 'spdx-json',
      fileName: 'sbom.spdx.json',
      mode: 'merge',
      policy: 'override',
      author: 'ci',
    });
    assert.equal(imp.status, 'running');
    const bytes = new Uint8Array([0, 255, 1, 2, 0xef, 0xbb, 0xbf, 10]);
    await store.saveImportDocument({
      importId: imp.id,
      fileName: 'sbom.spdx.json',
      mediaType: 'application/spdx+json',
      content: bytes,
    });
    const conflict = {
      entity: 'version' as const,
      key: 'pkg:npm/a@1',
      field: 'declaredLicense',
      stored: 'MIT',
      incoming: 'ISC',
      kept: 'incoming' as const,
    };
    const done = await store.updateImport(imp.id, {
      status: 'succeeded',
      counts: { usages: 12, components: 3 },
      conflicts: [conflict],
      finishedAt: '2026-01-01T00:00:00.000Z',
    });
    assert.deepEqual(done?.counts, { usages: 12, components: 3 });
    assert.deepEqual(done?.conflicts, [conflict]);
    assert.deepEqual(await store.listImports(release.id), [done]);
    const doc = await store.getImportDocument(imp.id);
    assert.deepEqual([...doc!.content], [...bytes]);
    assert.equal(doc?.mediaType, 'application/spdx+json');
  },

  async 'release views: the most recently consulted first'(store) {
    const r1 = await productWithRelease(store, 'A');
    const r2 = await productWithRelease(store, 'B');
    await store.recordReleaseView(r1.id, 'alice', '2026-01-01T00:00:00.000Z');
    await store.recordReleaseView(r2.id, 'bob', '2026-01-02T00:00:00.000Z');
    await store.recordReleaseView(r1.id, 'carol', '2026-01-03T00:00:00.000Z');
    const views = await store.listRecentReleaseViews(5);
    assert.deepEqual(
      views.map((v) => [v.release.id, v.viewedBy]),
      [
        [r1.id, 'carol'],
        [r2.id, 'bob'],
      ],
    );
    assert.equal((await store.listRecentReleaseViews(1)).length, 1);
  },
};
