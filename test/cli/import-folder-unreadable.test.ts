// `vigie import <dir>` with a lockfile it cannot read: the rest is imported, and the user is told
// which file is missing from the release and why, as `vigie sbom generate` does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasStackTrace, vigie } from './run-cli.js';

test('import of a folder names the lockfile it left out, with its line and reason', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-import-unreadable-'));
  try {
    mkdirSync(join(dir, 'native'));
    mkdirSync(join(dir, 'tools'));
    writeFileSync(
      join(dir, 'native', 'Cargo.lock'),
      'version = 3\n\n[[package]]\nname = "itoa"\nversion = "1.0.11"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n',
    );
    writeFileSync(join(dir, 'tools', 'uv.lock'), 'version = 7\n');
    const r = await vigie(['import', 'app', '1.0', dir, '--create', '--db', join(dir, 'vigie.db')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /imported native\/Cargo\.lock .*: 1 usages/);
    assert.match(r.stderr, /tools\/uv\.lock:1: uv\.lock version 7 is not one this reader knows/);
    assert.ok(!hasStackTrace(r.stderr));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
