// `-o FILE` writes the whole result or nothing: a target that cannot be written is a usage error that
// names it, and no temporary file is left beside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vigie, hasStackTrace } from './run-cli.js';

function project(dir: string): string {
  const folder = join(dir, 'app');
  mkdirSync(folder);
  writeFileSync(
    join(folder, 'package-lock.json'),
    JSON.stringify({
      name: 'app',
      version: '1.0.0',
      lockfileVersion: 3,
      packages: {
        '': { name: 'app', version: '1.0.0', dependencies: { leftpad: '^1.0.0' } },
        'node_modules/leftpad': { version: '1.0.2', license: 'MIT' },
      },
    }),
  );
  return folder;
}

test('sbom generate -o writes the document whole, with no temporary file left', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-write-'));
  try {
    const out = join(dir, 'out', 'bom.json');
    mkdirSync(join(dir, 'out'));
    const r = await vigie(['sbom', 'generate', project(dir), '--quiet', '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    const bom = JSON.parse(readFileSync(out, 'utf8')) as { components: { name: string; version: string }[] };
    assert.deepEqual(
      bom.components.map((c) => `${c.name}@${c.version}`),
      ['leftpad@1.0.2'],
    );
    assert.deepEqual(readdirSync(join(dir, 'out')), ['bom.json']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sbom generate -o into a path that is a folder fails clearly and leaves nothing behind', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-write-'));
  try {
    const target = join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'x');
    const r = await vigie(['sbom', 'generate', project(dir), '--quiet', '-o', target]);
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stderr, /cannot write .*taken: E[A-Z]+/);
    assert.ok(!hasStackTrace(r.stderr), r.stderr);
    assert.deepEqual(readdirSync(dir).sort(), ['app', 'taken']);
    assert.deepEqual(readdirSync(target), ['keep.txt']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
