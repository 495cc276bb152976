// Issue 8 item 9: what a document says about a usage (Hermine's KISSBOM rows: subproject, scope,
// linking, component_modified) is stored on the usage; a person's edit survives a re-import, and the
// import's own --linking/--modification only fill what the document leaves blank.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../test/support/corpora.js';
import { openStore } from '../store/index.js';
import { createProduct, createRelease, importDocument, releaseBom, updateUsage } from './index.js';

const KISSBOM = readFileSync(join(REPO_ROOT, 'test/fixtures/kissbom/hermine-variant.kissbom.json'), 'utf8');

test('a Hermine KISSBOM import stores each row as a usage with its project, scope, linking and modification', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-declared-'));
  const store = await openStore({ sqlitePath: join(dir, 'v.db') });
  try {
    const product = await createProduct(store, { name: 'shop' });
    const release = await createRelease(store, { productId: product.id, number: '1' });
    const load = {
      content: KISSBOM,
      fileName: 'bom.json',
      mode: 'replace' as const,
      policy: 'fill-missing' as const,
      author: 't',
    };
    await importDocument(store, release.id, { ...load, linking: 'aggregation', modification: 'unmodified' });
    const rows = async () => {
      const bom = await releaseBom(store, release.id);
      const name = (versionId: number) => {
        const v = bom.versions.find((x) => x.id === versionId)!;
        return bom.components.find((c) => c.id === v.componentId)!.name;
      };
      return bom.usages.map((u) => `${name(u.versionId)}|${u.project}|${u.scope}|${u.linking}|${u.modified}`).sort();
    };
    assert.deepEqual(await rows(), [
      'express|NPM::shop-admin:1.0.0|dependencies|dynamic|false',
      'express|NPM::shop-api:1.0.0|dependencies|dynamic|false',
      // The document gives no linking Vigie knows for jest: the import's default fills it.
      'jest|NPM::shop-api:1.0.0|devDependencies|aggregation|false',
      'lodash|||aggregation|false',
      'zlib|NPM::shop-api:1.0.0|bundled|static|true',
    ]);
    const bom = await releaseBom(store, release.id);
    const zlib = bom.usages.find((u) => u.scope === 'bundled')!;
    await updateUsage(store, release.id, zlib.id, { linking: 'dynamic' });
    await importDocument(store, release.id, load);
    assert.ok(
      (await rows()).includes('zlib|NPM::shop-api:1.0.0|bundled|dynamic|true'),
      "the officer's linking survives a re-import",
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
