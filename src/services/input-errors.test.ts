// Issue 8 item 14: one capped gunzip for files and uploads, and typed input errors: a service
// decides "too large" from InputError.code, never from the words of the message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openStore } from '../store/index.js';
import { InputError } from '../io/input-error.js';
import { readDocumentFile } from '../io/read-document.js';
import { decodeUpload } from './decode-upload.js';
import { createProduct, createRelease } from './portfolio.js';
import { importNpmProject } from './import-release.js';
import { ServiceError } from './service-error.js';

const LIMIT = 64 * 1024;
const bomb = gzipSync(Buffer.alloc(LIMIT * 4, 0x20));
const broken = Buffer.concat([
  gzipSync(Buffer.from('{"bomFormat":"CycloneDX"}')).subarray(0, 12),
  Buffer.from('not the rest'),
]);

test('a file and an upload hit the same gunzip cap, with the same codes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-gunzip-'));
  try {
    writeFileSync(join(dir, 'bomb.json.gz'), bomb);
    writeFileSync(join(dir, 'broken.json.gz'), broken);
    await assert.rejects(
      readDocumentFile(join(dir, 'bomb.json.gz'), { maxBytes: LIMIT }),
      (err: unknown) =>
        err instanceof InputError &&
        err.code === 'too-large' &&
        /decompresses to more than 64\.0 KiB \(possible gzip bomb; raise the limit with --max-size\)/.test(err.message),
    );
    await assert.rejects(
      readDocumentFile(join(dir, 'broken.json.gz'), { maxBytes: LIMIT }),
      (err: unknown) =>
        err instanceof InputError && err.code === 'unreadable' && /not valid gzip data/.test(err.message),
    );
    await assert.rejects(
      decodeUpload(bomb, 'bomb.json.gz', LIMIT),
      (err: unknown) =>
        err instanceof ServiceError &&
        err.code === 'too-large' &&
        /decompresses to more than 64\.0 KiB \(possible gzip bomb\)/.test(err.message),
    );
    await assert.rejects(
      decodeUpload(broken, 'broken.json.gz', LIMIT),
      (err: unknown) => err instanceof ServiceError && err.code === 'unreadable-document',
    );
    // Under the cap, both read the same text.
    const small = gzipSync(Buffer.from('{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"components":[]}'));
    writeFileSync(join(dir, 'small.json.gz'), small);
    const fromFile = await readDocumentFile(join(dir, 'small.json.gz'), { maxBytes: LIMIT });
    assert.equal(fromFile.gzipped, true);
    assert.equal((await decodeUpload(small, 'small.json.gz', LIMIT)).sbom.components.length, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an npm project whose gzipped lockfile is a bomb is refused as too large (the code, not the message, says so)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-npm-bomb-'));
  const store = await openStore({ sqlitePath: join(dir, 'store.db') });
  try {
    const lock = join(dir, 'package-lock.json');
    writeFileSync(lock, bomb);
    const product = await createProduct(store, { name: 'p' });
    const release = await createRelease(store, { productId: product.id, number: '1' });
    await assert.rejects(
      importNpmProject(store, release.id, { path: lock, author: 'test', maxBytes: LIMIT }),
      (err: unknown) => {
        assert.ok(err instanceof ServiceError);
        assert.equal(err.code, 'too-large');
        assert.doesNotMatch(
          err.message,
          / over the .* limit/,
          'the message does not say "over the limit": only the code can tell',
        );
        return true;
      },
    );
    // A lockfile that is not JSON stays unreadable.
    writeFileSync(lock, 'not json');
    await assert.rejects(
      importNpmProject(store, release.id, { path: lock, author: 'test' }),
      (err: unknown) => err instanceof ServiceError && err.code === 'unreadable-document',
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
