// Tokens and release consultation through the services: input checks with stable codes, expiry
// computed from a lifetime, revocation of unknown tokens, consulted releases recorded newest first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Role, type Store } from '../store/index.js';
import * as services from './index.js';

let dir: string;
let store: Store;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-access-service-'));
  store = await openStore({ sqlitePath: join(dir, 'store.db') });
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const code = (err: unknown) => (services.isServiceError(err) ? err.code : String(err));

test('tokens: expiry from a lifetime, bad input refused with invalid-input, unknown revocation not-found', async () => {
  const now = new Date('2026-11-29T00:00:00Z');
  const { token, secret } = await services.createToken(store, {
    name: ' ci ',
    role: 'guest',
    lifetimeMs: 86_400_000,
    now,
  });
  assert.equal(token.name, 'ci');
  assert.equal(token.expiresAt, '2026-11-30T00:00:00.000Z');
  assert.ok(
    secret.length >= 20 && !JSON.stringify(token).includes(secret),
    'the secret is never part of the stored token',
  );
  assert.equal((await services.createToken(store, { name: 'forever', role: 'legal' })).token.expiresAt, null);
  await assert.rejects(services.createToken(store, { name: ' ', role: 'legal' }), (e) => code(e) === 'invalid-input');
  await assert.rejects(
    services.createToken(store, { name: 'x', role: 'admin' as Role }),
    (e) => code(e) === 'invalid-input',
  );
  await assert.rejects(
    services.createToken(store, { name: 'x', role: 'legal', lifetimeMs: 0 }),
    (e) => code(e) === 'invalid-input',
  );
  await services.revokeToken(store, token.id);
  assert.ok((await services.listTokens(store)).find((t) => t.id === token.id)?.revokedAt);
  await assert.rejects(services.revokeToken(store, 9999), (e) => code(e) === 'not-found');
});

test('releases: consulting records a view, newest first; the BOM of a missing release is not-found', async () => {
  const product = await services.createProduct(store, { name: 'Viewed' });
  const first = await services.createRelease(store, { productId: product.id, number: '1.0' });
  const second = await services.createRelease(store, { productId: product.id, number: '2.0' });
  await services.consultRelease(store, first.id, 'ada');
  await services.consultRelease(store, second.id, 'ada');
  const recent = await services.recentReleases(store);
  assert.deepEqual(
    recent.slice(0, 2).map((v) => v.release.number),
    ['2.0', '1.0'],
  );
  assert.equal((await services.releaseBom(store, first.id)).usages.length, 0);
  await assert.rejects(services.releaseBom(store, 9999), (e) => code(e) === 'not-found');
  await assert.rejects(services.consultRelease(store, 9999, null), (e) => code(e) === 'not-found');
});
