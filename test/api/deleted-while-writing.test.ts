// A write that races with the deletion of its release (an import, a scan, an exploitation rule while
// someone deletes the product) fails on the store's foreign key. That is the release being gone, so
// the caller gets 404 not-found, not 500 internal. But a foreign-key failure while everything the
// request names still exists is a bug (a wrong id written somewhere): it must stay a 500, logged,
// never be excused as "deleted meanwhile". Real servers on both dialects, the drivers' own errors;
// the store is wrapped only to place the deletion (or the wrong id) between the check and the write.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { targets, type Target } from '../store/support/databases.js';
import { buildServer } from '../../src/server/index.js';
import { createProduct, createRelease, createToken } from '../../src/services/index.js';
import type { Store } from '../../src/services/index.js';
import { bearer } from './support.js';

type Meddle = (store: Store, releaseId: number) => { before?: () => Promise<void>; wrongId?: number };

/** The store, with `meddle` run between the service's existence check and its transaction. */
function interfering(store: Store, meddle: { before?: () => Promise<void>; wrongId?: number }): Store {
  const tx = (inner: Store) =>
    new Proxy(inner, {
      get(target, key) {
        if (key === 'createExploitationRule' && meddle.wrongId !== undefined)
          return (rule: Parameters<Store['createExploitationRule']>[0]) =>
            target.createExploitationRule({ ...rule, releaseId: meddle.wrongId! });
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  return new Proxy(store, {
    get(target, key) {
      if (key === 'transaction')
        return async <T>(work: (inner: Store) => Promise<T>) => {
          await meddle.before?.();
          return target.transaction((inner) => work(tx(inner)));
        };
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

class LogLines {
  readonly lines: Array<Record<string, unknown>> = [];
  write(line: string): void {
    this.lines.push(JSON.parse(line) as Record<string, unknown>);
  }
}

async function addRule(target: Target, meddle: Meddle) {
  const fresh = await target.fresh();
  const store = fresh.store;
  const product = await createProduct(store, { name: 'Racy' });
  const release = await createRelease(store, { productId: product.id, number: '1.0' });
  const secret = (await createToken(store, { name: 'co', role: 'compliance-officer' })).secret;
  const log = new LogLines();
  const app = await buildServer({
    store: interfering(store, meddle(store, release.id)),
    webRoot: null,
    logger: { level: 'info', stream: log },
  });
  try {
    const res = await app.inject({
      method: 'POST',
      url: `/api/releases/${release.id}/exploitation-rules`,
      headers: bearer(secret),
      payload: { exploitation: 'network' },
    });
    return { res, log, releaseId: release.id, rules: await store.listExploitationRules(release.id) };
  } finally {
    await app.close();
    await fresh.dispose();
  }
}

for (const target of targets()) {
  test(
    `a write to a release deleted meanwhile is a 404 naming it [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const { res, releaseId } = await addRule(target, (store, releaseId) => ({
        before: async () => {
          const release = await store.getRelease(releaseId);
          assert.ok(await store.deleteProduct(release!.productId));
        },
      }));
      assert.equal(res.statusCode, 404, res.body);
      assert.deepEqual(res.json(), {
        error: {
          code: 'not-found',
          message: `release ${releaseId} was deleted while this request ran (by another request)`,
        },
      });
    },
  );

  test(
    `a foreign-key failure while the release still exists is a 500, logged with its cause [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const { res, log, rules } = await addRule(target, (_store, releaseId) => ({ wrongId: releaseId + 1000 }));
      assert.equal(res.statusCode, 500, res.body);
      assert.equal((res.json() as { error: { code: string } }).error.code, 'internal');
      assert.doesNotMatch(res.body, /deleted while|FOREIGN|foreign/);
      const logged = log.lines.find((l) => l.msg === 'server error');
      assert.ok(logged, 'the server error is logged');
      assert.equal(logged.level, 50, 'at error level');
      assert.match(JSON.stringify(logged.err), /FOREIGN KEY|foreign key/i, 'with the driver error as its cause');
      assert.deepEqual(rules, [], 'nothing half-written');
    },
  );
}
