// bin/vigie.js picks compiled dist/ only when it cannot be stale (ADR 6). Run on a miniature package
// whose two entry points say which one ran.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { REPO_ROOT } from '../support/corpora.js';

function miniPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-bin-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'src', 'cli'), { recursive: true });
  mkdirSync(join(dir, 'dist', 'cli'), { recursive: true });
  copyFileSync(join(REPO_ROOT, 'bin', 'vigie.js'), join(dir, 'bin', 'vigie.js'));
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  const main = (who: string) =>
    `export async function main(argv) { process.stdout.write('${who} ' + argv.join(',')); return 0; }\n`;
  writeFileSync(join(dir, 'src', 'cli', 'main.ts'), main('src'));
  writeFileSync(join(dir, 'dist', 'cli', 'main.js'), main('dist'));
  return dir;
}

function runBin(dir: string, env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, [join(dir, 'bin', 'vigie.js'), 'a', 'b'], {
    encoding: 'utf8',
    env: { ...process.env, VIGIE_FROM_SOURCE: '', ...env },
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('checkout: sources without a build stamp, dist/ once built, sources again after an edit', () => {
  const dir = miniPackage();
  try {
    assert.equal(runBin(dir), 'src a,b');
    const built = Date.now();
    const past = new Date(built - 60_000);
    utimesSync(join(dir, 'src', 'cli', 'main.ts'), past, past);
    writeFileSync(join(dir, 'dist', '.build-stamp'), `${built}\n`);
    assert.equal(runBin(dir), 'dist a,b');
    assert.equal(runBin(dir, { VIGIE_FROM_SOURCE: '1' }), 'src a,b');
    // A source file edited after the build started: the compiled code may be old, never run it.
    mkdirSync(join(dir, 'src', 'model'));
    writeFileSync(join(dir, 'src', 'model', 'new.ts'), 'export {};\n');
    const future = new Date(built + 1000);
    utimesSync(join(dir, 'src', 'model', 'new.ts'), future, future);
    assert.equal(runBin(dir), 'src a,b');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('checkout with a listing stamp (ADR 38): edits, added and removed sources make dist/ stale, a new test file does not', () => {
  const dir = miniPackage();
  try {
    const built = Date.now();
    const past = new Date(built - 60_000);
    const future = new Date(built + 1000);
    mkdirSync(join(dir, 'src', 'model'));
    writeFileSync(join(dir, 'src', 'model', 'a.ts'), 'export {};\n');
    for (const p of ['src/cli/main.ts', 'src/model/a.ts', 'src/cli', 'src/model', 'src'])
      utimesSync(join(dir, p), past, past);
    const stamp = [built, 'src', 'src/cli', 'src/model', 'src/cli/main.ts', 'src/model/a.ts', ''].join('\n');
    writeFileSync(join(dir, 'dist', '.build-stamp'), stamp);
    assert.equal(runBin(dir), 'dist a,b');

    // A test file added after the build changes its folder's time but is no compiled code.
    writeFileSync(join(dir, 'src', 'model', 'a.test.ts'), 'export {};\n');
    utimesSync(join(dir, 'src', 'model'), future, future);
    assert.equal(runBin(dir), 'dist a,b');

    // A source file edited after the build.
    utimesSync(join(dir, 'src', 'model', 'a.ts'), future, future);
    assert.equal(runBin(dir), 'src a,b');
    utimesSync(join(dir, 'src', 'model', 'a.ts'), past, past);
    assert.equal(runBin(dir), 'dist a,b');

    // A source file added in a new folder: only its parent folder's time says so.
    mkdirSync(join(dir, 'src', 'model', 'deep'));
    writeFileSync(join(dir, 'src', 'model', 'deep', 'b.ts'), 'export {};\n');
    utimesSync(join(dir, 'src', 'model', 'deep', 'b.ts'), future, future);
    assert.equal(runBin(dir), 'src a,b');
    rmSync(join(dir, 'src', 'model', 'deep'), { recursive: true });

    // A listed source renamed away (its time kept): the compiled code still has the old module.
    renameSync(join(dir, 'src', 'model', 'a.ts'), join(dir, 'src', 'model', 'c.ts'));
    assert.equal(runBin(dir), 'src a,b');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('installed package (no src/): dist/', () => {
  const dir = miniPackage();
  try {
    rmSync(join(dir, 'src'), { recursive: true });
    assert.equal(runBin(dir), 'dist a,b');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
