// bin/vigie.js picks compiled dist/ only when it cannot be stale (ADR 6). Run on a miniature package
// whose two entry points say which one ran.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
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

// ADR 39: a checkout that holds the build script rebuilds a stale dist/ and runs it, instead of tsx.
function buildablePackage(): string {
  const dir = miniPackage();
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(join(REPO_ROOT, 'scripts', 'build-dist.mjs'), join(dir, 'scripts', 'build-dist.mjs'));
  rmSync(join(dir, 'dist'), { recursive: true });
  return dir;
}

const printing = (word: string) =>
  `export async function main(argv: string[]): Promise<number> { process.stdout.write('${word} ' + argv.join(',')); return 0; }\n`;

test('checkout with the build script: a stale dist/ is rebuilt and run, old chunks stay for running processes', () => {
  const dir = buildablePackage();
  try {
    const entry = join(dir, 'dist', 'cli', 'main.js');
    writeFileSync(join(dir, 'src', 'cli', 'main.ts'), printing('first'));
    assert.equal(runBin(dir), 'first a,b');
    assert.match(readFileSync(entry, 'utf8'), /first/, 'the answer came from the rebuilt dist/');
    const stamp = readFileSync(join(dir, 'dist', '.build-stamp'), 'utf8');
    assert.match(stamp, /^\d+\nsrc\nsrc\/cli\nsrc\/cli\/main\.ts\n$/);

    // Fresh: nothing is rebuilt (the stamp stays as it was).
    assert.equal(runBin(dir), 'first a,b');
    assert.equal(readFileSync(join(dir, 'dist', '.build-stamp'), 'utf8'), stamp);

    // An edit after the build: rebuilt; a chunk of an older build (a process may still load it) stays.
    mkdirSync(join(dir, 'dist', 'chunks'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'chunks', 'old-AAAA.js'), 'export {};\n');
    // One written two days ago: gone with this refresh.
    writeFileSync(join(dir, 'dist', 'chunks', 'older-BBBB.js'), 'export {};\n');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(join(dir, 'dist', 'chunks', 'older-BBBB.js'), twoDaysAgo, twoDaysAgo);
    writeFileSync(join(dir, 'src', 'cli', 'main.ts'), printing('second'));
    const future = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'src', 'cli', 'main.ts'), future, future);
    assert.equal(runBin(dir), 'second a,b');
    assert.match(readFileSync(entry, 'utf8'), /second/);
    assert.ok(existsSync(join(dir, 'dist', 'chunks', 'old-AAAA.js')));
    assert.ok(!existsSync(join(dir, 'dist', 'chunks', 'older-BBBB.js')));
    assert.deepEqual(
      readdirSync(join(dir, 'dist')).filter((name) => name.startsWith('.') && name !== '.build-stamp'),
      [],
      'no private build folder or lock is left behind',
    );

    // Sources that do not build: the stale dist/ never runs; tsx reports the error.
    writeFileSync(join(dir, 'src', 'cli', 'main.ts'), 'export async function main( {\n');
    const later = new Date(Date.now() + 10_000);
    utimesSync(join(dir, 'src', 'cli', 'main.ts'), later, later);
    const broken = spawnSync(process.execPath, [join(dir, 'bin', 'vigie.js'), 'a'], {
      encoding: 'utf8',
      env: { ...process.env, VIGIE_FROM_SOURCE: '' },
    });
    assert.notEqual(broken.status, 0);
    assert.doesNotMatch(broken.stdout, /second/);
    assert.match(readFileSync(entry, 'utf8'), /second/, 'a failed rebuild leaves the previous build whole');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('checkout with the build script: while another refresh holds the lock, the sources run through tsx', () => {
  const dir = buildablePackage();
  try {
    writeFileSync(join(dir, 'src', 'cli', 'main.ts'), printing('locked'));
    mkdirSync(join(dir, 'dist', '.refresh-lock'), { recursive: true });
    assert.equal(runBin(dir), 'locked a,b');
    assert.ok(!existsSync(join(dir, 'dist', 'cli', 'main.js')), 'nothing was built under another lock');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** An installed package (no src/) whose compiled main is `body`. */
function installedWith(body: string): string {
  const dir = miniPackage();
  rmSync(join(dir, 'src'), { recursive: true, force: true });
  writeFileSync(join(dir, 'dist', 'cli', 'main.js'), body);
  return dir;
}

test('a finished command exits at once with its exit code; pending work and unflushed output still complete (ADR 46)', () => {
  const dir = installedWith(
    [
      "import { writeFileSync } from 'node:fs';",
      'export async function main(argv) {',
      // 4 MB to a pipe: more than the pipe holds, so part of it is still queued when main returns.
      "  if (argv[0] === 'big') { process.stdout.write('x'.repeat(4 * 1024 * 1024)); return 0; }",
      // A timer left running: the process must wait for it, as Node does.
      "  if (argv[0] === 'timer') { setTimeout(() => writeFileSync(argv[1], 'done'), 50); return 0; }",
      "  process.stdout.write('quick');",
      '  return 3;',
      '}',
      '',
    ].join('\n'),
  );
  try {
    const bin = join(dir, 'bin', 'vigie.js');
    const quick = spawnSync(process.execPath, [bin], { encoding: 'utf8' });
    assert.equal(quick.status, 3, quick.stderr);
    assert.equal(quick.stdout, 'quick');
    const big = spawnSync(process.execPath, [bin, 'big'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(big.status, 0, big.stderr);
    assert.equal(big.stdout.length, 4 * 1024 * 1024);
    const marker = join(dir, 'timer-done');
    const timer = spawnSync(process.execPath, [bin, 'timer', marker], { encoding: 'utf8' });
    assert.equal(timer.status, 0, timer.stderr);
    assert.equal(readFileSync(marker, 'utf8'), 'done');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
